// The files tools through a real MCP client against the sandbox's drives, signed in as Adele: find a document by
// words and read it as text; upload from a path in chunks with progress, byte-identical in the store, and resume
// a broken upload; conflicts under each behaviour; move, copy, rename, delete and an earlier version restored;
// share with a colleague who then finds it; odd names and paths that never leave the drive.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, BEN, call, type Connected, fails, graph, ok, tempDir, textOf, useSandbox } from './fixtures.js';

const sandbox = useSandbox();
let adele: Connected;
beforeAll(async () => {
  adele = await sandbox.as(ADELE);
});

type Item = { id: string; name: string; folder?: boolean; size?: number; path?: string; driveId?: string };
type Items = { items: Item[]; nextCursor?: string };
const RW = 'Files.ReadWrite.All';

/** The bytes the sandbox holds for a file of Adele's. */
async function stored(itemPath: string): Promise<Buffer> {
  const token = await sandbox.graphAs(ADELE, RW);
  const meta = await graph(sandbox, token, `/me/drive/root:/${itemPath.split('/').filter(Boolean).map(encodeURIComponent).join('/')}`);
  expect(meta.status, meta.text).toBe(200);
  return Buffer.from(await (await fetch(meta.body['@microsoft.graph.downloadUrl'])).arrayBuffer());
}

describe('finding and reading', () => {
  it('finds a document by its words and reads it as text, Office and PDF alike, and through a PDF conversion', async () => {
    const found = await ok<Items>(adele, 'files_list', { query: 'display kits' });
    const plan = found.items.find((i) => i.name === 'Display kit plan.docx')!;
    expect(plan.path).toBe('/Holiday 2026');
    const text = await ok<{ text: string; type: string }>(adele, 'files_read', { item: plan.id });
    expect(text.text).toMatch(/Fabrikam delivers 40 display kits by November 20/);
    expect((await ok<{ text: string }>(adele, 'files_read', { item: '/Holiday 2026/Display kit budget.xlsx' })).text).toMatch(/Display kit\t40\t850/);
    expect((await ok<{ text: string }>(adele, 'files_read', { item: '/Reports/Weekly sales report.pdf' })).text).toMatch(/revenue 412,000 USD/);
    const rtf = await ok<{ text: string; convertedFrom: string }>(adele, 'files_read', { item: '/Archive/Price list 2025.rtf' });
    expect(rtf).toMatchObject({ convertedFrom: 'rtf' });
    expect(rtf.text).toMatch(/Winter jacket: 189 USD/);
    const cut = await ok<{ text: string; truncated: boolean }>(adele, 'files_read', { item: '/Notes.txt', maxChars: 200 });
    expect(cut.truncated).toBeUndefined();
    const image = await ok<{ image: string; text?: string }>(adele, 'files_read', { item: '/Pictures/Store front.png' });
    expect(image.image).toBe('64x48 pixels');
    expect(image.text).toBeUndefined();
    const link = await ok<{ link: string }>(adele, 'files_read', { item: '/Notes.txt', link: true });
    expect(await (await fetch(link.link)).text()).toMatch(/Call Jordan/);
  });

  it('searches every drive and site she can open, ranked with the matching words, and opens a hit in its drive', async () => {
    const found = await ok<{ items: (Item & { match?: string })[]; nextCursor?: string }>(adele, 'files_list', { view: 'everywhere', query: 'Fabrikam proposal' });
    const proposal = found.items.find((i) => i.name === 'Fabrikam holiday displays proposal.docx')!;
    expect(proposal.match).toMatch(/Fabrikam/);
    const read = await ok<{ text: string }>(adele, 'files_read', { drive: proposal.driveId, item: proposal.id });
    expect(read.text).toMatch(/Total: 46,800 USD/);
    // Words KQL would read as syntax are searched as words, not refused.
    expect((await ok<Items>(adele, 'files_list', { view: 'everywhere', query: 'Q4: targets (Bellevue' })).items.map((i) => i.name)).toContain('Q4 targets.xlsx');
    // Page by page, no gaps, no repeats; a cursor from another search is refused with what to do, and doing it works.
    const all = await ok<Items>(adele, 'files_list', { view: 'everywhere', query: 'the', limit: 200 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: Items = await ok<Items>(adele, 'files_list', { view: 'everywhere', query: 'the', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.id));
    const first = await ok<Items>(adele, 'files_list', { view: 'everywhere', query: 'the', limit: 3 });
    const wrong = await fails(adele, 'files_list', { view: 'everywhere', query: 'Fabrikam', cursor: first.nextCursor });
    expect(wrong).toMatch(/another search.*leave out cursor/);
    expect((await ok<Items>(adele, 'files_list', { view: 'everywhere', query: 'Fabrikam' })).items.length).toBeGreaterThan(0);
    expect(await fails(adele, 'files_list', { view: 'everywhere' })).toMatch(/give query/);
  });

  it('outside organization mode, everywhere says what to do instead, and that works', async () => {
    const personal = await sandbox.as(ADELE, { MS365_MCP_ORG_MODE: 'false' });
    try {
      expect(await fails(personal, 'files_list', { view: 'everywhere', query: 'Fabrikam' })).toMatch(/needs organization mode.*query alone searches your OneDrive/);
      const names = (await ok<Items>(personal, 'files_list', { query: 'Fabrikam' })).items.map((i) => i.name);
      expect(names).toContain('Display kit plan.docx');
    } finally {
      await personal.close();
    }
  });

  it('reads a presentation slide by slide with titles and speaker notes, and a Word document with its headings', async () => {
    const deck = await ok<{ text: string }>(adele, 'files_read', { item: '/Sales/Q4 pipeline review.pptx' });
    expect(deck.text).toMatch(/## Slide 2: Pipeline\n38 open opportunities worth 2\.1 million USD\n12 expected to close in December\nNotes: Stress the December closes; Alex has the list\./);
    expect(deck.text).toMatch(/## Slide 4: Next steps\nexecutive sponsor calls/);
    expect(deck.text).not.toMatch(/Slide 4[^#]*Notes:/);
    const doc = await ok<{ text: string }>(adele, 'files_read', { item: '/Sales/Store visits/Bellevue Square notes.docx' });
    expect(doc.text).toMatch(/^# Store visit: Bellevue Square\nFoot traffic up 12%/);
    const plan = await ok<{ text: string }>(adele, 'files_read', { item: '/Holiday 2026/Display kit plan.docx' });
    expect(plan.text).toBe('# Holiday display kits\n# Delivery\nFabrikam delivers 40 display kits by November 20.\n## Fitting\nEach store installs its kit before the Black Friday weekend.\n# Budget\nBudget owner: Adele Vance.');
  });

  it('lists a folder sorted, a page at a time, and details with access and versions', async () => {
    const first = await ok<Items>(adele, 'files_list', { limit: 2 });
    expect(first.items.map((i) => i.name)).toEqual(['Archive', 'Holiday 2026']);
    const rest = await ok<Items>(adele, 'files_list', { limit: 50, cursor: first.nextCursor });
    expect(rest.items.map((i) => i.name)).toEqual(['Notes.txt', 'Pictures', 'Reports', 'Sales', 'Templates']);
    const bySize = await ok<Items>(adele, 'files_list', { folder: '/Holiday 2026', orderBy: 'size' });
    expect(bySize.items.map((i) => i.size)).toEqual([...bySize.items.map((i) => i.size!)].sort((a, b) => b - a));
    const details = await ok<{ name: string; webUrl: string; access: { role: string; who: string }[]; versions: { id: string }[] }>(adele, 'files_get', { item: '/Sales/Q4 retail forecast.xlsx', include: ['access', 'versions'] });
    expect(details.webUrl).toMatch(/^https:\/\/contoso-my\.sharepoint\.com\/personal\/adele_vance_contoso_sandbox\/Documents\/Sales\/Q4%20retail%20forecast\.xlsx$/);
    expect(details.access).toEqual([expect.objectContaining({ role: 'owner', who: 'Adele Vance <adele.vance@contoso.sandbox>' })]);
    expect(details.versions.map((v) => v.id)).toEqual(['1.0']);
  });

  it('shows what others shared, and reads it in their drive', async () => {
    const shared = await ok<Items>(adele, 'files_list', { view: 'shared' });
    const targets = shared.items.find((i) => i.name === 'Q4 targets.xlsx')!;
    expect(targets.driveId).toBeTruthy();
    const read = await ok<{ text: string }>(adele, 'files_read', { drive: targets.driveId, item: targets.id });
    expect(read.text).toMatch(/Bellevue Square\t700000/);
    expect((await ok<Items>(adele, 'files_list', { view: 'recent' })).items.length).toBeGreaterThan(3);
  });
});

describe('uploading', () => {
  it('uploads 50 MB from a path in chunks with progress, byte-identical, and resumes after a broken connection', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'survey-data.bin');
    const bytes = Buffer.alloc(50 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32LE(i ^ 0x5a5a5a5a, i);
    await fs.writeFile(file, bytes);
    // A range's connection breaks on its way: the client asks the session where it stands and goes on from there.
    sandbox.faults.add({ endpoint: true, method: 'PUT', path: '^/_drives/upload/', resetDuring: true });
    const progress: { progress: number; total?: number }[] = [];
    const r = (await adele.client.callTool({ name: 'files_upload', arguments: { folder: '/Reports', file: { path: file } } }, { onprogress: (p) => void progress.push(p) })) as Parameters<typeof textOf>[0] & { structuredContent?: Record<string, unknown> };
    expect(r.isError, textOf(r)).toBeFalsy();
    expect(r.structuredContent).toMatchObject({ name: 'survey-data.bin', size: bytes.length, path: '/Reports' });
    expect(progress.length).toBeGreaterThanOrEqual(5); // 50 MB in 10 MiB ranges
    expect(progress.at(-1)).toMatchObject({ progress: bytes.length, total: bytes.length });
    expect(sandbox.faults.journal.filter((j) => j.path.startsWith('/_drives/upload/') && j.faulted)).toHaveLength(1);
    expect(sandbox.faults.journal.filter((j) => j.path.startsWith('/_drives/upload/') && j.method === 'PUT')).toHaveLength(6); // five ranges, one twice
    expect((await stored('/Reports/survey-data.bin')).equals(bytes)).toBe(true);
  });

  it('resolves a taken name as asked: fail (the default) says what to do, rename keeps both, replace keeps the old as a version', async () => {
    const up = (text: string, conflict?: string) => call(adele.client, 'files_upload', { folder: '/Reports', file: { contentBase64: Buffer.from(text).toString('base64'), name: 'status.txt' }, ...(conflict ? { conflict } : {}) });
    expect((await up('first')).isError).toBeFalsy();
    const refused = await up('second');
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toBe('/Reports already has an item named status.txt; nothing was changed. Call again with conflict "rename" to keep both, or "replace" to overwrite it (the old file stays as a version).');
    // Following that advice:
    expect((await up('second', 'rename')).structuredContent).toMatchObject({ name: 'status 1.txt' });
    const replaced = await up('third', 'replace');
    expect(replaced.structuredContent).toMatchObject({ name: 'status.txt' });
    expect((await stored('/Reports/status.txt')).toString()).toBe('third');
    expect((await stored('/Reports/status 1.txt')).toString()).toBe('second');
    const { versions } = await ok<{ versions: { id: string }[] }>(adele, 'files_get', { item: '/Reports/status.txt', include: ['versions'] });
    expect(versions.map((v) => v.id)).toEqual(['2.0', '1.0']);
    await ok(adele, 'files_restore_version', { item: '/Reports/status.txt', versionId: '1.0' });
    expect((await stored('/Reports/status.txt')).toString()).toBe('first');
    expect((await fails(adele, 'files_create_folder', { parent: '/Reports', name: 'status.txt' }))).toMatch(/already has an item named status.txt/);
  });
});

describe('throttling', () => {
  it("under OneDrive's usage limit the tools wait as Retry-After says and answer, the model never sees the 429", async () => {
    sandbox.faults.add({ path: '^/(me/drive|drives/)', rate: { requests: 3, perSeconds: 2 } });
    try {
      const before = sandbox.faults.journal.length;
      for (let i = 0; i < 5; i++) expect((await ok<Items>(adele, 'files_list', { folder: '/Holiday 2026' })).items.length).toBeGreaterThan(0);
      const throttled = sandbox.faults.journal.slice(before).filter((e) => e.status === 429);
      expect(throttled.length).toBeGreaterThan(0);
      expect(throttled.every((e) => e.path.startsWith('/me/drive'))).toBe(true);
    } finally {
      sandbox.faults.clear();
    }
  });
});

describe('organising', () => {
  it('moves, renames, copies (following the copy to its end) and deletes to the recycle bin', async () => {
    await ok(adele, 'files_create_folder', { name: 'Org test' });
    const copy = await ok<Item>(adele, 'files_move', { item: '/Holiday 2026/Display kit plan.docx', to: '/Org test', copy: true });
    expect(copy).toMatchObject({ name: 'Display kit plan.docx', path: '/Org test' });
    expect((await stored('/Org test/Display kit plan.docx')).equals(await stored('/Holiday 2026/Display kit plan.docx'))).toBe(true);
    const renamed = await ok<Item>(adele, 'files_move', { item: copy.id, newName: 'Kit plan (draft).docx' });
    expect(renamed.name).toBe('Kit plan (draft).docx');
    const moved = await ok<Item>(adele, 'files_move', { item: '/Org test/Kit plan (draft).docx', to: '/Reports' });
    expect(moved.path).toBe('/Reports');
    const del = await ok<{ deleted: string; textBlock: string }>(adele, 'files_delete', { item: moved.id });
    expect(del.textBlock).toMatch(/recycle bin/);
    expect(await fails(adele, 'files_get', { item: moved.id })).toMatch(/Give a path from the drive root like \/Documents\/report\.docx, or an id from files_list/);
    expect(await fails(adele, 'files_move', { item: '/Org test' })).toBe('Give to (a folder to move into) or newName (to rename), or both.');
  });
});

describe('sharing', () => {
  it("shares with a colleague, who finds it in shared with me and reads it; a permission removed takes it away", async () => {
    const shared = await ok<{ access: { id: string; role: string; who: string }[] }>(adele, 'files_share', { item: '/Holiday 2026/Display kit budget.xlsx', with: 'people', people: [BEN], role: 'edit' });
    expect(shared.access).toEqual([expect.objectContaining({ role: 'edit', who: `Ben Walters <${BEN}>` })]);
    const ben = await sandbox.as(BEN);
    const his = await ok<Items>(ben, 'files_list', { view: 'shared' });
    const budget = his.items.find((i) => i.name === 'Display kit budget.xlsx')!;
    expect(budget).toBeTruthy();
    expect((await ok<{ text: string }>(ben, 'files_read', { drive: budget.driveId, item: budget.id })).text).toMatch(/Installation\t40\t200/);
    // Ben may edit it, but his server writes outside his OneDrive only with site writes on.
    expect(await fails(ben, 'files_move', { drive: budget.driveId, item: budget.id, newName: 'x.xlsx' })).toMatch(/MS365_MCP_SITE_WRITES=true/);
    const link = await ok<{ access: { who: string; link: string }[] }>(adele, 'files_share', { item: '/Holiday 2026/Display kit budget.xlsx', with: 'organization' });
    expect(link.access[0]).toMatchObject({ who: 'people in the organization with the link' });
    await ok(adele, 'files_unshare', { item: '/Holiday 2026/Display kit budget.xlsx', permissionId: shared.access[0].id });
    const after = await ok<{ access: { id: string }[] }>(adele, 'files_get', { item: '/Holiday 2026/Display kit budget.xlsx', include: ['access'] });
    expect(after.access.map((a) => a.id)).not.toContain(shared.access[0].id);
    expect(await fails(adele, 'files_share', { item: '/Notes.txt', with: 'anyone' })).toMatch(/disabled by the administrator/);
  });
});

describe('names and paths', () => {
  it('keeps odd names inside the drive and refuses paths that would step out', async () => {
    for (const name of ['Résumé #1 (ünïcödé) 日本.txt', `${'n'.repeat(396)}.txt`, '100% done.txt']) {
      const made = await ok<Item>(adele, 'files_upload', { folder: '/Reports', file: { contentBase64: Buffer.from('x').toString('base64'), name } });
      expect(made).toMatchObject({ name, path: '/Reports' });
      expect((await ok<Item>(adele, 'files_get', { item: `/Reports/${name}` })).id).toBe(made.id);
    }
    expect(await fails(adele, 'files_get', { item: '/Reports/../Sales' })).toMatch(/has a "\.\." part/);
    expect(await fails(adele, 'files_get', { item: '/Reports/a:b' })).toMatch(/not allow/);
    expect(await fails(adele, 'files_create_folder', { name: '..' })).toMatch(/must not contain/);
    expect(await fails(adele, 'files_list', { drive: '..' })).toMatch(/drive/);
  });
});
