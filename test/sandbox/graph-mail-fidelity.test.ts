// The sandbox's mail against Microsoft's description of Graph: every property of every message, folder and
// attachment it returns exists on the CSDL type with the right JSON type (enums with a declared member), every
// CSDL property of message is either selectable or refused by name, and responses have the status codes and keys
// of the documented samples (GET message, $select, move, mail folders, attachments, sendMail, reply,
// createUploadSession).
import { beforeAll, describe, expect, it } from 'vitest';
import { Csdl, findSample, loadSamples } from './csdl.js';
import { allPages, bySubject, graph, type GraphAs, upn, useSandbox } from '../fixtures.js';

const csdl = Csdl.load();
const samples = loadSamples();

/** Attachments are checked on their own type (fileAttachment). */
const problems = (type: string, obj: Record<string, unknown>) => csdl.problems(type, obj, ['attachments']);
const sample = (method: string, url: string) => findSample(samples, method, url);
const props = (o: object) => Object.keys(o).filter((k) => !k.startsWith('@')).sort();

const sb = useSandbox();
let adele: GraphAs;
let support: GraphAs;
beforeAll(async () => {
  adele = await sb.graphAs(upn('adele.vance'), 'Mail.ReadWrite.Shared Mail.Send.Shared');
  support = adele;
});

describe('properties against the CSDL', () => {
  it('every message of Adele and of the shared mailbox, with all properties, fits microsoft.graph.message', async () => {
    const select = '$select=' + [...csdl.properties('microsoft.graph.message').keys()].filter((k) => !['mentionsPreview'].includes(k)).join(',');
    for (const box of ['me', `users/${upn('support')}`]) {
      const list = await allPages(sb, support, `/${box}/messages?$top=50&$expand=attachments`);
      expect(list.length).toBeGreaterThan(5);
      for (const m of list) {
        expect(problems('microsoft.graph.message', m), m.subject).toEqual([]);
        for (const a of m.attachments) expect(problems('microsoft.graph.fileAttachment', a), a.name).toEqual([]);
      }
      const full = await graph(sb, support, `/${box}/messages?$top=50&${select}`);
      expect(full.status, full.text.slice(0, 300)).toBe(200);
      for (const m of full.body.value) expect(problems('microsoft.graph.message', m), m.subject).toEqual([]);
    }
  });

  it('each CSDL property of message is selectable, or refused by name', async () => {
    const supported: string[] = [];
    for (const name of csdl.properties('microsoft.graph.message').keys()) {
      const r = await graph(sb, adele, `/me/messages?$top=3&$select=${name}`);
      if (r.status === 400) {
        expect(r.body.error.message).toBe(`Could not find a property named '${name}' on type 'microsoft.graph.message'.`);
        continue;
      }
      expect(r.status, name).toBe(200);
      supported.push(name);
      for (const m of r.body.value) expect(Object.keys(m)).toEqual(name === 'id' ? ['@odata.etag', 'id'] : ['@odata.etag', 'id', name]);
    }
    expect(supported).toEqual(expect.arrayContaining(['body', 'uniqueBody', 'internetMessageHeaders', 'conversationIndex', 'flag', 'categories']));
  });

  it('folders fit microsoft.graph.mailFolder and attachments microsoft.graph.fileAttachment', async () => {
    const folders = await graph(sb, adele, '/me/mailFolders?includeHiddenFolders=true');
    for (const f of folders.body.value) expect(problems('microsoft.graph.mailFolder', f), f.displayName).toEqual([]);
    const [m] = await bySubject(sb, adele, 'me', 'inbox', 'Q4 retail forecast - please review by Friday');
    const list = await graph(sb, adele, `/me/messages/${m.id}/attachments`);
    for (const a of list.body.value) expect(problems('microsoft.graph.fileAttachment', a)).toEqual([]);
  });
});

describe('responses against the documented samples', () => {
  it('GET a message: the default properties of the documented message', async () => {
    const [m] = await bySubject(sb, adele, 'me', 'inbox', 'Store visit notes - Bellevue Square');
    const r = await graph(sb, adele, `/me/messages/${m.id}`);
    const doc = sample('POST', '/me/messages/*/move').response.body as object;
    // The documented message predates conversationIndex; everything else matches one for one.
    expect(props(r.body).filter((k) => k !== 'conversationIndex')).toEqual(props(doc));
    expect(r.body['@odata.etag']).toMatch(/^W\/"[A-Za-z0-9+/=]+"$/);
  });

  it('GET /me/messages?$select=sender,subject', async () => {
    const doc = sample('GET', '/me/messages?$select=sender,subject').response.body as any;
    const r = await graph(sb, adele, '/me/messages?$select=sender,subject');
    expect(Object.keys(r.body.value[0]).sort()).toEqual(Object.keys(doc.value[0]).sort());
    expect(r.body['@odata.context']).toMatch(/\$metadata#users\('[^']+'\)\/messages\(sender,subject\)$/);
  });

  it('GET /me/mailFolders and GET one folder', async () => {
    const doc = sample('GET', '/me/mailFolders/*').response.body as object;
    const r = await graph(sb, adele, '/me/mailFolders');
    for (const f of r.body.value) expect(Object.keys(f).sort()).toEqual(Object.keys(doc).sort());
    const one = await graph(sb, adele, '/me/mailFolders/inbox');
    expect(props(one.body)).toEqual(props(doc));
  });

  it('GET an attachment', async () => {
    const doc = sample('GET', '/me/messages/*/attachments/*').response.body as object;
    const [m] = await bySubject(sb, adele, 'me', 'inbox', 'PO #48213 confirmation - holiday display kits');
    const list = await graph(sb, adele, `/me/messages/${m.id}/attachments`);
    const r = await graph(sb, adele, `/me/messages/${m.id}/attachments/${list.body.value[0].id}`);
    expect(props(r.body)).toEqual(props(doc));
    expect(r.body['@odata.type']).toBe('#microsoft.graph.fileAttachment');
  });

  it('POST sendMail, reply and move answer the documented status codes', async () => {
    const send = await graph(sb, adele, '/me/sendMail', {
      method: 'POST',
      body: { message: { subject: 'Sample check', body: { contentType: 'Text', content: 'x' }, toRecipients: [{ emailAddress: { address: upn('megan.bowen') } }] } },
    });
    expect(send.status).toBe(sample('POST', '/me/sendMail').response.statusCode);
    const [m] = await bySubject(sb, adele, 'me', 'inbox', 'Lunch on Thursday?');
    const reply = await graph(sb, adele, `/me/messages/${m.id}/reply`, { method: 'POST', body: { comment: 'See you there.' } });
    expect(reply.status).toBe(sample('POST', '/me/messages/*/reply').response.statusCode);
    expect(reply.text).toBe('');
    const moved = await graph(sb, adele, `/me/messages/${m.id}/move`, { method: 'POST', body: { destinationId: 'archive' } });
    expect(moved.status).toBe(sample('POST', '/me/messages/*/move').response.statusCode);
    expect(props(moved.body).filter((k) => k !== 'conversationIndex')).toEqual(props(sample('POST', '/me/messages/*/move').response.body as object));
  });

  it('POST createUploadSession answers the documented uploadSession', async () => {
    const doc = sample('POST', '/me/messages/*/attachments/createUploadSession').response;
    const draft = await graph(sb, adele, '/me/messages', { method: 'POST', body: { subject: 'Upload sample' } });
    const r = await graph(sb, adele, `/me/messages/${draft.body.id}/attachments/createUploadSession`, {
      method: 'POST',
      body: { AttachmentItem: { attachmentType: 'file', name: 'big.pdf', size: 3_483_322 } },
    });
    expect(r.status).toBe(doc.statusCode);
    expect(Object.keys(r.body).sort()).toEqual(Object.keys(doc.body as object).sort());
    expect(r.body['@odata.context']).toBe((doc.body as any)['@odata.context']);
    expect(r.body.expirationDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
  });
});
