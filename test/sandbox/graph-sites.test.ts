// SharePoint sites in the sandbox over real HTTP: finding the sites a person may open by words, a site by composite
// id, by Graph's path addressing ({host}:/sites/{name}), by host and as root, $select, and who is refused what.
import { describe, expect, it } from 'vitest';
import { ADELE, graph, upn, useSandbox } from '../fixtures.js';
import { demoDirectory, SHAREPOINT_HOST } from '../../src/sandbox/testing.js';

const sb = useSandbox();
const sites = demoDirectory().sites;
const siteNamed = (name: string) => sites.find((s) => s.name === name)!;

describe('finding sites', () => {
  it('lists only the sites a person may open, for search=* and without a search', async () => {
    const adele = await sb.graphAs(ADELE, 'Sites.Read.All');
    const all = await graph(sb, adele, '/sites?search=*');
    expect(all.status).toBe(200);
    // She is a member of Sales and, like everyone, a visitor of the intranet; Engineering, Marketing and Finance are closed to her.
    expect(all.body.value.map((s: any) => s.name).sort()).toEqual(['Intranet', 'Sales']);
    expect((await graph(sb, adele, '/sites')).body.value.map((s: any) => s.name).sort()).toEqual(['Intranet', 'Sales']);
    const patti = await sb.graphAs(upn('patti.fernandez'), 'Sites.Read.All');
    expect((await graph(sb, patti, '/sites?search=*')).body.value).toHaveLength(sites.length);
  });

  it('matches every word against name, display name and description, ignoring case', async () => {
    const patti = await sb.graphAs(upn('patti.fernandez'), 'Sites.Read.All');
    const names = async (q: string) => (await graph(sb, patti, `/sites?search=${encodeURIComponent(q)}`)).body.value.map((s: any) => s.name);
    expect(await names('PIPELINE proposals')).toEqual(['Sales']); // description words
    expect(await names('contoso intranet')).toEqual(['Intranet']); // display name
    expect(await names('engineering')).toEqual(['Engineering']); // name
    expect(await names('budgets restricted')).toEqual(['Finance']);
    expect(await names('pipeline budgets')).toEqual([]); // every word must appear in one site
    const adele = await sb.graphAs(ADELE, 'Sites.Read.All');
    expect((await graph(sb, adele, '/sites?search=budgets')).body.value).toEqual([]); // Finance exists but is not hers to see
  });

  it('pages with $top and shapes with $select', async () => {
    const patti = await sb.graphAs(upn('patti.fernandez'), 'Sites.Read.All');
    const first = await graph(sb, patti, '/sites?search=*&$top=2&$select=id,displayName');
    expect(first.body.value).toHaveLength(2);
    for (const s of first.body.value) expect(Object.keys(s).sort()).toEqual(['displayName', 'id']);
    const rest = await graph(sb, patti, first.body['@odata.nextLink'].replace(/^https?:\/\/[^/]+\/v1\.0/, ''));
    expect([...first.body.value, ...rest.body.value].length).toBeLessThanOrEqual(sites.length);
  });
});

describe('one site', () => {
  it('by composite id, by host and path, by host alone and as root, all the same JSON', async () => {
    const adele = await sb.graphAs(ADELE, 'Sites.Read.All');
    const sales = siteNamed('Sales');
    const byId = await graph(sb, adele, `/sites/${sales.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({
      id: sales.id, name: 'Sales', displayName: 'Sales', description: sales.description, webUrl: `https://${SHAREPOINT_HOST}/sites/Sales`,
      createdDateTime: sales.createdDateTime, lastModifiedDateTime: expect.any(String), isPersonalSite: false, siteCollection: { hostname: SHAREPOINT_HOST },
    });
    expect(byId.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#sites/$entity');
    const byPath = await graph(sb, adele, `/sites/${SHAREPOINT_HOST}:/sites/Sales`);
    expect(byPath.body.id).toBe(sales.id);
    expect((await graph(sb, adele, `/sites/${SHAREPOINT_HOST}:/sites/sales:`)).body.id).toBe(sales.id); // closing colon, other case
    expect((await graph(sb, adele, `/sites/${SHAREPOINT_HOST},${sales.id.split(',')[1]},${sales.id.split(',')[2]}`)).body.id).toBe(sales.id);
    // The colon path is percent-decoded once: %53 is an S, %2553 stays the text '%53'.
    expect((await graph(sb, adele, `/sites/${SHAREPOINT_HOST}:/sites/%53ales`)).body.id).toBe(sales.id);
    expect((await graph(sb, adele, `/sites/${SHAREPOINT_HOST}:/sites/%2553ales`)).body.error.code).toBe('itemNotFound');
    const intranet = siteNamed('Intranet');
    for (const root of ['/sites/root', `/sites/${SHAREPOINT_HOST}`, `/sites/${SHAREPOINT_HOST}:/`]) expect((await graph(sb, adele, root)).body.id, root).toBe(intranet.id);
  });

  it('$select on a site, Graph-only properties included', async () => {
    const adele = await sb.graphAs(ADELE, 'Sites.Read.All');
    const r = await graph(sb, adele, '/sites/root?$select=displayName,webUrl,sharepointIds');
    expect(r.body).toEqual({ '@odata.context': expect.stringContaining('sites(displayName,webUrl,sharepointIds)'), displayName: 'Contoso Intranet', webUrl: siteNamed('Intranet').webUrl, sharepointIds: null });
    expect((await graph(sb, adele, '/sites/root?$select=colour')).status).toBe(400);
  });

  it('refuses a person with no role (403 accessDenied) and names no unknown site (404 itemNotFound)', async () => {
    const adele = await sb.graphAs(ADELE, 'Sites.Read.All');
    const finance = siteNamed('Finance');
    for (const path of [`/sites/${finance.id}`, `/sites/${SHAREPOINT_HOST}:/sites/Finance`, `/sites/${finance.id}/lists`]) {
      const r = await graph(sb, adele, path);
      expect(r.status, path).toBe(403);
      expect(r.body.error).toMatchObject({ code: 'accessDenied', message: 'Access denied' });
    }
    for (const path of [`/sites/${SHAREPOINT_HOST}:/sites/Nowhere`, `/sites/${SHAREPOINT_HOST},00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000`, '/sites/elsewhere.sharepoint.com:/sites/Sales']) {
      const r = await graph(sb, adele, path);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe('itemNotFound');
    }
    // Finance's members and visitors do get in.
    expect((await graph(sb, await sb.graphAs(upn('nestor.wilke'), 'Sites.Read.All'), `/sites/${finance.id}`)).status).toBe(200);
    expect((await graph(sb, await sb.graphAs(upn('patti.fernandez'), 'Sites.Read.All'), `/sites/${finance.id}`)).status).toBe(200);
  });

  it('needs a Sites permission: Sites.Read.All, or one that includes it', async () => {
    for (const scope of ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All']) {
      expect((await graph(sb, await sb.graphAs(ADELE, scope), '/sites/root')).status, scope).toBe(200);
    }
    for (const scope of ['Files.Read', 'User.Read']) {
      const r = await graph(sb, await sb.graphAs(ADELE, scope), '/sites?search=*');
      expect(r.status, scope).toBe(403);
      expect(r.body.error.code).toBe('Authorization_RequestDenied');
    }
  });
});
