// The per-person limit on tool calls (MS365_MCP_RATE_LIMIT calls a minute, bursts of MS365_MCP_RATE_LIMIT_BURST):
// it keeps one runaway agent loop from spending the Graph budget its app shares with everyone in the tenant. One
// interface, two stores: this process's memory (one process serves everyone) or Redis, shared by every replica
// (multiuser/replicated/rate-limit.ts). The algorithm is GCRA (the generic cell rate algorithm: a token bucket kept
// as one timestamp per person): calls may come `burst` at once, an assistant's parallel calls, then one every
// 60/perMinute seconds.
import { ToolError } from '../graph/errors.js';

export interface RateLimit {
  perMinute: number;
  burst: number;
}

export interface RateLimiter {
  readonly limit: RateLimit;
  /** Counts a call of this person: 0 when it may go ahead, else the milliseconds until one may. A call refused is
   *  not counted, so a client that keeps retrying waits no longer than the one that waits. */
  admit(person: string): Promise<number>;
}

/** The time between two calls at the sustained rate, whole milliseconds (the Redis store computes in integers). */
export const intervalOf = (l: RateLimit): number => Math.ceil(60_000 / l.perMinute);

/** One GCRA step. `tat` is the person's theoretical arrival time: when their bucket would be full again. */
export function gcraStep(tat: number | undefined, now: number, l: RateLimit): { admitted: true; tat: number } | { admitted: false; waitMs: number } {
  const interval = intervalOf(l);
  const next = Math.max(tat ?? now, now) + interval;
  const allowedAt = next - l.burst * interval;
  return allowedAt <= now ? { admitted: true, tat: next } : { admitted: false, waitMs: allowedAt - now };
}

/** The store for one process: a timestamp per person in memory. An entry whose time has passed is the same as none,
 *  so those are swept from time to time and the map holds only the people active in the last minute or so. */
export function memoryRateLimiter(limit: RateLimit, clock: () => number = Date.now): RateLimiter {
  const tats = new Map<string, number>();
  let calls = 0;
  return {
    limit,
    async admit(person) {
      const now = clock();
      const step = gcraStep(tats.get(person), now, limit);
      if (!step.admitted) return step.waitMs;
      tats.set(person, step.tat);
      if (++calls % 1_000 === 0) for (const [who, tat] of tats) if (tat <= now) tats.delete(who);
      return 0;
    },
  };
}

/** A call over the person's limit: answered to the assistant as a tool error it can follow; nothing was sent. */
export class RateLimited extends ToolError {
  constructor(
    readonly waitMs: number,
    limit: RateLimit,
  ) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    super(
      `Too many Microsoft 365 tool calls: this server allows each person ${limit.perMinute} a minute (bursts of ${limit.burst}), ` +
        `and nothing was done. Try again in ${seconds} second${seconds === 1 ? '' : 's'}. ` +
        '(The server\'s administrator sets this limit with MS365_MCP_RATE_LIMIT and MS365_MCP_RATE_LIMIT_BURST.)',
    );
  }
}

/** The check runTool makes before a call that talks to Microsoft 365: throws RateLimited over the limit. A person
 *  the server cannot name (one account, not signed in yet) counts as the one account. */
export function rateCheck(limiter: RateLimiter, person: () => Promise<string | undefined>): () => Promise<void> {
  return async () => {
    const who = (await person().catch(() => undefined)) ?? 'the signed-in account';
    const waitMs = await limiter.admit(who);
    if (waitMs > 0) throw new RateLimited(waitMs, limiter.limit);
  };
}
