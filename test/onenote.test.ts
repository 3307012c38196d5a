// The OneNote tools through a real MCP client against the sandbox's OneNote, signed in as Adele: notebooks and
// sections by path, pages a page at a time and by title words, a seeded page read as text with its headings; a
// Markdown page with a table, to-dos and a local image made once and read back the same; sections made once; and
// bad input whose advice, followed, works. The sandbox's state is checked after each write.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, type Connected, fails, graph, ok, tempDir, useSandbox } from './fixtures.js';
import { bytesAt, PNG } from './support/onenote.js';

const sandbox = useSandbox();
let adele: Connected;
beforeAll(async () => {
  adele = await sandbox.as(ADELE);
});

type Listing = { notebooks?: { id: string; name: string }[]; sections?: { id: string; path: string }[]; pages?: { id: string; title: string; section?: string; modified: string }[]; nextCursor?: string };
type Read = { title: string; created?: string; headings: string[]; text: string; truncated?: boolean };
type Made = { id: string; title: string; section: string; images: number; webUrl?: string; recovered?: boolean };

/** Every item of a listing, following nextCursor. */
async function all(c: Connected, args: Record<string, unknown>, key: 'sections' | 'pages'): Promise<{ id: string }[]> {
  const seen: { id: string }[] = [];
  let cursor: string | undefined;
  do {
    const page: Listing = await ok<Listing>(c, 'onenote_list', { ...args, ...(cursor ? { cursor } : {}) });
    seen.push(...(page[key] ?? []));
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

const pagesTitled = async (title: string) => {
  const token = await sandbox.graphAs(ADELE, 'Notes.Read');
  return (await graph(sandbox, token, `/me/onenote/pages?$filter=${encodeURIComponent(`title eq '${title}'`)}&$top=100`)).body.value as { id: string; parentSection: { displayName: string } }[];
};

describe('onenote: lists and reading', () => {
  it('lists notebooks and sections by path, a section page by page, and pages by title words', async () => {
    const top = await ok<Listing>(adele, 'onenote_list');
    expect(top.notebooks!.map((n) => n.name)).toEqual(['Adele @ Contoso', 'Sales Playbook']);
    expect(top.sections!.map((s) => s.path)).toEqual([
      'Adele @ Contoso/Meetings', 'Adele @ Contoso/Projects/Archive/Spring 2026', 'Adele @ Contoso/Projects/Holiday 2026', 'Adele @ Contoso/Quick Notes', 'Sales Playbook/Objection handling',
    ]);
    expect(top.textBlock).toContain('- Adele @ Contoso/Projects/Holiday 2026 | id: ');
    expect((await all(adele, { limit: 2 }, 'sections')).map((s) => s.id)).toEqual(top.sections!.map((s) => s.id));

    const token = await sandbox.graphAs(ADELE, 'Notes.Read');
    const meetings = top.sections!.find((s) => s.path.endsWith('/Meetings'))!;
    const stored = (await graph(sandbox, token, `/me/onenote/sections/${meetings.id}/pages?$top=100&$select=id`)).body.value.map((p: { id: string }) => p.id);
    expect(stored.length).toBeGreaterThan(7);
    const byPath = await all(adele, { section: 'Adele @ Contoso/Meetings', limit: 7 }, 'pages');
    expect(byPath.map((p) => p.id).sort()).toEqual([...stored].sort());
    const first = await ok<Listing>(adele, 'onenote_list', { section: 'meetings', limit: 3 });
    expect(first.pages!.map((p) => p.id)).toEqual(byPath.slice(0, 3).map((p) => p.id));
    expect(first.pages!.map((p) => p.modified)).toEqual([...first.pages!.map((p) => p.modified)].sort().reverse());

    const weekly = await ok<Listing>(adele, 'onenote_list', { title: 'Weekly SYNC' });
    expect(weekly.pages).toHaveLength(6);
    expect(new Set(weekly.pages!.map((p) => p.section))).toEqual(new Set(['Meetings']));
    expect((await ok<Listing>(adele, 'onenote_list', { title: 'launch plan', section: 'Holiday 2026' })).pages!.map((p) => p.title)).toEqual(['Holiday 2026 launch plan']);
  });

  it('reads a seeded page as text: headings marked by level, the table by rows, the link and the image named', async () => {
    const [plan] = (await ok<Listing>(adele, 'onenote_list', { title: 'Holiday 2026 launch plan' })).pages!;
    const read = await ok<Read>(adele, 'onenote_read', { page: plan.id });
    expect(read.title).toBe('Holiday 2026 launch plan');
    expect(read.headings).toEqual(['# Holiday 2026 launch plan', '## Milestones']);
    expect(read.text).toMatch(/^# Holiday 2026 launch plan\n\nWindow displays/);
    expect(read.text).toContain('See the Sales site [https://contoso.sharepoint.com/sites/Sales] for the display kit.');
    expect(read.text).toMatch(/\nMilestone\s+Owner\s+Date\nDisplay kit approved\s+Marketing\s+week 1\n/);
    expect(read.text).toContain('[image: Launch timeline]');
    expect(read.text).toContain('Budget: 48,000 USD\nStores: 12');
    const short = await ok<Read>(adele, 'onenote_read', { page: plan.id, maxChars: 200 });
    expect(short).toMatchObject({ truncated: true, text: `${read.text.slice(0, 200)}…` });
  });
});

describe('onenote: making pages and sections', () => {
  it('makes a Markdown page with a table, to-dos and a local image once, and reads it back the same', async () => {
    const dir = await tempDir();
    const chart = path.join(dir, 'sales chart.png');
    await fs.writeFile(chart, PNG);
    const markdown = [
      '# Launch review', '',
      'Notes from the **launch review**, see the [plan](https://contoso.example/plan).', '',
      '## Decisions', '', '- Ship on Friday', '- Keep the price', '',
      '## Actions', '', '- [ ] Send the deck', '- [x] Book the room', '',
      '| Owner | Action | Due |', '|---|---|---|', '| Adele | Send the deck | Friday |', '| Megan | Book the room | Monday |', '',
      `![Sales by region](<${chart}>)`, '',
    ].join('\n');
    const made = await ok<Made>(adele, 'onenote_create_page', { title: 'Launch review', markdown, section: 'Adele @ Contoso/Meetings' });
    expect(made).toMatchObject({ title: 'Launch review', section: 'Adele @ Contoso/Meetings', images: 1 });
    expect(made.textBlock).toMatch(/^created "Launch review" in Adele @ Contoso\/Meetings with 1 image\(s\) \| id: /);

    // The sandbox holds the page once, in Meetings, with the image's bytes as a resource of it.
    expect((await pagesTitled('Launch review')).map((p) => [p.id, p.parentSection.displayName])).toEqual([[made.id, 'Meetings']]);
    const token = await sandbox.graphAs(ADELE, 'Notes.Read');
    const html = (await graph(sandbox, token, `/me/onenote/pages/${made.id}/content`)).text;
    const src = /<img [^>]*src="([^"]+)"[^>]*data-src-type="image\/png"/.exec(html)?.[1];
    expect((await bytesAt(src!.replace(/&amp;/g, '&'), token)).bytes.equals(PNG)).toBe(true);

    const read = await ok<Read>(adele, 'onenote_read', { page: made.id });
    expect(read.title).toBe('Launch review');
    expect(read.headings).toEqual(['## Decisions', '## Actions']);
    expect(read.text).toBe([
      'Notes from the launch review, see the plan [https://contoso.example/plan].', '',
      '## Decisions', ' * Ship on Friday', ' * Keep the price', '',
      '## Actions', ' * [ ] Send the deck', ' * [x] Book the room', '',
      'Owner   Action          Due', 'Adele   Send the deck   Friday', 'Megan   Book the room   Monday', '',
      '[image: Sales by region]',
    ].join('\n'));
  });

  it('makes a section once, and its notebook when the name is new', async () => {
    const made = await ok<{ id: string; path: string; created: boolean; notebookMade?: boolean }>(adele, 'onenote_create_section', { path: 'Adele @ Contoso/Customer visits' });
    expect(made).toMatchObject({ path: 'Adele @ Contoso/Customer visits', created: true });
    const again = await ok<{ id: string; created: boolean }>(adele, 'onenote_create_section', { path: 'adele @ contoso/customer visits' });
    expect(again).toMatchObject({ id: made.id, created: false });
    const inGroup = await ok<{ path: string }>(adele, 'onenote_create_section', { path: 'Adele @ Contoso/Projects/Spring fair' });
    expect(inGroup.path).toBe('Adele @ Contoso/Projects/Spring fair');
    const fresh = await ok<{ path: string; notebookMade?: boolean }>(adele, 'onenote_create_section', { path: 'Store openings/Seattle' });
    expect(fresh).toMatchObject({ path: 'Store openings/Seattle', notebookMade: true });

    const token = await sandbox.graphAs(ADELE, 'Notes.Read');
    const sections = (await graph(sandbox, token, '/me/onenote/sections?$select=displayName&$expand=parentNotebook($select=displayName),parentSectionGroup($select=displayName)')).body.value as { displayName: string; parentNotebook: { displayName: string }; parentSectionGroup: { displayName: string } | null }[];
    const where = (name: string) => sections.filter((s) => s.displayName === name).map((s) => `${s.parentNotebook.displayName}/${s.parentSectionGroup?.displayName ?? ''}`);
    expect(where('Customer visits')).toEqual(['Adele @ Contoso/']);
    expect(where('Spring fair')).toEqual(['Adele @ Contoso/Projects']);
    expect(where('Seattle')).toEqual(['Store openings/']);
    // A page goes into the new section by its path.
    const page = await ok<Made>(adele, 'onenote_create_page', { title: 'Site visit', markdown: 'Lease signed.', section: 'Store openings/Seattle' });
    expect((await pagesTitled('Site visit')).map((p) => [p.id, p.parentSection.displayName])).toEqual([[page.id, 'Seattle']]);
  });
});
