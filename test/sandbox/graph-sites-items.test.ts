// SharePoint list items in the sandbox over real HTTP: $expand=fields and fields($select=...), person columns as
// lookup ids (by name when selected), an item and its fields, $filter and $orderby on fields/{column} under
// SharePoint's indexing rule (400 unless Prefer: HonorNonIndexedQueriesWarningMayFailRandomly), $top and nextLink.
import { describe, expect, it } from 'vitest';
import { allPages, graph, upn, useSandbox } from '../fixtures.js';
import { demoDirectory, SEEDED_LISTS } from '../../src/sandbox/testing.js';

const sb = useSandbox();
const sites = demoDirectory().sites;
const siteId = (name: string) => sites.find((s) => s.name === name)!.id;
const HONOR = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
const TRACKER = () => `/sites/${siteId('Engineering')}/lists/Project Tracker/items`;

describe('reading items', () => {
  it('pages every seeded list completely, 10 to 30 items each', async () => {
    const patti = await sb.graphAs(upn('patti.fernandez'), 'Sites.Read.All');
    expect(SEEDED_LISTS.map((l) => l.list).sort()).toEqual(['Announcements', 'Budget Lines', 'Campaign Calendar', 'Customer Contacts', 'Project Tracker']);
    for (const l of SEEDED_LISTS) {
      const items = await allPages(sb, patti, `/sites/${siteId(l.site)}/lists/${l.list}/items?$top=4`);
      expect(items.map((i) => i.id), l.list).toEqual(Array.from({ length: l.items }, (_, n) => String(n + 1)));
      expect(l.items).toBeGreaterThanOrEqual(10);
      expect(l.items).toBeLessThanOrEqual(30);
    }
  });

  it('shows items without fields unless expanded, and fields with SharePoint its own fields and person lookup ids', async () => {
    const lee = await sb.graphAs(upn('lee.gu'), 'Sites.Read.All');
    const plain = await graph(sb, lee, `${TRACKER()}?$top=1`);
    expect(plain.body.value[0]).not.toHaveProperty('fields');
    expect(plain.body.value[0]).toMatchObject({ id: '1', eTag: expect.stringMatching(/^"[0-9a-f-]{36},1"$/), createdBy: { user: { displayName: expect.any(String) } }, contentType: { name: 'Item' }, webUrl: expect.stringMatching(/\/Lists\/ProjectTracker\/1_\.000$/) });
    const full = await graph(sb, lee, `${TRACKER()}/1?$expand=fields`);
    const f = full.body.fields;
    expect(f).toMatchObject({ Title: 'Payment service v2', Status: 'Active', DueDate: expect.stringMatching(/Z$/), Priority: 1, OwnerLookupId: expect.stringMatching(/^\d+$/), id: '1', ContentType: 'Item', AuthorLookupId: expect.any(String), _UIVersionString: '1.0' });
    expect(f).not.toHaveProperty('Owner');
    const named = await graph(sb, lee, `${TRACKER()}/1?$expand=fields($select=Title,Owner,OwnerLookupId)`);
    expect(named.body.fields).toEqual({ Title: 'Payment service v2', Owner: 'Grady Archie', OwnerLookupId: f.OwnerLookupId });
    const fields = await graph(sb, lee, `${TRACKER()}/1/fields`);
    expect(fields.body).toMatchObject({ '@odata.etag': full.body.eTag, Title: 'Payment service v2', OwnerLookupId: f.OwnerLookupId });
    expect((await graph(sb, lee, `${TRACKER()}/999`)).body.error.code).toBe('itemNotFound');
    expect((await graph(sb, lee, `${TRACKER()}?$expand=fields($select=Colour)`)).status).toBe(400);
  });

  it('filters on an indexed column, and refuses a column that is not indexed unless the caller accepts the risk', async () => {
    const lee = await sb.graphAs(upn('lee.gu'), 'Sites.Read.All');
    const active = await allPages(sb, lee, `${TRACKER()}?$expand=fields($select=Title,Status)&$filter=fields/Status eq 'Active'&$top=2`);
    expect(active).toHaveLength(6);
    for (const i of active) expect(Object.keys(i.fields).sort()).toEqual(['Status', 'Title']);
    for (const i of active) expect(i.fields.Status).toBe('Active');
    for (const [query, column] of [['$filter=fields/Priority eq 1', 'Priority'], ['$orderby=fields/DueDate desc', 'DueDate'], ["$filter=fields/Status eq 'Active'&$orderby=fields/Title", 'Title']]) {
      const r = await graph(sb, lee, `${TRACKER()}?$expand=fields&${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.error).toEqual(expect.objectContaining({
        code: 'invalidRequest',
        message: `Field '${column}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
      }));
    }
    const honoured = await allPages(sb, lee, `${TRACKER()}?$expand=fields&$filter=fields/Priority le 2&$orderby=fields/DueDate desc&$top=3`, HONOR);
    expect(honoured.length).toBe(8);
    expect(honoured.every((i) => i.fields.Priority <= 2)).toBe(true);
    const dues = honoured.map((i) => i.fields.DueDate);
    expect(dues).toEqual([...dues].sort().reverse());
  });

  it('filters and sorts every type of column with the header', async () => {
    const patti = await sb.graphAs(upn('patti.fernandez'), 'Sites.Read.All');
    const items = (site: string, list: string, q: string) => allPages(sb, patti, `/sites/${siteId(site)}/lists/${list}/items?$expand=fields&${q}`, HONOR);
    const big = await items('Finance', 'Budget Lines', '$filter=fields/Amount ge 1000000&$orderby=fields/Amount desc');
    expect(big.map((i) => i.fields.Amount)).toEqual([4_200_000, 1_800_000, 1_100_000]);
    const approved = await items('Marketing', 'Campaign Calendar', '$filter=fields/Approved eq false');
    expect(approved.length).toBe(4);
    expect(approved.every((i) => i.fields.Approved === false)).toBe(true);
    const emea = await items('Sales', 'Customer Contacts', "$filter=fields/Region eq 'EMEA' and startswith(fields/Company,'T')");
    expect(emea.map((i) => i.fields.Company)).toEqual(['Tailspin Toys']);
    const soon = await items('Intranet', 'Announcements', "$filter=fields/Expires lt 2027-01-20T00:00:00Z&$orderby=fields/Expires desc");
    expect(soon.map((i) => i.fields.Expires)).toEqual(['2027-01-18T00:00:00Z', '2027-01-11T00:00:00Z', '2027-01-04T00:00:00Z']);
    const lookup = (await graph(sb, patti, `/sites/${siteId('Engineering')}/lists/Project Tracker/items/1/fields`)).body.OwnerLookupId;
    const graded = await items('Engineering', 'Project Tracker', `$filter=fields/OwnerLookupId eq '${lookup}'`);
    expect(graded.map((i) => i.id)).toEqual(['1', '6', '11']);
    // SharePoint's own columns filter and select too: who made an item, by lookup id and by name.
    const author = await graph(sb, patti, `/sites/${siteId('Engineering')}/lists/Project Tracker/items/2?$expand=fields($select=Author,AuthorLookupId,Created)`);
    expect(author.body.fields).toEqual({ Author: expect.any(String), AuthorLookupId: expect.stringMatching(/^\d+$/), Created: author.body.createdDateTime });
    const byAuthor = await items('Engineering', 'Project Tracker', `$filter=fields/AuthorLookupId eq '${author.body.fields.AuthorLookupId}'&$orderby=fields/Created`);
    expect(byAuthor.map((i) => i.createdBy.user.displayName).every((n) => n === author.body.fields.Author)).toBe(true);
    expect(byAuthor.map((i) => i.id)).toContain('2');
  });

  it('pages with $top and an opaque nextLink that keeps the query', async () => {
    const lee = await sb.graphAs(upn('lee.gu'), 'Sites.Read.All');
    const first = await graph(sb, lee, `${TRACKER()}?$expand=fields($select=Title)&$top=5`);
    expect(first.body.value).toHaveLength(5);
    const next = first.body['@odata.nextLink'];
    expect(next).toMatch(/\$skiptoken=/);
    expect(next).toMatch(/\$expand=fields/);
    const second = await graph(sb, lee, next);
    expect(second.body.value.map((i: any) => i.id)).toEqual(['6', '7', '8', '9', '10']);
    expect(Object.keys(second.body.value[0].fields)).toEqual(['Title']);
    expect((await graph(sb, lee, `${TRACKER()}?$skip=5`)).status).toBe(400);
  });
});
