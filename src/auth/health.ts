// A small record of the sign-in's health beside the token cache, so that the container's HEALTHCHECK (a
// separate process) can tell "signed in and refreshing" from "needs a new sign-in" without loading MSAL.
import path from 'node:path';
import { readFileIfExists, writeFileAtomic } from './file-store.js';
import { cacheHasAccount } from './token-cache.js';

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

/** Healthy: an account is cached and its last refresh did not fail for good. */
export async function checkHealth(tokenCachePath: string): Promise<{ healthy: boolean; reason: string }> {
  if (!(await cacheHasAccount(tokenCachePath))) {
    return { healthy: false, reason: 'no account signed in: sign in with `docker compose run --rm ms365-mcp` (or --login)' };
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
