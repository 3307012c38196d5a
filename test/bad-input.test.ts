// Every tool, given wrong types, missing fields or huge strings, answers with an isError result that names
// the problem, and the server keeps serving.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, call, type Connected, textOf, useSandbox } from './fixtures.js';

type Schema = { type?: string; enum?: unknown[]; properties?: Record<string, Schema>; required?: string[] };
const sandbox = useSandbox();
let s: Connected;
let tools: { name: string; inputSchema: Schema }[];

beforeAll(async () => {
  s = await sandbox.as(ADELE);
  tools = (await s.client.listTools()).tools as typeof tools;
});

const wrongValue = (schema: Schema): unknown => (schema.type === 'string' ? 42 : schema.type === 'array' ? 'not-a-list' : schema.type === 'object' ? 'not-an-object' : { nested: true });

describe('bad input', () => {
  it('wrong types name the parameter', async () => {
    let checked = 0;
    for (const t of tools) {
      for (const [p, schema] of Object.entries(t.inputSchema.properties ?? {})) {
        const r = await call(s.client, t.name, { [p]: wrongValue(schema) });
        expect(r.isError, `${t.name}.${p}`).toBe(true);
        expect(textOf(r), `${t.name}.${p}`).toContain(p);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('missing required fields name the field', async () => {
    const withRequired = tools.filter((t) => t.inputSchema.required?.length);
    expect(withRequired.length).toBeGreaterThan(0);
    for (const t of withRequired) {
      const r = await call(s.client, t.name, {});
      expect(r.isError, t.name).toBe(true);
      expect(textOf(r), t.name).toContain(t.inputSchema.required![0]);
    }
  });

  it('huge strings are refused with the limit, not sent to Graph', async () => {
    const before = sandbox.faults.journal.length;
    const huge = 'x'.repeat(1_000_000);
    for (const t of tools) {
      for (const [p, schema] of Object.entries(t.inputSchema.properties ?? {})) {
        if (schema.type !== 'string' || schema.enum) continue; // an enum refuses it as an invalid option
        const r = await call(s.client, t.name, { [p]: huge });
        expect(r.isError, `${t.name}.${p}`).toBe(true);
        expect(textOf(r), `${t.name}.${p}`).toMatch(/too big|at most|<=|too_big/i);
      }
    }
    expect(sandbox.faults.journal.length).toBe(before);
  });

  it('unexpected extra arguments do not break a tool, and the server still serves afterwards', async () => {
    const r = await call(s.client, 'users_get_me', { surprise: 'value' });
    expect(r.isError).toBeFalsy();
    const status = await call(s.client, 'auth_status');
    expect((status.structuredContent as { signedIn: boolean }).signedIn).toBe(true);
  });

  it('a user reference with path characters is refused before it reaches a URL', async () => {
    const r = await call(s.client, 'users_get_user', { user: '../me/sendMail' });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/without \/ \\ \? # %/);
  });
});
