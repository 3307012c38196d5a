// MSAL's cache for the sign-in front: every person's Entra tokens in one process. The process's copy is the truth
// (read from the 0600 file once, written back after every change); one cache access at a time, because MSAL reloads
// its whole cache on each access and two interleaved accesses for two people would each write back a cache without
// the other's new tokens. Network calls happen between accesses, so they still run in parallel.
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { readFileIfExists, writeFileAtomic } from '../../auth/file-store.js';
import type { Logger } from '../../log.js';

export async function processCache(file: string, log: Logger): Promise<ICachePlugin> {
  let text = (await readFileIfExists(file)) ?? '';
  let turn: Promise<void> = Promise.resolve();
  let release: () => void = () => undefined;
  let writing: Promise<void> = Promise.resolve();
  return {
    async beforeCacheAccess(ctx: TokenCacheContext): Promise<void> {
      const previous = turn;
      let done!: () => void;
      turn = new Promise((resolve) => (done = resolve));
      await previous;
      release = done;
      try {
        ctx.tokenCache.deserialize(text.trim() ? text : '{}');
      } catch {
        log.warn(`auth: the sign-in front's token cache ${file} is not valid JSON; starting empty (people sign in again)`);
        text = '';
        ctx.tokenCache.deserialize('{}');
      }
    },
    async afterCacheAccess(ctx: TokenCacheContext): Promise<void> {
      try {
        if (ctx.cacheHasChanged) {
          const snapshot = (text = ctx.tokenCache.serialize());
          writing = writing.then(() => writeFileAtomic(file, snapshot)).catch((e: Error) => log.warn(`auth: could not save the sign-in front's token cache: ${e.message}`));
        }
      } finally {
        release();
      }
    },
  };
}
