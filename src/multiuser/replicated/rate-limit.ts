// The per-person limit on tool calls (tools/rate-limit.ts) shared by every replica: the same GCRA step as one Lua
// script, atomic in Redis and on Redis's clock, so calls spread over replicas count against one limit and replicas'
// clocks need not agree. A person is named by a hash of their object id, as the mailbox slots are: Redis holds no
// ids. While Redis is away a call fails with SharedStateUnavailable (redis.ts) rather than passing unchecked: the
// call would need Redis anyway (its Graph request takes a mailbox slot there, its tokens may be there), so failing
// open would let nothing more through, and it would hide the outage behind a limit that silently stopped counting.
import { createHash } from 'node:crypto';
import { intervalOf, type RateLimit, type RateLimiter } from '../../tools/rate-limit.js';
import { REDIS_PREFIX } from './front-store.js';
import type { SharedRedis } from './redis.js';

/** KEYS[1]: the person's name; ARGV: the interval (ms) and the burst. Returns 0 (admitted) or the ms to wait. */
const ADMIT = `
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('get', KEYS[1])) or now
if tat < now then tat = now end
local nextTat = tat + interval
local allowedAt = nextTat - tonumber(ARGV[2]) * interval
if allowedAt > now then return allowedAt - now end
redis.call('set', KEYS[1], string.format('%d', nextTat), 'PX', nextTat - now)
return 0`;

export function redisRateLimiter(r: SharedRedis, limit: RateLimit): RateLimiter {
  const nameOf = (person: string) => `${REDIS_PREFIX}rate:${createHash('sha256').update(person).digest('base64url').slice(0, 22)}`;
  return {
    limit,
    admit: async (person) => Number(await r.run((c) => c.eval(ADMIT, 1, nameOf(person), intervalOf(limit), limit.burst))),
  };
}
