// Sending through the MCP client: recipients, bodies, attachments (inline and through an upload session, with
// progress), drafts, replies and forwards; a send that meets an outage is never sent twice.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADELE, ALEX, BEN, type Connected, fails, folderMessages, type ListResult, MEGAN, ok, tempDir, useSandbox } from './fixtures.js';

const sandbox = useSandbox();
let adele: Connected;
let megan: Connected;
let ben: Connected;
let alex: Connected;
let dir: string;
beforeAll(async () => {
  [adele, megan, ben, alex] = await Promise.all([ADELE, MEGAN, BEN, ALEX].map((u) => sandbox.as(u)));
  dir = await tempDir('ms365-mail-files-');
});
beforeEach(() => sandbox.faults.clear());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const copies = async (who: Connected, subject: string, folder = 'inbox') => (await folderMessages(who, folder)).filter((m) => m.subject === subject);
type Attachment = { id: string; name: string; size: number };
const attachmentsOf = async (who: Connected, id: string) => (await ok<{ attachments?: Attachment[] }>(who, 'mail_get_message', { id })).attachments ?? [];

describe('mail_send_message', () => {
  it('delivers once to each of to, cc and bcc, and keeps one copy in Sent Items', async () => {
    const subject = 'Pricing update for the holiday kits';
    const r = await ok(adele, 'mail_send_message', { to: [`Megan Bowen <${MEGAN}>`], cc: [BEN], bcc: [ALEX], subject, body: 'Hi Megan,\n\nnew prices from Monday.\n\nAdele', importance: 'high' });
    expect(r).toMatchObject({ sent: true, to: [`Megan Bowen <${MEGAN}>`], cc: [BEN] });
    for (const who of [megan, ben, alex]) expect(await copies(who, subject)).toHaveLength(1);
    expect(await copies(adele, subject, 'sentitems')).toHaveLength(1);
    const [got] = await copies(megan, subject);
    const m = await ok<{ from: string; body: string; importance: string; bcc?: string[] }>(megan, 'mail_get_message', { id: got.id });
    expect(m).toMatchObject({ from: `Adele Vance <${ADELE}>`, importance: 'high' });
    expect(m.body).toMatch(/new prices from Monday/);
    expect(m.bcc).toBeUndefined(); // recipients never see bcc
  });

  it('sends HTML, which recipients read as text or as HTML', async () => {
    const subject = 'Holiday endcap checklist';
    await ok(adele, 'mail_send_message', { to: [MEGAN], subject, body: '<p>Checklist:</p><ul><li>Signage</li><li>Lights</li></ul>', bodyType: 'html' });
    const [got] = await copies(megan, subject);
    const text = await ok<{ body: string }>(megan, 'mail_get_message', { id: got.id });
    expect(text.body).toMatch(/Checklist:\s+\* Signage\s+\* Lights/);
    expect((await ok<{ body: string }>(megan, 'mail_get_message', { id: got.id, bodyFormat: 'html' })).body).toMatch(/<li>Signage<\/li>/);
  });

  it('attaches small files from a local path and from base64, byte for byte', async () => {
    const csv = Buffer.from('sku,qty\nHD-2041,12\n');
    const file = path.join(dir, 'order.csv');
    await fs.writeFile(file, csv);
    const png = randomBytes(2048);
    const subject = 'Order sheet and picture';
    await ok(adele, 'mail_send_message', { to: [MEGAN], subject, body: 'See attached.', attachments: [{ path: file }, { contentBase64: png.toString('base64'), name: 'shelf.png' }] });
    const [got] = await copies(megan, subject);
    const atts = await attachmentsOf(megan, got.id);
    expect(atts.map((a) => [a.name, a.size])).toEqual([['order.csv', csv.length], ['shelf.png', png.length]]);
    const back = await ok<{ base64: string }>(megan, 'mail_download_attachment', { messageId: got.id, attachmentId: atts[1].id });
    expect(Buffer.from(back.base64, 'base64').equals(png)).toBe(true);
    const text = await ok<{ text: string }>(megan, 'mail_download_attachment', { messageId: got.id, attachmentId: atts[0].id });
    expect(text.text).toBe(csv.toString());
  });

  it('sends a 10 MB file through an attachment upload session, with progress, arriving byte-identical', async () => {
    const big = randomBytes(10 * 1024 * 1024);
    const file = path.join(dir, 'store-photos.zip');
    await fs.writeFile(file, big);
    const subject = 'Store photos (10 MB)';
    const progress: { progress: number; total?: number }[] = [];
    const r = await adele.client.callTool({ name: 'mail_send_message', arguments: { to: [MEGAN], subject, body: 'All 14 stores.', attachments: [{ path: file }] } }, { onprogress: (p) => void progress.push(p) });
    expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
    expect(progress.length).toBeGreaterThanOrEqual(4); // 10 MB in chunks of about 3 MB
    expect(progress.at(-1)).toMatchObject({ progress: big.length, total: big.length });
    const posts = sandbox.faults.journal.filter((j) => j.method === 'POST');
    expect(posts.filter((j) => j.path.endsWith('/createUploadSession'))).toHaveLength(1);
    expect(posts.filter((j) => /\/sendMail$/.test(j.path))).toHaveLength(0);

    const [got] = await copies(megan, subject);
    expect(await copies(megan, subject)).toHaveLength(1);
    const [att] = await attachmentsOf(megan, got.id);
    expect(att).toMatchObject({ name: 'store-photos.zip', size: big.length });
    const out = await tempDir('ms365-mail-dl-');
    const saved = await ok<{ savedTo: string; size: number }>(megan, 'mail_download_attachment', { messageId: got.id, attachmentId: att.id, saveTo: out });
    expect(saved.savedTo).toBe(path.join(out, 'store-photos.zip'));
    expect(sha(await fs.readFile(saved.savedTo))).toBe(sha(big));
    expect((await copies(adele, 'Drafts', 'drafts')).length).toBe(0);
    expect((await folderMessages(adele, 'drafts')).some((m) => m.subject === subject)).toBe(false);
  });

  it('does not send twice when the send meets a 503: it says to check Sent Items', async () => {
    const subject = 'Reorder: 40 white smart speakers';
    sandbox.faults.add({ method: 'POST', path: '/sendMail$', status: 503, times: 5 });
    const text = await fails(adele, 'mail_send_message', { to: [MEGAN], subject, body: 'Approved.' });
    expect(text).toMatch(/Graph 503 ServiceUnavailable.*not repeated, because the mail may already have gone out\. Check Sent Items/s);
    expect(sandbox.faults.journal.filter((j) => j.method === 'POST' && j.path.endsWith('/sendMail'))).toHaveLength(1);
    expect(await copies(megan, subject)).toHaveLength(0);
    sandbox.faults.clear();
    await ok(adele, 'mail_send_message', { to: [MEGAN], subject, body: 'Approved.' });
    expect(await copies(megan, subject)).toHaveLength(1);
  });

  it('a draft whose send meets a 503 stays a draft, named in the error, and is sent once later', async () => {
    const subject = 'Signage files (large)';
    const big = randomBytes(3 * 1024 * 1024 + 10);
    sandbox.faults.add({ method: 'POST', path: '/messages/[^/]+/send$', status: 503 });
    const text = await fails(adele, 'mail_send_message', { to: [MEGAN], subject, body: 'Files attached.', attachments: [{ contentBase64: big.toString('base64'), name: 'signage.pdf' }] });
    const draftId = /mail_send_message with draftId (\S+) sends the draft/.exec(text)?.[1];
    expect(draftId, text).toBeTruthy();
    expect(await copies(megan, subject)).toHaveLength(0);
    await ok(adele, 'mail_send_message', { draftId });
    expect(await copies(megan, subject)).toHaveLength(1);
    expect((await folderMessages(adele, 'drafts')).some((m) => m.subject === subject)).toBe(false);
  });

  it('refuses what it cannot send: no recipients, malformed addresses, unreadable files', async () => {
    expect(await fails(adele, 'mail_send_message', { subject: 'x', body: 'y' })).toMatch(/at least one recipient/);
    expect(await fails(adele, 'mail_send_message', { to: ['megan.bowen'], subject: 'x', body: 'y' })).toMatch(/to.*must be an address/s);
    expect(await fails(adele, 'mail_send_message', { to: ['Megan <megan@@contoso.sandbox>'], subject: 'x', body: 'y' })).toMatch(/must be an address/);
    expect(await fails(adele, 'mail_send_message', { to: [MEGAN], subject: 'x', body: 'y', attachments: [{ path: 'relative.txt' }] })).toMatch(/must be absolute/);
    expect(await fails(adele, 'mail_send_message', { to: [MEGAN], subject: 'x', body: 'y', attachments: [{ path: path.join(dir, 'missing.txt') }] })).toMatch(/no file at/);
    expect(await fails(adele, 'mail_send_message', { to: [MEGAN], subject: 'x', body: 'y', attachments: [{ contentBase64: 'not base64!' , name: 'a.bin' }] })).toMatch(/not valid base64/);
    expect((await folderMessages(megan, 'inbox')).some((m) => m.subject === 'x')).toBe(false);
  });
});

describe('drafts, replies and forwards', () => {
  it('saves a draft, changes it, adds a file, then sends it', async () => {
    const d = await ok<{ sent: boolean; id: string; to: string[] }>(adele, 'mail_send_message', { asDraft: true, to: [MEGAN], subject: 'Window display photos', body: 'First draft.' });
    expect(d).toMatchObject({ sent: false, to: [`Megan Bowen <${MEGAN}>`] });
    expect((await folderMessages(adele, 'drafts')).some((m) => m.id === d.id)).toBe(true);
    const changed = await ok<{ cc: string[]; attachments: number }>(adele, 'mail_send_message', { draftId: d.id, asDraft: true, cc: [BEN], body: 'Final text.', attachments: [{ contentBase64: Buffer.from('hello').toString('base64'), name: 'note.txt' }] });
    expect(changed).toMatchObject({ cc: [`Ben Walters <${BEN}>`], attachments: 1 });
    expect(await copies(megan, 'Window display photos')).toHaveLength(0);
    await ok(adele, 'mail_send_message', { draftId: d.id });
    const [got] = await copies(megan, 'Window display photos');
    expect((await ok<{ body: string }>(megan, 'mail_get_message', { id: got.id })).body).toBe('Final text.');
    expect(await copies(ben, 'Window display photos')).toHaveLength(1);
    expect(await fails(adele, 'mail_send_message', { draftId: (await copies(adele, 'Window display photos', 'sentitems'))[0].id })).toMatch(/not a draft/);
  });

  it('replies as a draft first, then sends it; forwards with a comment', async () => {
    const [lunch] = (await ok<ListResult>(adele, 'mail_search_messages', { query: 'subject:"Lunch on Thursday"', folder: 'inbox' })).messages;
    const draft = await ok<{ sent: boolean; draftId: string; subject: string }>(adele, 'mail_reply_message', { id: lunch.id, comment: 'Can we make it 12:30?', asDraft: true });
    expect(draft).toMatchObject({ sent: false, subject: 'RE: Lunch on Thursday?' });
    expect(await copies(megan, 'RE: Lunch on Thursday?')).toHaveLength(1); // only the seeded reply so far
    await ok(adele, 'mail_send_message', { draftId: draft.draftId });
    expect(await copies(megan, 'RE: Lunch on Thursday?')).toHaveLength(2);

    expect(await fails(adele, 'mail_reply_message', { id: lunch.id, mode: 'forward', comment: 'FYI' })).toMatch(/forward needs recipients/);
    await ok(adele, 'mail_reply_message', { id: lunch.id, mode: 'forward', to: [BEN], comment: 'Join us?' });
    const [fw] = await copies(ben, 'FW: Lunch on Thursday?');
    const body = (await ok<{ body: string }>(ben, 'mail_get_message', { id: fw.id })).body;
    expect(body).toMatch(/^Join us\?/);
    expect(body).toMatch(/new Thai place/);
  });
});

describe('what a reply says it sent', () => {
  it('reply all names the subject and every recipient, as they appear in Sent Items', async () => {
    const { allPages, graph, upn } = await import('./fixtures.js');
    const me = await sandbox.as(ADELE);
    const megan = await sandbox.graphAs(upn('megan.bowen'), 'Mail.Send');
    const subject = `Reply roll call ${Date.now()}`;
    const addr = (u: string) => ({ emailAddress: { address: upn(u) } });
    await graph(sandbox, megan, '/me/sendMail', { method: 'POST', body: { message: { subject, body: { contentType: 'text', content: 'x' }, toRecipients: [addr('adele.vance'), addr('alex.wilber')], ccRecipients: [addr('patti.fernandez')] } } });
    const token = await sandbox.graphAs(ADELE);
    const [original] = (await allPages(sandbox, token, '/me/mailFolders/inbox/messages?$select=subject&$top=100')).filter((m) => m.subject === subject);
    const r = await ok<{ sent: boolean; subject: string; to: string[]; cc?: string[] }>(me, 'mail_reply_message', { id: original.id, mode: 'replyAll', comment: 'Noted.' });
    expect(r.subject).toBe(`RE: ${subject}`);
    expect(r.to.map((a) => a.replace(/^.*<|>$/g, ''))).toEqual([upn('megan.bowen'), upn('alex.wilber')]);
    expect(r.cc?.map((a) => a.replace(/^.*<|>$/g, ''))).toEqual([upn('patti.fernandez')]);
    expect(r.textBlock).toMatch(new RegExp(`^replyAll "RE: ${subject}" sent to `));
    const [sent] = (await allPages(sandbox, token, '/me/mailFolders/sentitems/messages?$select=subject,toRecipients,ccRecipients&$top=100')).filter((m) => m.subject === `RE: ${subject}`);
    expect(sent.toRecipients.map((x: { emailAddress: { address: string } }) => x.emailAddress.address).sort()).toEqual([upn('alex.wilber'), upn('megan.bowen')]);
    expect(sent.ccRecipients.map((x: { emailAddress: { address: string } }) => x.emailAddress.address)).toEqual([upn('patti.fernandez')]);
  });
});
