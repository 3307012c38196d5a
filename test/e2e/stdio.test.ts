// The built server over stdio, as the container and the guide's `docker exec -i` pattern use it.
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as StdioV1 } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { describe, expect, it } from 'vitest';
import { ENTRY, runCli } from './process.js';

const env = { HOME: '/tmp/ms365-stdio-test', MS365_MCP_ORG_MODE: 'true' };

describe('stdio transport (built dist/index.js)', () => {
  it('answers a bare tools/list with no initialize and exits cleanly at end of input', async () => {
    const r = await runCli([], env, '{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}\n');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const msg = JSON.parse(lines[0]);
    expect(msg.id).toBe(1);
    expect(msg.result.tools.map((t: { name: string }) => t.name)).toContain('users_list');
    // stdout carries only protocol messages; logs are on stderr.
    expect(r.stderr).toMatch(/server: ms-365-mcp-server .* starting/);
  });

  it('answers the guide\'s Python pattern: one JSON object, no trailing newline, stdin closed at once', async () => {
    const r = await runCli([], env, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).result.tools.length).toBeGreaterThan(3);
  });

  it('answers the guide\'s echo initialize pipe', async () => {
    const init = '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"test","version":"1.0"}}}';
    const r = await runCli([], env, `${init}\n`);
    expect(r.code).toBe(0);
    const msg = JSON.parse(r.stdout);
    expect(msg.result.serverInfo.name).toBe('ms-365-mcp-server');
    expect(msg.result.protocolVersion).toBe('2024-11-05');
  });

  it('answers a malformed line with a JSON-RPC error, logs one line without its content, and keeps serving', async () => {
    const input = ['this is not json', '{"secret":"Quarterly numbers"}', '{"jsonrpc":"2.0","id":7,"method":5}', '[{"jsonrpc":"2.0","id":8,"method":"tools/list"}]',
      '{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}'].join('\n');
    const r = await runCli([], env, `${input}\n`);
    expect(r.code).toBe(0);
    const msgs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(msgs.slice(0, 4).map((m) => [m.id, m.error?.code])).toEqual([[null, -32700], [null, -32600], [7, -32600], [null, -32600]]);
    expect(msgs[1].error.message).toMatch(/"jsonrpc" must be "2.0"/);
    expect(msgs.find((m) => m.id === 2)?.result.tools.length).toBeGreaterThan(0);
    expect(r.stderr.match(/warn stdio: answered a \d+-character line with JSON-RPC error/g)).toHaveLength(4);
    expect(r.stderr).not.toContain('Quarterly');
  });

  it('keeps characters whole across the pipe\'s chunks', async () => {
    const id = 'Grüße-日本語-'.repeat(12_000); // about 250 KB of UTF-8, so several chunks split characters
    const r = await runCli([], env, JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/list', params: {} }));
    expect(r.code).toBe(0);
    const answered = JSON.parse(r.stdout.trim()).id as string;
    expect(answered.length).toBe(id.length);
    expect(answered === id, 'the id came back changed').toBe(true);
  });

  it('answers a 12 MB message (above the SDK\'s 10 MB line limit, where it would go unanswered)', async () => {
    const big = 'x'.repeat(12 * 1024 * 1024);
    const r = await runCli([], env, `${JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'users_get_user', arguments: { user: big } } })}\n`);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout.trim());
    expect(answer.id).toBe(5);
    expect(answer.result.isError).toBe(true); // refused by the tool's own bound on the argument, with a reason
    expect(answer.result.content[0].text).toMatch(/user/);
  });

  it('refuses a message over 64 MB with a JSON-RPC error, and keeps serving the next line', async () => {
    const huge = `{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"users_get_user","arguments":{"user":"${'y'.repeat(65 * 1024 * 1024)}"}}}`;
    const r = await runCli([], env, `${huge}\n{"jsonrpc":"2.0","id":7,"method":"tools/list","params":{}}\n`, 60_000);
    expect(r.code).toBe(0);
    const msgs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(msgs[0]).toMatchObject({ id: null, error: { code: -32600 } });
    expect(msgs[0].error.message).toMatch(/at most 64 MB; send large attachments as a file path/);
    expect(msgs.find((m) => m.id === 7)?.result.tools.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/warn stdio: answered an over-long line with JSON-RPC error -32600/);
  });

  it('serves a 2025-era client (SDK v1, initialize handshake)', async () => {
    const client = new ClientV1({ name: 'v1', version: '1' });
    await client.connect(new StdioV1({ command: process.execPath, args: [ENTRY], env: { PATH: process.env.PATH ?? '', ...env }, stderr: 'ignore' }));
    const { tools } = await client.listTools();
    expect(tools.find((t) => t.name === 'users_get_me')?.outputSchema).toBeDefined();
    const r = await client.callTool({ name: 'auth_status', arguments: {} });
    expect((r.structuredContent as { signedIn: boolean }).signedIn).toBe(false);
    await client.close();
  });

  it('serves a 2026-07-28 stateless client (SDK v2, pinned modern era)', async () => {
    const client = new Client({ name: 'v2', version: '2' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [ENTRY], env: { PATH: process.env.PATH ?? '', ...env }, stderr: 'ignore' }));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('auth_login');
    const r = (await client.callTool({ name: 'auth_status', arguments: {} })) as { structuredContent?: { signedIn: boolean } };
    expect(r.structuredContent?.signedIn).toBe(false);
    await client.close();
  });
});
