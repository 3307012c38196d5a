// The OneNote tools on bad input and lost answers, through a real MCP client against the sandbox: each error says
// what to do and doing it works; a page whose create answer was lost (a reset after OneNote made it, a 503 before)
// is made once, found by its title or sent again. The sandbox's state is checked after each write.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, type Connected, fails, graph, ok, tempDir, useSandbox } from './fixtures.js';
import { PNG } from './support/onenote.js';

const sandbox = useSandbox();
let adele: Connected;
beforeAll(async () => {
  adele = await sandbox.as(ADELE);
});

type Made = { id: string; section: string; images: number; recovered?: boolean };
const pagesTitled = async (title: string) => {
  const token = await sandbox.graphAs(ADELE, 'Notes.Read');
  return (await graph(sandbox, token, `/me/onenote/pages?$filter=${encodeURIComponent(`title eq '${title}'`)}&$top=100`)).body.value as { id: string; parentSection: { displayName: string } }[];
};
const postsOfPages = () => sandbox.faults.journal.filter((e) => e.method === 'POST' && /\/onenote\/sections\/[^/]+\/pages$/.test(e.path)).map((e) => e.status);

describe('onenote: errors that say what to do', () => {
  it('a section that is not there: the error lists the sections and names onenote_create_section, which makes it', async () => {
    const missing = await fails(adele, 'onenote_create_page', { title: 'Kickoff', markdown: 'Agenda', section: 'Adele @ Contoso/Kickoffs' });
    expect(missing).toMatch(/There is no section "Adele @ Contoso\/Kickoffs"\. Sections: "Adele @ Contoso\/Meetings", .*make it with onenote_create_section/);
    expect(await pagesTitled('Kickoff')).toEqual([]);
    await ok(adele, 'onenote_create_section', { path: 'Adele @ Contoso/Kickoffs' });
    const made = await ok<Made>(adele, 'onenote_create_page', { title: 'Kickoff', markdown: 'Agenda', section: 'Adele @ Contoso/Kickoffs' });
    expect((await pagesTitled('Kickoff')).map((p) => [p.id, p.parentSection.displayName])).toEqual([[made.id, 'Kickoffs']]);
  });

  it('a section name that means two sections: the error gives both paths, and the whole path works', async () => {
    await ok(adele, 'onenote_create_section', { path: 'Sales Playbook/Meetings' });
    const twice = await fails(adele, 'onenote_list', { section: 'Meetings' });
    expect(twice).toMatch(/"Meetings" names 2 sections: "Adele @ Contoso\/Meetings", "Sales Playbook\/Meetings"\. Give the whole path or the id\./);
    expect((await ok<{ pages: unknown[] }>(adele, 'onenote_list', { section: 'Sales Playbook/Meetings' })).pages).toEqual([]);
  });

  it('section paths and names OneNote would refuse are refused first, with the notebooks to choose from', async () => {
    expect(await fails(adele, 'onenote_create_section', { path: 'Ideas' })).toMatch(/Give the section as "Notebook\/Section"; your notebooks: "Adele @ Contoso", "Sales Playbook"/);
    expect(await fails(adele, 'onenote_create_section', { path: 'Adele @ Contoso/Q3 #1' })).toMatch(/cannot contain \? \* .* # .*Choose another name/);
    expect(await fails(adele, 'onenote_create_section', { path: 'New notebook/Projects/Plans' })).toMatch(/There is no section group "New notebook\/Projects" \(these tools do not make section groups\)/);
    const token = await sandbox.graphAs(ADELE, 'Notes.Read');
    const notebooks = (await graph(sandbox, token, '/me/onenote/notebooks?$select=displayName')).body.value.map((n: { displayName: string }) => n.displayName);
    expect(notebooks).toEqual(['Adele @ Contoso', 'Sales Playbook']);
    expect((await ok<{ path: string }>(adele, 'onenote_create_section', { path: 'Adele @ Contoso/Q3 no 1' })).path).toBe('Adele @ Contoso/Q3 no 1');
  });

  it('images: a relative path, a file that is not an image, and local files over HTTP each say what works instead', async () => {
    const dir = await tempDir();
    const notes = path.join(dir, 'notes.txt');
    await fs.writeFile(notes, 'not an image');
    expect(await fails(adele, 'onenote_create_page', { title: 'Pics', markdown: '![a](chart.png)' })).toMatch(/markdown image\[0\]: path must be absolute/);
    expect(await fails(adele, 'onenote_create_page', { title: 'Pics', markdown: `![a](${notes})` })).toMatch(/is not an image OneNote shows \(png, jpg, gif, bmp, tiff\); link to it instead/);
    const web = await sandbox.as(ADELE, { MS365_MCP_ORG_MODE: 'true', MS365_MCP_HTTP: '127.0.0.1:0' });
    const image = path.join(dir, 'chart.png');
    await fs.writeFile(image, PNG);
    expect(await fails(web, 'onenote_create_page', { title: 'Pics', markdown: `![Chart](${image})` })).toMatch(/work only when the server runs over stdio.*use an https:\/\/ image URL.*or a data: URL/);
    expect(await pagesTitled('Pics')).toEqual([]);
    const made = await ok<Made>(web, 'onenote_create_page', { title: 'Pics', markdown: `![Chart](data:image/png;base64,${PNG.toString('base64')})` });
    expect(made.images).toBe(1);
    expect((await ok<{ text: string }>(web, 'onenote_read', { page: made.id })).text).toBe('[image: Chart]');
    expect((await pagesTitled('Pics')).map((p) => [p.id, p.parentSection.displayName])).toEqual([[made.id, 'Quick Notes']]);
  });

  it('a page id that is not one, or one of no page', async () => {
    expect(await fails(adele, 'onenote_read', { page: 'Launch review' })).toMatch(/must be a page id from onenote_list/);
    expect(await fails(adele, 'onenote_read', { page: '1-0123456789abcdef0123456789abcdef!1-01234567-89ab-cdef-0123-456789abcdef' })).toMatch(/Graph 404 20102.*Check the id/);
  });
});

describe('onenote: a create whose answer was lost', () => {
  it('made before the connection broke: found by its title, not sent again', async () => {
    sandbox.faults.clear();
    sandbox.faults.add({ method: 'POST', path: '/onenote/sections/[^/]+/pages$', resetAfter: true });
    const made = await ok<Made>(adele, 'onenote_create_page', { title: 'Lost answer', markdown: 'Once.', section: 'Quick Notes' });
    expect(made.recovered).toBe(true);
    expect(made.textBlock).toContain('found after its answer was lost; made once');
    expect(postsOfPages()).toEqual([0]);
    expect((await pagesTitled('Lost answer')).map((p) => p.id)).toEqual([made.id]);
  });

  it('refused with a 503 before it was made: not found, sent once more', async () => {
    sandbox.faults.clear();
    sandbox.faults.add({ method: 'POST', path: '/onenote/sections/[^/]+/pages$', status: 503 });
    const made = await ok<Made>(adele, 'onenote_create_page', { title: 'Sent again', markdown: 'Once too.', section: 'Quick Notes' });
    expect(made.recovered).toBeUndefined();
    expect(postsOfPages()).toEqual([503, 201]);
    expect((await pagesTitled('Sent again')).map((p) => p.id)).toEqual([made.id]);
  });
});
