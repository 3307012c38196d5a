// Writing SharePoint list items in the sandbox over real HTTP: created with {fields} (201), changed through /fields
// (200, If-Match against the eTag), deleted (204), with names, types, choices, people and required columns checked
// against the list's columns; by the site's members with a write permission only. The stored state is read back
// after every write. Only items a test created are changed or deleted.
import { describe, expect, it } from 'vitest';
import { ADELE, graph, idOf, upn, useSandbox } from '../fixtures.js';
import { demoDirectory } from '../../src/sandbox/testing.js';

const sb = useSandbox();
const siteId = (name: string) => demoDirectory().sites.find((s) => s.name === name)!.id;
const TRACKER = () => `/sites/${siteId('Engineering')}/lists/Project Tracker/items`;
const LEE = upn('lee.gu');

describe('creating, changing and deleting items', () => {
  it('creates an item (201) with its fields, who made it and an eTag, and lists it', async () => {
    const lee = await sb.graphAs(LEE, 'Sites.ReadWrite.All');
    const before = (await graph(sb, lee, `${TRACKER()}?$top=100`)).body.value.length;
    const grady = (await graph(sb, lee, `${TRACKER()}/1/fields`)).body.OwnerLookupId;
    const made = await graph(sb, lee, TRACKER(), { method: 'POST', body: { fields: { Title: 'Edge cache', Status: 'Not started', Priority: 2, DueDate: '2027-03-01', OwnerLookupId: grady } } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      id: String(before + 1), eTag: expect.stringMatching(/,1"$/),
      createdBy: { user: { id: idOf(LEE), displayName: 'Lee Gu' } }, lastModifiedBy: { user: { id: idOf(LEE) } },
      fields: { Title: 'Edge cache', Status: 'Not started', Priority: 2, DueDate: '2027-03-01T00:00:00Z', OwnerLookupId: grady, AuthorLookupId: expect.any(String) },
    });
    expect(made.body.createdDateTime).toBe(made.body.lastModifiedDateTime);
    const stored = await graph(sb, lee, `${TRACKER()}/${made.body.id}?$expand=fields($select=Title,Owner,Priority)`);
    expect(stored.body.fields).toEqual({ Title: 'Edge cache', Owner: 'Grady Archie', Priority: 2 });
    expect((await graph(sb, lee, `${TRACKER()}?$top=100`)).body.value.length).toBe(before + 1);
  });

  it('changes fields (200 with the fieldValueSet), empties a column with null, moves the eTag and honours If-Match', async () => {
    const lee = await sb.graphAs(LEE, 'Sites.ReadWrite.All');
    const made = (await graph(sb, lee, TRACKER(), { method: 'POST', body: { fields: { Title: 'Search facets', Status: 'Not started', Priority: 3 } } })).body;
    const johanna = await sb.graphAs(upn('johanna.lorenz'), 'Sites.ReadWrite.All');
    const changed = await graph(sb, johanna, `${TRACKER()}/${made.id}/fields`, { method: 'PATCH', body: { Status: 'Active', Priority: null } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ Title: 'Search facets', Status: 'Active', _UIVersionString: '2.0', '@odata.etag': expect.stringMatching(/,2"$/) });
    expect(changed.body).not.toHaveProperty('Priority');
    const stored = (await graph(sb, lee, `${TRACKER()}/${made.id}?$expand=fields`)).body;
    expect(stored.fields).toMatchObject({ Status: 'Active' });
    expect(stored.fields).not.toHaveProperty('Priority');
    expect(stored.lastModifiedBy.user).toEqual({ id: idOf(upn('johanna.lorenz')), displayName: 'Johanna Lorenz' });
    expect(stored.createdBy.user.id).toBe(idOf(LEE));
    expect(stored.eTag).toBe(changed.body['@odata.etag']);
    // A write against the old version is refused; against the current one it goes through.
    const stale = await graph(sb, lee, `${TRACKER()}/${made.id}/fields`, { method: 'PATCH', headers: { 'If-Match': made.eTag }, body: { Status: 'Done' } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('resourceModified');
    expect((await graph(sb, lee, `${TRACKER()}/${made.id}/fields`)).body.Status).toBe('Active');
    const fresh = await graph(sb, lee, `${TRACKER()}/${made.id}/fields`, { method: 'PATCH', headers: { 'If-Match': stored.eTag }, body: { Status: 'Done' } });
    expect(fresh.body.Status).toBe('Done');
  });

  it('deletes an item (204); it is gone and its id is not reused', async () => {
    const lee = await sb.graphAs(LEE, 'Sites.ReadWrite.All');
    const made = (await graph(sb, lee, TRACKER(), { method: 'POST', body: { fields: { Title: 'Short-lived' } } })).body;
    const gone = await graph(sb, lee, `${TRACKER()}/${made.id}`, { method: 'DELETE' });
    expect(gone.status).toBe(204);
    expect(gone.text).toBe('');
    expect((await graph(sb, lee, `${TRACKER()}/${made.id}`)).body.error.code).toBe('itemNotFound');
    expect((await graph(sb, lee, `${TRACKER()}/${made.id}`, { method: 'DELETE' })).status).toBe(404);
    const next = (await graph(sb, lee, TRACKER(), { method: 'POST', body: { fields: { Title: 'After' } } })).body;
    expect(Number(next.id)).toBe(Number(made.id) + 1);
    await graph(sb, lee, `${TRACKER()}/${next.id}`, { method: 'DELETE' });
  });
});

describe('what a write may put in fields', () => {
  it("refuses unknown fields, wrong types, choices outside the list, unknown people and a missing Title, storing nothing", async () => {
    const lee = await sb.graphAs(LEE, 'Sites.ReadWrite.All');
    const count = async () => (await graph(sb, lee, `${TRACKER()}?$top=100`)).body.value.length;
    const before = await count();
    const refused = async (fields: Record<string, unknown>) => {
      const r = await graph(sb, lee, TRACKER(), { method: 'POST', body: { fields } });
      expect(r.status, JSON.stringify(fields)).toBe(400);
      expect(r.body.error.code).toBe('invalidRequest');
      return r.body.error.message as string;
    };
    expect(await refused({ Title: 'X', Colour: 'red' })).toBe("Field 'Colour' is not recognized");
    expect(await refused({ Title: 'X', Status: 'Maybe' })).toMatch(/^Invalid request: the value 'Maybe' is not valid for the field 'Status'/);
    expect(await refused({ Title: 'X', Priority: 'high' })).toMatch(/not valid for the field 'Priority' \(number\)/);
    expect(await refused({ Title: 'X', DueDate: 'next week' })).toMatch(/'DueDate'/);
    expect(await refused({ Title: 42 })).toMatch(/'Title'/);
    expect(await refused({ Title: 'X', Owner: 'Grady Archie' })).toMatch(/'OwnerLookupId'/);
    expect(await refused({ Title: 'X', OwnerLookupId: 9 })).toMatch(/'Owner'/); // SharePoint takes the id as a string
    expect(await refused({ Title: 'X', OwnerLookupId: '99999' })).toMatch(/'Owner'/);
    expect(await refused({ Status: 'Active' })).toBe("Field 'Title' is required.");
    expect(await refused({ Title: 'X', Created: '2020-01-01T00:00:00Z' })).toMatch(/'Created' is kept by SharePoint/);
    expect(await refused({ Title: 'X', AuthorLookupId: '7' })).toMatch(/'Author' is kept by SharePoint/);
    expect(await count()).toBe(before);
    const made = (await graph(sb, lee, TRACKER(), { method: 'POST', body: { fields: { Title: 'Typed' } } })).body;
    const patch = await graph(sb, lee, `${TRACKER()}/${made.id}/fields`, { method: 'PATCH', body: { Title: 'Renamed', Colour: 'red' } });
    expect(patch.body.error.message).toBe("Field 'Colour' is not recognized");
    expect((await graph(sb, lee, `${TRACKER()}/${made.id}/fields`)).body.Title).toBe('Typed');
    // Booleans and currency elsewhere, by a Marketing and a Finance member.
    const megan = await sb.graphAs(upn('megan.bowen'), 'Sites.ReadWrite.All');
    const campaigns = `/sites/${siteId('Marketing')}/lists/Campaign Calendar/items`;
    expect((await graph(sb, megan, campaigns, { method: 'POST', body: { fields: { Title: 'X', Approved: 'yes' } } })).status).toBe(400);
    const launch = await graph(sb, megan, campaigns, { method: 'POST', body: { fields: { Title: 'Autumn preview', Approved: true, Channel: 'Web' } } });
    expect((await graph(sb, megan, `${campaigns}/${launch.body.id}/fields`)).body).toMatchObject({ Approved: true, Channel: 'Web' });
    const nestor = await sb.graphAs(upn('nestor.wilke'), 'Sites.Manage.All');
    const budget = `/sites/${siteId('Finance')}/lists/Budget Lines/items`;
    const line = await graph(sb, nestor, budget, { method: 'POST', body: { fields: { Title: 'Training', Department: 'Finance', Amount: 45_000.5 } } });
    expect(line.status).toBe(201);
    expect((await graph(sb, nestor, `${budget}/${line.body.id}/fields`)).body.Amount).toBe(45_000.5);
  });

  it('refuses items in a document library: files go through its drive', async () => {
    const lee = await sb.graphAs(LEE, 'Sites.ReadWrite.All');
    const r = await graph(sb, lee, `/sites/${siteId('Engineering')}/lists/Documents/items`, { method: 'POST', body: { fields: { Title: 'x' } } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe('Files and folders should only be added to a DocumentLibrary via the OneDrive API');
  });
});

describe('who may write', () => {
  it('takes members with Sites.ReadWrite.All or more; refuses visitors, outsiders and read-only permissions, changing nothing', async () => {
    const lee = await sb.graphAs(LEE, 'Sites.ReadWrite.All');
    const made = (await graph(sb, lee, TRACKER(), { method: 'POST', body: { fields: { Title: 'Guarded', Status: 'Active' } } })).body;
    const patti = await sb.graphAs(upn('patti.fernandez'), 'Sites.ReadWrite.All'); // a visitor of Engineering
    const adele = await sb.graphAs(ADELE, 'Sites.ReadWrite.All'); // no role on Engineering
    for (const [who, code] of [[patti, 'accessDenied'], [adele, 'accessDenied']] as const) {
      expect((await graph(sb, who, `${TRACKER()}/${made.id}/fields`, { method: 'PATCH', body: { Status: 'Done' } })).body.error.code).toBe(code);
      expect((await graph(sb, who, `${TRACKER()}/${made.id}`, { method: 'DELETE' })).status).toBe(403);
      expect((await graph(sb, who, TRACKER(), { method: 'POST', body: { fields: { Title: 'Not mine' } } })).status).toBe(403);
    }
    const reader = await sb.graphAs(LEE, 'Sites.Read.All');
    const r = await graph(sb, reader, `${TRACKER()}/${made.id}/fields`, { method: 'PATCH', body: { Status: 'Done' } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('Authorization_RequestDenied');
    const stored = await graph(sb, reader, `${TRACKER()}/${made.id}?$expand=fields`);
    expect(stored.body.fields.Status).toBe('Active');
    expect(stored.body.eTag).toBe(made.eTag);
    expect((await graph(sb, reader, TRACKER() + '?$top=100&$filter=fields/Title eq \'Not mine\'', { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } })).body.value).toEqual([]);
  });
});
