// Microsoft Search over the sandbox's files, over real HTTP: one query finds what a person may open across their
// OneDrive, what colleagues shared with them and their sites' libraries, and nothing else; KQL phrases,
// property restrictions, OR and NOT; summaries with highlights; from/size paging; Graph's refusals.
import { describe, expect, it } from 'vitest';
import { ADELE, graph, upn, useSandbox } from '../fixtures.js';

const sb = useSandbox();
const query = (queryString: string, extra: Record<string, unknown> = {}) => ({ requests: [{ entityTypes: ['driveItem'], query: { queryString }, ...extra }] });
const names = (body: any): string[] => body.value[0].hitsContainers[0].hits.map((h: any) => h.resource.name);

const search = (requests: object[]) => ({ requests });
const hitsOf = (body: any, i = 0): any[] => body.value[i].hitsContainers[0].hits;

describe('POST /search/query for mail, events, sites and lists', () => {
  it('finds her mail by words and from:, with the message as a hit carries it', async () => {
    const adele = await sb.graphAs(ADELE, 'Mail.Read');
    const r = await graph(sb, adele, '/search/query', { method: 'POST', body: search([{ entityTypes: ['message'], query: { queryString: 'Fabrikam display vendor' } }]) });
    expect(r.status, r.text).toBe(200);
    const hit = hitsOf(r.body)[0];
    expect(hit.resource).toMatchObject({ '@odata.type': '#microsoft.graph.message', subject: expect.any(String), from: { emailAddress: { address: expect.stringContaining('@') } } });
    expect(hit.resource.body).toBeUndefined();
    expect(hit.summary).toMatch(/<c0>Fabrikam<\/c0>/);
    // The same message through the mail API: the hit's id opens it.
    expect((await graph(sb, adele, `/me/messages/${hit.hitId}?$select=subject`)).body.subject).toBe(hit.resource.subject);
    const fromAlex = hitsOf((await graph(sb, adele, '/search/query', { method: 'POST', body: search([{ entityTypes: ['message'], query: { queryString: 'from:alex Fabrikam' } }]) })).body);
    expect(fromAlex.length).toBeGreaterThan(0);
    expect(fromAlex.every((h) => /alex/i.test(JSON.stringify(h.resource.from)))).toBe(true);
  });

  it('finds events, sites and list items, each with its resource', async () => {
    const adele = await sb.graphAs(ADELE, 'Calendars.Read Sites.Read.All');
    const events = hitsOf((await graph(sb, adele, '/search/query', { method: 'POST', body: search([{ entityTypes: ['event'], query: { queryString: 'Fabrikam' } }]) })).body);
    expect(events.map((h) => h.resource.subject)).toContain('Customer visit: Fabrikam');
    expect(events[0].resource.start).toMatchObject({ dateTime: expect.any(String), timeZone: 'UTC' });
    const sp = hitsOf((await graph(sb, adele, '/search/query', { method: 'POST', body: search([{ entityTypes: ['site', 'listItem'], query: { queryString: 'Fabrikam OR sales' } }]) })).body);
    const types = new Set(sp.map((h) => h.resource['@odata.type']));
    expect(types).toEqual(new Set(['#microsoft.graph.site', '#microsoft.graph.listItem']));
    const contact = sp.find((h) => h.resource['@odata.type'] === '#microsoft.graph.listItem')!;
    expect(contact.resource.fields.Company).toBe('Fabrikam');
    // Engineering's tracker is not hers to see.
    const lee = hitsOf((await graph(sb, await sb.graphAs(upn('lee.gu'), 'Sites.Read.All'), '/search/query', { method: 'POST', body: search([{ entityTypes: ['listItem'], query: { queryString: 'Active' } }]) })).body);
    expect(lee.length).toBeGreaterThan(0);
    expect(hitsOf((await graph(sb, adele, '/search/query', { method: 'POST', body: search([{ entityTypes: ['listItem'], query: { queryString: 'Active' } }]) })).body)).toEqual([]);
  });

  it("refuses what Graph's interleaving rules refuse, and sizes over a type's page", async () => {
    const adele = await sb.graphAs(ADELE, 'Mail.Read Calendars.Read Files.Read.All');
    const mixed = await graph(sb, adele, '/search/query', { method: 'POST', body: search([{ entityTypes: ['message', 'driveItem'], query: { queryString: 'x' } }]) });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.message).toMatch(/'driveItem' does not combine with 'message'/);
    expect((await graph(sb, adele, '/search/query', { method: 'POST', body: search([{ entityTypes: ['event'], query: { queryString: 'x' }, size: 26 }]) })).status).toBe(400);
    const two = await graph(sb, adele, '/search/query', { method: 'POST', body: search([{ entityTypes: ['message'], query: { queryString: 'x' } }, { entityTypes: ['event'], query: { queryString: 'x' } }]) });
    expect(two.status).toBe(400);
    const noChat = await graph(sb, adele, '/search/query', { method: 'POST', body: search([{ entityTypes: ['message'], query: { queryString: 'x' } }]) });
    expect(noChat.status).toBe(200);
  });
});

describe('POST /search/query for driveItem', () => {
  it('finds across every drive the person may open, and only there', async () => {
    const adele = await sb.graphAs(ADELE, 'Files.Read.All');
    const r = await graph(sb, adele, '/search/query', { method: 'POST', body: query('Fabrikam') });
    expect(r.status).toBe(200);
    const found = names(r.body);
    // Her own OneDrive, and the Sales site she is a member of.
    expect(found).toEqual(expect.arrayContaining(['Display kit plan.docx', 'Notes.txt', 'Fabrikam holiday displays proposal.docx']));
    const hit = r.body.value[0].hitsContainers[0].hits.find((h: any) => h.resource.name === 'Fabrikam holiday displays proposal.docx');
    expect(hit.resource['@odata.type']).toBe('#microsoft.graph.driveItem');
    expect(hit.resource.parentReference).toMatchObject({ driveId: expect.any(String), siteId: expect.stringContaining(',') });
    expect(hit.resource['@microsoft.graph.downloadUrl']).toBeUndefined();
    expect(hit.summary).toMatch(/<c0>Fabrikam<\/c0>/);
    // The name match ranks above a match in the text only.
    expect(found.indexOf('Fabrikam holiday displays proposal.docx')).toBeLessThan(found.indexOf('Notes.txt'));
    // A colleague's file shared with her is found; Finance's restricted budget is not.
    expect(names((await graph(sb, adele, '/search/query', { method: 'POST', body: query('holiday campaign') })).body)).toContain('Holiday campaign brief.docx');
    expect(names((await graph(sb, adele, '/search/query', { method: 'POST', body: query('Engineering 5100000') })).body)).toEqual([]);
    const nestor = await sb.graphAs(upn('nestor.wilke'), 'Sites.Read.All');
    expect(names((await graph(sb, nestor, '/search/query', { method: 'POST', body: query('Engineering 5100000') })).body)).toEqual(['Budget FY27.xlsx']);
  });

  it('answers KQL: phrases, filetype, OR, NOT and prefixes', async () => {
    const adele = await sb.graphAs(ADELE, 'Files.Read.All');
    const q = async (s: string) => names((await graph(sb, adele, '/search/query', { method: 'POST', body: query(s) })).body);
    expect(await q('"display kits" filetype:docx')).toEqual(expect.arrayContaining(['Display kit plan.docx', 'Fabrikam holiday displays proposal.docx']));
    expect((await q('"display kits" filetype:docx')).every((n) => n.endsWith('.docx'))).toBe(true);
    expect(await q('"kits display"')).toEqual([]);
    expect(await q('Fabrikam NOT proposal')).not.toContain('Fabrikam holiday displays proposal.docx');
    expect(await q('-proposal Fabrikam')).not.toContain('Fabrikam holiday displays proposal.docx');
    const either = await q('handbook OR runbook');
    expect(either).toContain('Employee handbook.pdf');
    expect(await q('handb*')).toContain('Employee handbook.pdf');
    expect(await q('HANDBOOK')).toContain('Employee handbook.pdf');
  });

  it('pages with from and size, without gaps or repeats', async () => {
    const adele = await sb.graphAs(ADELE, 'Files.Read.All');
    const all = (await graph(sb, adele, '/search/query', { method: 'POST', body: query('the', { size: 500 }) })).body.value[0].hitsContainers[0];
    expect(all.total).toBeGreaterThan(4);
    const seen: string[] = [];
    for (let from = 0; ; from += 2) {
      const page = (await graph(sb, adele, '/search/query', { method: 'POST', body: query('the', { from, size: 2 }) })).body.value[0].hitsContainers[0];
      seen.push(...page.hits.map((h: any) => h.hitId));
      expect(page.hits.map((h: any) => h.rank)).toEqual(page.hits.map((_: unknown, i: number) => from + i + 1));
      if (!page.moreResultsAvailable) break;
    }
    expect(seen).toEqual(all.hits.map((h: any) => h.hitId));
  });

  it('refuses what Graph refuses', async () => {
    const narrow = await sb.graphAs(ADELE, 'Files.Read');
    const denied = await graph(sb, narrow, '/search/query', { method: 'POST', body: query('Fabrikam') });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/Files\.Read\.All/);
    const adele = await sb.graphAs(ADELE, 'Files.Read.All');
    expect((await graph(sb, adele, '/search/query', { method: 'POST', body: { requests: [{ entityTypes: ['driveItem'], query: { queryString: '' } }] } })).status).toBe(400);
    expect((await graph(sb, adele, '/search/query', { method: 'POST', body: { requests: [{ query: { queryString: 'x' } }] } })).status).toBe(400);
    expect((await graph(sb, adele, '/search/query', { method: 'POST', body: query('x', { size: 501 }) })).status).toBe(400);
  });
});

describe('GET /me/people', () => {
  it('ranks the people she works with first, searches by name, pages, and needs People.Read', async () => {
    const adele = await sb.graphAs(ADELE, 'People.Read');
    const top = await graph(sb, adele, '/me/people?$top=5');
    expect(top.status, top.text).toBe(200);
    const first = top.body.value;
    expect(first).toHaveLength(5);
    expect(first[0].scoredEmailAddresses[0].relevanceScore).toBeGreaterThan(0);
    const scores = first.map((p: any) => p.scoredEmailAddresses[0].relevanceScore);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(first.map((p: any) => p.userPrincipalName)).not.toContain(ADELE);
    expect(first[0]).toMatchObject({ personType: { class: 'Person', subclass: 'OrganizationUser' }, jobTitle: expect.any(String) });
    const next = await graph(sb, adele, top.body['@odata.nextLink']);
    expect(next.body.value.map((p: any) => p.id)).not.toContain(first[0].id);
    const megan = await graph(sb, adele, '/me/people?$search="meg"');
    expect(megan.body.value.map((p: any) => p.displayName)).toContain('Megan Bowen');
    expect(megan.body.value.every((p: any) => /meg/i.test(`${p.displayName} ${p.userPrincipalName}`))).toBe(true);
    expect((await graph(sb, await sb.graphAs(ADELE, 'User.Read'), '/me/people')).status).toBe(403);
  });
});
