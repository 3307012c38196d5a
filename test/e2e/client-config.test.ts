// The MCP client configurations the README gives work as written: the stdio form (with the sandbox, as the
// README says to try it) and the HTTP form, read from the README itself, run by a real MCP client against
// the built server. (The docker exec form is the Docker walk's: test/docker/.)
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { describe, expect, it } from 'vitest';
import { ENTRY, startCli } from './process.js';

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The JSON block under `<!-- client-config:NAME -->`. */
function config(name: string): Record<string, any> {
  const m = new RegExp(`<!-- client-config:${name} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(README);
  if (!m) throw new Error(`README has no client-config:${name} block`);
  return JSON.parse(m[1]);
}

const home = () => mkdtempSync(path.join(os.tmpdir(), 'ms365-client-config-'));

async function signedInCall(client: Client): Promise<string> {
  // The sandbox approves the sign-in at once; the first calls may still see it pending.
  for (let i = 0; ; i++) {
    const r = (await client.callTool({ name: 'users_get_me', arguments: {} })) as { isError?: boolean; structuredContent?: { userPrincipalName?: string } };
    if (!r.isError) return r.structuredContent!.userPrincipalName!;
    if (i > 40) throw new Error('never signed in');
    await new Promise((res) => setTimeout(res, 250));
  }
}

describe('the README client configurations', () => {
  it('stdio: node with the checkout path, plus --sandbox and MS365_MCP_SANDBOX_USER as the README says', async () => {
    const c = config('stdio');
    expect(c.command).toBe('node');
    expect(c.args[0]).toBe('/path/to/ms-365-mcp-server/dist/index.js');
    const args = [ENTRY, ...c.args.slice(1), '--sandbox'];
    const client = new Client({ name: 'readme-stdio', version: '1' });
    const dir = home();
    await client.connect(
      new StdioClientTransport({ command: process.execPath, args, env: { PATH: process.env.PATH ?? '', HOME: dir, MS365_MCP_SANDBOX_STATE_DIR: path.join(dir, 'tenant'), MS365_MCP_SANDBOX_USER: 'default' }, stderr: 'ignore' }),
    );
    try {
      expect((await client.listTools()).tools.some((t) => t.name === 'users_get_user')).toBe(true); // --org-mode took
      expect(await signedInCall(client)).toBe('adele.vance@contoso.sandbox');
    } finally {
      await client.close();
    }
  });

  it('docker exec: the container name and command of the deployment guide', () => {
    const c = config('docker');
    expect([c.command, ...c.args]).toEqual(['docker', 'exec', '-i', 'ms365-mcp-server', 'node', '/app/dist/index.js']);
    const compose = readFileSync(path.resolve(import.meta.dirname, '../../docker-compose.yaml'), 'utf8');
    // The default project name (ms365-mcp) gives the container the guide's name.
    expect(compose).toMatch(/container_name:\s*\$\{COMPOSE_PROJECT_NAME:-ms365-mcp\}-server/);
  });

  it('http: the URL at /mcp with the bearer token header', async () => {
    const c = config('http');
    expect(c.type).toBe('http');
    expect(new URL(c.url).pathname).toBe('/mcp');
    const token = 'a'.repeat(40);
    const dir = home();
    const proc = startCli(['--http', '127.0.0.1:0', '--sandbox', '--org-mode'], { HOME: dir, MS365_MCP_SANDBOX_STATE_DIR: path.join(dir, 'tenant'), MS365_MCP_SANDBOX_USER: 'default', MS365_MCP_HTTP_TOKEN: token });
    try {
      const served = new URL((await proc.waitFor(/serving MCP at (http:\/\/\S+\/mcp)/))[1]);
      const url = new URL(c.url.replace(/^https:\/\/mcp\.example\.com/, served.origin));
      const headers = Object.fromEntries(Object.entries(c.headers as Record<string, string>).map(([k, v]) => [k, v.replace('<the token>', token)]));
      const client = new Client({ name: 'readme-http', version: '1' });
      await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
      expect(await signedInCall(client)).toBe('adele.vance@contoso.sandbox');
      await client.close();
    } finally {
      await proc.stop();
    }
  });
});
