// What the sign-in front's tests need around the server: an MCP client's metadata document served over https (a
// throwaway certificate the server trusts through NODE_EXTRA_CA_CERTS), and an OAuth client provider of the
// official SDK whose "browser" is a function the test gives (fetch-driven, or a real Chromium).
import fs from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport, UnauthorizedError, type OAuthClientProvider, type OAuthDiscoveryState } from '@modelcontextprotocol/client';
import selfsigned from 'selfsigned';
import { expect } from 'vitest';

export interface ClientMetadata {
  clientId: string;
  /** The certificate to trust, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  close(): void;
}

/** Serves {client_id, redirect_uris} at https://127.0.0.1:<port>/client.json, the client's own URL. */
export async function serveClientMetadata(dir: string, redirectUri: string, name = 'Front test client'): Promise<ClientMetadata> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], { notAfterDate: new Date(Date.now() + 86_400_000), keyType: 'ec', extensions: [{ name: 'basicConstraints', cA: true }, { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }] });
  const caFile = path.join(dir, 'ca.pem');
  await fs.writeFile(caFile, pems.cert);
  let clientId = '';
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    if (req.url !== '/client.json') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ client_id: clientId, client_name: name, redirect_uris: [redirectUri], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  clientId = `https://127.0.0.1:${(server.address() as AddressInfo).port}/client.json`;
  return { clientId, caFile, close: () => server.close() };
}

type Tokens = { access_token: string; refresh_token?: string; token_type: string };

/** The SDK's view of an MCP client that signs in with a browser; `browse` plays the browser and returns the query
 *  its redirect URI received. */
export class BrowserProvider implements OAuthClientProvider {
  saved?: Tokens;
  verifier = '';
  callback?: URLSearchParams;
  discovery?: OAuthDiscoveryState;
  /** `registered`: the client_id is one the administrator registered, not a metadata document's URL. */
  constructor(private readonly clientId: string, private readonly redirectUri: string, private readonly browse: (url: URL) => Promise<URLSearchParams>, private readonly registered = false) {}
  get clientMetadataUrl() { return this.registered ? undefined : this.clientId; }
  get redirectUrl() { return this.redirectUri; }
  get clientMetadata() { return { client_name: 'Front test client', redirect_uris: [this.redirectUri], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' }; }
  clientInformation() { return { client_id: this.clientId }; }
  tokens() { return this.saved; }
  saveTokens(t: Tokens) { this.saved = t; }
  async redirectToAuthorization(authorizationUrl: URL) { this.callback = await this.browse(authorizationUrl); }
  saveDiscoveryState(d: OAuthDiscoveryState) { this.discovery = d; }
  discoveryState() { return this.discovery; }
  saveCodeVerifier(v: string) { this.verifier = v; }
  codeVerifier() { return this.verifier; }
}

/** A connected client signed in through the front the way the SDK does it: 401, discovery, the browser, the
 *  callback's code and iss (checked by the SDK, RFC 9207), the token, and a new connection. */
export async function connectThroughFront(mcpUrl: string, provider: BrowserProvider): Promise<Client> {
  const first = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
  const client = new Client({ name: 'front-test', version: '1' });
  await expect(client.connect(first)).rejects.toBeInstanceOf(UnauthorizedError);
  expect(provider.callback?.get('code')).toBeTruthy();
  expect(provider.callback!.get('iss')).toBe(new URL(mcpUrl).origin);
  await first.finishAuth(provider.callback!);
  await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider }));
  return client;
}
