// The OneNote workload over real HTTP, reading: notebooks, section groups and sections, pages in pages of 20 with
// OneNote's query options, the seeded meeting notes dated from the seed clock, a page's output HTML and its image's
// bytes; who may read and create what (Notes.Create, Notes.Read, Notes.ReadWrite; nobody else's notes); and
// Graph's OneNote throttling, answered 429 without Retry-After.
import { describe, expect, it } from 'vitest';
import { ADELE, allPages, BEN, graph, idOf, MEGAN, startTestSandbox, tokenFor, useSandbox } from '../fixtures.js';
import { bytesAt, send, textOfHtml } from '../support/onenote.js';

const sb = useSandbox();
const READ = 'Notes.Read';

describe('OneNote: notebooks, sections, pages', () => {
  it('lists the notebooks by name, the default one marked, each with its sections and section groups', async () => {
    const adele = await sb.graphAs(ADELE, READ);
    const notebooks = await graph(sb, adele, '/me/onenote/notebooks');
    expect(notebooks.status).toBe(200);
    expect(notebooks.body['@odata.context']).toBe(`https://graph.microsoft.com/v1.0/$metadata#users('${idOf(ADELE)}')/onenote/notebooks`);
    expect(notebooks.body.value.map((n: { displayName: string; isDefault: boolean }) => [n.displayName, n.isDefault])).toEqual([['Adele @ Contoso', true], ['Sales Playbook', false]]);
    const main = notebooks.body.value[0];
    // Its URLs are on the sandbox's origin, so a client can follow them.
    const sections = await graph(sb, adele, main.sectionsUrl);
    expect(sections.body.value.map((s: { displayName: string }) => s.displayName)).toEqual(['Meetings', 'Quick Notes']);
    expect(sections.body.value[1]).toMatchObject({ isDefault: true, parentNotebook: { id: main.id, displayName: 'Adele @ Contoso', self: main.self }, parentSectionGroup: null });
    const groups = await graph(sb, adele, main.sectionGroupsUrl);
    expect(groups.body.value.map((g: { displayName: string }) => g.displayName)).toEqual(['Projects']);
    const nested = await graph(sb, adele, `/me/onenote/sectionGroups/${groups.body.value[0].id}/sectionGroups`);
    expect(nested.body.value.map((g: { displayName: string }) => g.displayName)).toEqual(['Archive']);
    expect(nested.body.value[0].parentSectionGroup).toMatchObject({ id: groups.body.value[0].id, displayName: 'Projects' });
    // Every section of every notebook, nested ones included, by name; $expand follows the relationships.
    const all = await graph(sb, adele, '/me/onenote/sections?$select=displayName&$expand=parentNotebook($select=displayName)');
    expect(all.body.value.map((s: { displayName: string; parentNotebook: { displayName: string } }) => `${s.parentNotebook.displayName}/${s.displayName}`))
      .toEqual(['Adele @ Contoso/Holiday 2026', 'Adele @ Contoso/Meetings', 'Sales Playbook/Objection handling', 'Adele @ Contoso/Quick Notes', 'Adele @ Contoso/Spring 2026']);
    const expanded = await graph(sb, adele, `/me/onenote/notebooks/${main.id}?$expand=sections,sectionGroups($expand=sections)`);
    expect(expanded.body.sections).toHaveLength(2);
    expect(expanded.body.sectionGroups[0].sections.map((s: { displayName: string }) => s.displayName)).toEqual(['Holiday 2026']);
    const filtered = await graph(sb, adele, `/me/onenote/notebooks?$filter=isDefault eq true&$select=displayName`);
    expect(filtered.body.value).toEqual([{ displayName: 'Adele @ Contoso' }]);
  });

  it('pages: 20 a request, newest change first, then @odata.nextLink with $skip; $top up to 100', async () => {
    const adele = await sb.graphAs(ADELE, READ);
    const first = await graph(sb, adele, '/me/onenote/pages?$count=true');
    expect(first.status).toBe(200);
    expect(first.body.value).toHaveLength(20);
    expect(first.body['@odata.count']).toBeGreaterThan(20);
    expect(first.body['@odata.nextLink']).toMatch(/\/v1\.0\/me\/onenote\/pages\?\$count=true&\$skip=20$/);
    const modified: string[] = first.body.value.map((p: { lastModifiedDateTime: string }) => p.lastModifiedDateTime);
    expect(modified).toEqual([...modified].sort().reverse());
    const every = await allPages(sb, adele, '/me/onenote/pages');
    expect(every).toHaveLength(first.body['@odata.count']);
    expect(new Set(every.map((p) => p.id)).size).toBe(every.length);
    // A default query shows each page's section (id, displayName, self).
    expect(first.body.value[0].parentSection).toEqual({ id: expect.any(String), displayName: expect.any(String), self: expect.stringContaining('/onenote/sections/') });
    const five = await graph(sb, adele, '/me/onenote/pages?$top=5&$orderby=title&$select=title');
    const titles = five.body.value.map((p: { title: string }) => p.title);
    expect(titles).toHaveLength(5);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    expect(Object.keys(five.body.value[0])).toEqual(['title']);
    const tooMany = await graph(sb, adele, '/me/onenote/pages?$top=101');
    expect([tooMany.status, tooMany.body.error.code]).toEqual([400, '20129']);
  });

  it("filters pages on their title as OneNote's docs show (tolower, contains, startswith) and by section", async () => {
    const adele = await sb.graphAs(ADELE, READ);
    const weekly = await allPages(sb, adele, `/me/onenote/pages?$filter=${encodeURIComponent("contains(tolower(title),'weekly sync')")}&$select=title`);
    expect(weekly).toHaveLength(6);
    const calls = await graph(sb, adele, `/me/onenote/pages?$filter=${encodeURIComponent("startswith(title,'Call with') and title ne 'Call with Coho Winery'")}&$top=100`);
    expect(calls.body.value.map((p: { title: string }) => p.title)).toContain('Call with Northwind Traders');
    expect(calls.body.value.map((p: { title: string }) => p.title)).not.toContain('Call with Coho Winery');
    const quick = (await graph(sb, adele, '/me/onenote/sections?$filter=displayName eq \'Quick Notes\'')).body.value[0];
    const inQuick = await graph(sb, adele, `/me/onenote/sections/${quick.id}/pages?pagelevel=true&$orderby=title`);
    expect(inQuick.body.value.map((p: { title: string; level: number; order: number }) => [p.title, p.level, typeof p.order])).toEqual([['Ideas', 0, 'number'], ['To do this week', 0, 'number']]);
    // Level and order are a section's business (OneNote's 20104 for all pages).
    const levels = await graph(sb, adele, '/me/onenote/pages?pageLevel=true');
    expect([levels.status, levels.body.error.code]).toEqual([400, '20104']);
    const bad = await graph(sb, adele, '/me/onenote/pages?$filter=nope eq 1');
    expect([bad.status, bad.body.error.code]).toEqual([400, '20127']);
  });

  it('seeds meeting notes of the weeks just past, dated from the seed clock', async () => {
    const adele = await sb.graphAs(ADELE, READ);
    // The latest weekly sync was on the Tuesday six days before the mail seed's epoch (a Monday), at 16:00 UTC.
    const tuesday = sb.mailDay(-6);
    const sync = await graph(sb, adele, `/me/onenote/pages?$filter=${encodeURIComponent(`title eq 'Sales weekly sync ${tuesday}'`)}`);
    expect(sync.body.value).toHaveLength(1);
    expect(sync.body.value[0].createdDateTime).toBe(`${tuesday}T16:00:00Z`);
    const earlier = await graph(sb, adele, `/me/onenote/pages?$filter=${encodeURIComponent(`title eq 'Sales weekly sync ${sb.mailDay(-13)}'`)}`);
    expect(earlier.body.value).toHaveLength(1);
    for (const p of await allPages(sb, adele, '/me/onenote/pages')) expect(Date.parse(p.lastModifiedDateTime)).toBeLessThan(Date.parse(sb.mailEpoch));
  });

  it("reads a page's output HTML: OneNote's attributes, outline, headings, list, table, and an image that serves its bytes", async () => {
    const adele = await sb.graphAs(ADELE, READ);
    const page = (await graph(sb, adele, `/me/onenote/pages?$filter=${encodeURIComponent(`title eq 'Sales weekly sync ${sb.mailDay(-6)}'`)}`)).body.value[0];
    const content = await send(sb, adele, new URL(page.contentUrl).pathname.replace(/^\/v1\.0/, ''), 'GET', null, '');
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toMatch(/^text\/html/);
    const html: string = content.text;
    expect(html).toContain(`<title>Sales weekly sync ${sb.mailDay(-6)}</title>`);
    expect(html).toContain(`<meta name="created" content="${sb.mailDay(-6)}T16:00:00.0000000" />`);
    expect(html).toContain('<body data-absolute-enabled="true" style="font-family:Calibri;font-size:11pt">');
    expect(html).toMatch(/<div data-id="_default" style="position:absolute;left:48px;top:120px;width:624px">/);
    expect(html).toContain('<h1 style="font-size:16pt;color:#1e4e79;margin-top:11pt;margin-bottom:11pt">Sales weekly sync</h1>');
    expect(html).toMatch(/<ul>\s*<li>Adele Vance<\/li>\s*<li>Alex Wilber<\/li>/);
    expect(html).toMatch(/<table style="border:1px solid">\s*<tr>\s*<td style="border:1px solid;font-weight:bold">Owner<\/td>/);
    expect(html).toContain('<span style="font-weight:bold">Decision:</span>');
    expect(html).not.toMatch(/ id="/);
    expect(textOfHtml(html)).toContain('Action items Owner Action Due Adele Vance Send the updated forecast');
    const img = /<img alt="Pipeline by stage" width="320" height="160" src="([^"]+)" data-src-type="image\/png" data-fullres-src="([^"]+)" data-fullres-src-type="image\/png" \/>/.exec(html);
    expect(img).not.toBeNull();
    expect(img![1]).toMatch(new RegExp(`^${sb.url}/v1\\.0/users\\('${idOf(ADELE)}'\\)/onenote/resources/[^/]+/\\$value$`));
    const bytes = await bytesAt(img![1], adele);
    expect([bytes.status, bytes.type]).toEqual([200, 'image/png']);
    expect(bytes.bytes.subarray(1, 4).toString()).toBe('PNG');
    // Generated ids, for updates, only when asked for.
    const withIds = await send(sb, adele, `/me/onenote/pages/${page.id}/content?includeIDs=true`, 'GET', null, '');
    expect(withIds.text).toMatch(/<h1 id="h1:\{[0-9a-f-]{36}\}\{\d+\}" style=/);
  });

  it('answers an unknown page 404 (20102) and a malformed id 400 (20112)', async () => {
    const adele = await sb.graphAs(ADELE, READ);
    const missing = await graph(sb, adele, '/me/onenote/pages/1-00000000000000000000000000000000!1-00000000-0000-0000-0000-000000000000');
    expect([missing.status, missing.body.error.code]).toEqual([404, '20102']);
    const malformed = await graph(sb, adele, '/me/onenote/sections/not-an-id');
    expect([malformed.status, malformed.body.error.code]).toEqual([400, '20112']);
  });
});

describe('OneNote permissions', () => {
  it('Notes.Create finds where to write and creates, but reads no page and changes none', async () => {
    const creator = await sb.graphAs(MEGAN, 'Notes.Create');
    const notebooks = await graph(sb, creator, '/me/onenote/notebooks');
    expect(notebooks.status).toBe(200);
    const section = (await graph(sb, creator, '/me/onenote/sections?$filter=displayName eq \'Meetings\'')).body.value[0];
    const made = await send(sb, creator, `/me/onenote/sections/${section.id}/pages`, 'POST', 'text/html', '<html><head><title>Made with Notes.Create</title></head><body><p>Hello</p></body></html>');
    expect(made.status).toBe(201);
    for (const [method, path] of [['GET', '/me/onenote/pages'], ['GET', `/me/onenote/pages/${made.body.id}`], ['GET', `/me/onenote/pages/${made.body.id}/content`], ['DELETE', `/me/onenote/pages/${made.body.id}`]]) {
      const r = await graph(sb, creator, path, { method });
      expect([path, r.status, r.body.error?.code]).toEqual([path, 403, '40004']);
    }
    const patched = await graph(sb, creator, `/me/onenote/pages/${made.body.id}/content`, { method: 'PATCH', body: [{ target: 'title', action: 'replace', content: 'Changed' }] });
    expect([patched.status, patched.body.error.code]).toEqual([403, '40004']);
    // The page is there, unchanged, for someone who may read it.
    const reader = await sb.graphAs(MEGAN, READ);
    expect((await graph(sb, reader, `/me/onenote/pages/${made.body.id}`)).body.title).toBe('Made with Notes.Create');
  });

  it('Notes.Read reads but creates nothing; nobody reads another person\'s notes; no Notes permission at all is 403', async () => {
    const reader = await sb.graphAs(ADELE, READ);
    const notebook = await graph(sb, reader, '/me/onenote/notebooks', { method: 'POST', body: { displayName: 'Not allowed' } });
    expect([notebook.status, notebook.body.error.code]).toEqual([403, '40004']);
    const others = await graph(sb, reader, `/users/${idOf(MEGAN)}/onenote/notebooks`);
    expect([others.status, others.body.error.code]).toEqual([403, '40003']);
    const byUpn = await graph(sb, reader, `/users/${ADELE}/onenote/notebooks`);
    expect(byUpn.status).toBe(200);
    const none = await sb.graphAs(ADELE, 'User.Read');
    expect((await graph(sb, none, '/me/onenote/notebooks')).status).toBe(403);
  });
});

describe('OneNote throttling', () => {
  it('refuses past the per-user limits with 429 (20166) and no Retry-After, counting each person apart, until the window moves on', async () => {
    const limited = await startTestSandbox({ oneNoteLimits: [{ requests: 3, seconds: 2 }, { requests: 5, seconds: 3600 }] });
    try {
      const adele = await tokenFor(limited, ADELE, READ);
      const megan = await tokenFor(limited, MEGAN, READ);
      for (let i = 0; i < 3; i++) expect((await graph(limited, adele, '/me/onenote/notebooks')).status).toBe(200);
      const refused = await graph(limited, adele, '/me/onenote/sections');
      expect([refused.status, refused.body.error.code]).toEqual([429, '20166']);
      expect(refused.headers.get('retry-after')).toBeNull();
      // Another person's requests count apart; Graph outside OneNote is not throttled by OneNote's limits.
      expect((await graph(limited, megan, '/me/onenote/notebooks')).status).toBe(200);
      expect((await graph(limited, adele, '/me/onenote/pages?$top=1', { method: 'GET' })).status).toBe(429);
      // The minute window moves on (here: 2 seconds); then the hour's limit of 5 holds.
      await new Promise((r) => setTimeout(r, 2100));
      expect((await graph(limited, adele, '/me/onenote/notebooks')).status).toBe(200);
      expect((await graph(limited, adele, '/me/onenote/notebooks')).status).toBe(200);
      const hourly = await graph(limited, adele, '/me/onenote/notebooks');
      expect([hourly.status, hourly.body.error.code, hourly.headers.get('retry-after')]).toEqual([429, '20166', null]);
    } finally {
      await limited.close();
    }
  });

  it('answers an injected 429 on OneNote paths as OneNote does: 20166, no Retry-After even when the rule gives one', async () => {
    const megan = await sb.graphAs(MEGAN, READ);
    sb.faults.add({ path: '^/me/onenote/notebooks$', status: 429, retryAfter: 3 });
    try {
      const r = await graph(sb, megan, '/me/onenote/notebooks');
      expect([r.status, r.body.error.code, r.headers.get('retry-after')]).toEqual([429, '20166', null]);
      expect((await graph(sb, megan, '/me/onenote/notebooks')).status).toBe(200);
    } finally {
      sb.faults.clear();
    }
  });

  it("holds Graph's documented limit by default: 120 requests a minute for each app and person", async () => {
    const ben = await sb.graphAs(BEN, READ);
    const statuses = await Promise.all(Array.from({ length: 121 }, () => graph(sb, ben, '/me/onenote/notebooks?$select=id').then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(120);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
  });
});
