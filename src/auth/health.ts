// A small record of the sign-in's health beside the token cache, so that the container's HEALTHCHECK (a
// separate process) can tell "signed in and refreshing" from "needs a new sign-in" without loading MSAL.
import path from 'node:path';
import { readFileIfExists, tokenStoreProblem, writeFileAtomic } from './file-store.js';
import { cacheDamage, cacheHasAccount } from './token-cache.js';

export interface HealthRecord {
  ok: boolean;
  at: string;
  /** Why the sign-in is unusable (a refresh rejected for good); never a token. */
  error?: string;
}

/** Not hidden, unlike the token files: the guide's `ls -lh /app/data/` then shows when tokens were last
 *  refreshed (it holds no secret). */
export const healthPathFor = (tokenCachePath: string) => path.join(path.dirname(tokenCachePath), 'token-status.json');

export async function writeHealth(file: string, record: Omit<HealthRecord, 'at'>): Promise<void> {
  await writeFileAtomic(file, JSON.stringify({ ...record, at: new Date().toISOString() }) + '\n');
}

/** Why the cached sign-in is unusable (its last refresh was rejected for good, by this process or another), or
 *  undefined. A new sign-in records health ok again. */
export async function refusedForGood(tokenCachePath: string): Promise<string | undefined> {
  try {
    const record = JSON.parse((await readFileIfExists(healthPathFor(tokenCachePath))) ?? 'null') as { ok?: boolean; error?: string } | null;
    return record && record.ok === false ? (record.error ?? 'refresh failed') : undefined;
  } catch {
    return undefined;
  }
}

/** Healthy: an account is cached and its last refresh did not fail for good. */
export async function checkHealth(tokenCachePath: string): Promise<{ healthy: boolean; reason: string }> {
  // Files the server cannot read or write make every call fail, whatever they hold.
  const store = await tokenStoreProblem([tokenCachePath, healthPathFor(tokenCachePath)]);
  if (store) return { healthy: false, reason: store.message };
  if (!(await cacheHasAccount(tokenCachePath))) {
    const damage = await cacheDamage(tokenCachePath);
    return { healthy: false, reason: `${damage ?? 'no account signed in'}: sign in with \`docker compose run --rm ms365-mcp\` (or --login)` };
  }
  let record: HealthRecord | undefined;
  try {
    record = JSON.parse((await readFileIfExists(healthPathFor(tokenCachePath))) ?? 'null') as HealthRecord | undefined;
  } catch {
    record = undefined;
  }
  if (record && !record.ok) return { healthy: false, reason: `sign-in unusable since ${record.at} (${record.error}): sign in again` };
  return { healthy: true, reason: record ? `signed in; last token event ${record.at}` : 'signed in' };
}

/** Entra ends a refresh token unused this long (its inactivity limit); the keep-alive refresh prevents it. */
const REFRESH_INACTIVITY_DAYS = 90;

/** One line for the start-up log: who is signed in and how long the sign-in holds, read from the files only.
 *  The logger masks the addresses in it (log.ts). */
export async function signInSummary(tokenCachePath: string, keepAliveMinutes: number): Promise<string> {
  const store = await tokenStoreProblem([tokenCachePath]);
  if (store) return `auth: ${store.message}`;
  let cache: { Account?: Record<string, { username?: string }>; AccessToken?: Record<string, { expires_on?: string }> } = {};
  try {
    cache = JSON.parse((await readFileIfExists(tokenCachePath)) ?? '{}');
  } catch {
    return `auth: the token cache ${tokenCachePath} cannot be read as JSON: sign in again (--login)`;
  }
  const accounts = Object.values(cache.Account ?? {}).map((a) => a.username ?? '?');
  if (!accounts.length) return 'auth: no account signed in yet';
  const health = await checkHealth(tokenCachePath);
  if (!health.healthy) return `auth: ${accounts.join(', ')}: ${health.reason}`;
  const expiries = Object.values(cache.AccessToken ?? {}).map((t) => Number(t.expires_on) * 1000).filter((n) => n > 0);
  const token = expiries.length ? `access token good until ${new Date(Math.max(...expiries)).toISOString().slice(0, 16)}Z, renewed by itself; ` : '';
  let lastEvent = Date.now();
  try {
    const record = JSON.parse((await readFileIfExists(healthPathFor(tokenCachePath))) ?? 'null') as HealthRecord | null;
    if (record?.at && !Number.isNaN(Date.parse(record.at))) lastEvent = Date.parse(record.at);
  } catch {
    // no record of the last refresh: count from now
  }
  const from = lastEvent;
  const until = new Date(from + REFRESH_INACTIVITY_DAYS * 86_400_000).toISOString().slice(0, 10);
  return `auth: signed in as ${accounts.join(', ')}; ${token}the sign-in holds until ${until} without use, and the keep-alive refresh (every ${keepAliveMinutes} min) extends it`;
}
