// Shared state in Redis (MS365_MCP_REDIS_URL): two built servers share one real redis-server (password from a file,
// append-only persistence) behind a test proxy that plays the load balancer and chooses the replica of each
// request. A sign-in started on one replica finishes on the other; a refresh token used on one is refused on the
// other; what Redis holds cannot be read without the key; Redis stopped gives clear errors, and once it is back
// every person's sign-in works again without signing in anew.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughFront } from '../../scripts/front-sign-in.mjs';
import { sealerFromText } from '../../src/multiuser/replicated/sealing.js';
import { startTestSandbox, tempDir, type TestSandbox } from '../fixtures.js';
import { type LoopbackRedis, startRedis } from '../../scripts/redis-server.mjs';
import { startCli } from './process.js';

const ADELE = 'adele.vance@contoso.sandbox';
const MEGAN = 'megan.bowen@contoso.sandbox';
const REDIRECT = 'http://127.0.0.1:33419/callback';
const CLIENT = 'contoso-desktop';

let sandbox: TestSandbox;
let redis: LoopbackRedis;
let keyText: string;
let proxy: http.Server;
let pub: string;
const replicas: { proc: ReturnType<typeof startCli>; origin: string }[] = [];
/** The replica the proxy sends the next request to. */
let target = '';
const sandboxLog: string[] = [];

type Tokens = { access_token: string; refresh_token: string };
const go = (u: string, init: RequestInit = {}) => fetch(u, { ...init, redirect: 'manual' });
const tokenRequest = (fields: Record<string, string>) => fetch(`${pub}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: CLIENT, ...fields }) });

/** A person's whole sign-in through the proxy: /authorize on one replica, the person back from Entra (/callback)
 *  on another, the code redeemed on a third choice. */
const signIn = (upn: string, via: { authorize: number; callback: number; token: number }): Promise<Tokens> =>
  signInThroughFront(pub, { upn, clientId: CLIENT, redirectUri: REDIRECT, route: (step) => void (target = replicas[via[step]].origin) });

/** users_get_me on one replica (straight to it) with a front token: the person it answers for, or the error. */
async function me(replica: number, token: string): Promise<{ upn?: string; error?: string }> {
  const client = new Client({ name: 'redis-test', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${replicas[replica].origin}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  try {
    const r = await client.callTool({ name: 'users_get_me', arguments: {} });
    if (r.isError) return { error: JSON.stringify(r.content) };
    return { upn: (r.structuredContent as { userPrincipalName: string }).userPrincipalName };
  } finally {
    await client.close();
  }
}

const refreshOn = (replica: number, refreshToken: string) => {
  target = replicas[replica].origin;
  return tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
};

beforeAll(async () => {
  const home = await tempDir();
  redis = await startRedis(home);
  keyText = `${randomBytes(32).toString('base64')}\n`;
  await fs.writeFile(path.join(home, 'encryption-key'), keyText, { mode: 0o600 });
  await fs.writeFile(path.join(home, 'clients.json'), JSON.stringify([{ client_id: CLIENT, client_name: 'Contoso Desktop', redirect_uris: [REDIRECT] }]));
  // Graph tokens of 3 seconds: the replicas renew people's Entra tokens in turn, from the shared cache.
  sandbox = await startTestSandbox({ tokenLifetimeSeconds: 3, log: (l) => sandboxLog.push(l) });
  proxy = http.createServer((req, res) => {
    const up = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode!, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  pub = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  for (const name of ['a', 'b']) {
    // Each replica has its own home: nothing is shared through files.
    const own = path.join(home, name);
    await fs.mkdir(own);
    const proc = startCli(['--http', '127.0.0.1:0', '--org-mode'], {
      HOME: own, MS365_MCP_CLOUD: 'sandbox', MS365_MCP_SANDBOX_URL: sandbox.url, MS365_MCP_HTTP_AUTH: 'entra', MS365_MCP_PUBLIC_URL: pub,
      MS365_MCP_OAUTH_CLIENTS_FILE: path.join(home, 'clients.json'), MS365_MCP_REDIS_URL: redis.url, MS365_MCP_REDIS_PASSWORD_FILE: redis.passwordFile,
      MS365_MCP_ENCRYPTION_KEY_FILE: path.join(home, 'encryption-key'),
    });
    const url = (await proc.waitFor(/serving MCP at (http:\/\/\S+\/mcp) \(each person signs in/))[1];
    replicas.push({ proc, origin: url.slice(0, -'/mcp'.length) });
  }
}, 60_000);

afterAll(async () => {
  for (const r of replicas) {
    const code = await r.proc.stop();
    if (code !== 0) process.stderr.write(r.proc.stderrText().slice(-3000));
  }
  proxy?.close();
  await sandbox?.close();
  await redis?.stop();
});

describe('shared state in Redis', () => {
  let adele: Tokens;
  let megan: Tokens;

  it('finishes on one replica a sign-in started on the other; each person is served by both', async () => {
    adele = await signIn(ADELE, { authorize: 0, callback: 1, token: 0 });
    megan = await signIn(MEGAN, { authorize: 1, callback: 0, token: 1 });
    expect(replicas[0].proc.stderrText()).toContain('sign-in started for the client Contoso Desktop');
    expect(replicas[1].proc.stderrText()).toContain('sign-in completed');
    for (const replica of [0, 1]) {
      expect(await me(replica, adele.access_token)).toEqual({ upn: ADELE });
      expect(await me(replica, megan.access_token)).toEqual({ upn: MEGAN });
    }
    // Their Graph tokens expire; both replicas at once renew them from the shared cache, one at a time per person.
    await new Promise((r) => setTimeout(r, 3_500));
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => me(i % 2, i % 4 < 2 ? adele.access_token : megan.access_token)));
    expect(answers).toEqual(Array.from({ length: 8 }, (_, i) => ({ upn: i % 4 < 2 ? ADELE : MEGAN })));
    for (const who of [ADELE, MEGAN]) expect(sandboxLog.filter((l) => l.includes(`issued tokens (refresh_token) to ${who}`)).length).toBeGreaterThanOrEqual(1);
  });

  it('uses a refresh token once across replicas', async () => {
    const turned = await refreshOn(0, megan.refresh_token);
    expect(turned.status).toBe(200);
    const again = await refreshOn(1, megan.refresh_token);
    expect([again.status, await again.json()]).toEqual([400, expect.objectContaining({ error: 'invalid_grant' })]);
    // The same token sent to both replicas at the same moment: exactly one answer carries new tokens.
    const next = (await turned.json()) as Tokens;
    target = replicas[0].origin;
    const race = await Promise.all([0, 1].map(async (i) => {
      const res = await refreshStraightOn(i, next.refresh_token);
      return res.status;
    }));
    expect(race.sort()).toEqual([200, 400]);
  });

  it('keeps every value sealed: nothing is readable without the key, and a value opens under its own name only', async () => {
    const db = new Redis(redis.url, { password: redis.password });
    try {
      const names = await db.keys('ms365mcp:*');
      const partitions = names.filter((n) => n.startsWith('ms365mcp:msal:'));
      expect(partitions).toHaveLength(2);
      expect(names).toContain('ms365mcp:front:signing-key');
      expect(names.some((n) => n.startsWith('ms365mcp:front:refresh:'))).toBe(true);
      const right = sealerFromText(keyText, 'the test key');
      const other = sealerFromText(randomBytes(32).toString('base64'), 'another key');
      const opened: string[] = [];
      for (const name of names) {
        if (name.startsWith('ms365mcp:lock:')) continue;
        // A person's rate of tool calls (ms365mcp:rate:<hash of the object id>) is a time in ms: nothing to seal.
        if (name.startsWith('ms365mcp:rate:')) {
          expect(name).toMatch(/^ms365mcp:rate:[\w-]{22}$/);
          // (It may have expired since KEYS answered: a full bucket is no entry.)
          expect(await db.get(name)).toSatisfy((v: string | null) => v === null || /^\d{13}$/.test(v));
          continue;
        }
        const value = (await db.get(name))!;
        expect(value).toMatch(/^m365e1\.[\w-]{8}\.[\w-]+\.[\w-]+$/);
        // What a reader could use: addresses, the tenant's name, the front's tokens (long enough not to occur by chance).
        for (const secret of [ADELE, MEGAN, 'contoso', adele.refresh_token, megan.refresh_token, adele.access_token.split('.')[2]]) expect(value).not.toContain(secret);
        expect(other.open(name, value)).toBeUndefined();
        opened.push(right.open(name, value)!);
      }
      const [p1, p2] = partitions;
      const p1Text = right.open(p1, (await db.get(p1))!)!;
      const people = [p1Text.includes(ADELE), p1Text.includes(MEGAN)];
      expect(people.filter(Boolean)).toHaveLength(1);
      // One person's partition copied under another's name does not open there.
      expect(right.open(p2, (await db.get(p1))!)).toBeUndefined();
      expect(opened.every((t) => t !== undefined && t.length > 0)).toBe(true);
    } finally {
      db.disconnect();
    }
  });

  it('answers clearly while Redis is down, and serves everyone again once it is back, without a new sign-in', async () => {
    await redis.stop();
    const down = await me(0, adele.access_token);
    expect(down.error).toMatch(/cannot reach its shared state \(Redis at 127\.0\.0\.1:\d+\)/);
    const refused = await refreshOn(1, adele.refresh_token);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: 'temporarily_unavailable', error_description: expect.stringMatching(/shared state/) });
    target = replicas[1].origin;
    const authorize = await go(`${pub}/authorize?${new URLSearchParams({ client_id: CLIENT, redirect_uri: REDIRECT, response_type: 'code', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' })}`);
    expect([authorize.status, await authorize.text()]).toEqual([503, expect.stringMatching(/Sign-in is not possible right now/)]);
    expect(replicas[0].proc.stderrText()).toMatch(/shared state: Redis at 127\.0\.0\.1:\d+ is not reachable/);
    // The load balancer's probe sees it: the replica is not ready while its Redis is down.
    const notReady = await fetch(`${replicas[0].origin}/readyz`);
    expect([notReady.status, await notReady.json()]).toEqual([503, expect.objectContaining({ failing: ['redis'] })]);

    await redis.start();
    const deadline = Date.now() + 15_000;
    // Each replica's client reconnects on its own schedule (a pause that grows to 2 s): wait for both.
    for (const replica of [0, 1]) while ((await me(replica, adele.access_token)).error && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    for (const replica of [0, 1]) {
      expect(await me(replica, adele.access_token)).toEqual({ upn: ADELE });
      expect(await me(replica, megan.access_token)).toEqual({ upn: MEGAN });
    }
    const turned = await refreshOn(1, adele.refresh_token);
    expect(turned.status).toBe(200);
    expect(await me(0, ((await turned.json()) as Tokens).access_token)).toEqual({ upn: ADELE });
    expect(replicas[0].proc.stderrText()).toMatch(/shared state: Redis at 127\.0\.0\.1:\d+ is back/);
    expect((await fetch(`${replicas[0].origin}/readyz`)).status).toBe(200);
  });
});

/** A refresh request sent straight to one replica (the proxy has one target at a time). */
function refreshStraightOn(replica: number, refreshToken: string) {
  return fetch(`${replicas[replica].origin}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: CLIENT, grant_type: 'refresh_token', refresh_token: refreshToken }) });
}
