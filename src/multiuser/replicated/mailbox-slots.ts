// Graph's concurrency limit per mailbox, shared by every replica: Outlook serves at most 4 concurrent requests per
// app per mailbox and answers a fifth with 429 (MailboxConcurrency). Each Graph request of a person takes a slot of
// its mailbox (the person's for /me, the named one for /users/{id}) in a Redis sorted set before it is sent, and
// gives it back when the answer arrives; a fifth waits for a free slot instead of drawing a 429. A slot is leased,
// not owned: one left by a replica that died frees itself when its lease ends. Times come from Redis's clock, so
// replicas' clocks need not agree. Mailbox names are hashed: Redis holds no addresses.
import { createHash, randomUUID } from 'node:crypto';
import { ToolError } from '../../graph/errors.js';
import { REDIS_PREFIX } from './front-store.js';
import type { SharedRedis } from './redis.js';

export const MAILBOX_CONCURRENCY = 4;

const TAKE = `
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('zremrangebyscore', KEYS[1], '-inf', now)
if redis.call('zcard', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('zadd', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('pexpire', KEYS[1], ARGV[2])
  return 1
end
return 0`;

export interface SlotOptions {
  limit?: number;
  /** How long a slot is held at most (a request's whole time, retries aside). */
  leaseMs?: number;
  /** How long a request waits for a slot before it gives up with a clear error. */
  waitMs?: number;
}

/** The mailbox a Graph URL addresses: /users/{id or address}/..., else the person's own. */
export function mailboxOf(url: string, person: string): string {
  const m = /\/v1\.0\/users\/([^/?]+)/i.exec(new URL(url).pathname);
  return (m ? decodeURIComponent(m[1]).replace(/^'|'$/g, '') : person).toLowerCase();
}

export function mailboxSlots(r: SharedRedis, o: SlotOptions = {}) {
  const limit = o.limit ?? MAILBOX_CONCURRENCY;
  const leaseMs = o.leaseMs ?? 60_000;
  const waitMs = o.waitMs ?? 50_000;
  const nameOf = (mailbox: string) => `${REDIS_PREFIX}slots:${createHash('sha256').update(mailbox).digest('base64url').slice(0, 22)}`;

  /** A fetch for one person's Graph client that holds a slot of the addressed mailbox while its request runs. */
  return (person: string, inner: typeof fetch = globalThis.fetch): typeof fetch => async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const name = nameOf(mailboxOf(url, person));
    const mine = randomUUID();
    const giveUp = Date.now() + waitMs;
    for (let pause = 5; (await r.run((c) => c.eval(TAKE, 1, name, limit, leaseMs, mine))) !== 1; pause = Math.min(pause * 2, 100)) {
      if (init?.signal?.aborted) throw init.signal.reason;
      if (Date.now() > giveUp) throw new ToolError(`Microsoft Graph takes ${limit} requests at a time per mailbox, and this mailbox's have been busy for ${Math.round(waitMs / 1000)} seconds; try again shortly.`);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    try {
      return await inner(input, init);
    } finally {
      await r.run((c) => c.zrem(name, mine)).catch(() => undefined);
    }
  };
}
export type MailboxSlots = ReturnType<typeof mailboxSlots>;
