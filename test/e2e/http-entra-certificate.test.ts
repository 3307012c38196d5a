// Many people over HTTP with the app registration's certificate instead of a secret (MS365_MCP_CLIENT_CERTIFICATE_FILE):
// MSAL signs a client assertion with the certificate's key, the sandbox checks it as Entra does (thumbprint,
// signature, iss/sub, aud, lifetime), and a person's call is answered through the on-behalf-of exchange. A
// certificate the app does not have is refused, and the error says what to register.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SERVER_APP_ID } from '../../src/sandbox/testing.js';
import { startTestSandbox, tempDir, type TestSandbox } from '../fixtures.js';
import { apiToken } from '../support/entra.js';
import { startCli, startEntraServer } from './process.js';

const ADELE = 'adele.vance@contoso.sandbox';
const certificate = () => selfsigned.generate([{ name: 'commonName', value: 'ms-365-mcp-server' }], { notAfterDate: new Date(Date.now() + 86_400_000), keyType: 'rsa', keySize: 2048 });

let sandbox: TestSandbox;
const servers: ReturnType<typeof startCli>[] = [];
const sandboxLog: string[] = [];

/** The built server with `pem` (certificate and key) as its credential; its /mcp URL. */
async function serverWith(pem: string): Promise<string> {
  const home = await tempDir();
  await fs.writeFile(path.join(home, 'credential.pem'), pem, { mode: 0o600 });
  const { proc, url } = await startEntraServer(sandbox.url, { HOME: home, MS365_MCP_CLIENT_CERTIFICATE_FILE: path.join(home, 'credential.pem') });
  servers.push(proc);
  return url;
}

async function me(url: string) {
  const client = new Client({ name: 'certificate-test', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${await apiToken(sandbox, ADELE)}` } } }));
  try {
    return await client.callTool({ name: 'users_get_me', arguments: {} });
  } finally {
    await client.close();
  }
}

let registered: Awaited<ReturnType<typeof certificate>>;
beforeAll(async () => {
  registered = await certificate();
  sandbox = await startTestSandbox({ appCertificates: { [SANDBOX_SERVER_APP_ID]: [registered.cert] }, log: (l) => sandboxLog.push(l) });
});
afterAll(async () => {
  for (const s of servers) expect(await s.stop()).toBe(0);
  await sandbox?.close();
});

describe('the app registration\'s certificate credential', () => {
  it('authenticates the server to Entra with a client assertion; the person\'s call is answered', async () => {
    const r = await me(await serverWith(`${registered.cert}\n${registered.private}`));
    expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
    expect((r.structuredContent as { userPrincipalName: string }).userPrincipalName).toBe(ADELE);
    expect(sandboxLog.some((l) => l.includes(`issued tokens (on_behalf_of) to ${ADELE} for client ${SANDBOX_SERVER_APP_ID}`))).toBe(true);
  });

  it('a certificate the app does not have is refused with Entra\'s reason', async () => {
    const other = await certificate();
    const r = await me(await serverWith(`${other.cert}\n${other.private}`));
    expect(r.isError).toBe(true);
    expect(JSON.stringify(r.content)).toMatch(/AADSTS700027|key was not found/);
  });
});
