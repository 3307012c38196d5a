// Addressing and changing driveItems in the sandbox over real HTTP: paths below the root and below an item with
// /children and /content, children paged with $top, $select and $orderby, and $expand=children; names that must
// never leave their folder or drive (.., :, #, %, unicode, 400 characters, reserved names); rename and move with
// conflicts and If-Match, eTag and cTag; delete to the recycle bin and v1.0's restore (refused for work accounts);
// the seeded deck and newsletter found and converted; uploaded files' words indexed; versions; copy into a site
// library; and a site's several libraries, closed to those without a role on the site.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ADELE, allPages, graph, siteOf, upn, useSandbox } from '../fixtures.js';
import { Csdl } from './csdl.js';

const csdl = Csdl.load();

const sb = useSandbox();
const RW = 'Files.ReadWrite';

describe('driveItems by path and by id', () => {
  it('reads below an item by a relative path, with children and content, paged, sorted and selected', async () => {
    const adele = await sb.graphAs(ADELE, 'Files.Read');
    const sales = (await graph(sb, adele, '/me/drive/root:/Sales')).body;
    const below = await graph(sb, adele, `/me/drive/items/${sales.id}:/Store visits:/children`);
    expect(below.body.value.map((i: any) => i.name)).toEqual(['Bellevue Square notes.docx']);
    const content = await fetch(`${sb.url}/v1.0/me/drive/items/${sales.id}:/Store%20visits/Bellevue%20Square%20notes.docx:/content`, { headers: { Authorization: `Bearer ${adele.token}` }, redirect: 'manual' });
    expect(content.status).toBe(302);
    expect(unzipSync(new Uint8Array(await (await fetch(content.headers.get('location')!)).arrayBuffer()))['word/document.xml']).toBeDefined();
    const first = await graph(sb, adele, '/me/drive/root:/Sales:/children?$top=2&$select=name,size');
    expect(first.body.value.map((i: any) => Object.keys(i).filter((k) => !k.startsWith('@')).sort())).toEqual([['name', 'size'], ['name', 'size']]);
    expect(first.body['@odata.nextLink']).toMatch(/\$skiptoken=/);
    const all = await allPages(sb, adele, '/me/drive/root:/Sales:/children?$top=2&$select=name');
    expect(all.map((i) => i.name)).toEqual(['Q4 pipeline review.pptx', 'Q4 retail forecast.xlsx', 'Store visits']);
    const byDate = await graph(sb, adele, '/me/drive/root/children?$orderby=lastModifiedDateTime desc&$select=name,lastModifiedDateTime');
    const dates = byDate.body.value.map((i: any) => i.lastModifiedDateTime);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(sales.parentReference).toMatchObject({ driveId: expect.any(String), path: `/drives/${sales.parentReference.driveId}/root:` });
    const expanded = await graph(sb, adele, '/me/drive/root:/Sales?$expand=children($select=name,file)');
    expect(expanded.body.children.map((c: any) => [c.name, Object.keys(c).sort()])).toEqual([['Q4 pipeline review.pptx', ['file', 'name']], ['Q4 retail forecast.xlsx', ['file', 'name']], ['Store visits', ['name']]]);
    expect((await graph(sb, adele, '/me/drives')).body.value.map((d: any) => [d.id, d.name])).toEqual([[sales.parentReference.driveId, 'OneDrive']]);
  });

  it('keeps odd names in their folder and never walks out of the drive', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const parent = (await graph(sb, adele, '/me/drive/root/children', { method: 'POST', body: { name: 'Odd names', folder: {} } })).body;
    const names = ['#1 plan', '100% done', 'Ünïcödé 日本語 ✓', 'a'.repeat(400), '.hidden'];
    for (const name of names) {
      const made = await graph(sb, adele, `/me/drive/items/${parent.id}/children`, { method: 'POST', body: { name, folder: {} } });
      expect(made.status, name).toBe(201);
      const back = await graph(sb, adele, `/me/drive/root:/Odd names/${encodeURIComponent(name)}`);
      expect(back.body).toMatchObject({ id: made.body.id, name, parentReference: { id: parent.id, path: `/drives/${parent.parentReference.driveId}/root:/Odd names` } });
    }
    const listed = await allPages(sb, adele, `/me/drive/items/${parent.id}/children`);
    expect(listed.map((i) => i.name).sort()).toEqual([...names].sort());
    for (const bad of ['..', '.', 'a:b', 'a/b', 'a\\b', 'trailing.', 'b'.repeat(401), 'q?', '<x>', 'CON', 'desktop.ini', '~$plan.docx', 'my_vti_cnf', '.lock']) {
      const refused = await graph(sb, adele, `/me/drive/items/${parent.id}/children`, { method: 'POST', body: { name: bad, folder: {} } });
      expect(refused.body.error?.code, bad).toBe('invalidRequest');
    }
    // '..' and an encoded ':' or '/' in a path are names, never steps up or the end of the path.
    expect((await graph(sb, adele, '/me/drive/root:/Odd names/..:/children')).status).toBe(404);
    expect((await graph(sb, adele, '/me/drive/root:/Odd names/..%2F..%2FSales:')).status).toBe(404);
    expect((await graph(sb, adele, '/me/drive/root:/Odd names%3A/children')).status).toBe(404);
    expect((await graph(sb, adele, `/me/drive/items/${parent.id}:/..:`)).status).toBe(404);
    const put = await graph(sb, adele, `/me/drive/items/${parent.id}:/${encodeURIComponent('Résumé #2 (final) 100%.txt')}:/content`, { method: 'PUT', body: 'v1', headers: { 'Content-Type': 'text/plain' } });
    expect(put.body).toMatchObject({ name: 'Résumé #2 (final) 100%.txt', parentReference: { id: parent.id } });
    expect(put.body.webUrl).toMatch(/\/Odd%20names\/R%C3%A9sum%C3%A9%20%232%20\(final\)%20100%25\.txt$/);
  });

  it('renames and moves with conflicts and If-Match, deletes to the recycle bin, and refuses v1.0 restore', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const folder = (await graph(sb, adele, '/me/drive/root/children', { method: 'POST', body: { name: 'Moves', folder: {} } })).body;
    const put = (name: string) => graph(sb, adele, `/me/drive/items/${folder.id}:/${name}:/content`, { method: 'PUT', body: name, headers: { 'Content-Type': 'text/plain' } });
    const a = (await put('a.txt')).body;
    const b = (await put('b.txt')).body;
    expect((await graph(sb, adele, `/me/drive/items/${b.id}`, { method: 'PATCH', body: { name: 'A.TXT' } })).body.error.code).toBe('nameAlreadyExists');
    const renamed = await graph(sb, adele, `/me/drive/items/${b.id}`, { method: 'PATCH', body: { name: 'a.txt', '@microsoft.graph.conflictBehavior': 'rename' } });
    expect(renamed.body.name).toBe('a 1.txt');
    // A rename changes the eTag only; new content changes the cTag too.
    expect([renamed.body.eTag === b.eTag, renamed.body.cTag === b.cTag]).toEqual([false, true]);
    const rewritten = (await graph(sb, adele, `/me/drive/items/${b.id}/content`, { method: 'PUT', body: 'b2', headers: { 'Content-Type': 'text/plain' } })).body;
    expect([rewritten.eTag === renamed.body.eTag, rewritten.cTag === renamed.body.cTag, rewritten.name]).toEqual([false, false, 'a 1.txt']);
    const stale = await graph(sb, adele, `/me/drive/items/${a.id}`, { method: 'PATCH', body: { name: 'stale.txt' }, headers: { 'If-Match': a.eTag.replace(/,\d+"$/, ',99"') } });
    expect(stale.status).toBe(412);
    expect((await graph(sb, adele, `/me/drive/items/${a.id}`, { method: 'DELETE', headers: { 'If-Match': a.eTag.replace(/,\d+"$/, ',99"') } })).status).toBe(412);
    expect((await graph(sb, adele, `/me/drive/items/${a.id}`)).body.name).toBe('a.txt');
    const sub = (await graph(sb, adele, `/me/drive/items/${folder.id}/children`, { method: 'POST', body: { name: 'Sub', folder: {} } })).body;
    expect((await graph(sb, adele, `/me/drive/items/${folder.id}`, { method: 'PATCH', body: { parentReference: { id: sub.id } } })).status).toBe(400);
    const current = (await graph(sb, adele, `/me/drive/items/${a.id}`)).body;
    const moved = await graph(sb, adele, `/me/drive/items/${a.id}`, { method: 'PATCH', body: { parentReference: { id: sub.id } }, headers: { 'If-Match': current.eTag } });
    expect(moved.body.parentReference.path).toMatch(/root:\/Moves\/Sub$/);
    expect((await allPages(sb, adele, `/me/drive/items/${folder.id}/children`)).map((i) => i.name)).toEqual(['a 1.txt', 'Sub']);
    expect((await graph(sb, adele, `/me/drive/items/${folder.id}`, { method: 'DELETE' })).status).toBe(204);
    for (const id of [folder.id, sub.id, a.id]) expect((await graph(sb, adele, `/me/drive/items/${id}`)).body.error.code).toBe('itemNotFound');
    expect((await allPages(sb, adele, '/me/drive/root/children')).map((i) => i.name)).not.toContain('Moves');
    const restore = await graph(sb, adele, `/me/drive/items/${folder.id}/restore`, { method: 'POST', body: {} });
    expect(restore.status).toBe(501);
    expect(restore.body.error.code).toBe('notSupported');
    expect((await graph(sb, adele, '/me/drive/root', { method: 'DELETE' })).status).toBe(400);
  });

  it('finds the seeded deck and newsletter by their words, converts the deck to PDF, and refuses other formats', async () => {
    const adele = await sb.graphAs(ADELE, 'Files.Read');
    const found = await graph(sb, adele, "/me/drive/root/search(q='snow globe')");
    expect(found.body.value.map((i: any) => i.name)).toEqual(['Store newsletter.html']);
    const deck = (await graph(sb, adele, "/me/drive/root/search(q='executive sponsor')")).body.value[0];
    expect(deck).toMatchObject({ name: 'Q4 pipeline review.pptx', file: { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' } });
    const files = unzipSync(new Uint8Array(await (await fetch(deck['@microsoft.graph.downloadUrl'])).arrayBuffer()));
    expect(Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length).toBe(4);
    expect(new TextDecoder().decode(files['ppt/slides/slide4.xml'])).toMatch(/executive sponsor calls/);
    const pdf = await fetch(`${sb.url}/v1.0/me/drive/items/${deck.id}/content?format=pdf`, { headers: { Authorization: `Bearer ${adele.token}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).toString('latin1')).toMatch(/^%PDF-1\.4[\s\S]*Tailspin Toys paused/);
    expect((await graph(sb, adele, `/me/drive/items/${deck.id}/content?format=html`)).body.error.code).toBe('notSupported');
    expect((await graph(sb, adele, '/me/drive/root:/Sales:/content')).body.error.code).toBe('invalidRequest');
    const recent = await graph(sb, adele, '/me/drive/recent');
    expect(recent.body.value[0].id).toBe(deck.id);
  });

  it("serves a site's libraries by drive id, and tells someone without a role only that access is denied", async () => {
    const megan = await sb.graphAs(upn('megan.bowen'), 'Files.Read.All');
    const marketing = siteOf('Marketing');
    const drives = await graph(sb, megan, `/sites/${marketing.id}/drives`);
    expect(drives.body.value.map((d: any) => [d.name, d.driveType])).toEqual([['Documents', 'documentLibrary'], ['Brand Assets', 'documentLibrary']]);
    for (const d of drives.body.value) expect(csdl.problems('microsoft.graph.drive', d)).toEqual([]);
    const brand = drives.body.value[1];
    expect(brand.webUrl).toBe(`${marketing.webUrl}/Brand%20Assets`);
    const viaSite = await graph(sb, megan, `/sites/${marketing.id}/drives/${brand.id}/root:/Templates:/children`);
    expect(viaSite.body.value.map((i: any) => i.name)).toEqual(['Campaign deck template.pptx']);
    expect(viaSite.body.value[0].parentReference).toMatchObject({ driveId: brand.id, driveType: 'documentLibrary', siteId: marketing.id });
    expect((await graph(sb, megan, `/drives/${brand.id}/root/children`)).body.value.map((i: any) => i.name)).toEqual(['Logos', 'Templates']);
    const finance = siteOf('Finance');
    const outsider = await sb.graphAs(ADELE, 'Files.Read.All');
    const financeDrive = (await graph(sb, await sb.graphAs(upn('nestor.wilke'), 'Files.Read.All'), `/sites/${finance.id}/drive`)).body;
    for (const path of [`/sites/${finance.id}/drive/root/children`, `/sites/${finance.id}/drives`, `/drives/${financeDrive.id}/root:/Budget FY27.xlsx`, `/drives/${financeDrive.id}/root:/No such file.xlsx`]) {
      const denied = await graph(sb, outsider, path.replace(/ /g, '%20'));
      expect(denied.status, path).toBe(403);
      expect(denied.body.error).toMatchObject({ code: 'accessDenied' });
      expect(denied.body.error.message, path).not.toMatch(/Finance|Budget|No such/);
    }
  });

  it('indexes the words of uploaded Office, RTF and HTML files for search and PDF conversion, and serves earlier versions', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const folder = (await graph(sb, adele, '/me/drive/root/children', { method: 'POST', body: { name: 'Indexed', folder: {} } })).body;
    const bytesOf = async (path: string) => Buffer.from(await (await fetch((await graph(sb, adele, `/me/drive/root:/${path}`)).body['@microsoft.graph.downloadUrl'])).arrayBuffer());
    const upload = (name: string, body: Buffer | string) => fetch(`${sb.url}/v1.0/me/drive/items/${folder.id}:/${encodeURIComponent(name)}:/content`, { method: 'PUT', headers: { Authorization: `Bearer ${adele.token}`, 'Content-Type': 'application/octet-stream' }, body });
    for (const [name, path] of [['plan.docx', 'Holiday 2026/Display kit plan.docx'], ['deck.pptx', 'Sales/Q4 pipeline review.pptx'], ['budget.xlsx', 'Holiday 2026/Display kit budget.xlsx']]) {
      expect((await upload(name, await bytesOf(path))).status).toBe(201);
    }
    expect((await upload('memo.rtf', '{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 Quarterly \\b kiosk\\b0  rollout\\par Second line}')).status).toBe(201);
    expect((await upload('page.html', '<html><head><style>p{}</style></head><body><p>Lantern &amp; garland order</p></body></html>')).status).toBe(201);
    const search = async (q: string) => (await graph(sb, adele, `/me/drive/items/${folder.id}/search(q='${q}')`)).body.value.map((i: any) => i.name);
    expect(await search('Fabrikam delivers')).toEqual(['plan.docx']);
    expect(await search('Wingtip')).toEqual(['deck.pptx']);
    expect(await search('Installation')).toEqual(['budget.xlsx']);
    expect(await search('kiosk rollout')).toEqual(['memo.rtf']);
    expect(await search('lantern & garland')).toEqual(['page.html']);
    expect(await search('fonttbl')).toEqual([]);
    const pdf = await fetch(`${sb.url}/v1.0/me/drive/items/${folder.id}:/memo.rtf:/content?format=pdf`, { headers: { Authorization: `Bearer ${adele.token}` } });
    expect(Buffer.from(await pdf.arrayBuffer()).toString('latin1')).toMatch(/Quarterly kiosk rollout/);
    // A second content: version 1.0 keeps the first, by its own URL.
    expect((await upload('page.html', 'new')).status).toBe(200);
    const page = (await graph(sb, adele, `/me/drive/items/${folder.id}:/page.html`)).body;
    const v1 = await graph(sb, adele, `/me/drive/items/${page.id}/versions/1.0`);
    expect(v1.body).toMatchObject({ id: '1.0', size: expect.any(Number) });
    const old = await fetch(`${sb.url}/v1.0/me/drive/items/${page.id}/versions/1.0/content`, { headers: { Authorization: `Bearer ${adele.token}` } });
    expect(await old.text()).toMatch(/Lantern &amp; garland/);
    expect((await graph(sb, adele, `/me/drive/items/${page.id}/versions/9.0`)).status).toBe(404);
    expect((await graph(sb, adele, `/me/drive/items/${page.id}/versions/1.0/restoreVersion`, { method: 'POST' })).status).toBe(204);
    expect(await search('garland')).toEqual(['page.html']);
  });

  it("copies a folder's tree into a site library through the monitor, with the permissions both drives need", async () => {
    const sales = siteOf('Sales');
    const narrow = await sb.graphAs(ADELE, RW);
    const holiday = (await graph(sb, narrow, '/me/drive/root:/Holiday 2026')).body;
    const library = (await graph(sb, await sb.graphAs(ADELE, 'Files.Read.All'), `/sites/${sales.id}/drive/root`)).body;
    const body = { parentReference: { driveId: library.parentReference.driveId, id: library.id }, name: 'Holiday kit (copy)' };
    expect((await graph(sb, narrow, `/me/drive/items/${holiday.id}/copy`, { method: 'POST', body })).status).toBe(403);
    expect((await graph(sb, await sb.graphAs(ADELE, 'Files.Read'), `/me/drive/items/${holiday.id}/copy`, { method: 'POST', body: { name: 'x' } })).status).toBe(403);
    const adele = await sb.graphAs(ADELE, 'Files.ReadWrite.All');
    const copy = await graph(sb, adele, `/me/drive/items/${holiday.id}/copy`, { method: 'POST', body });
    expect(copy.status).toBe(202);
    let status: { status: string; resourceId?: string } = { status: '' };
    for (let i = 0; i < 100 && status.status !== 'completed'; i++) {
      status = (await (await fetch(copy.headers.get('location')!)).json()) as typeof status;
      if (status.status !== 'completed') await new Promise((r) => setTimeout(r, 30));
    }
    expect(status.status).toBe('completed');
    const copied = await allPages(sb, adele, `/drives/${library.parentReference.driveId}/items/${status.resourceId}/children`);
    const original = await allPages(sb, adele, `/me/drive/items/${holiday.id}/children`);
    expect(copied.map((i) => [i.name, i.size, i.file.hashes.quickXorHash])).toEqual(original.map((i) => [i.name, i.size, i.file.hashes.quickXorHash]));
    expect(copied[0].parentReference).toMatchObject({ siteId: sales.id, path: `/drives/${library.parentReference.driveId}/root:/Holiday kit (copy)` });
    expect((await graph(sb, adele, `/me/drive/items/${holiday.id}/copy`, { method: 'POST', body })).body.error.code).toBe('nameAlreadyExists');
  });
});
