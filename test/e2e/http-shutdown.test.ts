// Graceful shutdown of --http (issue 16, replicas): SIGTERM under load lets the calls under way finish, refuses new
// ones with 503 and Retry-After (a load balancer sends them elsewhere), turns /readyz red while /healthz stays green,
// and exits 0 within MS365_MCP_SHUTDOWN_GRACE_SECONDS; calls still running at the bound are cut, the exit is still 0.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { ADELE, sandboxEnv, useSandbox } from '../fixtures.js';
import { startCli } from './process.js';

const sb = useSandbox();

const LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: LIST });

/** A signed-in --http server against the sandbox, ready (its /readyz green). */
async function readyServer(graceSeconds: number) {
  const c = await sb.as(ADELE);
  await c.close();
  const proc = startCli(['--http', '127.0.0.1:0', '--org-mode'], sandboxEnv(sb.url, c.dataDir, { LOG_LEVEL: 'info', MS365_MCP_SHUTDOWN_GRACE_SECONDS: String(graceSeconds) }));
  const url = (await proc.waitFor(/serving MCP at (http:\/\/\S+\/mcp)/))[1];
  const base = url.slice(0, -'/mcp'.length);
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ ready: true, phase: 'ready', failing: [] });
  const client = new Client({ name: 'shutdown-test', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  // Warm: the tool's group is loaded and a token is at hand, so the calls below wait on Graph's latency only.
  await client.callTool({ name: 'users_get_me', arguments: {} });
  return { proc, url, base, client };
}

/** Time for calls just sent to reach the server (they then wait 2 s and more on the sandbox's latency); the drain's
 *  log line below says how many it found under way, so a call that had not arrived fails the test, never passes it. */
const arrived = () => new Promise((r) => setTimeout(r, 500));

/** SIGTERM once (a second one would end the process at once, with 143) and the exit code to come. */
function terminate(proc: ReturnType<typeof startCli>): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => proc.once('close', (code) => resolve(code)));
  proc.kill('SIGTERM');
  return exited;
}

describe('graceful shutdown over HTTP', () => {
  it('on SIGTERM finishes the calls under way, refuses new ones with 503 and Retry-After, and exits 0 within the bound', async () => {
    const { proc, url, base, client } = await readyServer(10);
    sb.faults.clear();
    sb.faults.add({ path: '^/me$', latencyMs: 2000, times: 8 });
    const calls = Array.from({ length: 8 }, () => client.callTool({ name: 'users_get_me', arguments: {} }));
    await arrived();
    const signalled = Date.now();
    const exit = terminate(proc);
    await proc.waitFor(/http: shutting down: refusing new requests, waiting up to 10 s for 8 under way/);

    const refused = await post(url);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('connection')).toBe('close');
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/shutting down/);
    const readyz = await fetch(`${base}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toMatchObject({ ready: false, phase: 'stopping' });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    // Every call that was under way is answered in full, with its person's data.
    for (const r of await Promise.all(calls)) {
      expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
      expect((r.structuredContent as { userPrincipalName: string }).userPrincipalName).toBe(ADELE);
    }
    expect(sb.faults.journal.filter((j) => j.path === '/me').map((j) => j.status)).toEqual(Array(8).fill(200));
    expect(await exit).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(proc.stderrText()).toMatch(/http: the 8 request\(s\) under way ended in \d+ ms/);
  });

  it('exits 0 at the bound when a call outlasts it, cutting only that call', async () => {
    const { proc, client } = await readyServer(1);
    sb.faults.clear();
    sb.faults.add({ path: '^/me$', latencyMs: 8000 });
    const slow = client.callTool({ name: 'users_get_me', arguments: {} }).then(() => 'answered', () => 'cut');
    await arrived();
    const signalled = Date.now();
    expect(await terminate(proc)).toBe(0);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(5000);
    expect(await slow).toBe('cut');
    expect(proc.stderrText()).toMatch(/waiting up to 1 s for 1 under way/);
    expect(proc.stderrText()).toMatch(/http: 1 request\(s\) still unanswered after 1 s \(MS365_MCP_SHUTDOWN_GRACE_SECONDS\): cut off/);
  });
});
