// The HTTP transport's limits (issue 9 item 18): the bytes of requests in flight stay under a budget (a body
// that does not fit now is refused with 503 and Retry-After, and goes through once others are done), a
// body over the message limit is refused before it is read, and JSON-RPC batches are refused as on stdio.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveHttp, type HttpServing } from '../src/transports/http.js';
import { ADELE, type Connected, memoryLogger, useSandbox } from './fixtures.js';

const sb = useSandbox();
let s: Connected;
let serving: HttpServing;
const BUDGET = 1_000_000;

beforeAll(async () => {
  s = await sb.as(ADELE);
  serving = await serveHttp(s.runtime.factory, { host: '127.0.0.1', port: 0 }, { allowedHosts: [] }, memoryLogger(), BUDGET);
});
afterAll(() => serving.close());

const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };
const ping = (id: number, pad = 0) => JSON.stringify({ jsonrpc: '2.0', id, method: 'ping', params: { _meta: { pad: 'x'.repeat(pad) } } });

/** A POST whose body is sent in two halves; the second half waits for `release`. */
function post(body: string, release: Promise<void> = Promise.resolve(), headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(serving.url, { method: 'POST', headers: { ...HEADERS, 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    void release.then(() => req.end(body.slice(half)));
  });
}

describe('HTTP request limits', () => {
  it('refuses a body that does not fit beside the ones in flight, then takes it once they are done', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const big = post(ping(1, 600_000), held);
    await new Promise((r) => setTimeout(r, 100)); // the first is being received
    const refused = await post(ping(2, 600_000));
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('2');
    expect(JSON.parse(refused.text).error.message).toMatch(/Server busy.*send this one again/);
    release();
    expect((await big).status).toBe(200);
    // As the refusal advised: sent again, it goes through.
    const again = await post(ping(3, 600_000));
    expect(again.status).toBe(200);
    expect(again.text).toContain('"id":3');
  });

  it('refuses a declared body over the message limit before reading it', async () => {
    const r = await new Promise<number>((resolve, reject) => {
      const req = http.request(serving.url, { method: 'POST', headers: { ...HEADERS, 'content-length': String(65 * 1024 * 1024) } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.write('{');
    });
    expect(r).toBe(413);
  });

  it('refuses JSON-RPC batches, as stdio does, and serves the same messages sent one by one', async () => {
    const batch = await post(`  [${ping(4)},${ping(5)}]`);
    expect(batch.status).toBe(400);
    expect(JSON.parse(batch.text).error).toMatchObject({ code: -32600, message: expect.stringMatching(/batches are not supported: send one message per request/) });
    for (const id of [4, 5]) expect((await post(ping(id))).status).toBe(200);
  });
});
