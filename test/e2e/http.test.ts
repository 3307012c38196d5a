// Streamable HTTP (--http): stateless /mcp on loopback, with Host and Origin checks against DNS rebinding.
import http from 'node:http';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from './process.js';

let proc: ReturnType<typeof startCli>;
let url: string;

beforeAll(async () => {
  proc = startCli(['--http', '127.0.0.1:0', '--org-mode'], { HOME: '/tmp/ms365-http-test' });
  url = (await proc.waitFor(/serving MCP at (http:\/\/\S+\/mcp)/))[1];
});
afterAll(async () => {
  expect(await proc.stop()).toBe(0);
});

/** A raw request, so the Host header can be set to anything. */
function rawPost(headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } });

describe('Streamable HTTP transport', () => {
  it('serves an MCP client at /mcp, bound to loopback', async () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
    const client = new Client({ name: 'http-test', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('users_list');
    await client.close();
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const host = await rawPost({ host: 'evil.example:80' }, INIT);
    expect(host.status).toBe(403);
    const origin = await rawPost({ origin: 'http://evil.example' }, INIT);
    expect(origin.status).toBe(403);
    const ok = await rawPost({}, INIT);
    expect(ok.status).toBe(200);
  });

  it('answers unknown paths with 404 and a hint', async () => {
    const res = await fetch(new URL('/other', url));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('/mcp');
  });

  it('takes a 6 MB request (above the SDK\'s 4 MB default), as a mail with an attachment needs', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'users_get_user', arguments: { user: 'x'.repeat(6 * 1024 * 1024) } } });
    const res = await rawPost({}, body);
    expect(res.status).toBe(200);
    expect(res.text).toContain('"isError":true'); // the tool's own bound on the argument answers, not a 413
  });

  it('keeps no session: a request without initialize is served', async () => {
    const res = await rawPost({}, LIST);
    expect(res.status).toBe(200);
    expect(res.text).toContain('users_list');
  });
});
