// The sandbox against Microsoft's own description of Graph: every property it returns for users (and the
// organization) exists on the CSDL entity type with the right JSON type, and its responses have the status,
// keys and @odata annotations of the documented samples where those samples are representative.
import { beforeAll, describe, expect, it } from 'vitest';
import { Csdl, findSample, hasSample, loadSamples, type DocSample } from './csdl.js';
import { ADELE, EVENTUAL, graph, type GraphAs, idOf, useSandbox } from '../fixtures.js';
import { demoUsers } from '../../src/sandbox/testing.js';

const USER = 'microsoft.graph.user';
const csdl = Csdl.load();
const samples = loadSamples();
const userProps = csdl.properties(USER);
/** Fields of the seed that are its own bookkeeping, not Graph properties. */
const SEED_INTERNAL = ['managerId', 'timeZone'];

const sb = useSandbox();
let token: GraphAs;
beforeAll(async () => {
  token = await sb.graphAs(ADELE, 'User.Read User.Read.All');
});

const problems = (type: string, obj: Record<string, unknown>) => csdl.problems(type, obj);
const sample = (method: string, url: string): DocSample => findSample(samples, method, url);
const keys = (o: object) => Object.keys(o).sort();
const annotations = (o: object) => Object.keys(o).filter((k) => k.startsWith('@odata.')).sort();

describe('properties against the CSDL', () => {
  it('the CSDL knows microsoft.graph.user with its base types', () => {
    expect(userProps.get('id')).toMatchObject({ type: 'Edm.String', nullable: false });
    expect(userProps.get('deletedDateTime')?.type).toBe('Edm.DateTimeOffset');
    expect(userProps.get('businessPhones')?.type).toBe('Collection(Edm.String)');
    expect(csdl.navigation(USER).has('manager')).toBe(true);
  });

  it('every user of every page, by default, has only real properties of the right JSON type', async () => {
    const r = await graph(sb, token, '/users?$top=999');
    expect(r.body.value).toHaveLength(demoUsers().length);
    for (const u of r.body.value) expect(problems(USER, u), u.userPrincipalName).toEqual([]);
  });

  it('$select of each property of microsoft.graph.user either works with the right type or is refused by name', async () => {
    const supported: string[] = [];
    for (const name of userProps.keys()) {
      const r = await graph(sb, token, `/users?$top=999&$select=${name}`);
      if (r.status === 400) {
        expect(r.body.error.message).toBe(`Could not find a property named '${name}' on type '${USER}'.`);
        continue;
      }
      expect(r.status, name).toBe(200);
      supported.push(name);
      for (const u of r.body.value) {
        expect(Object.keys(u), name).toEqual([name]);
        expect(problems(USER, u), name).toEqual([]);
      }
    }
    // Everything the seed holds is selectable, and nothing of the seed's own bookkeeping is.
    const held = Object.keys(demoUsers()[0]).filter((k) => !SEED_INTERNAL.includes(k));
    expect(supported).toEqual(expect.arrayContaining(held));
    expect(supported.length).toBeGreaterThan(held.length);
  });

  it('$select=* returns every supported property, each real and well typed, for every user', async () => {
    const r = await graph(sb, token, '/users?$select=*');
    for (const u of r.body.value) {
      expect(problems(USER, u)).toEqual([]);
      for (const k of SEED_INTERNAL) expect(u).not.toHaveProperty(k);
    }
  });

  it('manager, direct reports, expanded managers and the organization are well typed too', async () => {
    const manager = await graph(sb, token, '/me/manager');
    expect(problems(USER, manager.body)).toEqual([]);
    const reports = await graph(sb, token, '/users/alex.wilber@contoso.sandbox/directReports');
    for (const u of reports.body.value) expect(problems(USER, u)).toEqual([]);
    const expanded = await graph(sb, token, '/me?$expand=manager');
    expect(problems(USER, expanded.body.manager)).toEqual([]);
    expect(csdl.navigation(USER).has('directReports')).toBe(true);
    const org = await graph(sb, token, '/organization');
    for (const o of org.body.value) expect(problems('microsoft.graph.organization', o)).toEqual([]);
  });
});

describe('responses against the documented samples', () => {
  it('GET /me: same status and the same properties as the documented response', async () => {
    const doc = sample('GET', '/me');
    const r = await graph(sb, token, '/me');
    expect(r.status).toBe(doc.response.statusCode);
    const body = r.body as Record<string, unknown>;
    expect(keys(body).filter((k) => !k.startsWith('@'))).toEqual(keys(doc.response.body as object));
    expect(annotations(body)).toEqual(['@odata.context']);
  });

  it('GET /users/{id}: the same shape as /me for that user, and the keys of the documented /me', async () => {
    const doc = sample('GET', '/me');
    const r = await graph(sb, token, `/users/${idOf(ADELE)}`);
    expect(r.status).toBe(200);
    expect(keys(r.body).filter((k) => !k.startsWith('@'))).toEqual(keys(doc.response.body as object));
    expect(r.body).toEqual((await graph(sb, token, '/me')).body);
  });

  it('GET /users with an advanced query: the documented annotations, and the documented key set per user', async () => {
    const doc = sample('GET', '/users?$filter=endswith(mail,*)&$orderby=userPrincipalName&$count=true');
    const r = await graph(sb, token, `/users?$filter=${encodeURIComponent("endswith(mail,'a@contoso.sandbox')")}&$orderby=userPrincipalName&$count=true`, { headers: EVENTUAL });
    const docBody = doc.response.body as { value: object[] };
    expect(r.status).toBe(doc.response.statusCode);
    expect(keys(r.body)).toEqual(keys(docBody));
    expect(r.body['@odata.context']).toBe((docBody as Record<string, unknown>)['@odata.context']);
    expect(r.body.value.length).toBeGreaterThan(0);
    // The documented user shows part of the default set (the docs abbreviate); the sandbox's has all of them.
    for (const u of r.body.value) expect(keys(u)).toEqual(expect.arrayContaining(keys(docBody.value[0])));
  });

  it('GET /users?$search: the documented annotations', async () => {
    const doc = sample('GET', '/users?$search="displayName:*"&$orderby=displayName&$count=true');
    const r = await graph(sb, token, `/users?$search=${encodeURIComponent('"displayName:a"')}&$orderby=displayName&$count=true`, { headers: EVENTUAL });
    expect(r.status).toBe(doc.response.statusCode);
    expect(keys(r.body)).toEqual(keys(doc.response.body as object));
    expect(r.body['@odata.context']).toBe((doc.response.body as Record<string, unknown>)['@odata.context']);
  });

  it('GET /me/directReports: the documented context, and each member with the documented keys and type', async () => {
    const doc = sample('GET', '/me/directReports');
    const docBody = doc.response.body as { value: Record<string, unknown>[] };
    const r = await graph(sb, token, '/me/directReports');
    expect(r.status).toBe(doc.response.statusCode);
    expect(keys(r.body)).toEqual(keys(docBody));
    expect(r.body['@odata.context']).toBe((docBody as unknown as Record<string, unknown>)['@odata.context']);
    expect(keys(r.body.value[0])).toEqual(keys(docBody.value[0]));
    expect(r.body.value[0]['@odata.type']).toBe(docBody.value[0]['@odata.type']);
  });

  it('GET /users/{id}/manager: the documented properties are there', async () => {
    const doc = sample('GET', '/users/*/manager');
    const r = await graph(sb, token, `/users/${idOf(ADELE)}/manager`);
    expect(r.status).toBe(doc.response.statusCode);
    expect(keys(r.body)).toEqual(expect.arrayContaining(keys(doc.response.body as object)));
  });

  it('GET /users/$count: plain text, as documented', async () => {
    const doc = sample('GET', '/users/$count');
    const r = await graph(sb, token, '/users/$count', { headers: EVENTUAL });
    expect(r.status).toBe(doc.response.statusCode);
    expect(r.headers.get('content-type')).toMatch(new RegExp(`^${doc.response.headers![0].value}`));
    expect(r.text).toMatch(/^\d+$/);
  });

  it('$batch: the documented envelope, and members identical to the lone responses', async () => {
    // The samples hold no $batch pair; the format is JSON batching's: {responses:[{id,status,headers,body}]}.
    expect(hasSample(samples, 'POST', '/$batch')).toBe(false);
    const paths = ['/me', `/users/${ADELE}/manager`, '/me/directReports', '/organization'];
    const r = await graph(sb, token, '/$batch', { method: 'POST', body: { requests: paths.map((url, i) => ({ id: String(i), method: 'GET', url })) } });
    expect(keys(r.body)).toEqual(['responses']);
    for (const item of r.body.responses) {
      expect(keys(item)).toEqual(['body', 'headers', 'id', 'status']);
      const lone = await graph(sb, token, paths[Number(item.id)]);
      expect(item.status).toBe(lone.status);
      expect(item.body).toEqual(lone.body);
    }
  });
});
