// SharePoint sites and lists in the sandbox over real HTTP: finding sites the person may open, a site by id and by
// host and path, lists with typed columns, list items with fields filtered and sorted under the indexing rule,
// items created, changed and deleted with their columns checked, and who may do what on a site.
import { describe, expect, it } from 'vitest';
import { ADELE, allPages, graph, upn, useSandbox } from '../fixtures.js';

const sb = useSandbox();
const HONOR = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

describe('sites', () => {
  it('finds the sites a person may open, by words, and one by id or by host and path', async () => {
    const adele = await sb.graphAs(ADELE, 'Sites.Read.All');
    const all = await graph(sb, adele, '/sites?search=*');
    expect(all.body.value.map((s: any) => s.name).sort()).toEqual(['Intranet', 'Sales']); // not Engineering, Finance or Marketing: she is neither member nor visitor there
    expect((await graph(sb, adele, '/sites?search=pipeline proposals')).body.value.map((s: any) => s.displayName)).toEqual(['Sales']);
    const byPath = await graph(sb, adele, '/sites/contoso.sharepoint.com:/sites/Sales');
    expect(byPath.body).toMatchObject({ displayName: 'Sales', webUrl: 'https://contoso.sharepoint.com/sites/Sales', siteCollection: { hostname: 'contoso.sharepoint.com' } });
    expect((await graph(sb, adele, `/sites/${byPath.body.id}`)).body.id).toBe(byPath.body.id);
    expect((await graph(sb, adele, '/sites/root')).body.siteCollection.hostname).toBe('contoso.sharepoint.com');
    expect((await graph(sb, adele, '/sites/contoso.sharepoint.com:/sites/Finance')).body.error.code).toBe('accessDenied');
    expect((await graph(sb, adele, '/sites/contoso.sharepoint.com:/sites/Nowhere')).body.error.code).toBe('itemNotFound');
    expect((await graph(sb, await sb.graphAs(ADELE, 'Files.Read'), '/sites/root')).status).toBe(403);
  });

  it('lists a site\'s lists and columns, and reads items with fields, filtered and sorted under the indexing rule', async () => {
    const lee = await sb.graphAs(upn('lee.gu'), 'Sites.Read.All');
    const eng = (await graph(sb, lee, '/sites/contoso.sharepoint.com:/sites/Engineering')).body.id;
    const lists = await graph(sb, lee, `/sites/${eng}/lists`);
    expect(lists.body.value.map((l: any) => [l.displayName, l.list.template])).toEqual([['Documents', 'documentLibrary'], ['Project Tracker', 'genericList']]);
    const tracker = await graph(sb, lee, `/sites/${eng}/lists/Project Tracker?$expand=columns`);
    expect(tracker.body.columns.map((c: any) => [c.name, c.indexed])).toEqual([['Title', false], ['Status', true], ['Owner', false], ['DueDate', false], ['Priority', false]]);
    const active = await allPages(sb, lee, `/sites/${eng}/lists/${tracker.body.id}/items?$expand=fields($select=Title,Status)&$filter=fields/Status eq 'Active'&$top=2`);
    expect(active.length).toBe(6);
    for (const i of active) expect(i.fields).toMatchObject({ Status: 'Active' });
    expect(Object.keys(active[0].fields).filter((k) => !k.startsWith('@')).sort()).toEqual(['Status', 'Title']);
    const unindexed = await graph(sb, lee, `/sites/${eng}/lists/${tracker.body.id}/items?$expand=fields&$filter=fields/Priority eq 1`);
    expect(unindexed.status).toBe(400);
    expect(unindexed.body.error.message).toMatch(/Field 'Priority' cannot be referenced in filter or orderby as it is not indexed/);
    const honoured = await graph(sb, lee, `/sites/${eng}/lists/${tracker.body.id}/items?$expand=fields&$filter=fields/Priority eq 1&$orderby=fields/DueDate desc`, { headers: HONOR });
    expect(honoured.status).toBe(200);
    const dues = honoured.body.value.map((i: any) => i.fields.DueDate);
    expect(dues).toEqual([...dues].sort().reverse());
    expect(honoured.body.value.every((i: any) => i.fields.Priority === 1)).toBe(true);
  });

  it('creates, changes and deletes items with their columns checked, for members only', async () => {
    const lee = await sb.graphAs(upn('lee.gu'), 'Sites.ReadWrite.All');
    const eng = (await graph(sb, lee, '/sites/contoso.sharepoint.com:/sites/Engineering')).body.id;
    const items = `/sites/${eng}/lists/Project Tracker/items`;
    expect((await graph(sb, lee, items, { method: 'POST', body: { fields: { Title: 'X', Colour: 'red' } } })).body.error.message).toBe("Field 'Colour' is not recognized");
    expect((await graph(sb, lee, items, { method: 'POST', body: { fields: { Title: 'X', Status: 'Maybe' } } })).status).toBe(400);
    expect((await graph(sb, lee, items, { method: 'POST', body: { fields: { Status: 'Active' } } })).body.error.message).toBe("Field 'Title' is required.");
    const made = await graph(sb, lee, items, { method: 'POST', body: { fields: { Title: 'Edge cache', Status: 'Not started', Priority: 2 } } });
    expect(made.status).toBe(201);
    const changed = await graph(sb, lee, `${items}/${made.body.id}/fields`, { method: 'PATCH', body: { Status: 'Active' } });
    expect(changed.body).toMatchObject({ Title: 'Edge cache', Status: 'Active', Priority: 2 });
    expect((await graph(sb, lee, `${items}/${made.body.id}?$expand=fields`)).body.fields.Status).toBe('Active');
    const patti = await sb.graphAs(upn('patti.fernandez'), 'Sites.ReadWrite.All');
    expect((await graph(sb, patti, `${items}/${made.body.id}/fields`, { method: 'PATCH', body: { Status: 'Done' } })).body.error.code).toBe('accessDenied');
    expect((await graph(sb, lee, `${items}/${made.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(sb, lee, `${items}/${made.body.id}`)).status).toBe(404);
    expect((await graph(sb, await sb.graphAs(upn('lee.gu'), 'Sites.Read.All'), items, { method: 'POST', body: { fields: { Title: 'x' } } })).status).toBe(403);
  });
});
