// Microsoft Search over the sandbox's files, over real HTTP: one query finds what a person may open across their
// OneDrive, what colleagues shared with them and their sites' libraries, and nothing else; KQL phrases,
// property restrictions, OR and NOT; summaries with highlights; from/size paging; Graph's refusals.
import { describe, expect, it } from 'vitest';
import { ADELE, graph, upn, useSandbox } from '../fixtures.js';

const sb = useSandbox();
const query = (queryString: string, extra: Record<string, unknown> = {}) => ({ requests: [{ entityTypes: ['driveItem'], query: { queryString }, ...extra }] });
const names = (body: any): string[] => body.value[0].hitsContainers[0].hits.map((h: any) => h.resource.name);

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
