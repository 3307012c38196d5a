// The sandbox's sites, lists, columns and list items against Microsoft's description of Graph: every property
// they carry exists on its CSDL type with the right JSON type, and the responses have the status codes and keys
// of the documented samples of these routes.
import { describe, expect, it } from 'vitest';
import { Csdl, findSample, loadSamples, documentedKeys as documentedKeysOf } from './csdl.js';
import { allPages, graph, upn, useSandbox } from '../fixtures.js';
import { demoDirectory, SEEDED_LISTS } from '../../src/sandbox/testing.js';

const csdl = Csdl.load();
const samples = loadSamples();
const sb = useSandbox();
const sites = demoDirectory().sites;
const documentedKeys = (method: string, url: string) => documentedKeysOf(samples, method, url);

describe('sites, lists, columns and items against the CSDL and the documented samples', () => {
  it('sites: every property real and well typed, the documented keys present', async () => {
    const patti = await sb.graphAs(upn('patti.fernandez'), 'Sites.Read.All');
    const all = await graph(sb, patti, '/sites?search=*');
    expect(all.status).toBe(findSample(samples, 'GET', '/sites?search=*').response.statusCode);
    for (const s of all.body.value) expect(csdl.problems('microsoft.graph.site', s)).toEqual([]);
    const one = await graph(sb, patti, `/sites/${sites[1].id}`);
    for (const k of documentedKeys('GET', '/sites/*')) expect(one.body, k).toHaveProperty(k);
    for (const k of documentedKeys('GET', '/sites')) expect(all.body.value[0], k).toHaveProperty(k);
    const selectAll = await graph(sb, patti, '/sites/root?$select=*');
    expect(csdl.problems('microsoft.graph.site', selectAll.body)).toEqual([]);
  });

  it('lists, columns and items of every seeded list', async () => {
    const patti = await sb.graphAs(upn('patti.fernandez'), 'Sites.Read.All');
    for (const site of sites) {
      const lists = await graph(sb, patti, `/sites/${site.id}/lists?$expand=columns`);
      expect(lists.status).toBe(findSample(samples, 'GET', '/sites/*/lists').response.statusCode);
      for (const l of lists.body.value) {
        const { columns, ...list } = l;
        expect(csdl.problems('microsoft.graph.list', list), l.displayName).toEqual([]);
        for (const k of documentedKeys('GET', '/sites/*/lists')) expect(list, k).toHaveProperty(k);
        for (const c of columns) expect(csdl.problems('microsoft.graph.columnDefinition', c), `${l.displayName}/${c.name}`).toEqual([]);
      }
    }
    for (const seeded of SEEDED_LISTS) {
      const base = `/sites/${sites.find((s) => s.name === seeded.site)!.id}/lists/${seeded.list}`;
      const columns = await graph(sb, patti, `${base}/columns`);
      for (const k of documentedKeys('GET', '/sites/*/lists/*/columns')) expect(columns.body.value[0], k).toHaveProperty(k);
      const items = await allPages(sb, patti, `${base}/items?$expand=fields`);
      for (const i of items) {
        const { fields, ...item } = i;
        expect(csdl.problems('microsoft.graph.listItem', item)).toEqual([]);
        // fieldValueSet is an open type: the columns are its dynamic properties.
        expect(typeof fields).toBe('object');
      }
    }
  });

  it('writes answer with the documented status codes and keys', async () => {
    const lee = await sb.graphAs(upn('lee.gu'), 'Sites.ReadWrite.All');
    const items = `/sites/${sites.find((s) => s.name === 'Engineering')!.id}/lists/Project Tracker/items`;
    const made = await graph(sb, lee, items, { method: 'POST', body: { fields: { Title: 'Fidelity' } } });
    expect(made.status).toBe(findSample(samples, 'POST', '/sites/*/lists/*/items').response.statusCode);
    for (const k of documentedKeys('POST', '/sites/*/lists/*/items')) expect(made.body, k).toHaveProperty(k);
    const { fields, ...item } = made.body;
    expect(csdl.problems('microsoft.graph.listItem', item)).toEqual([]);
    expect(fields.Title).toBe('Fidelity');
    const patched = await graph(sb, lee, `${items}/${made.body.id}/fields`, { method: 'PATCH', body: { Title: 'Fidelity 2' } });
    expect(patched.status).toBe(findSample(samples, 'PATCH', '/sites/*/lists/*/items/*/fields').response.statusCode);
    const got = await graph(sb, lee, `${items}/${made.body.id}?$expand=fields`);
    for (const k of documentedKeys('GET', '/sites/*/lists/*/items/*?expand=*')) expect(got.body, k).toHaveProperty(k);
    const gone = await graph(sb, lee, `${items}/${made.body.id}`, { method: 'DELETE' });
    expect(gone.status).toBe(findSample(samples, 'DELETE', '/sites/*/lists/*/items/*').response.statusCode);
  });
});
