// Readiness of --http (issue 16, replicas): /readyz is red while the server starts (many users: until the identity
// platform's configuration is fetched, without which no token can be checked) and green after; a dependency check
// registered with the hook (as the Redis code does) turns it red while it fails and green when it answers again.
import net from 'node:net';
import { McpServer } from '@modelcontextprotocol/server';
import { afterAll, describe, expect, it } from 'vitest';
import { Readiness } from '../../src/transports/readiness.js';
import { serveHttp } from '../../src/transports/http.js';
import { memoryLogger, startTestSandbox, tempDir, type TestSandbox } from '../fixtures.js';
import { startCli } from './process.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

/** A loopback port free now (a sandbox is started on it later). */
async function freePort(): Promise<number> {
  const s = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

async function readyz(base: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('/readyz', () => {
  it('many users: red while the identity platform cannot be reached at start, green once it can', async () => {
    const port = await freePort();
    const proc = startCli(['--http', '127.0.0.1:0', '--org-mode'], { HOME: await tempDir(), LOG_LEVEL: 'info', MS365_MCP_CLOUD: 'sandbox', MS365_MCP_SANDBOX_URL: `http://127.0.0.1:${port}`, MS365_MCP_HTTP_AUTH: 'entra' });
    cleanup.push(() => proc.stop());
    const url = (await proc.waitFor(/serving MCP at (http:\/\/\S+\/mcp)/))[1];
    const base = url.slice(0, -'/mcp'.length);
    expect(await readyz(base)).toEqual({ status: 503, body: { ready: false, phase: 'starting', failing: [] } });
    // Alive all the while: an orchestrator must not restart a replica that waits for its dependencies.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await proc.waitFor(/readiness: the identity platform not reached yet/);

    let sandbox: TestSandbox | undefined;
    sandbox = await startTestSandbox({ port });
    cleanup.push(() => sandbox!.close());
    const green = await until('/readyz green', async () => {
      const r = await readyz(base);
      return r.status === 200 ? r : undefined;
    });
    expect(green.body).toEqual({ ready: true, phase: 'ready', failing: [] });
    await proc.waitFor(/readiness: the identity platform reached; ready/);
  });

  it('a registered dependency check turns it red while the dependency fails, naming it but not the reason', async () => {
    const readiness = new Readiness(300);
    const log = memoryLogger();
    const factory = () => new McpServer({ name: 't', version: '1' });
    const h = await serveHttp(factory, { host: '127.0.0.1', port: 0 }, { allowedHosts: [], readiness }, log);
    cleanup.push(() => h.close());
    const base = h.url.slice(0, -'/mcp'.length);
    expect((await readyz(base)).status).toBe(200);

    let redisUp = false;
    readiness.addCheck('redis', async () => {
      if (!redisUp) throw new Error('connect ECONNREFUSED 127.0.0.1:6390');
    });
    expect(await readyz(base)).toEqual({ status: 503, body: { ready: false, phase: 'ready', failing: ['redis'] } });
    // A check that hangs counts as down once its time is up.
    const removeSlow = readiness.addCheck('slow', () => new Promise(() => {}));
    expect((await readyz(base)).body.failing).toEqual(['redis', 'slow']);
    removeSlow();
    redisUp = true;
    expect(await readyz(base)).toEqual({ status: 200, body: { ready: true, phase: 'ready', failing: [] } });
    // The reason goes to the log, once when it fails and once when it recovers; the probe's answer names only the check.
    expect(log.lines.filter((l) => /warn readiness: redis is down \(connect ECONNREFUSED/.test(l))).toHaveLength(1);
    expect(log.lines.filter((l) => /info readiness: redis answers again/.test(l))).toHaveLength(1);

    await h.drain(1000);
    expect(await readyz(base)).toEqual({ status: 503, body: { ready: false, phase: 'stopping', failing: [] } });
  });
});
