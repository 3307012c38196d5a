// Attachments coming in: text, CSV, Excel, Word and PDF read as text; images as base64; saving to a local file
// streams it and never overwrites; over HTTP there are no local files.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, type Connected, fails, type ListResult, MEGAN, ok, PRADEEP, tempDir, useSandbox } from './fixtures.js';

const sandbox = useSandbox();
let adele: Connected;
let pradeep: Connected;
let megan: Connected;
beforeAll(async () => {
  [adele, pradeep, megan] = await Promise.all([sandbox.as(ADELE), sandbox.as(PRADEEP), sandbox.as(MEGAN)]);
});

type Att = { id: string; name: string; contentType: string; size: number; inline?: boolean };
/** The message (found by search) and its attachment of that name. */
async function attachment(who: Connected, query: string, name: string): Promise<{ messageId: string; attachmentId: string; att: Att }> {
  const found = (await ok<ListResult>(who, 'mail_search_messages', { query })).messages;
  for (const m of found) {
    const att = (await ok<{ attachments?: Att[] }>(who, 'mail_get_message', { id: m.id })).attachments?.find((a) => a.name === name);
    if (att) return { messageId: m.id, attachmentId: att.id, att };
  }
  throw new Error(`no attachment ${name} in mail matching ${query}`);
}
type Download = { name: string; text?: string; base64?: string; truncated?: boolean; savedTo?: string; size?: number };
const download = (who: Connected, a: { messageId: string; attachmentId: string }, extra: Record<string, unknown> = {}) =>
  ok<Download>(who, 'mail_download_attachment', { messageId: a.messageId, attachmentId: a.attachmentId, ...extra });

describe('mail_download_attachment as text', () => {
  it('reads plain text and CSV as they are', async () => {
    const notes = await download(adele, await attachment(adele, 'subject:"Store visit notes"', 'Bellevue-Square-visit-notes.txt'));
    expect(notes.text).toMatch(/Reorder speakers \(white\) - 40 units/);
    const csv = await download(adele, await attachment(adele, 'subject:"PO #48213"', 'PO-48213-lines.csv'));
    expect(csv.text).toMatch(/^line,sku,description,quantity,unit_price_usd,delivery_date/);
  });

  it('reads the cells of an Excel workbook, the paragraphs of a Word file and the text of a PDF', async () => {
    const xlsx = await download(adele, await attachment(adele, 'subject:"Q4 retail forecast"', 'Q4-Retail-Forecast.xlsx'));
    expect(xlsx.text).toMatch(/## Forecast/);
    expect(xlsx.text).toMatch(/North America\t1240000\t1385000\t1920000\tAdele Vance/);
    const docx = await download(pradeep, await attachment(pradeep, 'subject:"Sprint 42 retro"', 'Sprint-42-Retrospective.docx'));
    expect(docx.text).toMatch(/Sprint 42 retrospective/);
    expect(docx.text).toMatch(/quarantine flaky tests \(Johanna\)/);
    const pdf = await download(adele, await attachment(adele, 'subject:"Open enrollment"', 'Benefits-Guide-2027.pdf'));
    expect(pdf.text).toMatch(/company match rises to 5%/);
  });

  it('cuts long text at maxChars and says so', async () => {
    const r = await download(adele, await attachment(adele, 'subject:"PO #48213"', 'PO-48213-lines.csv'), { maxChars: 200 });
    expect(r.truncated).toBe(true);
    expect(r.text!.length).toBeLessThanOrEqual(201);
  });
});

describe('mail_download_attachment as base64 or to a file', () => {
  it('returns base64 for what has no text, and refuses text for it', async () => {
    const banner = await attachment(megan, 'subject:"Holiday campaign creative"', 'holiday-banner.png');
    expect(banner.att).toMatchObject({ contentType: 'image/png', inline: true });
    const png = await download(megan, banner);
    expect(png.text).toBeUndefined();
    expect(Buffer.from(png.base64!, 'base64').subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(await fails(megan, 'mail_download_attachment', { messageId: banner.messageId, attachmentId: banner.attachmentId, as: 'text' })).toMatch(/not a document with text; ask for base64/);
    // A document with text also comes as base64 when asked.
    const forecast = await attachment(adele, 'subject:"Q4 retail forecast"', 'Q4-Retail-Forecast.xlsx');
    const b64 = await download(adele, forecast, { as: 'base64' });
    expect(Buffer.from(b64.base64!, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(Buffer.from(b64.base64!, 'base64').length).toBe(forecast.att.size);
  });

  it('saves to a new file, streamed; never overwrites; wants an absolute path in an existing folder', async () => {
    const a = await attachment(adele, 'subject:"PO #48213"', 'PO-48213-lines.csv');
    const out = await tempDir('ms365-att-');
    const target = path.join(out, 'po.csv');
    const saved = await download(adele, a, { saveTo: target });
    expect(saved).toMatchObject({ savedTo: target, size: a.att.size });
    expect((await fs.readFile(target, 'utf8')).startsWith('line,sku')).toBe(true);
    expect(await fails(adele, 'mail_download_attachment', { messageId: a.messageId, attachmentId: a.attachmentId, saveTo: target })).toMatch(/already exists; it is never overwritten/);
    expect(await fs.readFile(target, 'utf8')).toMatch(/^line,sku/);
    expect(await fails(adele, 'mail_download_attachment', { messageId: a.messageId, attachmentId: a.attachmentId, saveTo: 'po.csv' })).toMatch(/absolute path/);
    expect(await fails(adele, 'mail_download_attachment', { messageId: a.messageId, attachmentId: a.attachmentId, saveTo: path.join(out, 'no', 'such', 'x.csv') })).toMatch(/does not exist/);
  });

  it('a bad attachment id is a clear error', async () => {
    const a = await attachment(adele, 'subject:"PO #48213"', 'PO-48213-lines.csv');
    expect(await fails(adele, 'mail_download_attachment', { messageId: a.messageId, attachmentId: 'AAMkAGRvZXNub3RleGlzdA==' })).toMatch(/Graph (400|404) .*mail_get_message \(attachments\)/s);
  });
});

describe('over HTTP', () => {
  it('has no local files: saveTo and path attachments are refused with the alternative', async () => {
    const web = await sandbox.as(ADELE, { MS365_MCP_ORG_MODE: 'true', MS365_MCP_HTTP: '127.0.0.1:0' });
    try {
      const a = await attachment(web, 'subject:"PO #48213"', 'PO-48213-lines.csv');
      expect(await fails(web, 'mail_download_attachment', { messageId: a.messageId, attachmentId: a.attachmentId, saveTo: '/tmp/x.csv' })).toMatch(/only when the server runs over stdio/);
      expect(await fails(web, 'mail_send_message', { to: [ADELE], subject: 'x', body: 'y', attachments: [{ path: '/etc/hostname' }] })).toMatch(/pass contentBase64 instead/);
    } finally {
      await web.close();
    }
  });
});

describe('an attachment that fails to upload', () => {
  it('leaves no orphan draft, says so, and the same call again makes exactly one', async () => {
    const { allPages } = await import('./fixtures.js');
    const s2 = await sandbox.as(ADELE);
    const subject = `Orphan check ${Date.now()}`;
    const args = { to: [ADELE], subject, body: 'x', asDraft: true, attachments: [{ contentBase64: Buffer.from('hello').toString('base64'), name: 'hello.txt' }] };
    sandbox.faults.add({ method: 'POST', path: '^/me/messages/[^/]+/attachments$', status: 400 });
    const text = await fails(s2, 'mail_send_message', args);
    expect(text).toMatch(/Attaching failed .*nothing was sent or saved: the draft made for it was removed, and calling again starts afresh\./);
    const drafts = async () => (await allPages(sandbox, await sandbox.graphAs(ADELE), '/me/mailFolders/drafts/messages?$select=subject&$top=100')).filter((m) => m.subject === subject);
    expect(await drafts()).toHaveLength(0);
    // As the answer says: calling again starts afresh, and one draft results.
    await ok(s2, 'mail_send_message', args);
    expect(await drafts()).toHaveLength(1);
  });
});
