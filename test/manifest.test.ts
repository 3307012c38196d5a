// The build-time manifest lists what the definitions produce: listing through a real MCP client gives the
// same tools/list JSON and instructions from the definitions registered directly, from a manifest built
// now, and from dist/tool-manifest.json (the file a start reads), in each configuration.
import fs from 'node:fs/promises';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport, McpServer } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createRuntime, selectionOf } from '../src/runtime.js';
import { createServerFactory } from '../src/server.js';
import { serverInstructions } from '../src/tools/groups.js';
import { ALL_TOOLS } from '../src/tools/index.js';
import type { Manifest } from '../src/tools/manifest.js';
import { buildManifest } from '../src/tools/manifest-build.js';
import { toolListing } from '../src/tools/register.js';
import { selectTools } from '../src/tools/select.js';
import { VERSION } from '../src/version.js';

const CONFIGS = {
  personal: {},
  org: { MS365_MCP_ORG_MODE: 'true' },
  'org-read-only': { MS365_MCP_ORG_MODE: 'true', READ_ONLY: 'true' },
  'org-no-mail-users-only': { MS365_MCP_ORG_MODE: 'true', MS365_MCP_ENABLE_MAIL: 'false', MS365_MCP_ENABLED_TOOLS: '^(users|auth)_' },
};

async function listed(server: McpServer): Promise<string> {
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(b);
  const client = new Client({ name: 'manifest-test', version: '1' });
  await client.connect(a);
  const { tools } = await client.listTools();
  const out = JSON.stringify({ instructions: client.getInstructions(), tools });
  await client.close();
  return out;
}

const log = createLogger('error', () => undefined);
const distManifest = JSON.parse(await fs.readFile(new URL('../dist/tool-manifest.json', import.meta.url), 'utf8').catch(() => {
  throw new Error('dist/tool-manifest.json is missing: run npm run build first');
})) as Manifest;

describe('tool manifest', () => {
  it('dist/tool-manifest.json is what the current definitions produce (rebuild when this fails)', async () => {
    expect(distManifest).toEqual(await buildManifest(ALL_TOOLS, VERSION));
  });

  it('a call loads its own group only, once', async () => {
    const lines: string[] = [];
    const rt = await createRuntime(buildConfig('serve', {}, { HOME: '/nonexistent-home', MS365_MCP_ORG_MODE: 'true' }), createLogger('debug', (l) => lines.push(l)));
    const [a, b] = InMemoryTransport.createLinkedPair();
    await rt.factory().connect(b);
    const client = new Client({ name: 'manifest-test', version: '1' });
    await client.connect(a);
    try {
      for (let i = 0; i < 2; i++) expect((await client.callTool({ name: 'auth_status', arguments: {} })).isError).toBeFalsy();
      const bad = await client.callTool({ name: 'auth_logout', arguments: { username: 42 } });
      expect(bad.isError).toBe(true);
      expect(JSON.stringify(bad.content)).toMatch(/Input validation error: Invalid arguments for tool auth_logout/);
      expect(lines.join('').match(/server: loaded the \w+ tools/g)).toEqual(['server: loaded the auth tools']);
    } finally {
      await client.close();
      await rt.close();
    }
  });

  for (const [name, env] of Object.entries(CONFIGS)) {
    it(`lists the same tools/list JSON as the definitions: ${name}`, async () => {
      const config = buildConfig('serve', {}, { HOME: '/nonexistent-home', ...env });
      const selection = selectionOf(config);
      // Without a manifest: every selected definition registered as such.
      const direct = new McpServer({ name: 'ms-365-mcp-server', version: VERSION }, { capabilities: { tools: {} }, instructions: serverInstructions(selection.groups) });
      for (const t of selectTools(ALL_TOOLS, selection)) direct.registerTool(t.name, toolListing(t), () => ({ content: [] }));
      const expected = await listed(direct);
      expect(JSON.parse(expected).tools.length).toBeGreaterThan(0);
      const lines: string[] = [];
      const rt = await createRuntime(config, createLogger('debug', (l) => lines.push(l)));
      try {
        expect(await listed(rt.factory())).toBe(expected);
        expect(lines.filter((l) => /server: loaded the/.test(l)), 'listing loaded no tool group').toEqual([]);
        const fromDist = createServerFactory({ manifest: distManifest, selection, graph: rt.graph, auth: rt.auth, transport: 'stdio', confirmDestructive: true, log });
        expect(await listed(fromDist())).toBe(expected);
      } finally {
        await rt.close();
      }
    });
  }
});
