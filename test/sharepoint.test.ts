// The SharePoint tools and site libraries through a real MCP client against the sandbox: find sites, a site's
// libraries and lists, list items filtered by a column and sorted, a library's files through the files tools,
// a site someone may not open (the error names the site and what would let them in), and list items created and
// changed where the deployment writes to SharePoint (MS365_MCP_SITE_WRITES).
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, call, type Connected, fails, graph, ok, textOf, upn, useSandbox } from './fixtures.js';

const sandbox = useSandbox();
let adele: Connected;
beforeAll(async () => {
  adele = await sandbox.as(ADELE);
});

type Site = { id: string; name: string; url?: string; libraries: { driveId: string; name: string }[]; lists: { id: string; name: string }[] };
type Items = { list: string; columns?: { name: string; title: string; type: string; indexed?: boolean }[]; items: { id: string; fields: Record<string, unknown> }[]; nextCursor?: string };

describe('sites and lists', () => {
  it('finds the sites she may open and shows one with its libraries and lists', async () => {
    const found = await ok<{ sites: { name: string; url: string }[] }>(adele, 'sharepoint_find_sites', { query: '*' });
    expect(found.sites.map((s) => s.name).sort()).toEqual(['Contoso Intranet', 'Sales']);
    const sales = await ok<Site>(adele, 'sharepoint_get_site', { site: 'Sales' });
    expect(sales).toMatchObject({ name: 'Sales', url: 'https://contoso.sharepoint.com/sites/Sales' });
    expect(sales.libraries.map((l) => l.name)).toEqual(['Documents']);
    expect(sales.lists.map((l) => l.name)).toEqual(['Customer Contacts']);
    // The same site by its address, and its library through the files tools, by site name or by drive id.
    expect((await ok<Site>(adele, 'sharepoint_get_site', { site: 'https://contoso.sharepoint.com/sites/Sales' })).id).toBe(sales.id);
    const files = await ok<{ items: { name: string }[] }>(adele, 'files_list', { drive: 'site:Sales', folder: '/Proposals' });
    expect(files.items.map((i) => i.name)).toEqual(['Fabrikam holiday displays proposal.docx']);
    const text = await ok<{ text: string }>(adele, 'files_read', { drive: sales.libraries[0].driveId, item: '/Proposals/Fabrikam holiday displays proposal.docx' });
    expect(text.text).toMatch(/Total: 46,800 USD/);
  });

  it('reads a list filtered by a column and sorted, with the columns described, a page at a time', async () => {
    const lee = await sandbox.as(upn('lee.gu'));
    const first = await ok<Items>(lee, 'sharepoint_list_items', { site: 'Engineering', list: 'Project Tracker', where: { Status: 'Active' }, orderBy: 'Due date', descending: true, limit: 4 });
    expect(first.columns?.map((c) => `${c.name}:${c.type}${c.indexed ? ':indexed' : ''}`)).toEqual(['Title:text', 'Status:choice:indexed', 'Owner:personOrGroup', 'DueDate:dateTime', 'Priority:number']);
    const rest = await ok<Items>(lee, 'sharepoint_list_items', { site: 'Engineering', list: 'Project Tracker', where: { Status: 'Active' }, orderBy: 'Due date', descending: true, cursor: first.nextCursor });
    expect(rest.columns).toBeUndefined();
    const all = [...first.items, ...rest.items];
    expect(all).toHaveLength(6);
    for (const i of all) expect(i.fields.Status).toBe('Active');
    const dues = all.map((i) => String(i.fields.DueDate));
    expect(dues).toEqual([...dues].sort().reverse());
    // A column that is not indexed filters too (the server accepts SharePoint's warning for it).
    const p1 = await ok<Items>(lee, 'sharepoint_list_items', { site: 'Engineering', list: 'Project Tracker', where: { Priority: 1 }, columns: ['Title', 'Priority'] });
    expect(p1.items.length).toBeGreaterThan(0);
    for (const i of p1.items) expect(Object.keys(i.fields).sort()).toEqual(['Priority', 'Title']);
    expect(await fails(lee, 'sharepoint_list_items', { site: 'Engineering', list: 'Project Tracker', where: { Colour: 'red' } })).toBe(
      'The list Project Tracker has no column "Colour". Its columns: Title, Status, Owner, Due date (DueDate), Priority.',
    );
  });

  it('tells someone outside a site which site and what access would let them in', async () => {
    const denied = await fails(adele, 'sharepoint_get_site', { site: 'Finance' });
    expect(denied).toMatch(/^No access to the site "Finance" \(Graph accessDenied: Access denied\)\. The signed-in user must be a member or visitor of the site \(its owner adds them\), and the app needs Sites\.Read\.All/);
    expect(await fails(adele, 'files_list', { drive: 'site:Finance' })).toMatch(/No access to the site "Finance"/);
    expect(await fails(adele, 'sharepoint_get_site', { site: 'Nowhere' })).toBe('No site "Nowhere" was found (Graph itemNotFound). sharepoint_find_sites lists the sites you can open.');
  });
});

describe('writing to SharePoint', () => {
  it('is offered only where the deployment chose it, and then creates and changes list items', async () => {
    const plain = await sandbox.as(upn('lee.gu'));
    expect((await plain.client.listTools()).tools.map((t) => t.name)).not.toContain('sharepoint_save_item');
    expect(await fails(plain, 'files_create_folder', { drive: 'site:Engineering', name: 'Plans' })).toMatch(/MS365_MCP_SITE_WRITES=true \(--site-writes\)/);
    const lee = await sandbox.as(upn('lee.gu'), { MS365_MCP_ORG_MODE: 'true', MS365_MCP_SITE_WRITES: 'true' });
    const made = await ok<{ id: string; created: boolean; fields: Record<string, unknown> }>(lee, 'sharepoint_save_item', { site: 'Engineering', list: 'Project Tracker', fields: { Title: 'Edge cache', Status: 'Not started', 'Due date': '2027-03-01T00:00:00Z' } });
    expect(made).toMatchObject({ created: true, fields: { Title: 'Edge cache', Status: 'Not started', DueDate: '2027-03-01T00:00:00Z' } });
    const changed = await ok<{ created: boolean }>(lee, 'sharepoint_save_item', { site: 'Engineering', list: 'Project Tracker', itemId: made.id, fields: { Status: 'Active' }, clear: ['Due date'] });
    expect(changed.created).toBe(false);
    const token = await sandbox.graphAs(upn('lee.gu'), 'Sites.Read.All');
    const eng = (await graph(sandbox, token, '/sites/contoso.sharepoint.com:/sites/Engineering')).body.id;
    const stored = await graph(sandbox, token, `/sites/${eng}/lists/Project Tracker/items/${made.id}?$expand=fields`);
    // SharePoint leaves an emptied column out of fields.
    expect(stored.body.fields).toMatchObject({ Title: 'Edge cache', Status: 'Active' });
    expect(stored.body.fields).not.toHaveProperty('DueDate');
    // The folder the plain server refused, with site writes on.
    expect((await call(lee.client, 'files_create_folder', { drive: 'site:Engineering', name: 'Plans' })).isError).toBeFalsy();
    const r = await call(lee.client, 'sharepoint_save_item', { site: 'Engineering', list: 'Project Tracker', itemId: made.id, fields: { Status: 'Maybe' } });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/not valid for the field 'Status'/);
  });
});
