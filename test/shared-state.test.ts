// Shared state's parts without the server: the sealing of values (AES-256-GCM, key ids, rotation), the settings
// that select Redis and what they refuse, the readiness check against a real redis-server stopped and started, and
// Graph's per-mailbox concurrency limit held by two connections (two replicas) to one Redis.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConfig, ConfigError } from '../src/config.js';
import { mailboxOf, mailboxSlots } from '../src/multiuser/replicated/mailbox-slots.js';
import { connectRedis, redisHealthy, redisReady, SharedStateUnavailable } from '../src/multiuser/replicated/redis.js';
import { sealerFromText, SealingKeyError } from '../src/multiuser/replicated/sealing.js';
import { tempDir } from './fixtures.js';
import { type LoopbackRedis, startRedis } from '../scripts/redis-server.mjs';

const newKey = () => randomBytes(32).toString('base64');

describe('sealing', () => {
  it('opens what it sealed under the same name only, and nothing tampered with or sealed by another key', () => {
    const s = sealerFromText(newKey(), 'test');
    const sealed = s.seal('ms365mcp:msal:a', '{"secret":"x"}');
    expect(sealed).not.toContain('secret');
    expect(s.open('ms365mcp:msal:a', sealed)).toBe('{"secret":"x"}');
    expect(s.open('ms365mcp:msal:b', sealed)).toBeUndefined();
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(s.open('ms365mcp:msal:a', [...parts.slice(0, 3), flipped.toString('base64url')].join('.'))).toBeUndefined();
    expect(sealerFromText(newKey(), 'other').open('ms365mcp:msal:a', sealed)).toBeUndefined();
    expect(s.seal('n', 'same')).not.toBe(s.seal('n', 'same'));
  });

  it('rotates: a new key on the first line seals, the old one below still opens, and old values are seen as stale', () => {
    const [oldKey, nextKey] = [newKey(), newKey()];
    const before = sealerFromText(oldKey, 'before');
    const value = before.seal('n', 'kept');
    const after = sealerFromText(`# rotated\n${nextKey}\n${oldKey}\n`, 'after');
    expect(after.currentKeyId).not.toBe(before.currentKeyId);
    expect(after.open('n', value)).toBe('kept');
    expect(after.isStale(value)).toBe(true);
    expect(after.isStale(after.seal('n', 'kept'))).toBe(false);
    expect(sealerFromText(nextKey, 'old key removed').open('n', value)).toBeUndefined();
  });

  it('refuses a key file without a 256-bit key, and takes hex too', () => {
    expect(() => sealerFromText('', 'empty')).toThrow(SealingKeyError);
    expect(() => sealerFromText('c2hvcnQ=', 'short')).toThrow(/not a 256-bit key/);
    expect(sealerFromText(randomBytes(32).toString('hex'), 'hex').currentKeyId).toMatch(/^[\w-]{8}$/);
  });
});

describe('settings', () => {
  const entra = { MS365_MCP_HTTP: '127.0.0.1:3000', MS365_MCP_HTTP_AUTH: 'entra', MS365_MCP_CLOUD: 'sandbox', MS365_MCP_SANDBOX_URL: 'http://127.0.0.1:1', HOME: '/tmp' };
  it('takes Redis only in the many-user mode, with an encryption key, and reads the password from its file', async () => {
    const dir = await tempDir();
    await fs.writeFile(`${dir}/pw`, 'p4ss\n');
    expect(() => buildConfig('serve', {}, { ...entra, MS365_MCP_REDIS_URL: 'http://redis:6379' })).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(() => buildConfig('serve', {}, { ...entra, MS365_MCP_REDIS_URL: 'redis://redis:6379' })).toThrow(/needs MS365_MCP_ENCRYPTION_KEY_FILE/);
    expect(() => buildConfig('serve', {}, { HOME: '/tmp', MS365_MCP_REDIS_URL: 'redis://redis:6379', MS365_MCP_ENCRYPTION_KEY_FILE: 'k' })).toThrow(/is for the many-user HTTP mode/);
    expect(() => buildConfig('serve', {}, { ...entra, MS365_MCP_ENCRYPTION_KEY_FILE: 'k' })).toThrow(ConfigError);
    expect(() => buildConfig('serve', {}, { ...entra, MS365_MCP_REDIS_URL: 'rediss://redis:6380', MS365_MCP_ENCRYPTION_KEY_FILE: 'k', MS365_MCP_REDIS_PASSWORD_FILE: `${dir}/none` })).toThrow(/cannot read MS365_MCP_REDIS_PASSWORD_FILE \(ENOENT\)/);
    const c = buildConfig('serve', {}, { ...entra, MS365_MCP_REDIS_URL: 'rediss://redis:6380', MS365_MCP_ENCRYPTION_KEY_FILE: 'k', MS365_MCP_REDIS_PASSWORD_FILE: `${dir}/pw` });
    expect(c).toMatchObject({ redisUrl: 'rediss://redis:6380', redisPassword: 'p4ss', encryptionKeyFile: 'k' });
  });
});

describe('the connection to Redis', () => {
  let redis: LoopbackRedis;
  afterAll(async () => redis?.stop());
  it('is healthy while connected, fails commands clearly while Redis is down, and recovers by itself', async () => {
    redis = await startRedis(await tempDir());
    const logged: string[] = [];
    const log = { debug: () => undefined, info: (l: string) => logged.push(l), warn: (l: string) => logged.push(l), error: (l: string) => logged.push(l) } as never;
    await expect(connectRedis({ url: redis.url, password: 'wrong', sealer: sealerFromText(newKey(), 't'), log, startTimeoutMs: 2_000 })).rejects.toThrow(/refused the password/);
    const r = await connectRedis({ url: redis.url, password: redis.password, sealer: sealerFromText(newKey(), 't'), log });
    try {
      expect(redisHealthy()).toEqual({ ok: true });
      await expect(redisReady()).resolves.toBeUndefined();
      await r.run((c) => c.set('ms365mcp:test', '1'));
      await redis.stop();
      await expect(r.run((c) => c.get('ms365mcp:test'))).rejects.toBeInstanceOf(SharedStateUnavailable);
      // The client learns of the closed connection by its own events, a moment after the failed command.
      const down = Date.now() + 5_000;
      while (redisHealthy().ok && Date.now() < down) await new Promise((res) => setTimeout(res, 50));
      expect(redisHealthy().ok).toBe(false);
      await expect(redisReady()).rejects.toThrow(/Redis is/);
      await redis.start();
      const deadline = Date.now() + 10_000;
      while (!redisHealthy().ok && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
      expect(redisHealthy()).toEqual({ ok: true });
      expect(await r.run((c) => c.get('ms365mcp:test'))).toBe('1');
      expect(logged.join('\n')).toMatch(/is not reachable[^]*is back/);
      expect(logged.join('\n')).not.toContain(redis.password);
    } finally {
      await r.close();
    }
  });
});

describe('per-mailbox concurrency across replicas', () => {
  let redis: LoopbackRedis;
  afterAll(async () => redis?.stop());
  const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  const GRAPH = 'http://127.0.0.1:1/graph/v1.0';

  it('names the mailbox of a request: the person for /me, the addressed one for /users/{id}', () => {
    expect(mailboxOf(`${GRAPH}/me/messages?$top=1`, 'OID-1')).toBe('oid-1');
    expect(mailboxOf(`${GRAPH}/users/Shared%40contoso.com/mailFolders/inbox`, 'oid-1')).toBe('shared@contoso.com');
  });

  it('lets 4 requests per mailbox run at once over both replicas; a fifth waits, other mailboxes do not', async () => {
    redis = await startRedis(await tempDir());
    const connect = () => connectRedis({ url: redis.url, password: redis.password, sealer: sealerFromText(newKey(), 't'), log: quiet });
    const [one, two] = await Promise.all([connect(), connect()]);
    try {
      const inFlight = new Map<string, number>();
      const most = new Map<string, number>();
      let total = 0;
      let mostTotal = 0;
      const slowGraph = (async (input: string | URL | Request) => {
        const box = mailboxOf(String(input), 'person-a');
        inFlight.set(box, (inFlight.get(box) ?? 0) + 1);
        most.set(box, Math.max(most.get(box) ?? 0, inFlight.get(box)!));
        mostTotal = Math.max(mostTotal, ++total);
        await new Promise((r) => setTimeout(r, 80));
        inFlight.set(box, inFlight.get(box)! - 1);
        total--;
        return new Response('{}');
      }) as typeof fetch;
      const replicas = [mailboxSlots(one), mailboxSlots(two)].map((slots) => slots('person-a', slowGraph));
      const calls = [
        ...Array.from({ length: 10 }, (_, i) => replicas[i % 2](`${GRAPH}/me/messages`)),
        ...Array.from({ length: 3 }, (_, i) => replicas[i % 2](`${GRAPH}/users/shared@contoso.com/messages`)),
      ];
      const answers = await Promise.all(calls);
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(most.get('person-a')).toBe(4);
      expect(most.get('shared@contoso.com')).toBe(3);
      expect(mostTotal).toBeGreaterThan(4);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('frees the slots of a replica that died when their lease ends', async () => {
    const r = await connectRedis({ url: redis.url, password: redis.password, sealer: sealerFromText(newKey(), 't'), log: quiet });
    try {
      const never = (() => new Promise<Response>(() => undefined)) as typeof fetch;
      const dead = mailboxSlots(r, { leaseMs: 400 })('person-b', never);
      for (let i = 0; i < 4; i++) void dead(`${GRAPH}/me/events`);
      await new Promise((res) => setTimeout(res, 100));
      const started = Date.now();
      const fifth = await mailboxSlots(r, { leaseMs: 400 })('person-b', (async () => new Response('{}')) as typeof fetch)(`${GRAPH}/me/events`);
      expect(fifth.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThan(200);
    } finally {
      await r.close();
    }
  });
});
