// Who may call what: bearer-token failures (401 with Graph's messages and challenge), permission checks that
// follow the token's scopes (403), and Graph's routing errors for unknown segments and wrong methods.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, EVENTUAL, graph, type GraphAs, idOf, PATTI, startTestSandbox, tokenFor, useSandbox } from '../fixtures.js';

const sb = useSandbox();
let full: GraphAs;
let userReadOnly: GraphAs;
beforeAll(async () => {
  full = await sb.graphAs(ADELE, 'User.Read User.Read.All');
  userReadOnly = await sb.graphAs(ADELE, 'User.Read');
});

const expect401 = (r: Awaited<ReturnType<typeof graph>>, message: string | RegExp) => {
  expect(r.status).toBe(401);
  expect(r.body.error.code).toBe('InvalidAuthenticationToken');
  expect(r.body.error.message).toMatch(message);
  expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="", authorization_uri="[^"]+", client_id="00000003-0000-0000-c000-000000000000"$/);
};

describe('authentication', () => {
  it('refuses a request without a token, or with another scheme', async () => {
    expect401(await graph(sb, undefined, '/me'), /^Access token is empty\.$/);
    expect401(await graph(sb, undefined, '/me', { headers: { Authorization: `Basic ${full.token}` } }), /^Access token is empty\.$/);
  });

  it('refuses a malformed or tampered token', async () => {
    expect401(await graph(sb, 'not-a-jwt', '/me'), /^IDX14100: JWT is not well formed/);
    const [h, p, s] = full.token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, scp: `${claims.scp} Directory.ReadWrite.All` })).toString('base64url');
    expect401(await graph(sb, `${h}.${forged}.${s}`, '/me'), /Invalid signature/);
  });

  it('refuses an expired token with Graph\'s lifetime message', async () => {
    // Long enough that a loaded machine still uses the token before it expires, short enough to wait out.
    const short = await startTestSandbox({ tokenLifetimeSeconds: 3 });
    try {
      const t = await tokenFor(short, ADELE, 'User.Read');
      expect((await graph(short, t, '/me')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 4100));
      expect401(await graph(short, t, '/me'), /^Lifetime validation failed, the token is expired\.$/);
    } finally {
      await short.close();
    }
  });
});

describe('permissions follow the token\'s scopes', () => {
  it('User.Read reads the signed-in user, their manager and reports, and the organization', async () => {
    for (const path of ['/me', `/users/${idOf(ADELE)}`, `/users/${ADELE.toUpperCase()}`, '/me/manager', '/me/directReports', '/organization']) {
      expect((await graph(sb, userReadOnly, path)).status, path).toBe(200);
    }
  });

  it('User.Read cannot list or read other people: 403 Authorization_RequestDenied', async () => {
    for (const path of ['/users', `/users/${idOf(PATTI)}`, `/users/${PATTI}/directReports`, '/users/$count']) {
      const r = await graph(sb, userReadOnly, path, { headers: EVENTUAL });
      expect(r.status, path).toBe(403);
      expect(r.body.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    }
  });

  it('User.ReadBasic.All is enough to list the directory', async () => {
    const basic = await sb.graphAs(ADELE, 'User.ReadBasic.All');
    expect((await graph(sb, basic, '/users?$top=1')).status).toBe(200);
    expect((await graph(sb, full, '/users?$top=1')).status).toBe(200);
  });
});

describe('routing', () => {
  it('names the first segment no resource serves', async () => {
    for (const [path, segment] of [['/mee', 'mee'], ['/me/colleagues', 'colleagues'], [`/users/${idOf(ADELE)}/manager/extra`, 'extra']]) {
      const r = await graph(sb, full, path);
      expect(r.status, path).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'BadRequest', message: `Resource not found for the segment '${segment}'.` });
    }
  });

  it('answers a method a resource does not take with 405', async () => {
    for (const [method, path] of [['POST', '/me'], ['DELETE', '/users'], ['GET', '/$batch']]) {
      const r = await graph(sb, full, path, { method, ...(method === 'POST' ? { body: {} } : {}) });
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.body.error.code).toBe('Request_BadRequest');
    }
  });

  it('matches path segments case-insensitively and accepts users(\'id\')', async () => {
    expect((await graph(sb, full, '/Me')).body.id).toBe(idOf(ADELE));
    expect((await graph(sb, full, `/USERS/${idOf(PATTI)}/Manager`)).status).toBe(404);
    expect((await graph(sb, full, `/users('${PATTI}')`)).body.id).toBe(idOf(PATTI));
  });

  it('refuses unknown and repeated query options', async () => {
    expect((await graph(sb, full, '/me?$frobnicate=1')).body.error.message).toBe("The query parameter '$frobnicate' is not supported.");
    expect((await graph(sb, full, '/users?$top=1&$top=2')).status).toBe(400);
    expect((await graph(sb, full, '/users?$count=maybe', { headers: EVENTUAL })).status).toBe(400);
  });

  it('refuses a body that is not JSON', async () => {
    const r = await graph(sb, full, '/$batch', { method: 'POST', body: '{"requests": [', headers: { 'Content-Type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/^Unable to read JSON request payload/);
  });
});
