// OneDrive and SharePoint libraries in the sandbox over real HTTP: the seeded trees, paths and ids (odd names never
// leaving the drive), children paged and sorted, conflicts under each behaviour, simple and session uploads
// (a range out of place is 416, a broken range is resumed from nextExpectedRanges), downloads by 302, PDF
// conversion, search, copy with a monitor, delete to the recycle bin, versions, sharing and who may see what.
import { describe, expect, it } from 'vitest';
import { ADELE, allPages, graph, upn, useSandbox } from '../fixtures.js';
import { Csdl, findSample, loadSamples } from './csdl.js';

const csdl = Csdl.load();
const samples = loadSamples();

const sb = useSandbox();
const RW = 'Files.ReadWrite.All Sites.ReadWrite.All';
const enc = (p: string) => p.split('/').map(encodeURIComponent).join('/');

describe('drives', () => {
  it('serves Adele her OneDrive, by path and by id, with the documented shape', async () => {
    const adele = await sb.graphAs(ADELE, 'Files.Read');
    const drive = await graph(sb, adele, '/me/drive');
    expect(drive.status).toBe(200);
    expect(drive.body).toMatchObject({ driveType: 'business', owner: { user: { displayName: 'Adele Vance' } } });
    const root = await allPages(sb, adele, '/me/drive/root/children?$top=2');
    expect(root.map((i) => i.name)).toEqual(['Archive', 'Holiday 2026', 'Notes.txt', 'Pictures', 'Reports', 'Sales', 'Templates']);
    const byPath = await graph(sb, adele, `/me/drive/root:/${enc('Sales/Store visits/Bellevue Square notes.docx')}`);
    expect(byPath.status).toBe(200);
    expect(byPath.body.parentReference.path).toBe(`/drives/${drive.body.id}/root:/Sales/Store visits`);
    expect(byPath.body.file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const byId = await graph(sb, adele, `/drives/${drive.body.id}/items/${byPath.body.id}`);
    expect(byId.body.name).toBe('Bellevue Square notes.docx');
    const below = await graph(sb, adele, `/me/drive/items/${byPath.body.parentReference.id}:/Bellevue%20Square%20notes.docx:`);
    expect(below.body.id).toBe(byPath.body.id);
    const sorted = await graph(sb, adele, '/me/drive/root:/Holiday 2026:/children?$orderby=size desc&$select=name,size');
    expect(sorted.body.value.map((i: any) => i.size)).toEqual([...sorted.body.value.map((i: any) => i.size)].sort((a, b) => b - a));
  });

  it('downloads through a pre-authenticated URL, converts to PDF, and searches names and contents', async () => {
    const adele = await sb.graphAs(ADELE, 'Files.Read');
    const content = await fetch(`${sb.url}/v1.0/me/drive/root:/Notes.txt:/content`, { headers: { Authorization: `Bearer ${adele.token}` }, redirect: 'manual' });
    expect(content.status).toBe(302);
    const location = content.headers.get('location')!;
    const file = await fetch(location);
    expect(await file.text()).toMatch(/Call Jordan at Fabrikam/);
    const partial = await fetch(location, { headers: { Range: 'bytes=0-3' } });
    expect(partial.status).toBe(206);
    expect(await partial.text()).toBe('Call');
    const converted = await fetch(`${sb.url}/v1.0/me/drive/root:/Archive/Price list 2025.rtf:/content?format=pdf`, { headers: { Authorization: `Bearer ${adele.token}` } });
    expect((await converted.arrayBuffer()).byteLength).toBeGreaterThan(200);
    expect(converted.headers.get('content-type')).toBe('application/pdf');
    expect((await graph(sb, adele, '/me/drive/root:/Pictures/Store front.png:/content?format=pdf')).body.error.code).toBe('notSupported');
    const found = await graph(sb, adele, "/me/drive/root/search(q='display kits')");
    expect(found.body.value.map((i: any) => i.name)).toContain('Display kit plan.docx');
  });

  it('keeps names inside the drive: dots, colons, hashes, unicode and long names', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    expect((await graph(sb, adele, '/me/drive/root/children', { method: 'POST', body: { name: '..', folder: {} } })).body.error.code).toBe('invalidRequest');
    expect((await graph(sb, adele, '/me/drive/root/children', { method: 'POST', body: { name: 'a:b', folder: {} } })).body.error.code).toBe('invalidRequest');
    for (const name of ['Résumé #1 (ünïcödé) 日本', 'x'.repeat(400)]) {
      const made = await graph(sb, adele, `/me/drive/root:/${encodeURIComponent(name)}:/content`, { method: 'PUT', body: 'hello', headers: { 'Content-Type': 'text/plain' } });
      expect(made.status, made.text).toBe(201);
      expect(made.body.name).toBe(name);
      expect(made.body.parentReference.path).toMatch(/root:$/);
    }
    expect((await graph(sb, adele, `/me/drive/root:/${'y'.repeat(401)}:/content`, { method: 'PUT', body: 'x', headers: { 'Content-Type': 'text/plain' } })).status).toBe(400);
    // An encoded colon is part of a name (refused), never the end of a path.
    expect((await graph(sb, adele, '/me/drive/root:/Sales%3A/content')).status).toBe(404);
  });

  it('resolves name conflicts as asked: fail, rename, replace (the old content becomes a version)', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const folder = (cb?: string) => graph(sb, adele, '/me/drive/root/children', { method: 'POST', body: { name: 'Conflicts', folder: {}, ...(cb ? { '@microsoft.graph.conflictBehavior': cb } : {}) } });
    expect((await folder()).status).toBe(201);
    expect((await folder('fail')).body.error.code).toBe('nameAlreadyExists');
    expect((await folder('rename')).body.name).toBe('Conflicts 1');
    const put = (text: string, cb: string) => graph(sb, adele, `/me/drive/root:/Conflicts/a.txt:/content?@microsoft.graph.conflictBehavior=${cb}`, { method: 'PUT', body: text, headers: { 'Content-Type': 'text/plain' } });
    expect((await put('one', 'fail')).status).toBe(201);
    expect((await put('two', 'fail')).body.error.code).toBe('nameAlreadyExists');
    expect((await put('two', 'rename')).body.name).toBe('a 1.txt');
    const replaced = await put('three', 'replace');
    expect(replaced.status).toBe(200);
    const versions = await graph(sb, adele, `/me/drive/items/${replaced.body.id}/versions`);
    expect(versions.body.value.map((v: any) => v.id)).toEqual(['2.0', '1.0']);
    expect((await graph(sb, adele, `/me/drive/items/${replaced.body.id}/versions/1.0/restoreVersion`, { method: 'POST' })).status).toBe(204);
    const back = await fetch((await graph(sb, adele, `/me/drive/items/${replaced.body.id}`)).body['@microsoft.graph.downloadUrl']);
    expect(await back.text()).toBe('one');
  });

  it('takes an upload session in ranges, refuses one out of place, and resumes after a broken range', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const bytes = Buffer.alloc(3 * 327_680 + 1000, 7).map((_, i) => i % 251);
    const s = await graph(sb, adele, '/me/drive/root:/Uploads/big.bin:/createUploadSession', { method: 'POST', body: { item: { '@microsoft.graph.conflictBehavior': 'fail' } } });
    expect(s.status).toBe(404); // the folder does not exist yet
    await graph(sb, adele, '/me/drive/root/children', { method: 'POST', body: { name: 'Uploads', folder: {} } });
    const session = (await graph(sb, adele, '/me/drive/root:/Uploads/big.bin:/createUploadSession', { method: 'POST', body: { item: { '@microsoft.graph.conflictBehavior': 'fail' } } })).body;
    const putRange = (start: number, end: number) => fetch(session.uploadUrl, { method: 'PUT', headers: { 'Content-Range': `bytes ${start}-${end}/${bytes.length}` }, body: bytes.subarray(start, end + 1) });
    expect((await putRange(0, 327_679)).status).toBe(202);
    expect((await putRange(655_360, 983_039)).status).toBe(416);
    // The connection breaks while the second range is on its way: nothing of it counts.
    sb.faults.add({ endpoint: true, method: 'PUT', path: '^/_drives/upload/', resetDuring: true });
    await expect(putRange(327_680, 655_359)).rejects.toThrow();
    const state = (await (await fetch(session.uploadUrl)).json()) as { nextExpectedRanges: string[] };
    expect(state.nextExpectedRanges).toEqual([`327680-${bytes.length - 1}`]);
    expect((await putRange(327_680, 655_359)).status).toBe(202);
    expect((await putRange(655_360, 983_039)).status).toBe(202);
    const done = await putRange(983_040, bytes.length - 1);
    expect(done.status).toBe(201);
    const item = (await done.json()) as { id: string };
    const stored = Buffer.from(await (await fetch((await graph(sb, adele, `/me/drive/items/${item.id}`)).body['@microsoft.graph.downloadUrl'])).arrayBuffer());
    expect(stored.equals(bytes)).toBe(true);
  });

  it('copies asynchronously through a monitor, moves and renames, and deletes to the recycle bin', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const plan = (await graph(sb, adele, '/me/drive/root:/Holiday 2026/Display kit plan.docx')).body;
    const reports = (await graph(sb, adele, '/me/drive/root:/Reports')).body;
    const copy = await graph(sb, adele, `/me/drive/items/${plan.id}/copy`, { method: 'POST', body: { parentReference: { driveId: plan.parentReference.driveId, id: reports.id }, name: 'Plan copy.docx' } });
    expect(copy.status).toBe(202);
    let status: any;
    for (let i = 0; i < 50; i++) {
      status = await (await fetch(copy.headers.get('location')!)).json();
      if (status.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status.status).toBe('completed');
    const copied = await graph(sb, adele, `/me/drive/items/${status.resourceId}`);
    expect(copied.body).toMatchObject({ name: 'Plan copy.docx', size: plan.size });
    const moved = await graph(sb, adele, `/me/drive/items/${status.resourceId}`, { method: 'PATCH', body: { name: 'Plan (copy).docx', parentReference: { id: plan.parentReference.id } } });
    expect(moved.body.parentReference.path).toMatch(/root:\/Holiday 2026$/);
    expect((await graph(sb, adele, `/me/drive/items/${status.resourceId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(sb, adele, `/me/drive/items/${status.resourceId}`)).body.error.code).toBe('itemNotFound');
    expect((await graph(sb, adele, `/me/drive/items/${status.resourceId}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('shares: an invitation shows the item to the colleague, a link for anyone is refused by the tenant, and access follows permissions', async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const ben = await sb.graphAs(upn('ben.walters'), 'Files.Read.All');
    const notes = (await graph(sb, adele, '/me/drive/root:/Reports/Weekly sales report.pdf')).body;
    expect((await graph(sb, ben, `/drives/${notes.parentReference.driveId}/items/${notes.id}`)).status).toBe(404);
    const invited = await graph(sb, adele, `/me/drive/items/${notes.id}/invite`, { method: 'POST', body: { recipients: [{ email: upn('ben.walters') }], roles: ['read'], requireSignIn: true, sendInvitation: true } });
    expect(invited.status).toBe(200);
    expect(invited.body.value[0].grantedToV2.user.displayName).toBe('Ben Walters');
    const shared = await graph(sb, ben, '/me/drive/sharedWithMe');
    expect(shared.body.value.map((i: any) => i.name)).toContain('Weekly sales report.pdf');
    const remote = shared.body.value.find((i: any) => i.name === 'Weekly sales report.pdf');
    expect(remote.remoteItem.parentReference.driveId).toBe(notes.parentReference.driveId);
    expect((await graph(sb, ben, `/drives/${remote.remoteItem.parentReference.driveId}/items/${remote.remoteItem.id}`)).status).toBe(200);
    const benRW = await sb.graphAs(upn('ben.walters'), RW);
    expect((await graph(sb, benRW, `/drives/${notes.parentReference.driveId}/items/${notes.id}`, { method: 'PATCH', body: { name: 'x.pdf' } })).body.error.code).toBe('accessDenied');
    expect((await graph(sb, adele, `/me/drive/items/${notes.id}/createLink`, { method: 'POST', body: { type: 'view', scope: 'anonymous' } })).body.error.code).toBe('accessDenied');
    const link = await graph(sb, adele, `/me/drive/items/${notes.id}/createLink`, { method: 'POST', body: { type: 'view', scope: 'organization' } });
    expect(link.status).toBe(201);
    const perms = await graph(sb, adele, `/me/drive/items/${notes.id}/permissions`);
    expect(perms.body.value.map((p: any) => p.link?.scope ?? p.roles[0])).toEqual(['owner', 'read', 'organization']);
    expect((await graph(sb, adele, `/me/drive/items/${notes.id}/permissions/${invited.body.value[0].id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(sb, ben, '/me/drive/sharedWithMe')).body.value.map((i: any) => i.name)).not.toContain('Weekly sales report.pdf');
  });

  it("opens a site's library to its members and visitors only, and needs the .All permissions for it", async () => {
    const adele = await sb.graphAs(ADELE, 'Files.Read.All Sites.Read.All');
    const sales = '/sites/contoso.sharepoint.com,4a9e2c7b-1d3f-4b8a-a5e6-7c0d2f4b6a83,e3b7d1f5-2a4c-4e9b-8d6f-0a2c4e6b8d15';
    const finance = '/sites/contoso.sharepoint.com,6c0e2a4d-7f9b-4d1c-8e3a-5b7d9f1c3e7a,c6e8a0b2-5f7d-4e9a-b1c3-4d6f8a0c2e8b';
    const lib = await graph(sb, adele, `${sales}/drive/root/children`);
    expect(lib.body.value.map((i: any) => i.name)).toEqual(['Pricing', 'Proposals']);
    expect((await graph(sb, adele, `${finance}/drive/root/children`)).body.error.code).toBe('accessDenied');
    const drives = await graph(sb, adele, `${sales}/drives`);
    expect(drives.body.value.map((d: any) => d.name)).toEqual(['Documents']);
    const narrow = await sb.graphAs(ADELE, 'Files.Read');
    expect((await graph(sb, narrow, `${sales}/drive/root/children`)).status).toBe(403);
    // Visitors read, members write.
    const writer = await sb.graphAs(ADELE, RW);
    expect((await graph(sb, writer, `${sales}/drive/root/children`, { method: 'POST', body: { name: 'From Adele', folder: {} } })).status).toBe(201);
    const patti = await sb.graphAs(upn('patti.fernandez'), RW);
    expect((await graph(sb, patti, `${sales}/drive/root/children`, { method: 'POST', body: { name: 'From Patti', folder: {} } })).body.error.code).toBe('accessDenied');
  });

  it("matches Graph's property tables and the documented samples of drives, items and permissions", async () => {
    const adele = await sb.graphAs(ADELE, RW);
    const drive = await graph(sb, adele, '/me/drive');
    expect(csdl.problems('microsoft.graph.drive', drive.body)).toEqual([]);
    const documented = findSample(samples, 'GET', '/me/drive').response.body as Record<string, unknown>;
    for (const k of Object.keys(documented)) expect(drive.body).toHaveProperty(k);
    const everything = await allPages(sb, adele, '/me/drive/root/children');
    const deep = await allPages(sb, adele, "/me/drive/root/search(q='a')");
    for (const item of [...everything, ...deep]) expect(csdl.problems('microsoft.graph.driveItem', item, ['@microsoft.graph.downloadUrl'])).toEqual([]);
    const ben = await sb.graphAs(upn('ben.walters'), 'Files.Read.All');
    const shared = (await graph(sb, ben, '/me/drive/sharedWithMe')).body.value;
    expect(shared.length).toBeGreaterThan(0);
    for (const item of shared) {
      expect(csdl.problems('microsoft.graph.driveItem', item)).toEqual([]);
      expect(item.remoteItem).toMatchObject({ id: expect.any(String), name: item.name, parentReference: { driveId: expect.any(String) } });
    }
    const notes = (await graph(sb, adele, '/me/drive/root:/Notes.txt')).body;
    const invited = await graph(sb, adele, `/me/drive/items/${notes.id}/invite`, { method: 'POST', body: { recipients: [{ email: upn('megan.bowen') }], roles: ['write'] } });
    const link = await graph(sb, adele, `/me/drive/items/${notes.id}/createLink`, { method: 'POST', body: { type: 'edit', scope: 'organization' } });
    const perms = await graph(sb, adele, `/me/drive/items/${notes.id}/permissions`);
    for (const p of [...invited.body.value, link.body, ...perms.body.value]) expect(csdl.problems('microsoft.graph.permission', p)).toEqual([]);
    for (const k of ['id', 'roles', 'link']) expect(link.body).toHaveProperty(k);
    const copy = await graph(sb, adele, `/me/drive/items/${notes.id}/copy`, { method: 'POST', body: { name: 'Notes copy.txt' } });
    expect(copy.status).toBe(findSample(samples, 'POST', '/me/drive/items/*/copy').response.statusCode);
    expect(copy.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_drives\/monitor\//);
  });
});
