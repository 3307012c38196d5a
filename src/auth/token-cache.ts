// MSAL's cache, persisted in one file shared by several processes. Reads re-load the file only when it
// changed on disk; every write happens under the lock and on top of the latest file, so no process
// overwrites a refresh token another one just stored.
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { Logger } from '../log.js';
import { acquireLock, fileStamp, readFileIfExists, writeFileAtomic } from './file-store.js';

export class FileCachePlugin implements ICachePlugin {
  private loadedStamp: string | undefined;
  private loadedText: string | undefined;
  private release: (() => Promise<void>) | undefined;
  /** The file could not be read as a token cache at the last load (it is then treated as empty). */
  corrupt = false;

  constructor(private readonly file: string, private readonly log: Logger) {}

  async beforeCacheAccess(ctx: TokenCacheContext): Promise<void> {
    if (ctx.cacheHasChanged) {
      // A write follows (MSAL says so up front): hold the lock until afterCacheAccess.
      this.release = await acquireLock(this.file, 'write', (e) => this.log.warn(`auth: token cache lock lost: ${e.message}`));
      await this.load(ctx, true);
    } else {
      await this.load(ctx, false);
    }
  }

  async afterCacheAccess(ctx: TokenCacheContext): Promise<void> {
    const release = this.release;
    this.release = undefined;
    try {
      if (ctx.cacheHasChanged && release) {
        const text = ctx.tokenCache.serialize();
        await writeFileAtomic(this.file, text);
        this.loadedText = text;
        this.loadedStamp = await fileStamp(this.file);
      }
    } finally {
      await release?.();
    }
  }

  // MSAL empties its in-memory cache before every silent call and expects the plugin to fill it again,
  // so the cache is always deserialized; only the file read is skipped while the file is unchanged.
  private async load(ctx: TokenCacheContext, always: boolean): Promise<void> {
    const stamp = await fileStamp(this.file);
    if (always || stamp !== this.loadedStamp || this.loadedText === undefined) {
      this.loadedText = (await readFileIfExists(this.file)) ?? '';
      this.loadedStamp = stamp;
    }
    try {
      ctx.tokenCache.deserialize(this.loadedText.trim() ? this.loadedText : '{}');
      this.corrupt = false;
    } catch {
      this.corrupt = true;
      // A corrupt file must not lock the user out for good: start empty, the next sign-in rewrites it.
      this.log.warn(`auth: token cache ${this.file} is not valid JSON; ignoring it (sign in again if needed)`);
      ctx.tokenCache.deserialize('{}');
    }
  }
}

/** Why the cache file cannot be read as a token cache (it exists but is not JSON), or undefined. */
export async function cacheDamage(file: string): Promise<string | undefined> {
  const text = await readFileIfExists(file).catch(() => undefined);
  if (!text?.trim()) return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    return `the token cache ${file} is damaged (not valid JSON), so no sign-in can be read from it`;
  }
}

/** Whether the cache file holds a signed-in account, read without loading MSAL (a process that only
 *  answers tools/list, like every `docker exec`, should not pay for it). */
export async function cacheHasAccount(file: string): Promise<boolean> {
  try {
    const cache = JSON.parse((await readFileIfExists(file)) ?? '{}') as { Account?: Record<string, unknown> };
    return Object.keys(cache.Account ?? {}).length > 0;
  } catch {
    return false;
  }
}

/** The permissions of `scopes` that no cached access token of the account was granted (a sign-in made with
 *  fewer tool groups). */
export async function ungrantedScopes(file: string, homeAccountId: string, scopes: readonly string[]): Promise<string[]> {
  try {
    const cache = JSON.parse((await readFileIfExists(file)) ?? '{}') as { AccessToken?: Record<string, { home_account_id?: string; target?: string }> };
    const granted = new Set(Object.values(cache.AccessToken ?? {}).filter((t) => t.home_account_id === homeAccountId).flatMap((t) => (t.target ?? '').toLowerCase().split(' ')));
    return scopes.filter((s) => !granted.has(s.toLowerCase()) && !['openid', 'profile', 'offline_access'].includes(s.toLowerCase()));
  } catch {
    return [];
  }
}
