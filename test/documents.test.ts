// The documents tools through a real MCP client against the sandbox's drives: a deck from an outline read back
// slide by slide with its notes (and its bytes a real PPTX), a Markdown document become a DOCX whose headings and
// text read back the same, a PDF of a document saved beside it, and a taken name refused with the way out.
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, type Connected, fails, graph, ok, useSandbox } from './fixtures.js';

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
    const zip = unzipSync(new Uint8Array(await storedBytes('/Sales/Holiday kickoff.pptx')));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['ppt/presentation.xml', 'ppt/slides/slide3.xml']));
    // The same name again: refused by default, with the way out, and the way out works.
    expect(await fails(adele, 'documents_create_presentation', { folder: '/Sales', name: 'Holiday kickoff.pptx', slides: [{ title: 'x' }] })).toMatch(/already has an item named Holiday kickoff\.pptx.*conflict "rename"/);
    expect((await ok<Saved>(adele, 'documents_create_presentation', { folder: '/Sales', name: 'Holiday kickoff.pptx', slides: [{ title: 'x' }], conflict: 'rename' })).name).toBe('Holiday kickoff 1.pptx');
  });

  it('makes a deck on a template from the drive: its design, the outline\'s slides only, notes kept', async () => {
    const s = await ok<Saved>(adele, 'documents_create_presentation', {
      folder: '/Sales', name: 'Pipeline update.pptx', template: '/Sales/Q4 pipeline review.pptx',
      slides: [{ title: 'Pipeline update' }, { title: 'Closes', bullets: ['Tailspin back on track'], notes: 'Mention the refit date.' }],
    });
    expect(s.name).toBe('Pipeline update.pptx');
    const text = (await ok<{ text: string }>(adele, 'files_read', { item: '/Sales/Pipeline update.pptx' })).text;
    expect(text).toMatch(/^## Slide 1: Pipeline update\n\n## Slide 2: Closes\nTailspin back on track\nNotes: Mention the refit date\.$/);
    const zip = unzipSync(new Uint8Array(await storedBytes('/Sales/Pipeline update.pptx')));
    // The template's theme and master came along; its old slides did not.
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['ppt/theme/theme1.xml', 'ppt/slideMasters/slideMaster1.xml']));
    expect(Object.keys(zip).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).sort()).toEqual(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml']);
    expect(await fails(adele, 'documents_create_presentation', { folder: '/Sales', name: 'x.pptx', template: '/Notes.txt', slides: [{ title: 'x' }] })).toMatch(/cannot serve as a template.*leave out template/);
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

  it('saves a PDF of a document beside it, whose text is the document\'s', async () => {
    const pdf = await ok<Saved>(adele, 'documents_convert_pdf', { item: '/Sales/Store visits/Bellevue Square notes.docx' });
    expect(pdf).toMatchObject({ name: 'Bellevue Square notes.pdf', path: '/Sales/Store visits' });
    expect((await ok<{ text: string }>(adele, 'files_read', { item: '/Sales/Store visits/Bellevue Square notes.pdf' })).text).toMatch(/Foot traffic up 12%/);
    expect((await storedBytes('/Sales/Store visits/Bellevue Square notes.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
