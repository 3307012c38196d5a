// The audit line of each tool call and the trace context carried to Graph (issue 16, replicas), over --http: a mail
// send's line names the person by object id and the recipients' domains, never an address, subject or body; a
// request's _meta.traceparent reaches "Graph" as client-request-id (its trace id as a GUID) and is logged with the call.
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADELE, bySubject, idOf, MEGAN, useSandbox } from '../fixtures.js';
import { auditLinesOf, httpServerAs, type startCli } from './process.js';

const sb = useSandbox();
let proc: ReturnType<typeof startCli>;
let client: Client;

beforeAll(async () => {
  // No confirmation round: the send is the call under test, not the question.
  ({ proc, client } = await httpServerAs(sb, ADELE, { MS365_MCP_CONFIRM_DESTRUCTIVE: 'false' }));
});
afterAll(async () => {
  await client?.close();
  if (proc) expect(await proc.stop()).toBe(0);
});

type Audit = ReturnType<typeof auditLinesOf>[number];

/** The JSON audit lines the server wrote to stderr so far. */
const auditLines = (): Audit[] => auditLinesOf(proc);

async function lineFor(tool: string, n = 1): Promise<Audit[]> {
  for (let i = 0; i < 100; i++) {
    const found = auditLines().filter((a) => a.tool === tool);
    if (found.length >= n) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no audit line for ${tool} in:\n${proc.stderrText()}`);
}

describe('audit line per tool call', () => {
  it('a mail send names the person and the recipient domains, never an address, the subject or the body', async () => {
    const subject = `Quarterly numbers ${Date.now()}`;
    const body = 'The merger with Northwind is confidential until Friday.';
    const external = 'kim.akers@fabrikam.example';
    const r = await client.callTool({ name: 'mail_send_message', arguments: { to: [MEGAN, `Kim Akers <${external}>`], bcc: ['audit.bcc@litware.example'], subject, body } });
    expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
    // The send happened: the message is in Adele's Sent Items.
    expect(await bySubject(sb, await sb.graphAs(ADELE), 'me', 'sentitems', subject)).toHaveLength(1);

    const [line] = await lineFor('mail_send_message');
    expect(line).toMatchObject({ level: 'info', event: 'tool_call', person: idOf(ADELE), tool: 'mail_send_message', kind: 'destructive', outcome: 'ok', recipientDomains: ['contoso.sandbox', 'fabrikam.example', 'litware.example'] });
    expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(line.clientRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const text = JSON.stringify(line);
    for (const secret of [MEGAN, external, 'audit.bcc', 'kim.akers', 'Kim Akers', subject, 'Quarterly', 'Northwind', 'confidential']) expect(text).not.toContain(secret);
    // Nowhere in the log either.
    for (const secret of [MEGAN, external, subject, 'Northwind']) expect(proc.stderrText()).not.toContain(secret);
  });

  it('names the ids a call works on, and how a failing call ended (its Graph code, not its message)', async () => {
    const missing = 'AAMkAGNoSuchMessage0000=';
    const r = await client.callTool({ name: 'mail_get_message', arguments: { id: missing } });
    expect(r.isError).toBe(true);
    const [line] = await lineFor('mail_get_message');
    expect(line).toMatchObject({ person: idOf(ADELE), kind: 'read', targets: [missing], recipientDomains: [], outcome: 'error', error: expect.stringMatching(/^(\d{3} \w+|ToolError)$/) });
    expect(JSON.stringify(line)).not.toContain((r.content as { text: string }[])[0].text);
  });
});

describe('trace context', () => {
  it("a request's _meta.traceparent reaches Graph as client-request-id, and the audit line carries it", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const guid = '4bf92f35-77b3-4da6-a3ce-929d0e0e4736';
    sb.faults.clear();
    const r = await client.callTool({ name: 'users_get_me', arguments: {}, _meta: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
    expect(sb.faults.journal.filter((j) => j.path === '/me').map((j) => j.clientRequestId)).toEqual([guid]);
    const [line] = await lineFor('users_get_me');
    expect(line).toMatchObject({ outcome: 'ok', traceId, clientRequestId: guid });
  });

  it('without a valid traceparent each call gets its own id, sent to Graph and logged', async () => {
    sb.faults.clear();
    await client.callTool({ name: 'users_get_me', arguments: {}, _meta: { traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' } });
    await client.callTool({ name: 'users_get_me', arguments: {} });
    const sent = sb.faults.journal.filter((j) => j.path === '/me').map((j) => j.clientRequestId);
    expect(sent).toHaveLength(2);
    expect(new Set(sent).size).toBe(2);
    const lines = (await lineFor('users_get_me', 3)).slice(1);
    expect(lines.map((l) => l.clientRequestId)).toEqual(sent);
    for (const l of lines) expect(l).not.toHaveProperty('traceId');
  });
});
