// Reading mail through the MCP client against the sandbox: intent filters, paging, search syntax, one message,
// a thread, folders, and the errors a model gets for bad ids and malformed addresses.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, ALEX, call, type Connected, fails, graph, type ListResult, ok, textOf, useSandbox } from './fixtures.js';

const sandbox = useSandbox();
let s: Connected;
beforeAll(async () => {
  s = await sandbox.as(ADELE);
});

const list = (args: Record<string, unknown> = {}) => ok<ListResult>(s, 'mail_list_messages', args);
const subjects = (r: ListResult) => r.messages.map((m) => m.subject);

describe('mail_list_messages', () => {
  it('lists the inbox newest first as curated summaries', async () => {
    const r = await list();
    expect(r.messages.length).toBeGreaterThan(5);
    const times = r.messages.map((m) => m.received!);
    expect([...times].sort((x, y) => Date.parse(y) - Date.parse(x))).toEqual(times);
    const m = r.messages.find((x) => x.subject === '1:1 agenda for tomorrow')!;
    expect(m).toMatchObject({ from: `Alex Wilber <${ALEX}>`, isRead: false, hasAttachments: false });
    expect(m.preview).toMatch(/^Hi Adele, For tomorrow/);
    // Curated: no Graph envelope or raw recipient objects.
    expect(Object.keys(m).every((k) => ['id', 'subject', 'from', 'received', 'isRead', 'hasAttachments', 'importance', 'flag', 'categories', 'preview'].includes(k))).toBe(true);
  });

  it("shows times in the user's own zone with its offset, and in UTC where no permission reads the zone", async () => {
    // Adele works in Pacific time; her calendar permissions let the server read her working hours' zone.
    const agenda = (await list({ since: sandbox.mailDay(0) })).messages.find((m) => m.subject === '1:1 agenda for tomorrow')!;
    expect(agenda.received).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[78]:00$/);
    expect(Date.parse(agenda.received!)).toBe(Date.parse(`${sandbox.mailDay(0)}T16:30:00Z`));
    const wall = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Los_Angeles', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(agenda.received!));
    expect(agenda.received!.slice(11, 16)).toBe(wall);
    const read = await ok<{ received: string; textBlock: string }>(s, 'mail_get_message', { id: agenda.id });
    expect(read.received).toBe(agenda.received);
    expect(read.textBlock).toContain(`date: ${agenda.received!.slice(0, 10)} ${wall} ${agenda.received!.slice(-6)}`);
    // Mail alone (no calendar group, so no calendar permission in the token): UTC, marked Z.
    const mailOnly = await sandbox.as(ADELE, { MS365_MCP_ENABLE_CALENDAR: 'false' });
    const utc = (await ok<ListResult>(mailOnly, 'mail_list_messages', { since: sandbox.mailDay(0) })).messages.find((m) => m.subject === '1:1 agenda for tomorrow')!;
    expect(utc.received).toBe(`${sandbox.mailDay(0)}T16:30:00Z`);
  });

  it('filters by intent: unread, sender, dates, attachments, importance, flag', async () => {
    const unread = await list({ unreadOnly: true });
    expect(unread.messages.length).toBeGreaterThan(2);
    expect(unread.messages.every((m) => m.isRead === false)).toBe(true);
    expect(subjects(await list({ from: ALEX, since: sandbox.mailDay(-1) }))).toEqual(['1:1 agenda for tomorrow']);
    const window = await list({ since: sandbox.mailDay(-4), until: sandbox.mailDay(-3) });
    expect(window.messages.length).toBeGreaterThan(0);
    for (const m of window.messages) expect(Date.parse(m.received!) >= Date.parse(`${sandbox.mailDay(-4)}T00:00:00Z`) && Date.parse(m.received!) < Date.parse(`${sandbox.mailDay(-2)}T00:00:00Z`)).toBe(true);
    const withFiles = await list({ hasAttachments: true });
    expect(withFiles.messages.length).toBeGreaterThan(0);
    expect(withFiles.messages.every((m) => m.hasAttachments)).toBe(true);
    expect(subjects(await list({ importance: 'high', from: ALEX }))).toEqual(['Q4 retail forecast - please review by Friday']);
    const flagged = await list({ flagged: true });
    expect(flagged.messages.map((m) => m.flag)).toEqual(flagged.messages.map(() => 'flagged'));
    expect(subjects(flagged)).toContain('Q4 retail forecast - please review by Friday');
    expect((await list({ flagged: false })).messages.every((m) => m.flag !== 'flagged')).toBe(true);
  });

  it('pages with a cursor that continues where the last page stopped', async () => {
    const all = await list({ limit: 100 });
    const first = await list({ limit: 3 });
    expect(first.nextCursor).toBeTruthy();
    const second = await list({ limit: 3, cursor: first.nextCursor });
    expect([...first.messages, ...second.messages].map((m) => m.id)).toEqual(all.messages.slice(0, 6).map((m) => m.id));
  });

  it('lists other folders by well-known name, display name or path; sent items show recipients', async () => {
    const sent = await list({ folder: 'sentitems' });
    const lunch = sent.messages.find((m) => m.subject === 'RE: Lunch on Thursday?')!;
    expect(lunch.to).toEqual(['Megan Bowen <megan.bowen@contoso.sandbox>']);
    expect(subjects(await list({ folder: 'Projects/Holiday 2026' }))).toContain('Holiday display programme - kickoff');
    expect(subjects(await list({ folder: 'Junk Email' }))).toContain('Congratulations! You have won a USD 500 gift card');
    expect(await fails(s, 'mail_list_messages', { folder: 'Projects/Nope' })).toMatch(/No folder named "Nope" in Projects\. mail_list_folders/);
  });

  it('refuses malformed addresses and dates before calling Graph', async () => {
    const before = sandbox.faults.journal.length;
    expect(await fails(s, 'mail_list_messages', { from: 'alex.wilber' })).toMatch(/from.*must be an address/s);
    expect(await fails(s, 'mail_list_messages', { from: "x'@y.com' or 1 eq 1" })).toMatch(/from/);
    expect(await fails(s, 'mail_list_messages', { since: 'last tuesday' })).toMatch(/since.*must be a date/s);
    expect(await fails(s, 'mail_list_messages', { mailbox: 'support' })).toMatch(/mailbox.*must be an address/s);
    expect(sandbox.faults.journal.length).toBe(before);
  });
});

describe('mail_search_messages', () => {
  const search = (query: string, extra: Record<string, unknown> = {}) => ok<ListResult>(s, 'mail_search_messages', { query, ...extra });

  it('finds mail with Outlook search syntax', async () => {
    expect(subjects(await search('from:alex.wilber@contoso.sandbox subject:"1:1 agenda"'))).toEqual(['1:1 agenda for tomorrow']);
    expect(subjects(await search('PO 48213 hasattachments:yes'))).toContain('PO #48213 confirmation - holiday display kits');
  });

  it('takes quotes, colons and non-Latin text literally', async () => {
    // A colon after a word that is no search property is text ("1:1", "Re:"), and stray quotes do no harm.
    expect(subjects(await search('1:1 agenda'))).toEqual(['1:1 agenda for tomorrow']);
    expect((await search('"lunch on thursday')).messages.length).toBeGreaterThan(0);
    expect((await search('he said "x" and: \\ ( ) zzqq')).messages).toEqual([]);
    expect(subjects(await search('Commande de Noël'))).toContain('Commande de Noël - confirmation des quantités');
    // Japanese and Hindi, in a mail Adele sends herself.
    await ok(s, 'mail_send_message', { to: [ADELE], subject: '東京オフィス移転の件 / दिवाली समारोह', body: '新しいオフィスは12月に移転します。' });
    expect(subjects(await search('東京オフィス', { folder: 'inbox' }))).toEqual(['東京オフィス移転の件 / दिवाली समारोह']);
    expect(subjects(await search('subject:दिवाली', { folder: 'inbox' }))).toEqual(['東京オフィス移転の件 / दिवाली समारोह']);
    expect(subjects(await search('body:"12月に移転"', { folder: 'inbox' }))).toEqual(['東京オフィス移転の件 / दिवाली समारोह']);
  });

  it('explains a query it cannot run', async () => {
    expect(await fails(s, 'mail_search_messages', { query: 'received>=last-week' })).toMatch(/received>= needs a date like 2026-11-01/);
    expect(await fails(s, 'mail_search_messages', { query: 'AND OR' })).toMatch(/no words to search for/);
  });
});

describe('mail_get_message and mail_get_thread', () => {
  const find = async (subject: string, folder = 'inbox') => (await list({ folder, limit: 100 })).messages.find((m) => m.subject === subject)!;

  it('reads a message as plain text by default, HTML on request, with its attachments', async () => {
    const po = await find('PO #48213 confirmation - holiday display kits');
    const m = await ok<Record<string, unknown>>(s, 'mail_get_message', { id: po.id });
    expect(m).toMatchObject({ from: 'Jordan Mitchell <jordan.mitchell@fabrikam.example>', to: [`Adele Vance <${ADELE}>`], bodyFormat: 'text', categories: ['Fabrikam'] });
    expect(m.body).toMatch(/We confirm purchase order #48213/);
    expect(m.body).not.toMatch(/<p>|<b>/);
    expect(m.attachments).toEqual([expect.objectContaining({ name: 'PO-48213-lines.csv', contentType: 'text/csv', size: expect.any(Number) })]);
    const html = await ok<{ body: string; bodyFormat: string }>(s, 'mail_get_message', { id: po.id, bodyFormat: 'html' });
    expect(html.bodyFormat).toBe('html');
    expect(html.body).toMatch(/<b>#48213<\/b>/);
    const cut = await call(s.client, 'mail_get_message', { id: po.id, maxChars: 200 });
    expect(cut.structuredContent).toMatchObject({ truncated: true });
    expect(textOf(cut)).toMatch(/ask for a larger maxChars/);
  });

  it('reads a whole thread oldest first, each message with only its new text', async () => {
    const reply = await find('RE: Q4 retail forecast - please review by Friday');
    const t = await ok<{ subject: string; messages: { from: string; body: string }[] }>(s, 'mail_get_thread', { id: reply.id });
    expect(t.messages.map((m) => m.from.split(' <')[0])).toEqual(['Alex Wilber', 'Adele Vance', 'Christie Cline']);
    expect(t.messages[1].body).toMatch(/Bellevue Square store reopens/);
    expect(t.messages[2].body).toMatch(/EMEA is fine/);
    expect(t.messages[2].body).not.toMatch(/Bellevue Square store reopens/); // quoted history left out
  });

  it('gives clear errors for bad and unknown ids', async () => {
    expect(await fails(s, 'mail_get_message', { id: 'not-an-id' })).toMatch(/Graph 400 ErrorInvalidIdMalformed.*Ids come from mail_list_messages/s);
    const real = (await list({ limit: 1 })).messages[0].id;
    const other = real.slice(0, -8) + (real.slice(-8, -4) === 'AAAA' ? 'BBBB' : 'AAAA') + real.slice(-4);
    expect(await fails(s, 'mail_get_message', { id: other })).toMatch(/Graph (400|404) ErrorI(nvalidIdMalformed|temNotFound).*Ids come from/s);
    expect(await fails(s, 'mail_get_message', { id: '../../users/x' })).toMatch(/id.*must be a message id/s);
  });
});

describe('mail folders', () => {
  it('lists the top level with counts and the subfolders of a folder', async () => {
    const top = await ok<{ folders: { id: string; name: string; unread?: number; total?: number; children?: number }[] }>(s, 'mail_list_folders');
    const names = top.folders.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['Inbox', 'Sent Items', 'Drafts', 'Deleted Items', 'Archive', 'Junk Email', 'Projects']));
    expect(top.folders.find((f) => f.name === 'Inbox')!.unread).toBeGreaterThan(0);
    expect(top.folders.find((f) => f.name === 'Projects')!.children).toBe(1);
    const sub = await ok<{ folders: { name: string }[] }>(s, 'mail_list_folders', { parent: 'Projects' });
    expect(sub.folders.map((f) => f.name)).toEqual(['Holiday 2026']);
  });

  it('creates folders and child folders, and refuses a duplicate', async () => {
    const top = await ok<{ id: string; name: string }>(s, 'mail_create_folder', { name: 'Clients' });
    const child = await ok<{ id: string; parentId: string }>(s, 'mail_create_folder', { name: 'Fabrikam', parent: 'Clients' });
    expect(child.parentId).toBe(top.id);
    const sub = await ok<{ folders: { name: string }[] }>(s, 'mail_list_folders', { parent: 'Clients' });
    expect(sub.folders.map((f) => f.name)).toEqual(['Fabrikam']);
    expect(await fails(s, 'mail_create_folder', { name: 'Fabrikam', parent: 'Clients' })).toMatch(/already exists/);
    expect(await fails(s, 'mail_create_folder', { name: 'a/b' })).toMatch(/one folder name/);
  });
});

describe('links for the person', () => {
  it('mail_get_message carries the message\'s Outlook web link, as Graph gives it', async () => {
    const first = (await ok<ListResult>(s, 'mail_list_messages', { limit: 1 })).messages[0];
    const m = await ok<{ webLink?: string; textBlock: string }>(s, 'mail_get_message', { id: first.id });
    const graphLink = (await graph(sandbox, await sandbox.graphAs(ADELE), `/me/messages/${first.id}?$select=webLink`)).body.webLink;
    expect(graphLink).toMatch(/^https:\/\//);
    expect(m.webLink).toBe(graphLink);
    expect(m.textBlock).toContain(`open in Outlook: ${graphLink}`);
  });
});
