// The contacts tools through a real MCP client against the sandbox's Outlook contacts, signed in as Adele: find
// by a piece of a phone number, a company or a name, page through, save into a new folder, change a field, delete;
// the sandbox's state checked after each write.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, type Connected, fails, graph, ok, useSandbox } from './fixtures.js';

const sandbox = useSandbox();
let adele: Connected;
beforeAll(async () => {
  adele = await sandbox.as(ADELE);
});

type Contact = { id: string; name: string; company?: string; emails?: string[]; phones?: string[] };
type Found = { contacts: Contact[]; total: number; nextCursor?: string; folders?: { id: string; name: string }[] };

describe('contacts', () => {
  it('finds by part of a phone number, by company, by name, and pages through all of them', async () => {
    expect((await ok<Found>(adele, 'contacts_find', { query: '555 0142' })).contacts.map((c) => c.name)).toEqual(['Ravi Shankar']);
    expect((await ok<Found>(adele, 'contacts_find', { query: '(425) 555-0142' })).contacts.map((c) => c.name)).toEqual(['Ravi Shankar']);
    const fabrikam = await ok<Found>(adele, 'contacts_find', { query: 'fabrikam' });
    expect(fabrikam.contacts).toEqual([expect.objectContaining({ name: 'Sofia Lindqvist', company: 'Fabrikam Logistics', emails: ['sofia.lindqvist@fabrikam.example'] })]);
    expect((await ok<Found>(adele, 'contacts_find', { query: 'kenji tailspin' })).contacts.map((c) => c.name)).toEqual(['Kenji Watanabe']);
    const all = await ok<Found>(adele, 'contacts_find', { limit: 200 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: Found = await ok<Found>(adele, 'contacts_find', { limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.contacts.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.contacts.map((c) => c.id));
    expect(all.total).toBe(all.contacts.length);
    expect(await fails(adele, 'contacts_find', { query: 'fabrikam', cursor: (await ok<Found>(adele, 'contacts_find', { limit: 1 })).nextCursor })).toMatch(/leave out cursor/);
  });

  it('saves a new contact into a new folder, changes one field, deletes it; the mailbox holds each change', async () => {
    const token = await sandbox.graphAs(ADELE, 'Contacts.Read');
    const saved = await ok<Contact & { created: boolean; folderMade?: string }>(adele, 'contacts_save', {
      givenName: 'Amara', surname: 'Okafor', company: 'Woodgrove Supplies', emails: ['Amara Okafor <amara@woodgrove.example>'], businessPhones: ['+44 20 5555 0101'], folder: 'Suppliers',
    });
    expect(saved).toMatchObject({ created: true, folderMade: 'Suppliers', name: 'Amara Okafor', company: 'Woodgrove Supplies' });
    const folders = (await graph(sandbox, token, "/me/contactFolders?$filter=displayName eq 'Suppliers'")).body.value;
    expect(folders).toHaveLength(1);
    const inFolder = (await graph(sandbox, token, `/me/contactFolders/${folders[0].id}/contacts`)).body.value;
    expect(inFolder.map((c: { displayName: string }) => c.displayName)).toEqual(['Amara Okafor']);
    // A second one into the same folder does not make it again.
    const second = await ok<{ folderMade?: string; id: string }>(adele, 'contacts_save', { givenName: 'Lars', company: 'Woodgrove Supplies', folder: 'Suppliers' });
    expect(second.folderMade).toBeUndefined();
    expect((await ok<Found>(adele, 'contacts_find', { folder: 'Suppliers' })).contacts.map((c) => c.name).sort()).toEqual(['Amara Okafor', 'Lars']);

    const changed = await ok<Contact>(adele, 'contacts_save', { id: saved.id, mobilePhone: '+44 7911 123456' });
    expect(changed.phones).toEqual(['+44 20 5555 0101', '+44 7911 123456 (m)']);
    const stored = (await graph(sandbox, token, `/me/contacts/${saved.id}`)).body;
    expect(stored).toMatchObject({ mobilePhone: '+44 7911 123456', companyName: 'Woodgrove Supplies', businessPhones: ['+44 20 5555 0101'] });
    expect((await ok<Found>(adele, 'contacts_find', { query: '7911 1234' })).contacts.map((c) => c.id)).toEqual([saved.id]);

    await ok(adele, 'contacts_delete', { id: saved.id });
    expect((await graph(sandbox, token, `/me/contacts/${saved.id}`)).status).toBe(404);
    await ok(adele, 'contacts_delete', { id: second.id });
  });

  it('says what to do with a folder that does not exist or a save with nothing in it', async () => {
    const missing = await fails(adele, 'contacts_find', { folder: 'Nope' });
    expect(missing).toMatch(/no contact folder "Nope".*leave out folder/);
    expect((await ok<Found>(adele, 'contacts_find', { query: 'Ravi' })).contacts).toHaveLength(1);
    expect(await fails(adele, 'contacts_save', { notes: 'x' })).toMatch(/needs a name, a company or an email/);
  });
});
