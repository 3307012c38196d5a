// The one set of fixtures for tool tests: a sandbox where any demo person can sign in, a server signed in as
// one of them, ok/fails for tool calls, and the seed's people and dates, read from the sandbox's testing entry.
import { expect } from 'vitest';
import { SHARED_MAILBOX_UPN, TENANT_DOMAIN } from '../src/sandbox/testing.js';
import { call, connect, type Connected, startTestSandbox, textOf, type ToolResult } from './harness.js';

export { addDays } from '../src/sandbox/testing.js';

export type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

/** A demo person's address from the part before the @, e.g. at('lee.gu'). */
export const at = (who: string) => `${who}@${TENANT_DOMAIN}`;
export const ADELE = at('adele.vance');
export const MEGAN = at('megan.bowen');
export const ALEX = at('alex.wilber');
export const BEN = at('ben.walters');
export const PRADEEP = at('pradeep.gupta');
export const SUPPORT = SHARED_MAILBOX_UPN;

/** A sandbox without automatic approval, so each connection can sign in as someone else. */
export const startPeopleSandbox = () => startTestSandbox({ autoApproveUser: undefined });

const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

/** A server signed in as `upn` (organization mode unless env says otherwise), its device code approved on the
 *  sandbox's page as a person would, with a connected MCP client. */
export async function signInAs(sandbox: { url: string }, upn: string, env: Record<string, string> = { MS365_MCP_ORG_MODE: 'true' }, opts: Parameters<typeof connect>[1] = {}): Promise<Connected> {
  const s = await connect(sandbox, { ...opts, env: { MS365_MCP_AUTO_LOGIN: 'false', ...env }, signIn: false });
  const started = await s.runtime.auth.startLogin(false);
  if (!started.pending) throw new Error('no device code was issued');
  const approved = await fetch(started.pending.verificationUri, form({ otc: started.pending.userCode, user: upn, action: 'approve' }));
  if (!/You have signed in/.test(await approved.text())) throw new Error(`could not approve the sign-in of ${upn}`);
  await (await s.runtime.auth.manager())!.waitForLogin();
  return s;
}

/** Calls a tool and insists that it succeeded; returns its structured result, with the content
 *  block's text as `textBlock` (a name no tool's output uses). */
export async function ok<T extends object = Record<string, unknown>>(s: Connected, tool: string, args: Record<string, unknown> = {}): Promise<T & { textBlock: string }> {
  const r = await call(s.client, tool, args);
  expect(r.isError, `${tool}: ${textOf(r)}`).toBeFalsy();
  return Object.assign(r.structuredContent as T, { textBlock: textOf(r) });
}

/** Calls a tool that must fail; returns its error text. */
export async function fails(s: Connected, tool: string, args: Record<string, unknown> = {}): Promise<string> {
  const r: ToolResult = await call(s.client, tool, args);
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
