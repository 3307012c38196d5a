// Creating in the OneNote workload over real HTTP: pages from input HTML (converted to OneNote's output HTML as
// its reference describes) and from multipart requests whose image and file parts then serve their bytes, the
// default notebook's sections by sectionName, notebooks and sections; and what OneNote refuses, with its codes,
// leaving nothing behind.
import { describe, expect, it } from 'vitest';
import { graph, MEGAN, PATTI, useSandbox, type GraphAs } from '../fixtures.js';
import { bytesAt, multipart, MULTIPART, scratchSection, send, textOfHtml } from '../support/onenote.js';

const sb = useSandbox();
const RW = 'Notes.ReadWrite';
/** A tiny PNG (1x1, red). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
const page = (title: string, body: string, head = '') => `<!DOCTYPE html><html><head><title>${title}</title>${head}</head><body>${body}</body></html>`;
const contentOf = async (who: GraphAs, id: string) => (await send(sb, who, `/me/onenote/pages/${id}/content`, 'GET', null, '')).text as string;
const pagesIn = async (who: GraphAs, section: string) => (await graph(sb, who, `/me/onenote/sections/${section}/pages?$top=100`)).body.value as { id: string; title: string }[];

describe('OneNote page creation', () => {
  it('creates a page from input HTML: 201 with the page, Location, and the HTML as OneNote outputs it', async () => {
    const megan = await sb.graphAs(MEGAN, RW);
    const section = await scratchSection(sb, megan, 'Create from HTML');
    const html = page('Campaign  review', `
      <h1>Holiday campaign</h1>
      <p>Budget is <b>approved</b>, see the <a href="https://contoso.example/brief">brief</a>.</p>
      <div><p>Text in a div that carries nothing</p></div>
      <ul style="list-style-type:square"><li>Posters</li><li><i>Radio</i></li></ul>
      <table><tr><th>Channel</th><th>Spend</th></tr><tr><td>Print</td><td>12,000</td></tr></table>
      <p data-id="note" id="mine">Loose &amp; tidy</p>
      <script>alert(1)</script><form><input name="x"></form>
      <pre>a  b\n  c</pre>`, '<meta name="created" content="2026-10-01T09:30:00-08:00" />');
    const made = await send(sb, megan, `/me/onenote/sections/${section}/pages`, 'POST', 'text/html', html);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ title: 'Campaign review', createdDateTime: '2026-10-01T17:30:00Z', parentSection: { id: section } });
    expect(made.headers.get('location')).toBe(made.body.self);
    expect(made.body.contentUrl).toBe(`${made.body.self}/content`);
    // The sandbox's state: the page is in the section, and its HTML is OneNote's output form.
    expect((await pagesIn(megan, section)).map((p) => p.title)).toEqual(['Campaign review']);
    const out = await contentOf(megan, made.body.id);
    expect(out).toContain('<meta name="created" content="2026-10-01T09:30:00.0000000" />');
    expect(out).toMatch(/<div data-id="_default" style="position:absolute;left:48px;top:120px;width:624px">\s*<h1 style="font-size:16pt;color:#1e4e79;margin-top:11pt;margin-bottom:11pt">Holiday campaign<\/h1>/);
    expect(out).toContain('<p>Budget is <span style="font-weight:bold">approved</span>, see the <a href="https://contoso.example/brief">brief</a>.</p>');
    expect(out).toContain('<p>Text in a div that carries nothing</p>');
    expect(out).toMatch(/<ul>\s*<li style="list-style-type:square">Posters<\/li>\s*<li style="list-style-type:square"><span style="font-style:italic">Radio<\/span><\/li>\s*<\/ul>/);
    expect(out).toMatch(/<table style="border:0px">\s*<tr>\s*<td style="border:0px;font-weight:bold">Channel<\/td>/);
    expect(out).toContain('<p data-id="note">Loose &amp; tidy</p>');
    expect(out).toContain('<pre>a  b\n  c</pre>');
    expect(out).not.toMatch(/script|alert|<form|<input|id="mine"/);
    expect(textOfHtml(out)).toBe('Holiday campaign Budget is approved , see the brief . Text in a div that carries nothing Posters Radio Channel Spend Print 12,000 Loose & tidy a b c');
  });

  it('keeps absolutely positioned divs and images of a data-absolute-enabled body as outlines of their own', async () => {
    const megan = await sb.graphAs(MEGAN, RW);
    const section = await scratchSection(sb, megan, 'Positions');
    const body = `<p>Loose <u>underlined</u> and <code>code()</code></p>
      <div data-id="side" style="position:absolute;left:700px;top:120px;width:200px;color:red"><p>Side note</p></div>
      <img style="position:absolute;left:48px;top:400px" src="data:image/png;base64,${PNG.toString('base64')}" />`;
    const made = await send(sb, megan, `/me/onenote/sections/${section}/pages`, 'POST', 'text/html', `<html><head><title>Layout</title></head><body data-absolute-enabled="true">${body}</body></html>`);
    expect(made.status).toBe(201);
    const out = await contentOf(megan, made.body.id);
    expect(out).toMatch(/<div data-id="_default" style="position:absolute;left:48px;top:120px;width:624px">\s*<p>Loose <span style="text-decoration:underline">underlined<\/span> and <span style="font-family:Consolas">code\(\)<\/span><\/p>\s*<\/div>/);
    expect(out).toMatch(/<div data-id="side" style="position:absolute;left:700px;top:120px;width:200px">\s*<p>Side note<\/p>\s*<\/div>/);
    expect(out).toMatch(/<img width="1" height="1" src="[^"]+" data-src-type="image\/png" data-fullres-src="[^"]+" data-fullres-src-type="image\/png" style="position:absolute;left:48px;top:400px" \/>/);
    // Without data-absolute-enabled, positions are ignored and everything goes into the default outline.
    const flat = await send(sb, megan, `/me/onenote/sections/${section}/pages`, 'POST', 'text/html', `<html><head><title>Flat</title></head><body>${body}</body></html>`);
    const flatOut = await contentOf(megan, flat.body.id);
    expect(flatOut.match(/<div /g)).toHaveLength(2);
    expect(flatOut).not.toContain('left:700px');
  });

  it('creates a page inside a JSON batch (the HTML base64-encoded, as Graph batches bodies that are not JSON)', async () => {
    const megan = await sb.graphAs(MEGAN, RW);
    const section = await scratchSection(sb, megan, 'Batch');
    const html = Buffer.from(page('Batched', '<p>From a batch</p>')).toString('base64');
    const r = await graph(sb, megan, '/$batch', { method: 'POST', body: { requests: [
      { id: '1', method: 'POST', url: `/me/onenote/sections/${section}/pages`, headers: { 'Content-Type': 'text/html' }, body: html },
      { id: '2', method: 'GET', url: `/me/onenote/sections/${section}/pages?$select=title`, dependsOn: ['1'] },
    ] } });
    expect(r.status).toBe(200);
    const [made, listed] = [...r.body.responses].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id));
    expect([made.status, made.body.title]).toEqual([201, 'Batched']);
    expect(listed.body.value).toEqual([{ title: 'Batched' }]);
  });

  it('keeps an image given as a data: URL as a resource of the page, with its size', async () => {
    const megan = await sb.graphAs(MEGAN, RW);
    const section = await scratchSection(sb, megan, 'Data URL image');
    const made = await send(sb, megan, `/me/onenote/sections/${section}/pages`, 'POST', 'application/xhtml+xml', page('Pixel', `<img src="data:image/png;base64,${PNG.toString('base64')}" alt="A pixel" width="40" />`));
    expect(made.status).toBe(201);
    const out = await contentOf(megan, made.body.id);
    const src = /<img alt="A pixel" width="40" height="40" src="([^"]+)" data-src-type="image\/png"/.exec(out);
    expect(src).not.toBeNull();
    const got = await bytesAt(src![1], megan);
    expect([got.status, got.type, got.bytes.equals(PNG)]).toEqual([200, 'image/png', true]);
  });

  it('creates from multipart: the Presentation part names an image part and a file part, whose bytes the page then serves', async () => {
    const megan = await sb.graphAs(MEGAN, RW);
    const section = await scratchSection(sb, megan, 'Multipart');
    const pdf = Buffer.from('%PDF-1.4 sandbox');
    const body = multipart([
      { name: 'Presentation', type: 'text/html', body: page('With parts', '<p>Chart:</p><img src="name:imageBlock1" alt="chart" /><object data-attachment="Brief.pdf" data="name:fileBlock1" type="application/pdf" />') },
      { name: 'imageBlock1', type: 'image/png', body: PNG },
      { name: 'fileBlock1', type: 'application/pdf', body: pdf },
    ]);
    const made = await send(sb, megan, `/me/onenote/sections/${section}/pages`, 'POST', MULTIPART, body);
    expect(made.status).toBe(201);
    const out = await contentOf(megan, made.body.id);
    const img = /<img alt="chart" width="1" height="1" src="([^"]+)"/.exec(out)!;
    expect((await bytesAt(img[1], megan)).bytes.equals(PNG)).toBe(true);
    const file = /<object data="([^"]+)" data-attachment="Brief.pdf" type="application\/pdf" \/>/.exec(out)!;
    const got = await bytesAt(file[1], megan);
    expect([got.type, got.bytes.equals(pdf)]).toEqual(['application/pdf', true]);
    // The documented /content form of a resource answers the same bytes as a stream.
    const stream = await bytesAt(file[1].replace(/\$value$/, 'content'), megan);
    expect([stream.type, stream.bytes.equals(pdf)]).toEqual(['application/octet-stream', true]);
  });

  it('takes images of several megabytes (OneNote takes pages up to 75 MB, more than other Graph bodies)', async () => {
    const megan = await sb.graphAs(MEGAN, RW);
    const section = await scratchSection(sb, megan, 'Large image');
    const photo = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024, 7)]);
    const body = multipart([{ name: 'Presentation', type: 'text/html', body: page('Photo', '<img src="name:photo" alt="photo" />') }, { name: 'photo', type: 'image/png', body: photo }]);
    const made = await send(sb, megan, `/me/onenote/sections/${section}/pages`, 'POST', MULTIPART, body);
    expect(made.status).toBe(201);
    const src = /<img alt="photo" width="1" height="1" src="([^"]+)"/.exec(await contentOf(megan, made.body.id))![1];
    expect((await bytesAt(src, megan)).bytes.equals(photo)).toBe(true);
  });

  it("takes a multipart body built by fetch's FormData (parts with file names)", async () => {
    const megan = await sb.graphAs(MEGAN, RW);
    const section = await scratchSection(sb, megan, 'FormData');
    const form = new FormData();
    form.append('Presentation', new Blob([page('From FormData', '<img src="name:pic" />')], { type: 'text/html' }));
    form.append('pic', new Blob([PNG], { type: 'image/png' }), 'pixel.png');
    const made = await send(sb, megan, `/me/onenote/sections/${section}/pages`, 'POST', null, form);
    expect(made.status).toBe(201);
    expect(await contentOf(megan, made.body.id)).toMatch(/<img width="1" height="1" src="[^"]+" data-src-type="image\/png"/);
  });

  it('POST /onenote/pages: the default section, or the section sectionName names (made when missing, matched in any case)', async () => {
    const patti = await sb.graphAs(PATTI, RW);
    const plain = await send(sb, patti, '/me/onenote/pages', 'POST', 'text/html', page('Quick thought', '<p>Idea</p>'));
    expect(plain.status).toBe(201);
    expect(plain.body.parentSection.displayName).toBe('Quick Notes');
    const named = await send(sb, patti, '/me/onenote/pages?sectionName=Board%20Prep', 'POST', 'text/html', page('Agenda', '<p>Q4</p>'));
    const again = await send(sb, patti, '/me/onenote/pages?sectionName=board%20prep', 'POST', 'text/html', page('Minutes', '<p>Q4</p>'));
    expect(named.body.parentSection.id).toBe(again.body.parentSection.id);
    const section = await graph(sb, patti, `/me/onenote/sections/${named.body.parentSection.id}`);
    expect(section.body).toMatchObject({ displayName: 'Board Prep', parentNotebook: { displayName: 'Patti @ Contoso' }, parentSectionGroup: null });
    expect((await pagesIn(patti, section.body.id)).map((p) => p.title).sort()).toEqual(['Agenda', 'Minutes']);
  });
});

describe('OneNote refusals', () => {
  it("refuses the bodies OneNote refuses, with its codes, and makes no page", async () => {
    const megan = await sb.graphAs(MEGAN, RW);
    const section = await scratchSection(sb, megan, 'Refusals');
    const post = (type: string | null, body: string | Buffer) => send(sb, megan, `/me/onenote/sections/${section}/pages`, 'POST', type, body);
    const html = page('Refused', '<p>x</p>');
    const cases: [string, Promise<Awaited<ReturnType<typeof post>>>, number, string][] = [
      ['no body', post('text/html', ''), 400, '20132'],
      // Bytes, as fetch sends a string with a text/plain type of its own.
      ['no Content-Type', post(null, Buffer.from(html)), 400, '20132'],
      ['JSON', post('application/json', JSON.stringify({ title: 'x' })), 400, '20131'],
      ['plain text', post('text/plain', 'hello'), 400, '20131'],
      ['name: without multipart', post('text/html', page('x', '<img src="name:pic" />')), 400, '20110'],
      ['bad created', post('text/html', page('x', '<p>x</p>', '<meta name="created" content="next Tuesday" />')), 400, '20007'],
      ['no Presentation', post(MULTIPART, multipart([{ name: 'pic', type: 'image/png', body: PNG }])), 400, '20001'],
      ['two Presentations', post(MULTIPART, multipart([{ name: 'Presentation', type: 'text/html', body: html }, { name: 'presentation', type: 'text/html', body: html }])), 400, '20002'],
      ['Presentation not HTML', post(MULTIPART, multipart([{ name: 'Presentation', type: 'text/plain', body: 'x' }])), 400, '20003'],
      ['duplicate names', post(MULTIPART, multipart([{ name: 'Presentation', type: 'text/html', body: html }, { name: 'pic', type: 'image/png', body: PNG }, { name: 'pic', type: 'image/png', body: PNG }])), 400, '20009'],
      ['no disposition', post(MULTIPART, multipart([{ name: 'Presentation', type: 'text/html', body: html }, { name: 'pic', type: 'image/png', body: PNG, noDisposition: true }])), 400, '20010'],
      ['not closed', post(MULTIPART, multipart([{ name: 'Presentation', type: 'text/html', body: html }], true)), 400, '20011'],
      ['part without type', post(MULTIPART, multipart([{ name: 'Presentation', type: 'text/html', body: html }, { name: 'pic', type: null, body: PNG }])), 400, '20012'],
      ['missing part', post(MULTIPART, multipart([{ name: 'Presentation', type: 'text/html', body: page('x', '<img src="name:nowhere" />') }])), 400, '20130'],
      ['no boundary', post('multipart/form-data', 'x'), 400, '20011'],
    ];
    for (const [what, call, status, code] of cases) {
      const r = await call;
      expect([what, r.status, r.body.error?.code]).toEqual([what, status, code]);
    }
    expect(await pagesIn(megan, section)).toEqual([]);
    // What OneNote takes all the same: HTML without a body element, a fragment without a head.
    const noBody = await post('text/html', '<html><head><title>No body</title></head><p>Just a paragraph</p></html>');
    const fragment = await post('text/html', '<h2>Only a heading</h2>');
    expect([noBody.status, noBody.body.title, fragment.status, fragment.body.title]).toEqual([201, 'No body', 201, '']);
    expect(textOfHtml(await contentOf(megan, noBody.body.id))).toBe('Just a paragraph');
    expect(textOfHtml(await contentOf(megan, fragment.body.id))).toBe('Only a heading');
    const elsewhere = await send(sb, megan, '/me/onenote/sections/1-00000000-0000-0000-0000-000000000000/pages', 'POST', 'text/html', html);
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([404, '20102']);
  });

  it('creates notebooks, section groups and sections with checked names, refusing what OneNote refuses', async () => {
    const megan = await sb.graphAs(MEGAN, RW);
    const notebook = await graph(sb, megan, '/me/onenote/notebooks', { method: 'POST', body: { displayName: 'Launch 2027' } });
    expect(notebook.status).toBe(201);
    expect(notebook.body).toMatchObject({ displayName: 'Launch 2027', isDefault: false, userRole: 'Owner', isShared: false });
    expect(notebook.body['@odata.context']).toMatch(/\/onenote\/notebooks\/\$entity$/);
    const sections = `/me/onenote/notebooks/${notebook.body.id}/sections`;
    const made = await graph(sb, megan, sections, { method: 'POST', body: { displayName: 'Plans' } });
    expect([made.status, made.body.displayName, made.body.parentNotebook.id]).toEqual([201, 'Plans', notebook.body.id]);
    const group = await graph(sb, megan, `/me/onenote/notebooks/${notebook.body.id}/sectionGroups`, { method: 'POST', body: { displayName: 'Regions' } });
    const inGroup = await graph(sb, megan, `/me/onenote/sectionGroups/${group.body.id}/sections`, { method: 'POST', body: { displayName: 'EMEA' } });
    expect(inGroup.body.parentSectionGroup).toMatchObject({ id: group.body.id, displayName: 'Regions' });
    const refused: [string, unknown, number, string][] = [
      [sections, { displayName: 'plans' }, 409, '20117'],
      [sections, { displayName: 'Q&A' }, 400, '20153'],
      [sections, { displayName: ' Leading' }, 400, '20154'],
      [sections, { displayName: 'x'.repeat(51) }, 400, '20155'],
      [sections, { displayName: '   ' }, 400, '20152'],
      [sections, {}, 400, '20152'],
      ['/me/onenote/notebooks', { displayName: "Megan's" }, 400, '20115'],
      ['/me/onenote/notebooks', { displayName: 'launch 2027' }, 409, '20117'],
      ['/me/onenote/notebooks', { displayName: 'n'.repeat(129) }, 400, '20155'],
    ];
    for (const [path, body, status, code] of refused) {
      const r = await graph(sb, megan, path, { method: 'POST', body });
      expect([path, JSON.stringify(body), r.status, r.body.error?.code]).toEqual([path, JSON.stringify(body), status, code]);
    }
    const listed = await graph(sb, megan, sections);
    expect(listed.body.value.map((s: { displayName: string }) => s.displayName)).toEqual(['Plans']);
  });
});
