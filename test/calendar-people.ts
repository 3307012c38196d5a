// Several people of the demo tenant at once: one sandbox without automatic approval, and a server runtime per
// person, each signed in by approving its device code on the sandbox's /devicelogin page as that person.
import { expect } from 'vitest';
import { call, connect, type Connected, startTestSandbox, textOf, type ToolResult } from './harness.js';
import type { Sandbox } from '../src/sandbox/index.js';

export const DOMAIN = 'contoso.sandbox';
export const at = (who: string) => `${who}@${DOMAIN}`;

export async function startPeopleSandbox(): Promise<Sandbox & { stateDir: string }> {
  return startTestSandbox({ autoApproveUser: undefined });
}

/** A connected MCP client whose server is signed in as `upn` (approved on the device-login page). */
export async function signInAs(sandbox: { url: string }, upn: string, env: Record<string, string> = {}): Promise<Connected> {
  const c = await connect(sandbox, { env: { MS365_MCP_ORG_MODE: 'true', ...env }, signIn: false });
  const started = await c.runtime.auth.startLogin(false);
  const pending = started.pending;
  if (!pending) throw new Error('no device code was issued');
  const res = await fetch(pending.verificationUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ otc: pending.userCode, user: upn, action: 'approve' }).toString(),
  });
  const page = await res.text();
  if (!/You have signed in/.test(page)) throw new Error(`approval as ${upn} failed: ${res.status}`);
  await (await c.runtime.auth.manager())!.waitForLogin();
  return c;
}

/** Calls a tool and expects success; returns the structured result. */
export async function ok<T extends object = Record<string, unknown>>(c: Connected, tool: string, args: Record<string, unknown> = {}): Promise<T & { text: string }> {
  const r = await call(c.client, tool, args);
  expect(r.isError, `${tool}: ${textOf(r)}`).toBeFalsy();
  return Object.assign(r.structuredContent as T, { text: textOf(r) }) as T & { text: string };
}

/** Calls a tool and expects an error result; returns its text. */
export async function fails(c: Connected, tool: string, args: Record<string, unknown> = {}): Promise<string> {
  const r: ToolResult = await call(c.client, tool, args);
  expect(r.isError, `${tool} should fail: ${textOf(r)}`).toBe(true);
  return textOf(r);
}

/** Monday (YYYY-MM-DD) of the week after the one containing `now`. */
export function nextMonday(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const dow = d.getUTCDay() || 7; // 1 = Monday ... 7 = Sunday
  d.setUTCDate(d.getUTCDate() + 8 - dow);
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
