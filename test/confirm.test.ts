// Destructive tools ask the user first through MCP elicitation, in both protocol eras, and act only on a yes.
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { describe, expect, it } from 'vitest';
import { ENTRY } from './e2e/process.js';
import { call, connect, sandboxEnv, tempDir, textOf, useSandbox } from './fixtures.js';

// Device codes are approved at once as the default user: the built server below signs itself in on start.
const sandbox = useSandbox({ autoApproveUser: 'default' });

/** A client that answers every elicitation with `answer`, recording the questions. */
function elicitingClient(answer: { action: 'accept' | 'decline' | 'cancel'; content?: Record<string, string | number | boolean | string[]> }, questions: string[], options = {}): Client {
  const client = new Client({ name: 'eliciting', version: '1' }, { capabilities: { elicitation: { form: {} } }, ...options });
  client.setRequestHandler('elicitation/create', async (req) => {
    questions.push(String((req.params as { message: string }).message));
    return answer;
  });
  return client;
}

const signedIn = async (c: Client) => ((await call(c, 'auth_status')).structuredContent as { signedIn: boolean }).signedIn;

describe('confirmation of destructive tools (2025-era client)', () => {
  it('acts when the user accepts', async () => {
    const questions: string[] = [];
    const s = await connect(sandbox, { client: elicitingClient({ action: 'accept', content: { confirm: true } }, questions) });
    try {
      const r = await call(s.client, 'auth_logout');
      expect(r.isError, textOf(r)).toBeFalsy();
      expect(questions).toHaveLength(1);
      expect(questions[0]).toMatch(/^Sign out every account: .* until the next auth_login, which needs the device code again\. Go ahead\?$/);
      expect(await signedIn(s.client)).toBe(false);
    } finally {
      await s.close();
    }
  });

  it('names what will be affected, as the user knows it, and says truthfully what follows', async () => {
    const questions: string[] = [];
    const s = await connect(sandbox, { client: elicitingClient({ action: 'decline' }, questions) });
    try {
      const inbox = (await call(s.client, 'mail_list_messages', { limit: 2 })).structuredContent as { messages: { id: string; subject: string; from?: string }[] };
      const [a, b] = inbox.messages;
      await call(s.client, 'mail_delete_message', { ids: [a.id, b.id] });
      expect(questions.at(-1)).toBe(`Move "${a.subject}" from ${a.from}; "${b.subject}" from ${b.from} to Deleted Items. They can be restored (mail_move_message). Go ahead?`);
      await call(s.client, 'mail_delete_message', { ids: [a.id], permanent: true });
      expect(questions.at(-1)).toMatch(/^Permanently delete ".*"[^;]*\. They cannot be recovered\. Go ahead\?$/);
      await call(s.client, 'mail_reply_message', { id: a.id, comment: 'Thanks' });
      expect(questions.at(-1)).toBe(`Reply to "${a.subject}" from ${a.from}. Sending cannot be undone. Go ahead?`);
      await call(s.client, 'mail_send_message', { to: ['megan.bowen@contoso.sandbox'], subject: 'Plan', body: 'x' });
      expect(questions.at(-1)).toBe('Send "Plan" to megan.bowen@contoso.sandbox. Sending cannot be undone. Go ahead?');
      const events = (await call(s.client, 'calendar_list_events', { start: sandbox.thisWeek, end: sandbox.nextWeek })).structuredContent as { events: { id: string; subject: string }[] };
      const ev = events.events[0];
      await call(s.client, 'calendar_delete_event', { eventId: ev.id });
      expect(questions.at(-1)).toMatch(new RegExp(`^Delete "${ev.subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" \\(.*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*\\)[^]*It goes to Deleted Items, where Outlook can restore it\\.`));
      // A wrong id: no question, the tool's own error, nothing done.
      const asked = questions.length;
      const wrong = await call(s.client, 'mail_delete_message', { ids: ['AAMkAGnot-an-id'] });
      expect(wrong.isError).toBe(true);
      expect(questions).toHaveLength(asked);
      // Every question was declined: the messages are all still there.
      const after = (await call(s.client, 'mail_list_messages', { limit: 2 })).structuredContent as { messages: { id: string }[] };
      expect(after.messages.map((m) => m.id)).toEqual([a.id, b.id]);
    } finally {
      await s.close();
    }
  });

  it('does nothing when the user declines, and says so', async () => {
    const questions: string[] = [];
    const s = await connect(sandbox, { client: elicitingClient({ action: 'decline' }, questions) });
    try {
      const r = await call(s.client, 'auth_logout');
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/did not confirm auth_logout\. Nothing was changed/);
      expect(await signedIn(s.client)).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('asks before sharing outside the organization, not within it', async () => {
    const questions: string[] = [];
    const s = await connect(sandbox, { client: elicitingClient({ action: 'decline' }, questions) });
    try {
      const outside = await call(s.client, 'files_share', { item: '/Notes.txt', with: 'people', people: ['jordan.mitchell@fabrikam.example', 'ben.walters@contoso.sandbox'] });
      expect(outside.isError).toBe(true);
      expect(questions).toEqual(['Share Notes.txt (view) with jordan.mitchell@fabrikam.example, outside the organization? Go ahead?']);
      await call(s.client, 'files_share', { item: '/Notes.txt', with: 'anyone', role: 'edit' });
      expect(questions.at(-1)).toBe('Create a link with which anyone, inside or outside the organization and without signing in, can edit Notes.txt? Go ahead?');
      // Declined: nothing was shared. Within the organization, no question.
      const access = async () => ((await call(s.client, 'files_get', { item: '/Notes.txt', include: ['access'] })).structuredContent as { access: { who: string }[] }).access;
      expect((await access()).map((a) => a.who)).toEqual(['Adele Vance <adele.vance@contoso.sandbox>']);
      const inside = await call(s.client, 'files_share', { item: '/Notes.txt', with: 'people', people: ['ben.walters@contoso.sandbox'] });
      expect(inside.isError, textOf(inside)).toBeFalsy();
      expect(questions).toHaveLength(2);
      expect((await access()).map((a) => a.who)).toContain('Ben Walters <ben.walters@contoso.sandbox>');
      await call(s.client, 'files_delete', { item: '/Reports' });
      expect(questions.at(-1)).toMatch(/^Delete the folder Reports with its \d+ item\(s\) from \/ in your OneDrive\? It goes to the recycle bin, from which it can be restored on the web for 93 days\. Go ahead\?$/);
      expect((await call(s.client, 'files_get', { item: '/Reports' })).isError).toBeFalsy();
    } finally {
      await s.close();
    }
  });

  it('does not ask a client without elicitation, nor when MS365_MCP_CONFIRM_DESTRUCTIVE=false', async () => {
    const plain = await connect(sandbox);
    expect((await call(plain.client, 'auth_logout')).isError).toBeFalsy();
    expect(await signedIn(plain.client)).toBe(false);
    await plain.close();
    const questions: string[] = [];
    const off = await connect(sandbox, { env: { MS365_MCP_CONFIRM_DESTRUCTIVE: 'false' }, client: elicitingClient({ action: 'decline' }, questions) });
    expect((await call(off.client, 'auth_logout')).isError).toBeFalsy();
    expect(questions).toHaveLength(0);
    await off.close();
  });
});

describe('confirmation of destructive tools (2026-07-28 client, input-required round trip)', () => {
  for (const [answer, expectSignedIn] of [[{ action: 'accept' as const, content: { confirm: true } }, false], [{ action: 'decline' as const }, true]] as const) {
    it(`${answer.action}: the built server over stdio ${expectSignedIn ? 'keeps' : 'removes'} the sign-in`, async () => {
      const dataDir = await tempDir();
      const env = sandboxEnv(sandbox.url, dataDir);
      const transport = () => new StdioClientTransport({ command: process.execPath, args: [ENTRY], env: { PATH: process.env.PATH ?? '', ...env }, stderr: 'ignore' });
      const questions: string[] = [];
      const client = elicitingClient(answer, questions, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
      await client.connect(transport());
      try {
        // The automatic sign-in (auto-approved by the sandbox) completes in the background.
        for (let i = 0; i < 50 && !(await signedIn(client)); i++) await new Promise((r) => setTimeout(r, 100));
        expect(await signedIn(client)).toBe(true);
        const r = await call(client, 'auth_logout');
        expect(questions).toHaveLength(1);
        expect(r.isError ?? false).toBe(expectSignedIn);
        expect(await signedIn(client)).toBe(expectSignedIn);
      } finally {
        await client.close();
      }
    });
  }
});
