// Who may call --http: a bearer token shared with the clients guards /mcp, and a server bound beyond
// loopback without one refuses to start.
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures.js';
import { runCli, startCli } from './process.js';

const TOKEN = 'c2f0e8a61d4b4f3a9e7d5c1b0a8f6e4d2c0b9a8f7e6d5c4b';
const LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: LIST });

describe('--http with a bearer token', () => {
  let proc: ReturnType<typeof startCli>;
  let url: string;
  beforeAll(async () => {
    const home = await tempDir();
    const file = path.join(home, 'http-token');
    await fs.writeFile(file, `${TOKEN}\n`, { mode: 0o600 });
    proc = startCli(['--http', '127.0.0.1:0', '--org-mode'], { HOME: home, MS365_MCP_HTTP_TOKEN_FILE: file, MS365_MCP_PUBLIC_URL: 'https://mcp.contoso.test' });
    url = (await proc.waitFor(/serving MCP at (http:\/\/\S+\/mcp) \(clients must send the token/))[1];
  });
  afterAll(async () => {
    expect(await proc.stop()).toBe(0);
  });

  it('serves an MCP client that sends the token', async () => {
    const client = new Client({ name: 'http-auth-test', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${TOKEN}` } } }));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('mail_list_messages');
    await client.close();
  });

  it('answers to the public URL\'s host name (a TLS proxy forwards it), and to no other name', async () => {
    const { port } = new URL(url);
    const status = (host: string) => new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/mcp', method: 'POST', headers: { host, authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(LIST);
    });
    expect(await status('mcp.contoso.test')).toBe(200);
    expect(await status('evil.example')).toBe(403);
  });

  it('refuses a request without the token, or with another, and says what to send', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: `Bearer ${TOKEN.slice(0, -1)}x` }, { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` }, { authorization: `Bearer ${TOKEN}x` }]) {
      const res = await post(url, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="ms-365-mcp-server"');
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(/Authorization: Bearer <token>/);
    }
    const client = new Client({ name: 'no-token', version: '1' });
    await expect(client.connect(new StreamableHTTPClientTransport(new URL(url)))).rejects.toThrow();
    expect((await post(url, { authorization: `bearer  ${TOKEN}` })).status).toBe(200);
  });

  it('keeps /healthz open for load balancers, and never logs the token', async () => {
    expect((await fetch(new URL('/healthz', url))).status).toBe(200);
    expect(proc.stderrText()).toMatch(/warn http: refused a request from \S+: no token sent/);
    expect(proc.stderrText()).not.toContain(TOKEN.slice(0, 16));
  });
});

describe('--http beyond loopback', () => {
  const env = { HOME: '/tmp/ms365-http-auth-test' };

  it('does not start without a token, and says how to set one', async () => {
    const r = await runCli(['--http', '0.0.0.0:0'], env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--http 0\.0\.0\.0:0 would let anyone who reaches the port act as the signed-in account: set MS365_MCP_HTTP_TOKEN/);
  });

  it('refuses a short token without echoing it, an unreadable token file, and both at once', async () => {
    const short = await runCli(['--http', '0.0.0.0:0'], { ...env, MS365_MCP_HTTP_TOKEN: 'hunter2-hunter2' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/MS365_MCP_HTTP_TOKEN must be at least 32 characters; make one with `openssl rand -hex 32` \(got a value of 15 characters\)/);
    expect(short.stderr).not.toContain('hunter2');
    const missing = await runCli(['--http', '0.0.0.0:0'], { ...env, MS365_MCP_HTTP_TOKEN_FILE: '/nonexistent/token' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/MS365_MCP_HTTP_TOKEN_FILE cannot be read \(ENOENT\): \/nonexistent\/token/);
    const both = await runCli(['--http', '0.0.0.0:0'], { ...env, MS365_MCP_HTTP_TOKEN: TOKEN, MS365_MCP_HTTP_TOKEN_FILE: '/nonexistent/token' });
    expect(both.stderr).toMatch(/set one of MS365_MCP_HTTP_TOKEN and MS365_MCP_HTTP_TOKEN_FILE, not both/);
  });

  it('starts with a token, or unauthenticated only when told so explicitly', async () => {
    const guarded = startCli(['--http', '0.0.0.0:0'], { ...env, MS365_MCP_HTTP_TOKEN: TOKEN });
    await guarded.waitFor(/serving MCP at http:\/\/0\.0\.0\.0:\d+\/mcp \(clients must send the token; use TLS in front\)/);
    expect(await guarded.stop()).toBe(0);
    const open = startCli(['--http', '0.0.0.0:0'], { ...env, MS365_MCP_HTTP_ALLOW_UNAUTHENTICATED: 'true' });
    await open.waitFor(/serving MCP at http:\/\/0\.0\.0\.0:\d+\/mcp \(NO authentication: an authenticating proxy must front it; use TLS in front\)/);
    expect(await open.stop()).toBe(0);
  });
});
