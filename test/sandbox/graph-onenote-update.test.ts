// Changing OneNote pages over real HTTP (Notes.ReadWrite): PATCH .../content with OneNote's change objects
// (append, prepend, insert, replace on #data-id, generated ids, body and title), as JSON and as multipart with an
// image part; OneNote's refusals, applying nothing when one change fails; deleting a page and its resources.
import { beforeAll, describe, expect, it } from 'vitest';
import { BEN, graph, type GraphAs, useSandbox } from '../fixtures.js';
import { bytesAt, multipart, MULTIPART, scratchSection, send, textOfHtml } from '../support/onenote.js';

const sb = useSandbox();
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
let ben: GraphAs;
let section: string;
beforeAll(async () => {
  ben = await sb.graphAs(BEN, 'Notes.ReadWrite');
  section = await scratchSection(sb, ben, 'Updates');
});

const newPage = async (body: string) => {
  const r = await send(sb, ben, `/me/onenote/sections/${section}/pages`, 'POST', 'text/html', `<html><head><title>Plan</title></head><body>${body}</body></html>`);
  if (r.status !== 201) throw new Error(`${r.status} ${r.text}`);
  return r.body.id as string;
};
const content = async (id: string, ids = false) => (await send(sb, ben, `/me/onenote/pages/${id}/content${ids ? '?includeIDs=true' : ''}`, 'GET', null, '')).text as string;
const patch = (id: string, commands: unknown) => graph(sb, ben, `/me/onenote/pages/${id}/content`, { method: 'PATCH', body: commands });

describe('OneNote page updates', () => {
  it('appends, prepends and inserts by data-id and body, replaces the title, answering 204', async () => {
    const id = await newPage('<p data-id="intro">Intro</p><ul data-id="todo"><li>First</li></ul>');
    const before = (await graph(sb, ben, `/me/onenote/pages/${id}`)).body.lastModifiedDateTime;
    const r = await patch(id, [
      { target: '#todo', action: 'append', content: '<li>Last</li>' },
      { target: '#todo', action: 'prepend', content: '<li>Zeroth</li>' },
      { target: '#intro', action: 'insert', position: 'before', content: '<h2>Heading</h2>' },
      { target: '#intro', action: 'insert', content: '<p>After the intro</p>' },
      { target: 'body', action: 'append', content: '<p data-id="end">The end</p>' },
      { target: 'title', action: 'replace', content: 'Plan, revised' },
    ]);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    const html = await content(id);
    expect(html).toContain('<title>Plan, revised</title>');
    expect(textOfHtml(html)).toBe('Heading Intro After the intro Zeroth First Last The end');
    expect(html).toMatch(/<h2 style="font-size:14pt[^"]*">Heading<\/h2>\s*<p data-id="intro">Intro<\/p>/);
    const meta = (await graph(sb, ben, `/me/onenote/pages/${id}`)).body;
    expect(meta.title).toBe('Plan, revised');
    expect(Date.parse(meta.lastModifiedDateTime)).toBeGreaterThanOrEqual(Date.parse(before));
  });

  it('replaces an element by its generated id (GET ...?includeIDs=true), and images by data-id too', async () => {
    const id = await newPage(`<p>Old paragraph</p><img data-id="logo" src="data:image/png;base64,${PNG.toString('base64')}" />`);
    const html = await content(id, true);
    const pid = /<p id="([^"]+)">Old paragraph<\/p>/.exec(html)![1];
    const oldImage = /src="([^"]+)"/.exec(html)![1];
    expect((await patch(id, [{ target: pid, action: 'replace', content: '<p>New paragraph</p>' }])).status).toBe(204);
    expect((await patch(id, [{ target: '#logo', action: 'replace', content: '<p data-id="logo-gone">No logo</p>' }])).status).toBe(204);
    const after = await content(id);
    expect(textOfHtml(after)).toBe('New paragraph No logo');
    expect(after).not.toContain('<img');
    // The image went with its element.
    expect((await bytesAt(oldImage, ben)).status).toBe(404);
  });

  it('takes a multipart PATCH: a Commands part and the image part its HTML names', async () => {
    const id = await newPage('<div data-id="box"><p>Box</p></div>');
    const body = multipart([
      { name: 'Commands', type: 'application/json', body: JSON.stringify([{ target: '#box', action: 'append', content: '<img src="name:pic" alt="added" />' }]) },
      { name: 'pic', type: 'image/png', body: PNG },
    ]);
    const r = await send(sb, ben, `/me/onenote/pages/${id}/content`, 'PATCH', MULTIPART, body);
    expect(r.status).toBe(204);
    const src = /<img alt="added" width="1" height="1" src="([^"]+)"/.exec(await content(id))![1];
    expect((await bytesAt(src, ben)).bytes.equals(PNG)).toBe(true);
    const noCommands = await send(sb, ben, `/me/onenote/pages/${id}/content`, 'PATCH', MULTIPART, multipart([{ name: 'pic', type: 'image/png', body: PNG }]));
    expect([noCommands.status, noCommands.body.error.code]).toEqual([400, '20124']);
  });

  it('refuses what OneNote refuses, applying none of the changes of a refused request', async () => {
    const id = await newPage('<p data-id="para">Keep me</p><ol data-id="list"><li>One</li></ol>');
    const before = await content(id);
    const refused: [string, unknown, string][] = [
      ['not an array', { target: '#para', action: 'append', content: 'x' }, '20109'],
      ['empty', [], '20125'],
      ['unknown action', [{ target: '#para', action: 'delete', content: '' }], '20122'],
      ['no target', [{ action: 'append', content: '<li>x</li>' }], '20121'],
      ['bad position', [{ target: '#list', action: 'append', position: 'middle', content: '<li>x</li>' }], '20121'],
      ['missing target', [{ target: '#nowhere', action: 'insert', content: '<p>x</p>' }], '20120'],
      ['append to a paragraph', [{ target: '#para', action: 'append', content: 'x' }], '20138'],
      ['replace a paragraph by data-id', [{ target: '#para', action: 'replace', content: '<p>x</p>' }], '20141'],
      ['title not replaced', [{ target: 'title', action: 'append', content: 'x' }], '20141'],
      ['a good change, then a bad one', [{ target: '#list', action: 'append', content: '<li>Two</li>' }, { target: '#nowhere', action: 'append', content: 'x' }], '20120'],
    ];
    for (const [what, body, code] of refused) {
      const r = await patch(id, body);
      expect([what, r.status, r.body.error?.code]).toEqual([what, 400, code]);
    }
    expect(await content(id)).toBe(before);
    const missing = await patch('1-00000000000000000000000000000000!1-00000000-0000-0000-0000-000000000000', [{ target: 'title', action: 'replace', content: 'x' }]);
    expect([missing.status, missing.body.error.code]).toEqual([404, '20102']);
  });

  it('deletes a page (204): it and its resources are gone, its section lists it no more', async () => {
    const id = await newPage(`<p>Short-lived</p><img src="data:image/png;base64,${PNG.toString('base64')}" />`);
    const image = /src="([^"]+)"/.exec(await content(id))![1];
    expect((await graph(sb, ben, `/me/onenote/pages/${id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await graph(sb, ben, `/me/onenote/pages/${id}`);
    expect([gone.status, gone.body.error.code]).toEqual([404, '20102']);
    expect((await bytesAt(image, ben)).status).toBe(404);
    const listed = await graph(sb, ben, `/me/onenote/sections/${section}/pages?$select=id&$top=100`);
    expect(listed.body.value.map((p: { id: string }) => p.id)).not.toContain(id);
  });
});
