// The sign-in front with a real browser: headless Chromium (Debian's package, scripts/chromium.mjs) follows the
// front to the sandbox's Entra sign-in page, where a person picks their account and accepts, and back through the
// front to the MCP client's loopback redirect URI, as a desktop client's sign-in goes. Two people, two browsers;
// each client then works on its own person's data.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@modelcontextprotocol/client';
import { type Browser, chromium as playwright } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from '../../scripts/chromium.mjs';
import { startTestSandbox, tempDir, type TestSandbox } from '../fixtures.js';
import { BrowserProvider, type ClientMetadata, connectThroughFront, serveClientMetadata } from '../support/front.js';
import { startCli, startEntraServer } from './process.js';

const ADELE = 'adele.vance@contoso.sandbox';
const MEGAN = 'megan.bowen@contoso.sandbox';

let sandbox: TestSandbox;
let proc: ReturnType<typeof startCli>;
let url: string;
let metadata: ClientMetadata;
let browser: Browser;
let redirect: string;
let callbackServer: http.Server;
/** The MCP client's redirect URI: who waits for what it receives next (one sign-in at a time). */
let arrived: ((q: URLSearchParams) => void) | undefined;

beforeAll(async () => {
  const home = await tempDir();
  // The client's loopback redirect URI, as a desktop MCP client listens on one during sign-in.
  callbackServer = http.createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    arrived?.(q);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('Signed in. You can close this window.');
  });
  await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
  redirect = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/callback`;
  const [executablePath] = await Promise.all([
    chromium(),
    (async () => {
      metadata = await serveClientMetadata(home, redirect, 'Browser test client');
      sandbox = await startTestSandbox();
      ({ proc, url } = await startEntraServer(sandbox.url, { HOME: home, NODE_EXTRA_CA_CERTS: metadata.caFile }));
    })(),
  ]);
  // --no-sandbox: Chromium's own sandbox needs user namespaces a container or a root CI runner may not allow.
  browser = await playwright.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  expect(await proc?.stop()).toBe(0);
  await sandbox?.close();
  metadata?.close();
  callbackServer?.close();
});

/** A person at their own browser: opens the sign-in URL, picks their account on the sign-in page, accepts. */
function person(upn: string) {
  return async (start: URL): Promise<URLSearchParams> => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      if (process.env.DEBUG_TESTS) page.on('response', (r) => process.stderr.write(`browser: ${r.status()} ${r.url().slice(0, 120)}\n`));
      if (process.env.DEBUG_TESTS) page.on('requestfailed', (r) => process.stderr.write(`browser failed: ${r.url().slice(0, 120)} ${r.failure()?.errorText}\n`));
      const received = new Promise<URLSearchParams>((resolve) => (arrived = resolve));
      await page.goto(start.toString());
      // The front sent the browser on to Entra's sign-in and consent page (the sandbox's).
      expect(new URL(page.url()).pathname).toMatch(/\/oauth2\/v2\.0\/authorize$/);
      await expect(page.locator('h1').textContent()).resolves.toMatch(/Sign in to Microsoft 365 MCP Server/);
      await page.selectOption('#user', upn);
      await Promise.all([page.waitForURL(`${redirect}**`), page.click('#approve')]);
      await expect(page.locator('body').textContent()).resolves.toContain('Signed in.');
      return await received;
    } finally {
      await context.close();
    }
  };
}

describe('the sign-in front in a real browser', () => {
  it('signs two people in with Chromium; each client then works on its own person\'s data', async () => {
    const clients: Client[] = [];
    try {
      for (const upn of [ADELE, MEGAN]) clients.push(await connectThroughFront(url, new BrowserProvider(metadata.clientId, redirect, person(upn))));
      const names = await Promise.all(clients.map(async (c) => ((await c.callTool({ name: 'users_get_me', arguments: {} })).structuredContent as { userPrincipalName: string }).userPrincipalName));
      expect(names).toEqual([ADELE, MEGAN]);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });
});
