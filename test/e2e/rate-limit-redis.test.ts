// The per-person limit on tool calls shared by replicas: two built servers in the many-user mode share one real
// redis-server, and each person calls with their own Entra token for the server's API. A person's calls spread over
// both replicas count against one limit; another person is unaffected; after the wait the refusal names, the person's
// call passes on either replica.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADELE, MEGAN, startTestSandbox, tempDir, type TestSandbox } from '../fixtures.js';
import { apiToken } from '../support/entra.js';
import { type LoopbackRedis, startRedis } from '../../scripts/redis-server.mjs';
import { startEntraServer } from './process.js';

let sandbox: TestSandbox;
let redis: LoopbackRedis;
const replicas: Awaited<ReturnType<typeof startEntraServer>>[] = [];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const home = await tempDir();
  redis = await startRedis(home);
  await fs.writeFile(path.join(home, 'encryption-key'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  sandbox = await startTestSandbox();
  for (const name of ['a', 'b']) {
    const own = path.join(home, name);
    await fs.mkdir(own);
    // 12 a minute, bursts of 3: the fourth call of a burst waits about 5 seconds.
    replicas.push(await startEntraServer(sandbox.url, {
      HOME: own, LOG_LEVEL: 'info', MS365_MCP_REDIS_URL: redis.url, MS365_MCP_REDIS_PASSWORD_FILE: redis.passwordFile,
      MS365_MCP_ENCRYPTION_KEY_FILE: path.join(home, 'encryption-key'), MS365_MCP_RATE_LIMIT: '12', MS365_MCP_RATE_LIMIT_BURST: '3',
    }));
  }
  for (const upn of [ADELE, MEGAN]) tokens[upn] = await apiToken(sandbox, upn);
}, 60_000);

afterAll(async () => {
  for (const r of replicas) {
    const code = await r.proc.stop();
    if (code !== 0) process.stderr.write(r.proc.stderrText().slice(-3000));
  }
  await sandbox?.close();
  await redis?.stop();
});

/** users_get_me on one replica as a person: who it answered for, or its error's text. */
async function me(replica: number, upn: string): Promise<{ upn?: string; error?: string }> {
  const client = new Client({ name: 'rate-limit-redis-test', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(replicas[replica].url), { requestInit: { headers: { authorization: `Bearer ${tokens[upn]}` } } }));
  try {
    const r = await client.callTool({ name: 'users_get_me', arguments: {} });
    if (r.isError) return { error: (r.content as { text: string }[])[0].text };
    return { upn: (r.structuredContent as { userPrincipalName: string }).userPrincipalName };
  } finally {
    await client.close();
  }
}

describe('per-person limit on tool calls across replicas', () => {
  it('counts a person\'s calls on both replicas against one limit, leaves others alone, and keeps the wait it names', async () => {
    for (const r of replicas) expect(r.proc.stderrText()).toContain('server: each person may make 12 tool calls a minute (bursts of 3), counted across replicas in Redis');
    // Four of Adele's calls at once, two on each replica: three pass, one is refused.
    const answers = await Promise.all([0, 1, 0, 1].map((i) => me(i, ADELE)));
    expect(answers.filter((a) => a.upn === ADELE)).toHaveLength(3);
    const refused = answers.filter((a) => a.error);
    expect(refused).toHaveLength(1);
    expect(refused[0].error).toMatch(/allows each person 12 a minute \(bursts of 3\), and nothing was done\. Try again in [45] seconds\./);
    // Still refused on either replica: the limit is one, not one per replica.
    for (const replica of [0, 1]) expect((await me(replica, ADELE)).error).toMatch(/Try again in \d+ seconds?\./);
    // Megan has her own.
    expect(await Promise.all([me(0, MEGAN), me(1, MEGAN), me(0, MEGAN)])).toEqual([{ upn: MEGAN }, { upn: MEGAN }, { upn: MEGAN }]);

    const last = await me(1, ADELE);
    const wait = Number(/Try again in (\d+) seconds?\./.exec(last.error ?? '')?.[1]);
    expect(wait).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, wait * 1000));
    expect(await me(0, ADELE)).toEqual({ upn: ADELE });

    // Each replica wrote an audit line for the calls it refused.
    const limited = replicas.map((r) => r.proc.stderrText().split('\n').filter((l) => l.startsWith('{') && l.includes('"outcome":"rate_limited"')).length);
    expect(limited.reduce((a, b) => a + b)).toBe(4);
    expect(limited.every((n) => n >= 1)).toBe(true);
  }, 30_000);
});
