// Helpers for the mail tests: a sandbox where any demo person can sign in (the device code approved on the
// sandbox's page, as a person would), and direct looks at a mailbox through Graph to check what a tool did.
import { expect } from 'vitest';
import { call, connect, type Connected, startTestSandbox, textOf, type ToolResult } from './harness.js';

export type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

export const ADELE = 'adele.vance@contoso.sandbox';
export const MEGAN = 'megan.bowen@contoso.sandbox';
export const ALEX = 'alex.wilber@contoso.sandbox';
export const BEN = 'ben.walters@contoso.sandbox';
export const PRADEEP = 'pradeep.gupta@contoso.sandbox';
export const SUPPORT = 'support@contoso.sandbox';

/** A sandbox without automatic approval, so each connection can sign in as someone else. */
export const startMailSandbox = () => startTestSandbox({ autoApproveUser: undefined });

const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

/** A server signed in as `upn` (organization mode unless env says otherwise), with a connected MCP client. */
export async function connectAs(sandbox: Sandbox, upn: string, env: Record<string, string> = { MS365_MCP_ORG_MODE: 'true' }, opts: Parameters<typeof connect>[1] = {}): Promise<Connected> {
  const s = await connect(sandbox, { ...opts, env: { MS365_MCP_AUTO_LOGIN: 'false', ...env }, signIn: false });
  const started = await s.runtime.auth.startLogin(false);
  if (!started.pending) throw new Error('no device code');
  const approved = await fetch(started.pending.verificationUri, form({ otc: started.pending.userCode, user: upn, action: 'approve' }));
  if (!/You have signed in/.test(await approved.text())) throw new Error(`could not approve the sign-in of ${upn}`);
  await (await s.runtime.auth.manager())!.waitForLogin();
  return s;
}

/** Calls a tool and insists that it succeeded; returns its structured result. */
export async function ok<T = Record<string, unknown>>(s: Connected, tool: string, args: Record<string, unknown> = {}): Promise<T> {
  const r = await call(s.client, tool, args);
  expect(r.isError, `${tool}: ${textOf(r)}`).toBeFalsy();
  return r.structuredContent as T;
}

/** Calls a tool that must fail; returns its error text. */
export async function fails(s: Connected, tool: string, args: Record<string, unknown>): Promise<string> {
  const r: ToolResult = await call(s.client, tool, args);
  expect(r.isError, `${tool} should fail: ${textOf(r)}`).toBe(true);
  return textOf(r);
}

type GraphMsg = { id: string; subject: string; from?: { emailAddress: { address: string; name?: string } }; isRead?: boolean; internetMessageId?: string };

/** A folder's messages as Graph has them, read with the connection's own token (not through a tool). */
export async function folderMessages(s: Connected, folder: string, mailbox = '/me'): Promise<GraphMsg[]> {
  const page = await s.runtime.graph.list<GraphMsg>(`${mailbox}/mailFolders/${folder}/messages`, {
    query: { $select: 'id,subject,from,isRead,internetMessageId,receivedDateTime', $top: 100, $orderby: 'receivedDateTime desc' },
    limit: 1000,
  });
  return page.items;
}

export type Summary = { id: string; subject: string; from?: string; to?: string[]; received?: string; isRead?: boolean; hasAttachments?: boolean; importance?: string; flag?: string; categories?: string[]; preview?: string };
export type ListResult = { messages: Summary[]; nextCursor?: string };
