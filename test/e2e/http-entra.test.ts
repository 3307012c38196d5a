// Many users over HTTP (MS365_MCP_HTTP_AUTH=entra): the built server against the sandbox tenant, two people at once
// with tokens for the server's API from the authorization code sign-in. The protected resource metadata and a 401
// that points at it; each person's tool calls answered with their own data, under concurrency, through the
// on-behalf-of exchange server-side; tokens for another audience or signed by another key refused.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SERVER_APP_ID, SANDBOX_TENANT_ID } from '../../src/sandbox/testing.js';
import { idOf, startTestSandbox, tempDir, type TestSandbox } from '../fixtures.js';
import { API_SCOPE, apiToken as entraToken } from '../support/entra.js';
import { startCli, startEntraServer } from './process.js';

const ADELE = 'adele.vance@contoso.sandbox';
const MEGAN = 'megan.bowen@contoso.sandbox';

let sandbox: TestSandbox;
let proc: ReturnType<typeof startCli>;
let url: string;

const apiToken = (upn: string, scope = API_SCOPE) => entraToken(sandbox, upn, scope);

async function clientFor(token: string): Promise<Client> {
  const client = new Client({ name: 'many-users-test', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  return client;
}
const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }) });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ({ proc, url } = await startEntraServer(sandbox.url, { HOME: await tempDir() }));
});
afterAll(async () => {
  expect(await proc?.stop()).toBe(0);
  await sandbox?.close();
});

describe('many users over HTTP with Entra tokens', () => {
  it('publishes its protected resource metadata, and a 401 without a token points there', async () => {
    const base = url.slice(0, -'/mcp'.length);
    const doc = await (await fetch(`${base}/.well-known/oauth-protected-resource/mcp`)).json();
    expect(doc).toMatchObject({ resource: url, scopes_supported: [API_SCOPE], authorization_servers: [base, `https://login.sandbox.local/${SANDBOX_TENANT_ID}/v2.0`] });
    const res = await post({});
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${base}/.well-known/oauth-protected-resource/mcp", scope="${API_SCOPE}"`);
  });

  it("answers two people at once, each with their own data, through tokens exchanged on their behalf", async () => {
    const [adele, megan] = await Promise.all([clientFor(await apiToken(ADELE)), clientFor(await apiToken(MEGAN))]);
    try {
      const calls = Array.from({ length: 20 }, (_, i) => (i % 2 ? megan : adele).callTool({ name: 'users_get_me', arguments: {} }).then((r) => [i % 2 ? MEGAN : ADELE, (r.structuredContent as { userPrincipalName: string }).userPrincipalName]));
      for (const [who, answered] of await Promise.all(calls)) expect(answered).toBe(who);
      const status = await adele.callTool({ name: 'auth_status', arguments: {} });
      expect((status.structuredContent as { account: { username: string } }).account.username).toBe(ADELE);
      const mail = await megan.callTool({ name: 'mail_list_messages', arguments: { limit: 3 } });
      expect(mail.isError, JSON.stringify(mail.content)).toBeFalsy();
      // Each call's audit line names its own person, by object id (never the address).
      const audit = proc.stderrText().split('\n').filter((l) => l.includes('"event":"tool_call"')).map((l) => JSON.parse(l) as { person: string; tool: string });
      expect(audit.filter((a) => a.tool === 'users_get_me').map((a) => a.person).sort()).toEqual([...Array(10).fill(idOf(ADELE)), ...Array(10).fill(idOf(MEGAN))].sort());
      expect(audit.find((a) => a.tool === 'mail_list_messages')?.person).toBe(idOf(MEGAN));
      expect(proc.stderrText()).not.toContain(MEGAN);
    } finally {
      await Promise.all([adele.close(), megan.close()]);
    }
  });

  it('refuses a token for another audience and one signed by another key, and logs why without the token', async () => {
    // A Graph token (another audience) from on-behalf-of is not a token for this server.
    const otherAudience = await post({ authorization: `Bearer ${await apiToken(ADELE, 'User.Read')}` });
    expect(otherAudience.status).toBe(401);
    expect(otherAudience.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ aud: SANDBOX_SERVER_APP_ID, iss: `https://login.sandbox.local/${SANDBOX_TENANT_ID}/v2.0`, oid: 'x', tid: SANDBOX_TENANT_ID, scp: 'access_as_user' }).setProtectedHeader({ alg: 'RS256', kid: 'forged' }).setIssuedAt().setExpirationTime('1h').sign(privateKey);
    expect((await post({ authorization: `Bearer ${forged}` })).status).toBe(401);
    expect(proc.stderrText()).toMatch(/refused a token .*not signed by the tenant's keys/);
    expect(proc.stderrText()).not.toContain(forged);
  });
});
