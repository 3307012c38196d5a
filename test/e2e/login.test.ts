// The built CLI against a standalone sandbox process: device-code login, restart without a new login,
// refresh after expiry, and eight processes sharing one token cache.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxEnv, tempDir } from '../fixtures.js';
import { ENTRY, runCli, startCli } from './process.js';

let sandboxProc: ReturnType<typeof startCli>;
let sandboxUrl: string;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  const stateDir = await tempDir('ms365-e2e-tenant-');
  sandboxProc = startCli(['sandbox', '--port', '0'], {
    HOME: stateDir,
    MS365_MCP_SANDBOX_STATE_DIR: stateDir,
    MS365_MCP_SANDBOX_USER: 'default',
    MS365_MCP_SANDBOX_TOKEN_LIFETIME: '1',
  });
  sandboxUrl = (await sandboxProc.waitFor(/tenant running at (http:\/\/\S+?) /))[1];
  dataDir = await tempDir('ms365-e2e-data-');
  env = sandboxEnv(sandboxUrl, dataDir, { MS365_MCP_ORG_MODE: 'true' });
});
afterAll(async () => {
  await sandboxProc?.stop();
});

async function withClient<T>(fn: (c: Client, stderr: () => string) => Promise<T>, processEnv = env): Promise<T> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [ENTRY], env: { PATH: process.env.PATH ?? '', ...processEnv }, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += d));
  const client = new Client({ name: 'e2e', version: '1' });
  await client.connect(transport);
  try {
    return await fn(client, () => stderr);
  } finally {
    await client.close();
  }
}

const meName = async (c: Client) => {
  const r = (await c.callTool({ name: 'users_get_me', arguments: {} })) as { isError?: boolean; content: { text: string }[]; structuredContent?: { displayName?: string } };
  if (r.isError) throw new Error(r.content[0]?.text);
  return r.structuredContent?.displayName;
};

const cacheFile = () => path.join(dataDir, '.token-cache.json');
const refreshSecret = async () => Object.values((JSON.parse(await fs.readFile(cacheFile(), 'utf8')) as { RefreshToken: Record<string, { secret: string }> }).RefreshToken)[0].secret;

describe('sign-in that lasts (built CLI, standalone sandbox)', () => {
  it('--login prints the standard message, waits for approval and reports success', async () => {
    const r = await runCli(['--login'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/To sign in, use a web browser to open the page http:\/\/\S+\/devicelogin and enter the code \S+ to authenticate\./);
    expect(r.stderr).toMatch(/Device code login successful/);
    expect(r.stdout).toBe('');
    expect((await fs.stat(cacheFile())).mode & 0o777).toBe(0o600);
  });

  it('a new process calls Graph with no new login; an expired token is refreshed and the rotated token saved', async () => {
    const before = await refreshSecret();
    await new Promise((r) => setTimeout(r, 1100));
    await withClient(async (c, stderr) => {
      expect(await meName(c)).toBe('Adele Vance');
      expect(stderr()).not.toMatch(/To sign in/);
      expect(stderr()).toMatch(/info auth: token refresh succeeded for a\*\*\*@contoso\.sandbox/);
    });
    expect(await refreshSecret()).not.toBe(before);
  });

  it('eight processes refreshing through one cache file all keep working, and no refresh token is lost', async () => {
    let stop = false;
    let reads = 0;
    // The file must parse at every moment: writers replace it atomically.
    const watcher = (async () => {
      while (!stop) {
        JSON.parse(await fs.readFile(cacheFile(), 'utf8'));
        reads++;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        withClient(async (c) => {
          const names: (string | undefined)[] = [];
          for (let i = 0; i < 5; i++) names.push(await meName(c));
          return names;
        }),
      ),
    );
    stop = true;
    await watcher;
    expect(results.flat()).toEqual(Array(40).fill('Adele Vance'));
    expect(reads).toBeGreaterThan(10);
    // The token left in the file is the live one: one more refresh with it works.
    await new Promise((r) => setTimeout(r, 1100));
    const v = await runCli(['--verify-login'], env);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/Signed in as Adele Vance/);
  }, 120_000);

  it('a server started with no cached account starts the sign-in by itself while it serves', async () => {
    const fresh = await tempDir('ms365-e2e-fresh-');
    await withClient(async (client, stderr) => {
      expect((await client.listTools()).tools.length).toBeGreaterThan(0);
      for (let i = 0; i < 50 && !/Device code login successful/.test(stderr()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(stderr()).toMatch(/To sign in, use a web browser to open the page \S+\/devicelogin and enter the code/);
      expect(stderr()).toMatch(/Device code login successful/);
      expect(await meName(client)).toBe('Adele Vance');
    }, sandboxEnv(sandboxUrl, fresh));
  });

  it('--list-accounts and --logout manage the cache', async () => {
    const list = await runCli(['--list-accounts'], env);
    expect(list.stdout).toMatch(/\* adele\.vance@contoso\.sandbox/);
    const out = await runCli(['--logout'], env);
    expect(out.stdout).toMatch(/Signed out: adele\.vance@contoso\.sandbox/);
    const after = await runCli(['--verify-login'], env);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/Not signed in/);
  });
});
