// The server card (/.well-known/mcp/server-card.json and /mcp/server-card) of the built server in each HTTP mode:
// what it says agrees with what the server answers once connected (version, revisions, tool count, address), it
// names the authorization /mcp needs, it is public (no token needed, CORS) and it never carries a secret.
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SERVER_APP_ID, SANDBOX_TENANT_ID } from '../../src/sandbox/testing.js';
import { startTestSandbox, tempDir, type TestSandbox } from '../fixtures.js';
import { startCli, startEntraServer } from './process.js';

const PACKAGE_VERSION = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;
const TOKEN = '5d1c9e7a3b8f4e2d6a0c9b7e5f3d1a8c6e4b2d0f9a7c5e3b';
const META = 'ms-365-mcp-server';

interface Card {
  $schema: string;
  name: string;
  version: string;
  title: string;
  description: string;
  remotes: { type: string; url: string; headers?: { name: string; isRequired?: boolean; isSecret?: boolean; value?: string }[]; supportedProtocolVersions: string[] }[];
  _meta: Record<string, Record<string, unknown>>;
}

async function fetchCard(base: string, where = '/.well-known/mcp/server-card.json', headers: Record<string, string> = {}): Promise<{ res: Response; text: string; card: Card }> {
  const res = await fetch(new URL(where, base), { headers });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return { res, text, card: JSON.parse(text) as Card };
}

/** The constraints of the extension's schema (experimental-ext-server-card, schema.ts). */
function expectWellFormed(card: Card): void {
  expect(card.$schema).toBe('https://static.modelcontextprotocol.io/schemas/v1/server-card.schema.json');
  expect(card.name).toMatch(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/);
  expect(card.description.length).toBeGreaterThan(0);
  expect(card.description.length).toBeLessThanOrEqual(100);
  expect(card.version).toBe(PACKAGE_VERSION);
  expect(card.remotes).toHaveLength(1);
  expect(card.remotes[0].type).toBe('streamable-http');
  expect(card.remotes[0].url).toMatch(/^https?:\/\/\S+\/mcp$/);
}

/** What the server says once connected, over both eras: its version, revisions and tools. */
async function connectedFacts(url: string, headers: Record<string, string> = {}) {
  const client = new Client({ name: 'server-card-test', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  const { tools } = await client.listTools();
  const legacy = { version: client.getServerVersion()?.version };
  await client.close();
  const _meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'server-card-test', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'server/discover', ...headers },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'server/discover', params: { _meta } }),
  });
  const discover = ((await res.json()) as { result: { supportedVersions: string[]; _meta: Record<string, { version: string }> } }).result;
  return { tools: tools.map((t) => t.name), legacy, modern: discover.supportedVersions, modernVersion: discover._meta['io.modelcontextprotocol/serverInfo'].version };
}

describe('server card, loopback without a token', () => {
  let proc: ReturnType<typeof startCli>;
  let url: string;
  beforeAll(async () => {
    proc = startCli(['--http', '127.0.0.1:0', '--org-mode'], { HOME: await tempDir() });
    url = (await proc.waitFor(/serving MCP at (http:\/\/\S+\/mcp)/))[1];
  });
  afterAll(async () => {
    expect(await proc.stop()).toBe(0);
  });

  it('describes the server as it answers once connected: version, address, every revision it speaks, its tools', async () => {
    const { res, card } = await fetchCard(url);
    expectWellFormed(card);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(card.name).toBe('localhost/ms-365-mcp-server');
    expect(card.remotes[0].url).toBe(url);
    expect(card.remotes[0].headers).toBeUndefined();
    expect(card._meta[`${META}/authorization`]).toMatchObject({ scheme: 'none' });

    const live = await connectedFacts(url);
    expect(card.version).toBe(live.legacy.version);
    expect(card.version).toBe(live.modernVersion);
    const versions = card.remotes[0].supportedProtocolVersions;
    expect(versions).toEqual(expect.arrayContaining([...live.modern, '2025-11-25', '2025-06-18', '2025-03-26']));
    expect(versions[0]).toBe('2026-07-28');
    // Each 2025-era revision it claims is the one initialize agrees on when asked for it.
    for (const v of versions.filter((x) => !live.modern.includes(x))) {
      const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: v, capabilities: {}, clientInfo: { name: 'server-card-test', version: '1' } } });
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: init });
      const text = await res.text();
      expect(text, v).toContain(`"protocolVersion":"${v}"`);
    }
    expect(card._meta[`${META}/tools`]).toMatchObject({ count: live.tools.length, readOnly: false, organizationMode: true });
    expect(card._meta[`${META}/tools`].groups).toEqual(expect.arrayContaining(['mail', 'calendar', 'files', 'teams']));
    expect(card.description).toMatch(/^Microsoft 365 over Microsoft Graph: Users, Mail, Calendar, /);
  });

  it('is also at <endpoint>/server-card, in the card media type when asked for; GET and HEAD only', async () => {
    const wellKnown = await fetchCard(url);
    const reserved = await fetchCard(url, '/mcp/server-card', { accept: 'application/mcp-server-card+json' });
    expect(reserved.res.headers.get('content-type')).toBe('application/mcp-server-card+json');
    expect(reserved.card).toEqual(wellKnown.card);
    const head = await fetch(new URL('/.well-known/mcp/server-card.json', url), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(Buffer.byteLength(wellKnown.text));
    const post = await fetch(new URL('/.well-known/mcp/server-card.json', url), { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('is refused under a foreign Host (it would name that host), as /mcp is', async () => {
    const u = new URL(url);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      http.get({ host: u.hostname, port: u.port, path: '/.well-known/mcp/server-card.json', headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(status).toBe(403);
  });
});

describe('server card, shared bearer token, public address, read-only and a tool filter', () => {
  let proc: ReturnType<typeof startCli>;
  let url: string;
  beforeAll(async () => {
    const home = await tempDir();
    const file = path.join(home, 'http-token');
    await fs.writeFile(file, TOKEN, { mode: 0o600 });
    proc = startCli(['--http', '127.0.0.1:0', '--org-mode', '--read-only'], {
      HOME: home,
      MS365_MCP_HTTP_TOKEN_FILE: file,
      MS365_MCP_PUBLIC_URL: 'https://mcp.contoso.example/',
      MS365_MCP_ENABLED_TOOLS: '^(users|auth)_',
    });
    url = (await proc.waitFor(/serving MCP at (http:\/\/\S+\/mcp) \(clients must send the token/))[1];
  });
  afterAll(async () => {
    expect(await proc.stop()).toBe(0);
  });

  it('is read without the token; names the Authorization header as a required secret, never its value', async () => {
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    const { text, card } = await fetchCard(url);
    expectWellFormed(card);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.slice(0, 12));
    expect(card.remotes[0].headers).toEqual([expect.objectContaining({ name: 'Authorization', isRequired: true, isSecret: true, value: 'Bearer {token}' })]);
    expect(card._meta[`${META}/authorization`]).toMatchObject({ scheme: 'bearer' });
  });

  it('names the public address and says what this configuration serves', async () => {
    const { card } = await fetchCard(url);
    expect(card.name).toBe('example.contoso.mcp/ms-365-mcp-server');
    expect(card.remotes[0].url).toBe('https://mcp.contoso.example/mcp');
    const live = await connectedFacts(url, { authorization: `Bearer ${TOKEN}` });
    expect(live.tools.every((t) => /^(users|auth)_/.test(t))).toBe(true);
    expect(card._meta[`${META}/tools`]).toEqual({ count: live.tools.length, groups: ['auth', 'users'], readOnly: true, organizationMode: true });
    expect(card.description).toBe('Microsoft 365 over Microsoft Graph, read-only: Users');
  });
});

describe('server card, many users (entra)', () => {
  let sandbox: TestSandbox;
  let proc: ReturnType<typeof startCli>;
  let url: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ({ proc, url } = await startEntraServer(sandbox.url, { HOME: await tempDir() }));
  });
  afterAll(async () => {
    expect(await proc?.stop()).toBe(0);
    await sandbox?.close();
  });

  it('points at the protected resource metadata, the authorization servers and the scope, and asks for no header', async () => {
    const { card } = await fetchCard(url);
    expectWellFormed(card);
    expect(card.remotes[0].url).toBe(url);
    expect(card.remotes[0].headers).toBeUndefined();
    const auth = card._meta[`${META}/authorization`] as { scheme: string; resource: string; protectedResourceMetadata: string; authorizationServers: string[]; scopes: string[] };
    expect(auth).toMatchObject({ scheme: 'oauth2', resource: url, scopes: [`api://${SANDBOX_SERVER_APP_ID}/access_as_user`] });
    expect(auth.authorizationServers).toEqual(expect.arrayContaining([expect.stringContaining(`/${SANDBOX_TENANT_ID}/v2.0`)]));
    // The metadata it names is the one the server serves, and agrees with it.
    const prm = (await (await fetch(auth.protectedResourceMetadata)).json()) as { resource: string; authorization_servers: string[]; scopes_supported: string[] };
    expect(prm).toMatchObject({ resource: auth.resource, authorization_servers: auth.authorizationServers, scopes_supported: auth.scopes });
    // /mcp itself still wants a person's token.
    const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain(auth.protectedResourceMetadata);
  });
});
