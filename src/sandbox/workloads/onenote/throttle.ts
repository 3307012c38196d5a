// Graph's OneNote throttling: each app may send so many requests for each user within a minute and within an
// hour (documented: 120 and 400); past either, OneNote answers 429 with code 20166 and, unlike most of Graph, no
// Retry-After header, so a client has to pace itself. The limits are the tenant's settings (tests set small ones).
// A refused request does not count: a client that waits gets through once the window has moved on.

import type { RateLimit } from '../../contract.js';
import type { RouteDef } from '../../graph/types.js';
import { throttled } from './errors.js';

/** Graph's documented limits per app per user, delegated context. */
export const ONENOTE_LIMITS: readonly RateLimit[] = [
  { requests: 120, seconds: 60 },
  { requests: 400, seconds: 3600 },
];

export class Throttle {
  private readonly seen = new Map<string, number[]>();
  private readonly longest: number;

  constructor(private readonly limits: readonly RateLimit[] = ONENOTE_LIMITS) {
    for (const l of limits) {
      if (!(Number.isInteger(l.requests) && l.requests >= 1 && l.seconds > 0)) throw new Error('sandbox: a OneNote limit needs requests >= 1 and seconds > 0');
    }
    this.longest = Math.max(0, ...limits.map((l) => l.seconds * 1000));
  }

  /** Counts one request of `appId` for `userId`, or throws OneNote's 429 when a limit is reached. */
  admit(appId: string, userId: string, now = Date.now()): void {
    const key = `${appId} ${userId}`;
    const times = (this.seen.get(key) ?? []).filter((t) => t > now - this.longest);
    if (this.limits.some((l) => times.filter((t) => t > now - l.seconds * 1000).length >= l.requests)) {
      this.seen.set(key, times);
      throw throttled();
    }
    times.push(now);
    this.seen.set(key, times);
  }
}

/** The routes with every call counted against the limits first (after the token and permission checks). */
export function throttledRoutes<S extends { throttle: Throttle }>(routes: readonly RouteDef<S>[]): RouteDef<S>[] {
  return routes.map((r) => ({
    ...r,
    handler: (ctx) => {
      ctx.state.throttle.admit(ctx.principal.appId, ctx.principal.user.id);
      return r.handler(ctx);
    },
  }));
}
