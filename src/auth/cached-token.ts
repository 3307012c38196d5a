// A still-fresh access token read straight from MSAL's cache file, without loading MSAL (~100-150 ms of a
// fresh process): the first tools/call of a `docker exec` session usually needs no more. Conservative:
// anything short of exactly one clearly matching, far-from-expiry token answers undefined, and MSAL
// decides (refresh, several accounts, another tenant or cloud, a corrupt file).
import { readFileIfExists } from './file-store.js';

/** MSAL renews an access token this long before it expires (msal.ts serves from its cache until then). */
export const RENEWAL_OFFSET_MS = 5 * 60_000;

export interface CachedTokenQuery {
  tokenCachePath: string;
  selectedAccountPath: string;
  clientId: string;
  tenantId: string;
  /** The identity platform's host (MSAL's "environment"), e.g. login.microsoftonline.com. */
  environment: string;
  scopes: readonly string[];
}

type Entity = Record<string, string | undefined>;
const TENANT_ALIASES = new Set(['common', 'organizations', 'consumers']);

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse((await readFileIfExists(file)) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/** The account of a fresh cached token, as the sign-in status shows it. */
export interface CachedAccount {
  username: string;
  name?: string;
  tenantId: string;
  homeAccountId: string;
}

export async function cachedAccessToken(q: CachedTokenQuery): Promise<string | undefined> {
  return (await cachedSignIn(q))?.token;
}

/** The fresh cached token and its account, or undefined (then MSAL decides). */
export async function cachedSignIn(q: CachedTokenQuery): Promise<{ token: string; account: CachedAccount } | undefined> {
  const cache = (await readJson(q.tokenCachePath)) as { Account?: Record<string, Entity>; AccessToken?: Record<string, Entity> } | undefined;
  if (!cache) return undefined;
  const accounts = Object.values(cache.Account ?? {});
  const selected = (await readJson(q.selectedAccountPath))?.homeAccountId;
  // The account MSAL would use (msal.ts currentAccount): the selected one, else the only one.
  const account = accounts.find((a) => a.home_account_id === selected) ?? (accounts.length === 1 && !selected ? accounts[0] : undefined);
  if (!account || account.environment !== q.environment) return undefined;
  if (!TENANT_ALIASES.has(q.tenantId.toLowerCase()) && q.tenantId.toLowerCase() !== account.realm?.toLowerCase()) return undefined;
  const wanted = q.scopes.map((s) => s.toLowerCase());
  const freshUntil = Date.now() + RENEWAL_OFFSET_MS + 60_000;
  const matches = Object.values(cache.AccessToken ?? {}).filter((t) => {
    const granted = new Set((t.target ?? '').toLowerCase().split(' '));
    return t.credential_type === 'AccessToken' && t.home_account_id === account.home_account_id && t.environment === q.environment &&
      t.client_id === q.clientId && t.realm === account.realm && wanted.every((s) => granted.has(s)) && Number(t.expires_on) * 1000 > freshUntil && !!t.secret;
  });
  if (matches.length !== 1 || !account.home_account_id || !account.username) return undefined;
  return {
    token: matches[0].secret!,
    account: { username: account.username, ...(account.name ? { name: account.name } : {}), tenantId: account.realm ?? '', homeAccountId: account.home_account_id },
  };
}
