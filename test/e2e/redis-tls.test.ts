// Redis over TLS (MS365_MCP_REDIS_URL=rediss://): a real redis-server that speaks only TLS, with a certificate from a
// throwaway CA. Trusted through NODE_EXTRA_CA_CERTS, the built server keeps its shared state there and serves a
// signed-in person; a certificate it does not trust, or one for another host, stops the start at once with a line
// that names the cause and the fix, instead of retrying until the start's deadline; a plain redis:// address for it
// is told to be rediss://.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/multiuser/replicated/redis.js';
import { sealerFromText } from '../../src/multiuser/replicated/sealing.js';
import { ADELE, startTestSandbox, tempDir, type TestSandbox } from '../fixtures.js';
import { apiToken } from '../support/entra.js';
import { type LoopbackRedis, startRedis } from '../../scripts/redis-server.mjs';
import { runCli, startEntraServer } from './process.js';

let sandbox: TestSandbox;
let redis: LoopbackRedis;
let home: string;
let env: Record<string, string>;

beforeAll(async () => {
  home = await tempDir();
  redis = await startRedis(home, { tls: true });
  await fs.writeFile(path.join(home, 'encryption-key'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  sandbox = await startTestSandbox();
  env = { MS365_MCP_REDIS_URL: redis.url, MS365_MCP_REDIS_PASSWORD_FILE: redis.passwordFile, MS365_MCP_ENCRYPTION_KEY_FILE: path.join(home, 'encryption-key') };
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  await redis?.stop();
});

describe('Redis over TLS', () => {
  it('serves a signed-in person with its shared state in a TLS-only Redis whose CA it trusts', async () => {
    expect(redis.url).toMatch(/^rediss:\/\/127\.0\.0\.1:\d+$/);
    const { proc, url } = await startEntraServer(sandbox.url, { HOME: path.join(home, 'trusting'), ...env, NODE_EXTRA_CA_CERTS: redis.caFile! });
    try {
      expect(proc.stderrText()).toMatch(/shared state: Redis at 127\.0\.0\.1:\d+ \(values sealed with key/);
      const client = new Client({ name: 'redis-tls-test', version: '1' });
      await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${await apiToken(sandbox, ADELE)}` } } }));
      try {
        const r = await client.callTool({ name: 'users_get_me', arguments: {} });
        expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
        expect((r.structuredContent as { userPrincipalName: string }).userPrincipalName).toBe(ADELE);
      } finally {
        await client.close();
      }
      // What it keeps went over TLS into this Redis: the sign-in front's signing key is there.
      const db = new Redis(redis.url, { password: redis.password, tls: { ca: await fs.readFile(redis.caFile!) } });
      try {
        expect(await db.exists('ms365mcp:front:signing-key')).toBe(1);
      } finally {
        db.disconnect();
      }
    } finally {
      expect(await proc.stop()).toBe(0);
    }
  });

  it('stops at once with the cause and the fix when the certificate is not trusted', async () => {
    const started = Date.now();
    const r = await runCli(['--http', '127.0.0.1:0', '--org-mode'], {
      HOME: path.join(home, 'untrusting'), MS365_MCP_CLOUD: 'sandbox', MS365_MCP_SANDBOX_URL: sandbox.url, MS365_MCP_HTTP_AUTH: 'entra', ...env,
    }, '', 25_000);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stderr).toMatch(/Redis at 127\.0\.0\.1:\d+ presented a TLS certificate this server does not trust \(SELF_SIGNED_CERT_IN_CHAIN\); if a private CA signed it, give that CA's certificate \(PEM\) in NODE_EXTRA_CA_CERTS/);
    // Well before the 30 seconds a start waits for a Redis that is not up yet.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.stderr).not.toContain(redis.password);
  });

  it('stops at once when the address names a host the certificate is not for, and says to use one it holds', async () => {
    // The certificate is for 127.0.0.1; "localhost" reaches the same Redis but is not in it. The fix the message
    // gives, the address the certificate holds, is what the first test serves with.
    const r = await runCli(['--http', '127.0.0.1:0', '--org-mode'], {
      HOME: path.join(home, 'other-host'), MS365_MCP_CLOUD: 'sandbox', MS365_MCP_SANDBOX_URL: sandbox.url, MS365_MCP_HTTP_AUTH: 'entra', ...env,
      MS365_MCP_REDIS_URL: redis.url.replace('127.0.0.1', 'localhost'), NODE_EXTRA_CA_CERTS: redis.caFile!,
    }, '', 25_000);
    expect([r.code === 0, r.code === null]).toEqual([false, false]);
    expect(r.stderr).toMatch(/Redis at localhost:\d+ presented a TLS certificate that is not for localhost \(ERR_TLS_CERT_ALTNAME_INVALID\); use a host name the certificate holds in MS365_MCP_REDIS_URL/);
  });

  it('says that a Redis which drops a plain connection may speak only TLS, and that its address is then rediss://', async () => {
    // The start's 30-second wait, shortened: what the line says at the end is under test, not the wait.
    const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const plain = connectRedis({ url: redis.url.replace('rediss:', 'redis:'), password: redis.password, sealer: sealerFromText(randomBytes(32).toString('base64'), 't'), log: quiet as never, startTimeoutMs: 2_000 });
    await expect(plain).rejects.toThrow(/could not be reached \(ECONNRESET\); check MS365_MCP_REDIS_URL \(a Redis that speaks only TLS drops plain connections like this: its address starts with rediss:\/\/\)/);
  });
});
