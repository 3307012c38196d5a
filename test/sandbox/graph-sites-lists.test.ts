// A SharePoint site's lists in the sandbox over real HTTP: document libraries among them, a list by id or display
// name, typed columns (text, choice, number, currency, dateTime, boolean, person) by /columns and $expand=columns,
// $select, and the same access rules as the site.
import { describe, expect, it } from 'vitest';
import { ADELE, graph, upn, useSandbox } from '../fixtures.js';
import { demoDirectory, SEEDED_LISTS } from '../../src/sandbox/testing.js';

const sb = useSandbox();
const sites = demoDirectory().sites;
const siteId = (name: string) => sites.find((s) => s.name === name)!.id;

describe('lists', () => {
  it("shows each site's libraries and lists with the list facet", async () => {
    const patti = await sb.graphAs(upn('patti.fernandez'), 'Sites.Read.All');
    for (const site of sites) {
      const r = await graph(sb, patti, `/sites/${site.id}/lists`);
      expect(r.status, site.name).toBe(200);
      const seeded = SEEDED_LISTS.filter((l) => l.site === site.name).map((l) => [l.list, 'genericList']);
      expect(r.body.value.map((l: any) => [l.displayName, l.list.template])).toEqual([['Documents', 'documentLibrary'], ...site.libraries.map((n) => [n, 'documentLibrary']), ...seeded]);
      for (const l of r.body.value) expect(l).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), parentReference: { siteId: site.id }, list: { hidden: false }, eTag: expect.any(String) });
    }
    const eng = await graph(sb, patti, `/sites/${siteId('Engineering')}/lists`);
    const docs = eng.body.value[0];
    const tracker = eng.body.value.find((l: any) => l.displayName === 'Project Tracker');
    expect(docs).toMatchObject({ name: 'Shared Documents', webUrl: 'https://contoso.sharepoint.com/sites/Engineering/Shared%20Documents' });
    expect(tracker).toMatchObject({ name: 'ProjectTracker', webUrl: 'https://contoso.sharepoint.com/sites/Engineering/Lists/ProjectTracker', description: expect.any(String) });
  });

  it('gets a list by id or display name (any case), through either way of naming the site, with $select', async () => {
    const lee = await sb.graphAs(upn('lee.gu'), 'Sites.Read.All');
    const eng = siteId('Engineering');
    const byName = await graph(sb, lee, `/sites/${eng}/lists/project tracker`);
    expect(byName.status).toBe(200);
    expect(byName.body.displayName).toBe('Project Tracker');
    expect((await graph(sb, lee, `/sites/${eng}/lists/${byName.body.id}`)).body.id).toBe(byName.body.id);
    expect((await graph(sb, lee, `/sites/contoso.sharepoint.com:/sites/Engineering:/lists/Project%20Tracker`)).body.id).toBe(byName.body.id);
    const selected = await graph(sb, lee, `/sites/${eng}/lists?$select=displayName,list`);
    expect(selected.body.value.at(-1)).toEqual({ displayName: 'Project Tracker', list: { contentTypesEnabled: false, hidden: false, template: 'genericList' } });
    expect((await graph(sb, lee, `/sites/${eng}/lists/Nope`)).body.error.code).toBe('itemNotFound');
    // A list of another site is not found through this one.
    expect((await graph(sb, lee, `/sites/${eng}/lists/Announcements`)).status).toBe(404);
  });

  it('describes columns of every type, by /columns and by $expand=columns', async () => {
    const patti = await sb.graphAs(upn('patti.fernandez'), 'Sites.Read.All');
    const tracker = `/sites/${siteId('Engineering')}/lists/Project Tracker`;
    const cols = await graph(sb, patti, `${tracker}/columns`);
    expect(cols.status).toBe(200);
    const byName = Object.fromEntries(cols.body.value.map((c: any) => [c.name, c]));
    expect(Object.keys(byName)).toEqual(['Title', 'Status', 'Owner', 'DueDate', 'Priority', 'Modified', 'Created', 'Author', 'Editor']);
    // SharePoint's own columns follow the list's, read-only.
    expect(cols.body.value.filter((c: any) => c.readOnly).map((c: any) => c.displayName)).toEqual(['Modified', 'Created', 'Created By', 'Modified By']);
    expect(byName.Author).toMatchObject({ columnGroup: '_Hidden', personOrGroup: expect.any(Object) });
    expect(byName.Title).toMatchObject({ displayName: 'Title', required: true, indexed: false, text: { maxLength: 255 } });
    expect(byName.Status).toMatchObject({ indexed: true, choice: { choices: ['Not started', 'Active', 'Blocked', 'Done'] } });
    expect(byName.Owner.personOrGroup).toMatchObject({ allowMultipleSelection: false });
    expect(byName.DueDate).toMatchObject({ displayName: 'Due date', dateTime: { format: 'dateOnly' } });
    expect(byName.Priority.number).toBeDefined();
    // Each column carries only its own type's facet.
    for (const c of cols.body.value) expect(['text', 'choice', 'personOrGroup', 'dateTime', 'number', 'currency', 'boolean'].filter((f) => f in c), c.name).toHaveLength(1);
    const expanded = await graph(sb, patti, `${tracker}?$expand=columns`);
    expect(expanded.body.columns).toEqual(cols.body.value);
    const budget = await graph(sb, patti, `/sites/${siteId('Finance')}/lists/Budget Lines/columns`);
    expect(budget.body.value.find((c: any) => c.name === 'Amount').currency).toEqual({ locale: 'en-US' });
    const campaigns = await graph(sb, patti, `/sites/${siteId('Marketing')}/lists/Campaign Calendar/columns?$filter=indexed eq true&$select=name`);
    expect(campaigns.body.value).toEqual([{ name: 'Channel' }]);
    const one = await graph(sb, patti, `${tracker}/columns/${byName.Status.id}`);
    expect(one.body).toMatchObject({ name: 'Status', choice: byName.Status.choice });
    expect(Object.keys(await graph(sb, patti, `/sites/${siteId('Marketing')}/lists/Campaign Calendar/columns`).then((r) => r.body.value.find((c: any) => c.name === 'Approved')))).toContain('boolean');
  });

  it('keeps lists and columns of a site closed to people without a role there', async () => {
    const adele = await sb.graphAs(ADELE, 'Sites.Read.All');
    const finance = siteId('Finance');
    for (const path of [`/sites/${finance}/lists`, `/sites/${finance}/lists/Budget Lines`, `/sites/${finance}/lists/Budget Lines/columns`, `/sites/${finance}/lists/Budget Lines/items`]) {
      const r = await graph(sb, adele, path);
      expect(r.status, path).toBe(403);
      expect(r.body.error.code).toBe('accessDenied');
    }
    expect((await graph(sb, await sb.graphAs(ADELE, 'Files.Read.All'), `/sites/${siteId('Sales')}/lists`)).status).toBe(403);
  });
});
