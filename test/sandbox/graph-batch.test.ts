// JSON batching: members go through the same routes and permission checks as lone requests, dependsOn
// orders them and turns a failed dependency into 424, and malformed batches are refused whole.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, graph, type GraphAs, idOf, PATTI, useSandbox } from '../fixtures.js';
import { demoUsers } from '../../src/sandbox/testing.js';

type Item = { id: string; status: number; headers: Record<string, string>; body?: any };

const sb = useSandbox();
let token: GraphAs;
beforeAll(async () => {
  token = await sb.graphAs(ADELE, 'User.Read User.Read.All');
});

const batch = (requests: unknown[], t: GraphAs | string = token) => graph(sb, t, '/$batch', { method: 'POST', body: { requests } });
const byId = (items: Item[]) => Object.fromEntries(items.map((i) => [i.id, i]));

describe('$batch', () => {
  it('serves each member like a lone request', async () => {
    const r = await batch([
      { id: '1', method: 'GET', url: '/me?$select=id,displayName' },
      { id: '2', method: 'GET', url: 'users?$top=2&$select=id' },
      { id: '3', method: 'GET', url: '/users/nobody' },
      { id: '4', method: 'GET', url: '/users/$count', headers: { ConsistencyLevel: 'eventual' } },
    ]);
    expect(r.status).toBe(200);
    const items: Item[] = r.body.responses;
    expect(items.map((i) => i.id).sort()).toEqual(['1', '2', '3', '4']);
    const res = byId(items);
    const lone = await graph(sb, token, '/me?$select=id,displayName');
    expect(res['1']).toMatchObject({ status: 200, body: lone.body });
    expect(res['1'].headers['Content-Type']).toMatch(/^application\/json/);
    expect(res['2'].body.value).toHaveLength(2);
    expect(res['2'].body['@odata.nextLink']).toMatch(new RegExp(`^${sb.url}/v1\\.0/users\\?`));
    expect(res['3'].status).toBe(404);
    expect(res['3'].body.error.code).toBe('Request_ResourceNotFound');
    expect(res['4']).toMatchObject({ status: 200, body: String(demoUsers().length) });
  });

  it('checks every member against the batch token\'s scopes', async () => {
    const narrow = await sb.graphAs(ADELE, 'User.Read');
    const res = byId((await batch([{ id: 'me', method: 'GET', url: '/me' }, { id: 'all', method: 'GET', url: '/users' }], narrow)).body.responses);
    expect(res.me.status).toBe(200);
    expect(res.all.status).toBe(403);
    expect(res.all.body.error.code).toBe('Authorization_RequestDenied');
    const unauthenticated = await batch([{ id: '1', method: 'GET', url: '/me' }], '');
    expect(unauthenticated.status).toBe(401);
  });

  it('runs dependsOn in order and answers 424 when a dependency failed', async () => {
    const res = byId(
      (
        await batch([
          { id: 'c', method: 'GET', url: '/me/manager', dependsOn: ['b'] },
          { id: 'b', method: 'GET', url: `/users/${idOf(PATTI)}/manager`, dependsOn: ['a'] },
          { id: 'a', method: 'GET', url: `/users/${ADELE}?$select=id` },
          { id: 'd', method: 'GET', url: '/organization?$select=id', dependsOn: ['a'] },
        ])
      ).body.responses,
    );
    expect(res.a.status).toBe(200);
    expect(res.b.status).toBe(404);
    expect(res.c.status).toBe(424);
    expect(res.c.body.error.code).toBe('FailedDependency');
    expect(res.d.status).toBe(200);
  });

  it('refuses more than 20 requests, duplicate ids, unknown dependencies and a missing requests array', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' }));
    expect((await batch(many.slice(0, 20))).status).toBe(200);
    const over = await batch(many);
    expect(over.status).toBe(400);
    expect(over.body.error.message).toMatch(/limit of 20/);
    expect((await batch([{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }])).status).toBe(400);
    expect((await batch([{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }])).status).toBe(400);
    expect((await batch([{ id: '1', method: 'GET', url: '/me', dependsOn: ['1'] }])).status).toBe(400);
    expect((await batch([])).status).toBe(400);
    expect((await graph(sb, token, '/$batch', { method: 'POST', body: { request: [] } })).status).toBe(400);
  });

  it('answers a member with a body but no Content-Type, or an absolute URL, with a member 400', async () => {
    const res = byId(
      (
        await batch([
          { id: 'w', method: 'POST', url: '/me/sendMail', body: { message: {} } },
          { id: 'abs', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' },
          { id: 'nest', method: 'POST', url: '/$batch', headers: { 'Content-Type': 'application/json' }, body: { requests: [] } },
        ])
      ).body.responses,
    );
    expect(res.w.status).toBe(400);
    expect(res.w.body.error.message).toBe('Write request id : w does not contain Content-Type header or body.');
    expect(res.abs.status).toBe(400);
    expect(res.nest.status).toBe(400);
  });
});
