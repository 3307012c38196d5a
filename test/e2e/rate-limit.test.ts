// The per-person limit on tool calls in one process (the built server over --http, one signed-in account, its
// memory as the store): a burst passes, the next call is answered with a tool error that says how long to wait and
// sends nothing to Graph, its audit line says rate_limited, the sign-in tools are never limited, and after the
// said wait the call passes.
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADELE, idOf, useSandbox } from '../fixtures.js';
import { auditLinesOf, httpServerAs, type startCli } from './process.js';

const sb = useSandbox();
let proc: ReturnType<typeof startCli>;
let client: Client;

beforeAll(async () => {
  // 12 a minute: one call every 5 seconds once the burst of 2 is spent.
  ({ proc, client } = await httpServerAs(sb, ADELE, { MS365_MCP_RATE_LIMIT: '12', MS365_MCP_RATE_LIMIT_BURST: '2' }));
});
afterAll(async () => {
  await client?.close();
  if (proc) expect(await proc.stop()).toBe(0);
});

const text = (r: Awaited<ReturnType<Client['callTool']>>) => (r.content as { text: string }[])[0].text;
const me = () => client.callTool({ name: 'users_get_me', arguments: {} });
const auditLines = () => auditLinesOf(proc);

describe('per-person limit on tool calls, in one process', () => {
  it('lets a burst through, refuses the next with the wait to keep, and lets it through after that wait', async () => {
    expect(proc.stderrText()).toContain('server: each person may make 12 tool calls a minute (bursts of 2)');
    for (const r of await Promise.all([me(), me()])) expect(r.isError, text(r)).toBeFalsy();

    const graphBefore = sb.faults.journal.length;
    const refused = await me();
    expect(refused.isError).toBe(true);
    const wait = /Try again in (\d+) seconds?\./.exec(text(refused));
    expect(text(refused)).toMatch(/allows each person 12 a minute \(bursts of 2\), and nothing was done\..*MS365_MCP_RATE_LIMIT/);
    expect(Number(wait?.[1])).toBeGreaterThanOrEqual(4);
    expect(Number(wait?.[1])).toBeLessThanOrEqual(5);
    // Nothing reached Graph for it.
    expect(sb.faults.journal.length).toBe(graphBefore);
    const line = auditLines().find((a) => a.outcome === 'rate_limited');
    expect(line).toMatchObject({ tool: 'users_get_me', person: idOf(ADELE), outcome: 'rate_limited' });
    expect(line).not.toHaveProperty('error');

    // The sign-in tools work on local state and are never limited.
    const status = await client.callTool({ name: 'auth_status', arguments: {} });
    expect(status.isError, text(status)).toBeFalsy();

    await new Promise((r) => setTimeout(r, Number(wait![1]) * 1000));
    const after = await me();
    expect(after.isError, text(after)).toBeFalsy();
    expect((after.structuredContent as { userPrincipalName: string }).userPrincipalName).toBe(ADELE);
    expect(sb.faults.journal.length).toBeGreaterThan(graphBefore);
  }, 20_000);
});
