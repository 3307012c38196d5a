// Attachments in the sandbox: the seeded files are real (PK zip for Office, %PDF, CSV text, PNG inline via cid),
// contentBytes and $value agree byte for byte, small files attach with one POST, and large files go through an
// upload session outside Graph: PUT ranges of at most 4 MB with Content-Range, 200 with NextExpectedRanges until
// the end, 201 with Location at the end, the attachment then byte-identical. Errors follow Outlook's rules.
import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bySubject, graph, upn, useSandbox } from '../fixtures.js';
import { SANDBOX_TENANT_ID } from '../../src/sandbox/index.js';

const sb = useSandbox();
// Raw tokens: some requests here are made with fetch, outside the Graph wrapper.
let adele: string;
let megan: string;
beforeAll(async () => {
  adele = (await sb.graphAs(upn('adele.vance'), 'Mail.ReadWrite Mail.Send')).token;
  megan = (await sb.graphAs(upn('megan.bowen'), 'Mail.ReadWrite Mail.Send')).token;
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function raw(path: string, token: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const r = await fetch(`${sb.url}/v1.0${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
}

async function draft(token: string, subject: string): Promise<string> {
  const r = await graph(sb, token, '/me/messages', { method: 'POST', body: { subject, toRecipients: [{ emailAddress: { address: upn('adele.vance') } }] } });
  expect(r.status).toBe(201);
  return r.body.id;
}

describe('seeded attachments', () => {
  it('are real files of several types, the same in contentBytes and $value', async () => {
    const seen = new Map<string, Buffer>();
    for (const subject of ['Q4 retail forecast - please review by Friday', 'Open enrollment for 2027 benefits starts today', 'Store visit notes - Bellevue Square', 'PO #48213 confirmation - holiday display kits']) {
      const [m] = await bySubject(sb, adele, 'me', 'inbox', subject);
      expect(m.hasAttachments, subject).toBe(true);
      const list = await graph(sb, adele, `/me/messages/${m.id}/attachments`);
      expect(list.status).toBe(200);
      for (const a of list.body.value) {
        expect(a['@odata.type']).toBe('#microsoft.graph.fileAttachment');
        const bytes = Buffer.from(a.contentBytes, 'base64');
        expect(a.size).toBe(bytes.length);
        const v = await raw(`/me/messages/${m.id}/attachments/${a.id}/$value`, adele);
        expect(v.status).toBe(200);
        expect(v.type).toBe(a.contentType);
        expect(sha(v.bytes)).toBe(sha(bytes));
        seen.set(a.name, bytes);
      }
    }
    expect(seen.get('Q4-Retail-Forecast.xlsx')!.subarray(0, 2).toString()).toBe('PK');
    expect(seen.get('Benefits-Guide-2027.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(seen.get('PO-48213-lines.csv')!.toString()).toMatch(/^line,sku,description/);
    expect(seen.get('Bellevue-Square-visit-notes.txt')!.toString()).toMatch(/^Store visit/);
  });

  it('shows an inline image through cid: without counting it in hasAttachments', async () => {
    const [m] = await bySubject(sb, megan, 'me', 'sentitems', 'Holiday campaign creative - final review');
    expect(m.hasAttachments).toBe(false);
    expect(m.body.content).toContain('cid:holiday-banner@contoso.sandbox');
    const list = await graph(sb, megan, `/me/messages/${m.id}/attachments?$select=name,isInline,contentId,contentType`);
    expect(list.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.fileAttachment', id: expect.any(String), name: 'holiday-banner.png', isInline: true, contentId: 'holiday-banner@contoso.sandbox', contentType: 'image/png' },
    ]);
  });

  it('expands attachments on messages', async () => {
    const r = await graph(sb, adele, "/me/messages?$filter=hasAttachments eq true&$expand=attachments($select=name,size)&$select=subject");
    expect(r.status).toBe(200);
    expect(r.body.value.length).toBeGreaterThanOrEqual(3);
    for (const m of r.body.value) expect(m.attachments.length).toBeGreaterThan(0);
  });

  it('tells malformed attachment ids from unknown ones, and keeps them from Mail.ReadBasic', async () => {
    const [m] = await bySubject(sb, adele, 'me', 'inbox', 'Store visit notes - Bellevue Square');
    expect((await graph(sb, adele, `/me/messages/${m.id}/attachments/xyz`)).body.error.code).toBe('ErrorInvalidIdMalformed');
    const basic = await sb.graphAs(upn('adele.vance'), 'Mail.ReadBasic');
    const r = await graph(sb, basic, `/me/messages/${m.id}/attachments`);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('ErrorAccessDenied');
    const listed = await graph(sb, basic, `/me/messages/${m.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body).not.toHaveProperty('body');
    expect(listed.body).not.toHaveProperty('bodyPreview');
  });
});

describe('a message as MIME', () => {
  it('exports headers, the body and every attachment at $value', async () => {
    const [m] = await bySubject(sb, adele, 'me', 'inbox', 'PO #48213 confirmation - holiday display kits');
    const r = await raw(`/me/messages/${m.id}/$value`, adele);
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/plain/);
    const mime = r.bytes.toString('utf8');
    expect(mime).toContain(`Message-ID: ${m.internetMessageId}`);
    expect(mime).toContain('Subject: PO #48213 confirmation - holiday display kits');
    expect(mime).toMatch(/Content-Type: multipart\/mixed;\r\n\tboundary="([^"]+)"/);
    const part = /filename="PO-48213-lines.csv"[^]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/.exec(mime)!;
    const csv = Buffer.from(part[1].replace(/\r\n/g, ''), 'base64').toString();
    expect(csv).toMatch(/^line,sku,description/);
  });
});

describe('adding attachments', () => {
  it('attaches a small file to a draft in one POST; sending delivers it', async () => {
    const id = await draft(megan, 'With a small attachment');
    const content = Buffer.from('name,qty\nwidget,3\n');
    const r = await graph(sb, megan, `/me/messages/${id}/attachments`, {
      method: 'POST',
      body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'order.csv', contentType: 'text/csv', contentBytes: content.toString('base64') },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: 'order.csv', size: content.length, isInline: false });
    expect((await graph(sb, megan, `/me/messages/${id}`)).body.hasAttachments).toBe(true);
    expect((await graph(sb, megan, `/me/messages/${id}/send`, { method: 'POST' })).status).toBe(202);
    const [got] = await bySubject(sb, adele, 'me', 'inbox', 'With a small attachment');
    const list = await graph(sb, adele, `/me/messages/${got.id}/attachments`);
    expect(Buffer.from(list.body.value[0].contentBytes, 'base64').equals(content)).toBe(true);
  });
});

describe('upload sessions', () => {
  it('refuses a session for a file under 3 MB', async () => {
    const id = await draft(megan, 'Tiny upload');
    const r = await graph(sb, megan, `/me/messages/${id}/attachments/createUploadSession`, {
      method: 'POST',
      body: { AttachmentItem: { attachmentType: 'file', name: 'tiny.bin', size: 1024 } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('ErrorAttachmentSizeShouldNotBeLessThanMinimumSize');
  });

  it('uploads 10 MB in 4 MB ranges, byte-identical at the end', async () => {
    const id = await draft(megan, 'Large upload');
    const file = randomBytes(10 * 1024 * 1024 + 123);
    const created = await graph(sb, megan, `/me/messages/${id}/attachments/createUploadSession`, {
      method: 'POST',
      body: { AttachmentItem: { attachmentType: 'file', name: 'footage.bin', size: file.length, contentType: 'application/octet-stream' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ nextExpectedRanges: ['0-'], uploadUrl: expect.stringMatching(/\/api\/gv1\.0\/users\('.+'\)\/messages\('.+'\)\/AttachmentSessions\('.+'\)\?authtoken=/) });
    const url = created.body.uploadUrl as string;
    expect(url.startsWith(`${sb.url}/v1.0`)).toBe(false);

    const withAuth = await fetch(url, { method: 'PUT', headers: { Authorization: `Bearer ${megan}`, 'Content-Range': `bytes 0-9/${file.length}` }, body: file.subarray(0, 10) });
    expect(withAuth.status).toBe(401);
    const outOfOrder = await fetch(url, { method: 'PUT', headers: { 'Content-Range': `bytes 100-199/${file.length}` }, body: file.subarray(100, 200) });
    expect(outOfOrder.status).toBe(416);
    const noRange = await fetch(url, { method: 'PUT', body: file.subarray(0, 10) });
    expect(noRange.status).toBe(400);

    const chunk = 4 * 1024 * 1024;
    let last: Response | undefined;
    for (let start = 0; start < file.length; start += chunk) {
      const end = Math.min(start + chunk, file.length) - 1;
      last = await fetch(url, { method: 'PUT', headers: { 'Content-Range': `bytes ${start}-${end}/${file.length}`, 'Content-Type': 'application/octet-stream' }, body: file.subarray(start, end + 1) });
      if (end + 1 < file.length) {
        expect(last.status).toBe(200);
        expect(((await last.json()) as any).NextExpectedRanges).toEqual([String(end + 1)]);
      }
    }
    expect(last!.status).toBe(201);
    const location = last!.headers.get('location')!;
    const attachmentId = /Attachments\('([^']+)'\)$/.exec(location)![1];
    const v = await raw(`/me/messages/${id}/attachments/${attachmentId}/$value`, megan);
    expect(v.bytes.length).toBe(file.length);
    expect(sha(v.bytes)).toBe(sha(file));
    const meta = await graph(sb, megan, `/me/messages/${id}/attachments/${attachmentId}?$select=name,size`);
    expect(meta.body).toMatchObject({ name: 'footage.bin', size: file.length });
    expect((await fetch(url, { method: 'GET' })).status).toBe(404);
  });
});

describe('behind a TLS reverse proxy (X-Forwarded-Proto, X-Forwarded-Host)', () => {
  const PROXY = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'graph.proxy.example' };
  it('every self-link points at the proxy: nextLink, uploadUrl, Location, the identity discovery documents', async () => {
    const page = await graph(sb, megan, '/me/messages?$top=1&$select=subject', { headers: PROXY });
    expect(page.body['@odata.nextLink']).toMatch(/^https:\/\/graph\.proxy\.example\/v1\.0\/me\/messages\?/);
    const id = await draft(megan, 'Proxied upload');
    const file = randomBytes(3 * 1024 * 1024 + 10);
    const created = await graph(sb, megan, `/me/messages/${id}/attachments/createUploadSession`, {
      method: 'POST',
      headers: PROXY,
      body: { AttachmentItem: { attachmentType: 'file', name: 'proxied.bin', size: file.length } },
    });
    expect(created.body.uploadUrl).toMatch(/^https:\/\/graph\.proxy\.example\/api\/gv1\.0\//);
    // The proxy forwards to the sandbox: send the ranges to it directly, with the proxy's headers.
    const direct = created.body.uploadUrl.replace('https://graph.proxy.example', sb.url);
    const last = await fetch(direct, { method: 'PUT', headers: { ...PROXY, 'Content-Range': `bytes 0-${file.length - 1}/${file.length}`, 'Content-Length': String(file.length) }, body: file });
    expect(last.status).toBe(201);
    expect(last.headers.get('location')).toMatch(/^https:\/\/graph\.proxy\.example\/api\/gv1\.0\//);
    const discovery = (await (await fetch(`${sb.url}/${SANDBOX_TENANT_ID}/v2.0/.well-known/openid-configuration`, { headers: PROXY })).json()) as { token_endpoint: string };
    expect(discovery.token_endpoint).toMatch(/^https:\/\/graph\.proxy\.example\//);
  });
});
