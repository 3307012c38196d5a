// The per-person limit on tool calls, both stores without the server: GCRA in this process's memory on a clock the
// test turns, and the same limiter in a real redis-server shared by two connections (two replicas), on Redis's clock:
// a burst passes, the next call is told how long to wait and passes after that wait, another person is unaffected,
// Redis holds no id in clear, and a Redis that is away answers with the outage error rather than letting calls by.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config.js';
import { redisRateLimiter } from '../src/multiuser/replicated/rate-limit.js';
import { connectRedis, SharedStateUnavailable, type SharedRedis } from '../src/multiuser/replicated/redis.js';
import { sealerFromText } from '../src/multiuser/replicated/sealing.js';
import { gcraStep, memoryRateLimiter, RateLimited, rateCheck } from '../src/tools/rate-limit.js';
import { tempDir } from './fixtures.js';
import { type LoopbackRedis, startRedis } from '../scripts/redis-server.mjs';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('GCRA in memory', () => {
  it('lets a burst through, then one call per interval; a refused call is not counted', async () => {
    let now = 1_000_000;
    const limiter = memoryRateLimiter({ perMinute: 6, burst: 3 }, () => now);
    expect(await Promise.all([1, 2, 3].map(() => limiter.admit('oid-a')))).toEqual([0, 0, 0]);
    // The fourth: one interval (10 s) away, and asking again does not push it further.
    expect(await limiter.admit('oid-a')).toBe(10_000);
    now += 4_000;
    expect(await limiter.admit('oid-a')).toBe(6_000);
    expect(await limiter.admit('oid-b')).toBe(0);
    now += 6_000;
    expect(await limiter.admit('oid-a')).toBe(0);
    expect(await limiter.admit('oid-a')).toBe(10_000);
    // A minute of quiet fills the bucket again: a whole burst passes.
    now += 60_000;
    expect(await Promise.all([1, 2, 3, 4].map(() => limiter.admit('oid-a')))).toEqual([0, 0, 0, 10_000]);
  });

  it('sustains the rate: over ten minutes at full speed a person gets the burst plus perMinute a minute', () => {
    const limit = { perMinute: 60, burst: 20 };
    let tat: number | undefined;
    let admitted = 0;
    for (let now = 0; now < 600_000; now += 50) {
      const step = gcraStep(tat, now, limit);
      if (step.admitted) (tat = step.tat, admitted++);
    }
    expect(admitted).toBe(20 + 600 - 1);
  });

  it('throws a tool error that says how long to wait and which settings set the limit', async () => {
    let now = 0;
    const check = rateCheck(memoryRateLimiter({ perMinute: 30, burst: 1 }, () => now), async () => undefined);
    await check();
    const refused = await check().then(() => undefined, (e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimited);
    expect((refused as Error).message).toMatch(/allows each person 30 a minute \(bursts of 1\), and nothing was done\. Try again in 2 seconds\. .*MS365_MCP_RATE_LIMIT/);
    now = 2_000;
    await expect(check()).resolves.toBeUndefined();
  });
});

describe('settings', () => {
  it('takes calls per minute (0 turns the limit off) and a burst of at least 1, with defaults', () => {
    expect(buildConfig('serve', {}, { HOME: '/tmp' })).toMatchObject({ rateLimit: 60, rateLimitBurst: 20 });
    expect(buildConfig('serve', {}, { HOME: '/tmp', MS365_MCP_RATE_LIMIT: '0' })).toMatchObject({ rateLimit: 0 });
    expect(() => buildConfig('serve', {}, { HOME: '/tmp', MS365_MCP_RATE_LIMIT: 'lots' })).toThrow(/MS365_MCP_RATE_LIMIT must be a whole number/);
    expect(() => buildConfig('serve', {}, { HOME: '/tmp', MS365_MCP_RATE_LIMIT_BURST: '0' })).toThrow(/MS365_MCP_RATE_LIMIT_BURST must be at least 1/);
  });
});

describe('GCRA in Redis, shared by replicas', () => {
  let redis: LoopbackRedis;
  let one: SharedRedis;
  let two: SharedRedis;
  beforeAll(async () => {
    redis = await startRedis(await tempDir());
    const connect = () => connectRedis({ url: redis.url, password: redis.password, sealer: sealerFromText(randomBytes(32).toString('base64'), 't'), log: quiet });
    [one, two] = await Promise.all([connect(), connect()]);
  });
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
    await redis?.stop();
  });

  it('counts a person\'s calls over both replicas against one limit; the wait it names is the wait that works', async () => {
    const limit = { perMinute: 60, burst: 3 };
    const replicas = [redisRateLimiter(one, limit), redisRateLimiter(two, limit)];
    const waits = await Promise.all([0, 1, 2, 3, 4].map((i) => replicas[i % 2].admit('11111111-aaaa-4bbb-8ccc-000000000001')));
    expect(waits.filter((w) => w === 0)).toHaveLength(3);
    const refused = waits.filter((w) => w > 0);
    expect(refused).toHaveLength(2);
    for (const w of refused) expect(w).toBeGreaterThan(900), expect(w).toBeLessThanOrEqual(1_000);
    // Someone else has their own limit.
    expect(await replicas[1].admit('11111111-aaaa-4bbb-8ccc-000000000002')).toBe(0);
    await sleep(Math.max(...refused));
    expect(await replicas[1].admit('11111111-aaaa-4bbb-8ccc-000000000001')).toBe(0);
    expect(await replicas[0].admit('11111111-aaaa-4bbb-8ccc-000000000001')).toBeGreaterThan(0);
  });

  it('keeps a hash of the person, with an expiry (a full bucket is no entry), never the id', async () => {
    const limiter = redisRateLimiter(one, { perMinute: 60, burst: 3 });
    const before = new Set(await one.run((c) => c.keys('ms365mcp:rate:*')));
    await limiter.admit('11111111-aaaa-4bbb-8ccc-000000000004');
    await limiter.admit('11111111-aaaa-4bbb-8ccc-000000000005');
    const names = (await one.run((c) => c.keys('ms365mcp:rate:*'))).filter((n) => !before.has(n));
    expect(names).toHaveLength(2);
    for (const name of names) {
      expect(name).toMatch(/^ms365mcp:rate:[\w-]{22}$/);
      expect(name).not.toContain('11111111');
      const ttl = await one.run((c) => c.pttl(name));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(3_000);
    }
    await sleep(1_100);
    expect(await one.run((c) => c.exists(...names))).toBe(0);
  });

  it('answers with the outage error while Redis is away, and counts again once it is back', async () => {
    const limiter = redisRateLimiter(one, { perMinute: 60, burst: 3 });
    await redis.stop();
    await expect(limiter.admit('11111111-aaaa-4bbb-8ccc-000000000003')).rejects.toBeInstanceOf(SharedStateUnavailable);
    await redis.start();
    const deadline = Date.now() + 10_000;
    while (one.client.status !== 'ready' && Date.now() < deadline) await sleep(100);
    expect(await limiter.admit('11111111-aaaa-4bbb-8ccc-000000000003')).toBe(0);
  });
});
