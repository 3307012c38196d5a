// deploy/haproxy/haproxy.cfg run by a real HAProxy on loopback in front of three stand-in replicas (HTTP servers
// with a /readyz of their own): requests spread over every ready replica, a replica whose /readyz turns red gets
// nothing more, a request a replica refuses with 503 goes to another (any other error goes back to the client), and
// requests sent just after a replica died still succeed. Only Docker's DNS discovery is replaced (by the three
// loopback servers); every other line of the file is used as it is.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/free-port.mjs';
import { startHaproxy } from '../scripts/haproxy.mjs';

interface Replica { server: http.Server; port: number; ready: boolean; served: number; refuseWith?: number; refused: number }

async function startReplica(): Promise<Replica> {
  const replica = { ready: true, served: 0, refused: 0 } as Replica;
  replica.server = http.createServer((req, res) => {
    if (req.url === '/readyz') return void res.writeHead(replica.ready ? 200 : 503).end();
    if (replica.refuseWith) {
      replica.refused++;
      return void res.writeHead(replica.refuseWith, { 'content-type': 'text/plain' }).end(`refused by ${replica.port}`);
    }
    replica.served++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ port: replica.port }));
  });
  await new Promise<void>((resolve) => replica.server.listen(0, '127.0.0.1', resolve));
  replica.port = (replica.server.address() as net.AddressInfo).port;
  return replica;
}

const replicas: Replica[] = [];
let proxy: Awaited<ReturnType<typeof startHaproxy>>;
let url = '';
const dir = mkdtempSync(path.join(os.tmpdir(), 'haproxy-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `n` requests one after the other through HAProxy: the port of the replica that answered each, or its status. */
async function send(n: number): Promise<(number | string)[]> {
  const out: (number | string)[] = [];
  for (let i = 0; i < n; i++) {
    const r = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', connection: 'close' } });
    out.push(r.ok ? ((await r.json()) as { port: number }).port : `status ${r.status}`);
  }
  return out;
}

/** Polls (bounded) until `check` holds for a batch of requests. */
async function until(check: (ports: (number | string)[]) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (check(await send(12))) return;
    await sleep(500);
  }
  throw new Error(`HAProxy never ${what}`);
}

beforeAll(async () => {
  for (let i = 0; i < 3; i++) replicas.push(await startReplica());
  proxy = await startHaproxy({ dir, bind: await freePort(), ports: replicas.map((r) => r.port) });
  url = `${proxy.url}/mcp`;
}, 180_000);

afterAll(async () => {
  await proxy?.stop();
  for (const r of replicas) r.server.closeAllConnections();
  await Promise.all(replicas.map((r) => new Promise((resolve) => r.server.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

describe('HAProxy with deploy/haproxy/haproxy.cfg', () => {
  it('spreads requests over every ready replica, in turn', async () => {
    await until((ports) => replicas.every((r) => ports.includes(r.port)), 'sent to all three replicas');
    const ports = await send(30);
    for (const r of replicas) expect(ports.filter((p) => p === r.port).length).toBe(10);
  });

  it('sends nothing more to a replica whose /readyz turns red, and sends again once it is green', async () => {
    replicas[1].ready = false;
    await until((ports) => !ports.includes(replicas[1].port), 'stopped sending to the unready replica');
    const before = replicas[1].served;
    const ports = await send(20);
    expect(ports.every((p) => p === replicas[0].port || p === replicas[2].port)).toBe(true);
    expect(replicas[1].served).toBe(before);
    replicas[1].ready = true;
    await until((ports) => ports.includes(replicas[1].port), 'sent to the replica back in service');
  });

  it('sends a request a replica refused with 503 to another one, and answers any other error as it is', async () => {
    // A draining replica: still checked ready (its check has not run yet), refusing every request with 503.
    replicas[0].refuseWith = 503;
    const ports = await send(12);
    expect(replicas[0].refused).toBeGreaterThanOrEqual(3);
    expect(ports.every((p) => p === replicas[1].port || p === replicas[2].port)).toBe(true);
    // A 502 (or a 500) may come after work was done: never sent twice.
    replicas[0].refuseWith = 502;
    const refusedBefore = replicas[0].refused;
    const answers = await send(12);
    expect(answers.filter((p) => p === 'status 502')).toHaveLength(replicas[0].refused - refusedBefore);
    expect(replicas[0].refused - refusedBefore).toBeGreaterThanOrEqual(3);
    replicas[0].refuseWith = undefined;
  });

  it('answers in words when no replica is ready', async () => {
    for (const r of replicas) r.ready = false;
    await until((ports) => ports.every((p) => p === 'status 503'), 'stopped sending to unready replicas');
    const r = await fetch(url, { method: 'POST', body: '{}' });
    expect([r.status, r.headers.get('retry-after'), await r.text()]).toEqual([503, '5', expect.stringMatching(/^No replica of this server is ready to serve .*nothing was done/)]);
    for (const r of replicas) r.ready = true;
    await until((ports) => replicas.every((r) => ports.includes(r.port)), 'sent to every replica again');
  });

  it('answers every request sent right after a replica died, before its health check notices', async () => {
    const dead = replicas[2];
    dead.server.closeAllConnections();
    await new Promise((resolve) => dead.server.close(resolve));
    // At once: HAProxy still counts it up (checks every 2 s, down after 2 failures), so a third of these are
    // first sent to a closed port, and must be sent to another replica instead.
    const ports = await send(15);
    expect(ports.filter((p) => typeof p === 'string')).toEqual([]);
    expect(ports.every((p) => p === replicas[0].port || p === replicas[1].port)).toBe(true);
  });
});
