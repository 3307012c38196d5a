// The contacts workload, the collection engine's first user: Graph's five routes on contacts and contact
// folders over real HTTP, with paging, $select/$filter/$orderby, ETags and If-Match, 404 after a delete,
// the permission gates, and every answer checked against Graph's property table.
import { describe, expect, it } from 'vitest';
import { Csdl, findSample, loadSamples } from './csdl.js';
import { ADELE, allPages, graph, PATTI, SUPPORT, useSandbox } from '../fixtures.js';

const csdl = Csdl.load();
const samples = loadSamples();
const sb = useSandbox();
const RW = 'Contacts.ReadWrite';

describe('contacts (collection engine)', () => {
  it('lists the seeded book in pages, with the documented shape and the property table', async () => {
    const adele = await sb.graphAs(ADELE, 'Contacts.Read');
    const first = await graph(sb, adele, '/me/contacts?$top=2');
    expect(first.status).toBe(200);
    expect(first.body['@odata.context']).toMatch(/\$metadata#users\('[0-9a-f-]+'\)\/contacts$/);
    expect(first.body.value).toHaveLength(2);
    expect(first.body['@odata.nextLink']).toContain('$skip=2');
    const all = await allPages(sb, adele, '/me/contacts?$top=2');
    expect(all.length).toBeGreaterThan(3);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const c of all) {
      expect(csdl.problems('microsoft.graph.contact', c)).toEqual([]);
      expect(c['@odata.etag']).toBe(`W/"${c.changeKey}"`);
    }
    // The documented sample's properties are all there.
    const sample = findSample(samples, 'GET', '/me/contacts/*');
    const one = await graph(sb, adele, `/me/contacts/${all[0].id}`);
    for (const k of ['displayName', 'emailAddresses', 'businessPhones', 'categories', 'changeKey', 'createdDateTime', 'parentFolderId']) {
      expect(Object.keys(sample.response.body as object)).toContain(k);
      expect(one.body).toHaveProperty(k);
    }
  });

  it('filters, sorts and selects as Outlook does', async () => {
    const adele = await sb.graphAs(ADELE, 'Contacts.Read');
    const partners = await graph(sb, adele, `/me/contacts?$filter=categories/any(c:c eq 'Partners')&$orderby=surname desc&$select=surname,companyName&$top=50`);
    expect(partners.status).toBe(200);
    const surnames: string[] = partners.body.value.map((c: { surname: string }) => c.surname);
    expect(surnames).toHaveLength(18);
    expect(surnames).toEqual([...surnames].sort((a, b) => b.localeCompare(a)));
    expect(surnames.slice(0, 2)).toEqual(['Watanabe', 'Turner']);
    expect(Object.keys(partners.body.value[0]).sort()).toEqual(['@odata.etag', 'companyName', 'id', 'surname']);
    // Graph's documented way to find a contact by address (List contacts: emailAddresses/any(a:a/address eq ...)),
    // in any letter case, as Exchange compares text.
    const byMail = await graph(sb, adele, `/me/contacts?$filter=${encodeURIComponent("emailAddresses/any(a:a/address eq 'Ravi.Shankar@northwind.example')")}`);
    expect(byMail.status).toBe(200);
    expect(byMail.body.value.map((c: { surname: string }) => c.surname)).toEqual(['Shankar']);
    const bad = await graph(sb, adele, '/me/contacts?$select=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('RequestBroker--ParseUri');
  });

  it('creates, updates with If-Match, refuses a stale ETag, deletes, then answers 404', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const created = await graph(sb, adele, '/me/contacts', { method: 'POST', body: { givenName: 'Pavel', surname: 'Bansky', emailAddresses: [{ address: 'pavel@bansky.example', name: 'Pavel' }], businessPhones: ['+1 732 555 0102'] } });
    expect(created.status).toBe(201);
    expect(created.body.displayName).toBe('Pavel Bansky');
    expect(csdl.problems('microsoft.graph.contact', created.body)).toEqual([]);
    const etag = created.headers.get('etag');
    expect(etag).toBe(created.body['@odata.etag']);
    const id = created.body.id;

    const updated = await graph(sb, adele, `/me/contacts/${id}`, { method: 'PATCH', headers: { 'If-Match': etag! }, body: { jobTitle: 'Buyer' } });
    expect(updated.status).toBe(200);
    expect(updated.body.jobTitle).toBe('Buyer');
    expect(updated.body['@odata.etag']).not.toBe(etag);
    const stale = await graph(sb, adele, `/me/contacts/${id}`, { method: 'PATCH', headers: { 'If-Match': etag! }, body: { jobTitle: 'Lost update' } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('ErrorIrresolvableConflict');
    expect((await graph(sb, adele, `/me/contacts/${id}`)).body.jobTitle).toBe('Buyer');

    const unknown = await graph(sb, adele, `/me/contacts/${id}`, { method: 'PATCH', body: { favouriteColour: 'blue' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('RequestBodyRead');

    expect((await graph(sb, adele, `/me/contacts/${id}`, { method: 'DELETE', headers: { 'If-Match': updated.body['@odata.etag'] } })).status).toBe(204);
    for (const method of ['GET', 'DELETE']) {
      const gone = await graph(sb, adele, `/me/contacts/${id}`, { method });
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe('ErrorItemNotFound');
    }
  });

  it('keeps a folder\'s contacts in the folder, and removes them with it', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const folder = await graph(sb, adele, '/me/contactFolders', { method: 'POST', body: { displayName: 'Suppliers' } });
    expect(folder.status).toBe(201);
    expect(csdl.problems('microsoft.graph.contactFolder', folder.body)).toEqual([]);
    expect((await graph(sb, adele, '/me/contactFolders', { method: 'POST', body: { displayName: 'suppliers' } })).body.error.code).toBe('ErrorFolderExists');
    const inFolder = await graph(sb, adele, `/me/contactFolders/${folder.body.id}/contacts`, { method: 'POST', body: { givenName: 'Lena', surname: 'Ortiz' } });
    expect(inFolder.body.parentFolderId).toBe(folder.body.id);
    const listed = await graph(sb, adele, `/me/contactFolders/${folder.body.id}/contacts`);
    expect(listed.body.value.map((c: { id: string }) => c.id)).toEqual([inFolder.body.id]);
    expect((await allPages(sb, adele, '/me/contacts')).some((c) => c.id === inFolder.body.id)).toBe(false);
    expect((await graph(sb, adele, `/me/contactFolders/${folder.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(sb, adele, `/me/contactFolders/${folder.body.id}/contacts/${inFolder.body.id}`)).status).toBe(404);
  });

  it('asks for the Contacts permissions, and the .Shared ones for another mailbox', async () => {
    const mailOnly = await sb.graphAs(ADELE, 'Mail.Read');
    const denied = await graph(sb, mailOnly, '/me/contacts');
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('ErrorAccessDenied');
    const readOnly = await sb.graphAs(ADELE, 'Contacts.Read');
    expect((await graph(sb, readOnly, '/me/contacts', { method: 'POST', body: { givenName: 'X' } })).status).toBe(403);
    // Another person's book: not with Contacts.ReadWrite, and not even with .Shared unless shared with the caller.
    const adele = await sb.graphAs(ADELE, 'Contacts.ReadWrite.Shared');
    expect((await graph(sb, await sb.graphAs(ADELE, RW), `/users/${PATTI}/contacts`)).status).toBe(403);
    expect((await graph(sb, adele, `/users/${PATTI}/contacts`)).status).toBe(403);
    // A shared mailbox Adele has full access to.
    const shared = await graph(sb, adele, `/users/${SUPPORT}/contacts`);
    expect(shared.status).toBe(200);
  });
});
