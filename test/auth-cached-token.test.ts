// The first Graph call of a fresh process uses a fresh access token straight from MSAL's cache file
// (src/auth/cached-token.ts), without loading MSAL; anything less clear is left to MSAL.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cachedAccessToken } from '../src/auth/cached-token.js';
import { SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID } from '../src/sandbox/testing.js';
import { ADELE, call, connect, type Connected, useSandbox } from './fixtures.js';

type Cache = { Account: Record<string, Record<string, string>>; AccessToken: Record<string, Record<string, string>> };

describe('cached access token without MSAL', () => {
  const sandbox = useSandbox();
  let signedIn: Connected;
  let cacheFile: string;
  let query: Parameters<typeof cachedAccessToken>[0];
  beforeAll(async () => {
    signedIn = await sandbox.as(ADELE, {});
    cacheFile = path.join(signedIn.dataDir, '.token-cache.json');
    const m = (await signedIn.runtime.auth.manager())!;
    query = { tokenCachePath: cacheFile, selectedAccountPath: path.join(signedIn.dataDir, '.selected-account.json'), clientId: SANDBOX_CLIENT_ID, tenantId: SANDBOX_TENANT_ID, environment: 'login.sandbox.local', scopes: m.scopes };
  });

  it('finds the token MSAL would serve, and only that one', async () => {
    const token = await (await signedIn.runtime.auth.manager())!.getToken();
    expect(await cachedAccessToken(query)).toBe(token);
    expect(await cachedAccessToken({ ...query, clientId: '00000000-0000-0000-0000-000000000000' })).toBeUndefined();
    expect(await cachedAccessToken({ ...query, environment: 'login.microsoftonline.com' })).toBeUndefined();
    expect(await cachedAccessToken({ ...query, tenantId: '11111111-2222-3333-4444-555555555555' })).toBeUndefined();
    expect(await cachedAccessToken({ ...query, scopes: [...query.scopes, 'Notes.ReadWrite.All'] })).toBeUndefined();
    expect(await cachedAccessToken({ ...query, selectedAccountPath: path.join(signedIn.dataDir, 'elsewhere.json') })).toBe(token);
  });

  it('a fresh runtime calls Graph with the cached token and never loads MSAL', async () => {
    const s = await connect(sandbox, { dataDir: signedIn.dataDir, signIn: false });
    try {
      const me = await call(s.client, 'users_get_me');
      expect(me.structuredContent).toMatchObject({ userPrincipalName: 'adele.vance@contoso.sandbox' });
      expect(await s.runtime.auth.loaded()).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  it('leaves a token close to expiry, or an ambiguous account, to MSAL', async () => {
    const original = await fs.readFile(cacheFile, 'utf8');
    try {
      const cache = JSON.parse(original) as Cache;
      for (const t of Object.values(cache.AccessToken)) t.expires_on = String(Math.floor(Date.now() / 1000) + 120);
      await fs.writeFile(cacheFile, JSON.stringify(cache));
      expect(await cachedAccessToken(query)).toBeUndefined();
      const s = await connect(sandbox, { dataDir: signedIn.dataDir, signIn: false });
      try {
        expect((await call(s.client, 'users_get_me')).isError).toBeFalsy();
        expect(await s.runtime.auth.loaded(), 'MSAL refreshed the token').toBeDefined();
      } finally {
        await s.close();
      }
      const two = JSON.parse(original) as Cache;
      const [key, account] = Object.entries(two.Account)[0];
      two.Account[`${key}-other`] = { ...account, home_account_id: 'someone-else' };
      await fs.writeFile(cacheFile, JSON.stringify(two));
      expect(await cachedAccessToken({ ...query, selectedAccountPath: path.join(signedIn.dataDir, 'elsewhere.json') })).toBeUndefined();
    } finally {
      await fs.writeFile(cacheFile, original);
    }
  });
});
