// The documents tools through a real MCP client against the sandbox's drives: a deck from an outline read back
// slide by slide with its notes (and its bytes a real PPTX), the same on a template's layouts and theme (none of
// its slides left, nor sections or custom shows naming them), a Markdown document become a DOCX whose headings and
// text read back the same, a PDF of a document saved beside it, and a taken name or a file that is no template
// refused with the way out.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRAND_DESIGN, DECK_TEMPLATE } from '../src/sandbox/testing.js';
import { ADELE, type Connected, fails, graph, ok, useSandbox } from './fixtures.js';
import { packageProblems, relsOf, slideLayouts, unpack } from './support/ooxml.js';

const sandbox = useSandbox();
let adele: Connected;
beforeAll(async () => {
  adele = await sandbox.as(ADELE);
});
type Saved = { id: string; name: string; path?: string };

async function storedBytes(itemPath: string): Promise<Buffer> {
  const token = await sandbox.graphAs(ADELE, 'Files.Read');
  const meta = await graph(sandbox, token, `/me/drive/root:${itemPath.split('/').map(encodeURIComponent).join('/')}`);
  expect(meta.status, meta.text).toBe(200);
  return Buffer.from(await (await fetch(meta.body['@microsoft.graph.downloadUrl'])).arrayBuffer());
}

describe('documents', () => {
  it('makes a deck from an outline; files_read gives back its slides and notes', async () => {
    const s = await ok<Saved>(adele, 'documents_create_presentation', {
      folder: '/Sales', name: 'Holiday kickoff.pptx',
      slides: [{ title: 'Holiday kickoff' }, { title: 'Goals', bullets: ['Windows in all 14 stores by Nov 24', 'Fabrikam kits installed'], notes: 'Thank the Bellevue team.' }, { title: 'Budget', bullets: ['46,800 USD for displays'] }],
    });
    expect(s).toMatchObject({ name: 'Holiday kickoff.pptx', path: '/Sales' });
    const text = (await ok<{ text: string }>(adele, 'files_read', { item: '/Sales/Holiday kickoff.pptx' })).text;
    expect(text).toMatch(/## Slide 1: Holiday kickoff/);
    expect(text).toMatch(/## Slide 2: Goals\nWindows in all 14 stores by Nov 24\nFabrikam kits installed\nNotes: Thank the Bellevue team\./);
    expect(text).toMatch(/## Slide 3: Budget\n46,800 USD for displays/);
    const parts = unpack(await storedBytes('/Sales/Holiday kickoff.pptx'));
    expect(packageProblems(parts)).toEqual([]);
    expect(slideLayouts(parts)).toHaveLength(3);
    expect(new Set(slideLayouts(parts)).size, 'the title slide has a layout of its own').toBe(2);
    // The same name again: refused by default, with the way out, and the way out works.
    expect(await fails(adele, 'documents_create_presentation', { folder: '/Sales', name: 'Holiday kickoff.pptx', slides: [{ title: 'x' }] })).toMatch(/already has an item named Holiday kickoff\.pptx.*conflict "rename"/);
    expect((await ok<Saved>(adele, 'documents_create_presentation', { folder: '/Sales', name: 'Holiday kickoff.pptx', slides: [{ title: 'x' }], conflict: 'rename' })).name).toBe('Holiday kickoff 1.pptx');
  });

  it('lays an outline on a template: its layouts and theme, none of its slides, the notes on a notes master made for them', async () => {
    const s = await ok<Saved>(adele, 'documents_create_presentation', {
      folder: '/Sales', name: 'Branded kickoff.pptx', template: DECK_TEMPLATE[0],
      slides: [{ title: 'Holiday kickoff', bullets: ['November 2026'] }, { title: 'Goals', bullets: ['Windows in all 14 stores', 'Fabrikam kits installed'], notes: 'Thank the Bellevue team.' }, { title: 'Budget', bullets: ['46,800 USD for displays'] }],
    });
    expect(s).toMatchObject({ name: 'Branded kickoff.pptx', path: '/Sales' });
    const text = (await ok<{ text: string }>(adele, 'files_read', { item: '/Sales/Branded kickoff.pptx' })).text;
    expect(text).toMatch(/^## Slide 1: Holiday kickoff\nNovember 2026\n\n## Slide 2: Goals\nWindows in all 14 stores\nFabrikam kits installed\nNotes: Thank the Bellevue team\.\n\n## Slide 3: Budget\n46,800 USD for displays$/);
    const parts = unpack(await storedBytes('/Sales/Branded kickoff.pptx'));
    expect(packageProblems(parts)).toEqual([]);
    expect(slideLayouts(parts)).toEqual(['Title Slide', 'Title and Content', 'Title and Content']);
    expect(parts['[Content_Types].xml']).toMatch(/PartName="\/ppt\/presentation\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.presentationml\.presentation\.main\+xml"/);
    const master = relsOf(parts, 'ppt/presentation.xml').find((r) => r.kind === 'slideMaster')!.to;
    const theme = parts[relsOf(parts, master).find((r) => r.kind === 'theme')!.to];
    expect(theme).toContain(`name="${BRAND_DESIGN.theme}"`);
    expect(theme).toContain(`<a:accent1><a:srgbClr val="${BRAND_DESIGN.accent}"/>`);
    // The template's example slide is gone, and nothing only it used stayed behind.
    expect(Object.values(parts).join('')).not.toMatch(/Replace this slide|Example slide/);
    const notesMaster = relsOf(parts, 'ppt/presentation.xml').filter((r) => r.kind === 'notesMaster');
    expect(notesMaster).toHaveLength(1);
    expect(relsOf(parts, notesMaster[0].to).map((r) => r.kind)).toEqual(['theme']);
    // Microsoft 365 reads it too: its PDF has the slides' words in order.
    await ok<Saved>(adele, 'documents_convert_pdf', { item: '/Sales/Branded kickoff.pptx' });
    expect((await ok<{ text: string }>(adele, 'files_read', { item: '/Sales/Branded kickoff.pdf' })).text).toMatch(/Holiday kickoff\s+November 2026\s+Goals\s+Windows in all 14 stores[\s\S]*Budget/);
  });

  it('keeps the notes master of a deck used as a template, and refuses a file that is no template with the way on', async () => {
    await ok<Saved>(adele, 'documents_create_presentation', { folder: '/Sales', name: 'Pipeline follow-up.pptx', template: '/Sales/Q4 pipeline review.pptx', slides: [{ title: 'Follow-up' }, { title: 'Closes', bullets: ['Nine of twelve signed'], notes: 'Name no prices.' }] });
    const parts = unpack(await storedBytes('/Sales/Pipeline follow-up.pptx'));
    expect(packageProblems(parts)).toEqual([]);
    expect(Object.keys(parts).filter((p) => /^ppt\/(slides|notesSlides|notesMasters)\/[^/]+\.xml$/.test(p)).sort()).toEqual(['ppt/notesMasters/notesMaster1.xml', 'ppt/notesSlides/notesSlide1.xml', 'ppt/slides/slide1.xml', 'ppt/slides/slide2.xml']);
    expect(Object.values(parts).join('')).not.toMatch(/Wingtip/);
    expect((await ok<{ text: string }>(adele, 'files_read', { item: '/Sales/Pipeline follow-up.pptx' })).text).toBe('## Slide 1: Follow-up\n\n## Slide 2: Closes\nNine of twelve signed\nNotes: Name no prices.');

    // A Word document (an Office package, not a deck) and a text file (no package at all).
    for (const template of ['/Sales/Store visits/Bellevue Square notes.docx', '/Notes.txt']) {
      const wrong = await fails(adele, 'documents_create_presentation', { folder: '/Sales', name: 'Wrong.pptx', template, slides: [{ title: 'x' }] });
      expect(wrong).toMatch(new RegExp(`^${template} cannot be used as a template: it is not a PowerPoint file.*leave out template`));
    }
    for (const template of ['/Templates/No such.potx', '/Templates']) {
      expect(await fails(adele, 'documents_create_presentation', { folder: '/Sales', name: 'Wrong.pptx', template, slides: [{ title: 'x' }] })).toMatch(new RegExp(`^The template ${template} is not a file in your OneDrive.*files_list`));
    }
    const token = await sandbox.graphAs(ADELE, 'Files.Read');
    expect((await graph(sandbox, token, '/me/drive/root:/Sales/Wrong.pptx')).status, 'nothing saved').toBe(404);
  });

  it('leaves no section or custom show of a template naming slides that are gone (PowerPoint would call the deck damaged)', async () => {
    // A copy of the brand template with its example slides in a section and a custom show, as PowerPoint saves them.
    const files = unzipSync(new Uint8Array(await storedBytes(DECK_TEMPLATE[0])));
    const pres = strFromU8(files['ppt/presentation.xml']);
    const ids = [...pres.matchAll(/<p:sldId id="(\d+)" r:id="(\w+)"\/>/g)];
    expect(ids.length).toBeGreaterThan(0);
    const extras = `<p:custShowLst><p:custShow name="Short" id="0"><p:sldLst>${ids.map(([, , rid]) => `<p:sld r:id="${rid}"/>`).join('')}</p:sldLst></p:custShow></p:custShowLst><p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"><p14:sectionLst xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main"><p14:section name="Examples" id="{6A1F2C1E-1111-4C3B-9C55-2F0D7A1B2C3D}"><p14:sldIdLst>${ids.map(([, id]) => `<p14:sldId id="${id}"/>`).join('')}</p14:sldIdLst></p14:section></p14:sectionLst></p:ext></p:extLst>`;
    files['ppt/presentation.xml'] = strToU8(pres.replace('</p:presentation>', `${extras}</p:presentation>`));
    const token = await sandbox.graphAs(ADELE, 'Files.ReadWrite');
    const put = await fetch(`${sandbox.url}/v1.0/me/drive/root:/Sales/Sectioned.potx:/content`, { method: 'PUT', headers: { Authorization: `Bearer ${token.token}`, 'Content-Type': 'application/octet-stream' }, body: Buffer.from(zipSync(files)) });
    expect(put.status).toBe(201);

    await ok<Saved>(adele, 'documents_create_presentation', { folder: '/Sales', name: 'From sections.pptx', template: '/Sales/Sectioned.potx', slides: [{ title: 'One' }, { title: 'Two', bullets: ['b'] }] });
    const parts = unpack(await storedBytes('/Sales/From sections.pptx'));
    expect(packageProblems(parts)).toEqual([]);
    expect(parts['ppt/presentation.xml']).not.toMatch(/custShow|p14:section/);
    expect(slideLayouts(parts)).toEqual(['Title Slide', 'Title and Content']);
  });

  it('makes a Word document from Markdown whose headings, list, table and link read back', async () => {
    const md = '# Store visit plan\n\nVisits **this week** and a [map](https://contoso.example/map).\n\n## Stores\n\n- Bellevue Square\n- Redmond Town Center\n\n| Store | Day |\n| --- | --- |\n| Bellevue | Tuesday |\n\n### Notes\n\nBring the *display* checklist.';
    await ok<Saved>(adele, 'documents_create_word', { folder: '/Sales', name: 'Visit plan.docx', markdown: md });
    const text = (await ok<{ text: string }>(adele, 'files_read', { item: '/Sales/Visit plan.docx' })).text;
    expect(text).toMatch(/^# Store visit plan\nVisits this week and a map\./);
    expect(text).toMatch(/## Stores\nBellevue Square\nRedmond Town Center/);
    expect(text).toMatch(/Bellevue\s*\n?Tuesday/);
    expect(text).toMatch(/### Notes\nBring the display checklist\./);
    const xml = strFromU8(unzipSync(new Uint8Array(await storedBytes('/Sales/Visit plan.docx')))['word/document.xml']);
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/);
    expect(xml).toMatch(/<w:b\/>|<w:b w:val="true"\/>|<w:b \/>/);
  });

  it('says a missing folder is missing, and the way it names works', async () => {
    const args = { folder: '/Store plans', name: 'Opening plan.docx', markdown: '# Opening plan\n\nDoors open at nine.' };
    expect(await fails(adele, 'documents_create_word', args)).toMatch(/^The folder \/Store plans does not exist in this drive; nothing was saved\. files_create_folder makes it/);
    await ok(adele, 'files_create_folder', { name: 'Store plans' });
    expect(await ok<Saved>(adele, 'documents_create_word', args)).toMatchObject({ name: 'Opening plan.docx', path: '/Store plans' });
    expect((await ok<{ text: string }>(adele, 'files_read', { item: '/Store plans/Opening plan.docx' })).text).toBe('# Opening plan\nDoors open at nine.');
  });

  it('saves a PDF of a document beside it, whose text is the document\'s', async () => {
    const pdf = await ok<Saved>(adele, 'documents_convert_pdf', { item: '/Sales/Store visits/Bellevue Square notes.docx' });
    expect(pdf).toMatchObject({ name: 'Bellevue Square notes.pdf', path: '/Sales/Store visits' });
    expect((await ok<{ text: string }>(adele, 'files_read', { item: '/Sales/Store visits/Bellevue Square notes.pdf' })).text).toMatch(/Foot traffic up 12%/);
    expect((await storedBytes('/Sales/Store visits/Bellevue Square notes.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
