// The stdio fast path (src/transports/fast-start.ts) against the full SDK server: a plain start answers
// listing requests from the build-time manifest, a start with flags goes straight to the SDK. Both must
// write the same bytes, and a session the fast path began must continue on the full server as if it had
// been there from the start (the handshake's capabilities included: destructive tools ask to confirm).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ENTRY, runCli, startCli } from './process.js';

const HOME = { HOME: '/tmp/ms365-fast-start-test' };
/** Fast: the setting from the environment. Full: the same setting as a flag (any flag skips the fast path). */
const STARTS = {
  personal: { fast: [[], { MS365_MCP_ENABLED_TOOLS: '.' }], full: [['--enabled-tools', '.'], {}] },
  org: { fast: [[], { MS365_MCP_ORG_MODE: 'true' }], full: [['--org-mode'], {}] },
  'org read-only': { fast: [[], { MS365_MCP_ORG_MODE: 'true', READ_ONLY: 'true' }], full: [['--org-mode', '--read-only'], {}] },
} as const;

const init = (id: number | string, protocolVersion: string, capabilities: object = {}) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion, capabilities, clientInfo: { name: 'fast-test', version: '1' } } });
const SESSIONS = {
  'bare tools/list': ['{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}'],
  'bare tools/list, string id, no params': ['{"jsonrpc":"2.0","id":"a-b","method":"tools/list"}'],
  'handshake, list, ping': [init(1, '2025-06-18'), '{"jsonrpc":"2.0","method":"notifications/initialized"}', '{"jsonrpc":"2.0","id":2,"method":"tools/list"}', '{"jsonrpc":"2.0","id":3,"method":"ping"}'],
  'handshake with an unknown version': [init(1, '2099-01-01'), '{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}'],
  'handshake, then a call (hand-over)': [init(7, '2025-11-25'), '{"jsonrpc":"2.0","method":"notifications/initialized"}', '{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"auth_status","arguments":{}}}', '{"jsonrpc":"2.0","id":9,"method":"tools/list"}'],
  'list, then bad arguments (hand-over)': ['{"jsonrpc":"2.0","id":1,"method":"tools/list"}', '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"users_get_me","arguments":{"nope":1}}}'],
  'list, a malformed line, a paged list': ['{"jsonrpc":"2.0","id":1,"method":"tools/list"}', 'not json', '{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{"cursor":"x"}}'],
};

describe('stdio fast path answers as the SDK does', () => {
  for (const [config, { fast, full }] of Object.entries(STARTS)) {
    for (const [session, lines] of Object.entries(SESSIONS)) {
      it(`${config}: ${session}`, async () => {
        const input = `${lines.join('\n')}\n`;
        const [a, b] = await Promise.all([runCli([...fast[0]], { ...HOME, ...fast[1] }, input), runCli([...full[0]], { ...HOME, ...full[1] }, input)]);
        expect(a.code).toBe(0);
        expect(b.code).toBe(0);
        expect(a.stderr, 'the fast path served').toMatch(/listing from the build-time manifest/);
        expect(b.stderr).not.toMatch(/listing from the build-time manifest/);
        expect(a.stdout.split('\n').length).toBe(lines.filter((l) => !l.includes('notifications/')).length + 1);
        // Byte for byte per message; JSON-RPC answers may come in any order (a malformed line's error is
        // written at once by the full server, ahead of an earlier request still being answered).
        const sorted = (out: string) => out.split('\n').sort();
        expect(sorted(a.stdout)).toEqual(sorted(b.stdout));
      });
    }
  }

  it('a long-running start with no input yet loads the full server (sign-in, keep-alive, the whole configuration)', async () => {
    const quiet = startCli([], { ...HOME, LOG_LEVEL: 'debug' });
    try {
      await quiet.waitFor(/handing over to the full server \(input paused\)/);
      await quiet.waitFor(/starting \(personal mode, \d+ tools, global cloud\)/);
    } finally {
      await quiet.stop();
    }
    // A value only config.ts checks still stops such a start, as before the fast path.
    const bad = startCli([], { ...HOME, MS365_MCP_CLIENT_ID: 'not-a-guid' });
    const code = await new Promise((resolve) => bad.on('close', resolve));
    expect(code).toBe(2);
    expect(bad.stderrText()).toMatch(/Invalid configuration: MS365_MCP_CLIENT_ID must be a GUID/);
  });

  it('hands over a session that declared elicitation: a destructive tool asks the user first', async () => {
    const transcript = async (args: string[], env: Record<string, string>) => {
      const child = spawn(process.execPath, [ENTRY, ...args], { env: { PATH: process.env.PATH ?? '', ...HOME, ...env }, stdio: ['pipe', 'pipe', 'ignore'] });
      const seen: Record<string, unknown>[] = [];
      let buffer = '';
      const next = () => new Promise<Record<string, unknown>>((resolve) => {
        const check = () => {
          const nl = buffer.indexOf('\n');
          if (nl < 0) return child.stdout.once('data', (d) => ((buffer += d), check()));
          const msg = JSON.parse(buffer.slice(0, nl));
          buffer = buffer.slice(nl + 1);
          seen.push(msg);
          resolve(msg);
        };
        check();
      });
      const send = (m: string) => child.stdin.write(`${m}\n`);
      send(init(1, '2025-11-25', { elicitation: {} }));
      await next();
      send('{"jsonrpc":"2.0","method":"notifications/initialized"}');
      send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'auth_logout', arguments: {} } }));
      const ask = await next();
      expect(ask.method, JSON.stringify(ask)).toBe('elicitation/create');
      send(JSON.stringify({ jsonrpc: '2.0', id: ask.id, result: { action: 'decline' } }));
      await next();
      child.stdin.end();
      await new Promise((r) => child.on('close', r));
      return seen;
    };
    const fast = await transcript([], { MS365_MCP_ENABLED_TOOLS: '.' });
    const full = await transcript(['--enabled-tools', '.'], {});
    expect(fast).toEqual(full);
    expect((fast[2] as { result: { isError: boolean; content: { text: string }[] } }).result.content[0].text).toMatch(/the user did not confirm auth_logout/);
  });
});
