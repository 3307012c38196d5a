// The 2026-07-28 wire as a client sees it over --http: caching hints on what may be cached (tools/list and
// server/discover, the same for everyone), none on tool results, and the confirmation's input_required round.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from './process.js';

let proc: ReturnType<typeof startCli>;
let url: string;
let home: string;

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'ms365-http-2026-'));
  proc = startCli(['--http', '127.0.0.1:0', '--org-mode'], { HOME: home });
  url = (await proc.waitFor(/serving MCP at (http:\/\/\S+\/mcp)/))[1];
});
afterAll(async () => {
  if (proc) expect(await proc.stop()).toBe(0);
  rmSync(home, { recursive: true, force: true });
});

type Answer = Record<string, unknown> & { resultType?: string; ttlMs?: unknown; cacheScope?: unknown };

/** One 2026-07-28 request, written out as a client sends it: the protocol version, client and its
 *  capabilities in _meta, and the Mcp-Method (and Mcp-Name) headers. */
async function modern(method: string, params: Record<string, unknown> = {}, clientCapabilities: Record<string, unknown> = {}): Promise<Answer> {
  const name: Record<string, string> = typeof params.name === 'string' ? { 'mcp-name': params.name } : {};
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': method, ...name },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method,
      params: { ...params, _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'http-2026-test', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': clientCapabilities } },
    }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { result?: Answer; error?: unknown };
  expect(body.error).toBeUndefined();
  return body.result!;
}

const ELICITATION = { elicitation: { form: {} } };

describe('2026-07-28 over Streamable HTTP', () => {
  it('tools/list and server/discover may be cached by anyone for five minutes; both say tools never change', async () => {
    const list = await modern('tools/list');
    expect(list.resultType).toBe('complete');
    expect((list.tools as { name: string }[]).map((t) => t.name)).toContain('users_list');
    expect({ ttlMs: list.ttlMs, cacheScope: list.cacheScope }).toEqual({ ttlMs: 300_000, cacheScope: 'public' });
    const discover = await modern('server/discover');
    expect({ ttlMs: discover.ttlMs, cacheScope: discover.cacheScope }).toEqual({ ttlMs: 300_000, cacheScope: 'public' });
    expect(discover.supportedVersions).toContain('2026-07-28');
    // No list-changed notifications are promised: the list follows from the configuration alone.
    expect(discover.capabilities).toEqual({ tools: { listChanged: false } });
  });

  it('a tool result carries no caching hints: it is people\'s data, never for a shared cache', async () => {
    const status = await modern('tools/call', { name: 'auth_status', arguments: {} });
    expect(status.resultType).toBe('complete');
    expect(status.structuredContent).toMatchObject({ signedIn: false });
    expect(status).not.toHaveProperty('cacheScope');
    expect(status).not.toHaveProperty('ttlMs');
  });

  it('a destructive tool asks through an input_required result (not cacheable), asks again when the answer is missing, and acts on the answer', async () => {
    const asked = await modern('tools/call', { name: 'auth_logout', arguments: {} }, ELICITATION);
    expect(asked.resultType).toBe('input_required');
    const confirm = (asked.inputRequests as Record<string, { method: string; params: { message: string; mode: string } }>).confirm;
    expect(confirm.method).toBe('elicitation/create');
    expect(confirm.params).toMatchObject({ mode: 'form', message: expect.stringMatching(/^Sign out every account: .* Go ahead\?$/) });
    // Interim results are never cached (the caching utility of 2026-07-28).
    expect(asked).not.toHaveProperty('ttlMs');
    expect(asked).not.toHaveProperty('cacheScope');
    // No requestState: the retried call re-reads what it needs, so there is no state to trust or to tamper with.
    expect(asked).not.toHaveProperty('requestState');

    const again = await modern('tools/call', { name: 'auth_logout', arguments: {}, inputResponses: {} }, ELICITATION);
    expect(again.resultType).toBe('input_required');
    expect(again.inputRequests).toEqual(asked.inputRequests);

    const declined = await modern('tools/call', { name: 'auth_logout', arguments: {}, inputResponses: { confirm: { action: 'decline' } } }, ELICITATION);
    expect(declined).toMatchObject({ resultType: 'complete', isError: true, content: [{ type: 'text', text: expect.stringContaining('did not confirm auth_logout') }] });
    expect(declined).not.toHaveProperty('cacheScope');
  });

  it('a client that declared no elicitation is not asked: the tool goes ahead', async () => {
    const r = await modern('tools/call', { name: 'auth_logout', arguments: {} });
    expect(r.resultType).toBe('complete');
    expect(r).not.toHaveProperty('inputRequests');
    // Nobody is signed in (and no app is registered): the sign-out itself says so.
    expect(JSON.stringify(r.content)).not.toContain('did not confirm');
  });
});
