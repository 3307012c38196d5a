// The OneNote workload against Microsoft's description of Graph: every property of its notebooks, section groups,
// sections and pages exists on its CSDL type with the right JSON type (the parents a default query expands are
// navigation properties of the type, checked as their own types), and the routes answer with the status codes and
// keys of the documented samples. Where a sample's status contradicts the reference text (creating a page or a
// section group: the samples say 200, the reference pages 201 Created), the sandbox follows the reference.
import { describe, expect, it } from 'vitest';
import { Csdl, findSample, loadSamples, documentedKeys as documentedKeysOf } from './csdl.js';
import { ADELE, allPages, graph, useSandbox } from '../fixtures.js';
import { scratchSection, send } from '../support/onenote.js';

const csdl = Csdl.load();
const samples = loadSamples();
const sb = useSandbox();
type Rec = Record<string, unknown>;

/** The documented sample's property names (annotations and the page's `content` stream, never sent as JSON, left out). */
const documentedKeys = (method: string, url: string) => documentedKeysOf(samples, method, url).filter((k) => k !== 'content');

/** An entity's problems against its type; its expanded parents checked against theirs, as navigation properties. */
function problems(type: string, item: Rec): string[] {
  const parents: Record<string, string> = { parentSection: 'microsoft.graph.onenoteSection', parentNotebook: 'microsoft.graph.notebook', parentSectionGroup: 'microsoft.graph.sectionGroup' };
  const own = Object.fromEntries(Object.entries(item).filter(([k]) => !(k.replace(/@odata\.context$/, '') in parents)));
  const out = csdl.problems(type, own);
  for (const [name, parentType] of Object.entries(parents)) {
    if (!(name in item)) continue;
    if (!csdl.navigation(type).has(name)) out.push(`${name}: not a navigation property of ${type}`);
    if (item[name] !== null) out.push(...csdl.problems(parentType, item[name] as Rec));
    expect(item[`${name}@odata.context`]).toMatch(new RegExp(`/${name}\\(id,displayName,self\\)/\\$entity$`));
  }
  return out;
}

describe('OneNote against the CSDL and the documented samples', () => {
  it('notebooks, section groups and sections: real, well-typed properties and the documented keys', async () => {
    const who = await sb.graphAs(ADELE, 'Notes.Read');
    const checks: [string, string, string][] = [
      ['/me/onenote/notebooks', 'GET /me/onenote/notebooks', 'microsoft.graph.notebook'],
      ['/me/onenote/sectionGroups', 'GET /me/onenote/sectionGroups', 'microsoft.graph.sectionGroup'],
      ['/me/onenote/sections', 'GET /me/onenote/sections', 'microsoft.graph.onenoteSection'],
    ];
    for (const [path, route, type] of checks) {
      const r = await graph(sb, who, path);
      const [method, url] = route.split(' ');
      expect(r.status).toBe(findSample(samples, method, url).response.statusCode);
      expect(r.body.value.length).toBeGreaterThan(0);
      for (const item of r.body.value) expect(problems(type, item)).toEqual([]);
      for (const k of documentedKeys(method, url)) expect(r.body.value[0], `${route} ${k}`).toHaveProperty(k);
      const one = await graph(sb, who, `${path}/${r.body.value[0].id}`);
      expect(one.status).toBe(findSample(samples, 'GET', `${url}/*`).response.statusCode);
      expect(problems(type, one.body)).toEqual([]);
      for (const k of documentedKeys('GET', `${url}/*`)) expect(one.body, `${url}/* ${k}`).toHaveProperty(k);
      // Every property Graph's type has may be selected, held or not.
      const everything = await graph(sb, who, `${path}?$select=*`);
      for (const item of everything.body.value) expect(csdl.problems(type, item)).toEqual([]);
    }
  });

  it('pages: real, well-typed properties and the documented keys, with pagelevel too', async () => {
    const who = await sb.graphAs(ADELE, 'Notes.Read');
    const pages = await allPages(sb, who, '/me/onenote/pages');
    for (const p of pages) expect(problems('microsoft.graph.onenotePage', p)).toEqual([]);
    for (const k of documentedKeys('GET', '/me/onenote/pages')) expect(pages[0], k).toHaveProperty(k);
    const one = await graph(sb, who, `/me/onenote/pages/${pages[0].id}?pagelevel=true`);
    expect(one.status).toBe(findSample(samples, 'GET', '/me/onenote/pages/*').response.statusCode);
    expect(problems('microsoft.graph.onenotePage', one.body)).toEqual([]);
    expect(one.body).toHaveProperty('level');
    const section = pages[0].parentSection.id;
    const inSection = await graph(sb, who, `/me/onenote/sections/${section}/pages`);
    expect(inSection.status).toBe(findSample(samples, 'GET', '/me/onenote/sections/*/pages').response.statusCode);
    for (const k of documentedKeys('GET', '/me/onenote/sections/*/pages')) expect(inSection.body.value[0], k).toHaveProperty(k);
    const resource = /src="([^"]+\/resources\/([^/]+)\/\$value)"/.exec((await send(sb, who, `/me/onenote/pages/${pages.find((p) => /weekly sync/.test(p.title))!.id}/content`, 'GET', null, '')).text as string)!;
    const bytes = await send(sb, who, `/me/onenote/resources/${resource[2]}/content`, 'GET', null, '');
    expect([bytes.status, bytes.headers.get('content-type')]).toEqual([200, findSample(samples, 'GET', '/me/onenote/resources/*/content').response.headers!.find((h) => h.name === 'Content-Type')!.value]);
  });

  it('writes: the documented status codes and keys', async () => {
    const who = await sb.graphAs(ADELE, 'Notes.ReadWrite');
    const notebook = await graph(sb, who, '/me/onenote/notebooks', { method: 'POST', body: { displayName: 'Fidelity' } });
    expect(notebook.status).toBe(findSample(samples, 'POST', '/me/onenote/notebooks').response.statusCode);
    expect(problems('microsoft.graph.notebook', notebook.body)).toEqual([]);
    for (const k of documentedKeys('POST', '/me/onenote/notebooks')) expect(notebook.body, k).toHaveProperty(k);
    const section = await graph(sb, who, `/me/onenote/notebooks/${notebook.body.id}/sections`, { method: 'POST', body: { displayName: 'One' } });
    expect(section.status).toBe(findSample(samples, 'POST', '/me/onenote/notebooks/*/sections').response.statusCode);
    for (const k of documentedKeys('POST', '/me/onenote/notebooks/*/sections')) expect(section.body, k).toHaveProperty(k);
    const group = await graph(sb, who, `/me/onenote/notebooks/${notebook.body.id}/sectionGroups`, { method: 'POST', body: { displayName: 'Group' } });
    expect([group.status, findSample(samples, 'POST', '/me/onenote/notebooks/*/sectionGroups').response.statusCode]).toEqual([201, 200]);
    for (const k of documentedKeys('POST', '/me/onenote/notebooks/*/sectionGroups')) expect(group.body, k).toHaveProperty(k);
    const sectionId = await scratchSection(sb, who, 'Fidelity pages');
    const page = await send(sb, who, `/me/onenote/sections/${sectionId}/pages`, 'POST', 'text/html', '<html><head><title>Fidelity</title></head><body><p>x</p></body></html>');
    expect([page.status, findSample(samples, 'POST', '/me/onenote/sections/*/pages').response.statusCode]).toEqual([201, 200]);
    expect(problems('microsoft.graph.onenotePage', page.body)).toEqual([]);
    for (const k of documentedKeys('POST', '/me/onenote/sections/*/pages')) expect(page.body, k).toHaveProperty(k);
    // The commands' shape is Graph's onenotePatchContentCommand.
    const command = { target: 'body', action: 'Append', position: 'After', content: '<p>y</p>' };
    expect(csdl.problems('microsoft.graph.onenotePatchContentCommand', command)).toEqual([]);
    const patched = await graph(sb, who, `/me/onenote/pages/${page.body.id}/content`, { method: 'PATCH', body: [command] });
    expect(patched.status).toBe(findSample(samples, 'PATCH', '/me/onenote/pages/*/content').response.statusCode);
    const deleted = await graph(sb, who, `/me/onenote/pages/${page.body.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(findSample(samples, 'DELETE', '/me/onenote/pages/*').response.statusCode);
  });
});
