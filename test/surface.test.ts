// The tool surface as a client sees it: snapshots for the main configurations, and the invariants every
// tool must keep (see ARCHITECTURE.md).
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createRuntime } from '../src/runtime.js';

type ListedTool = {
  name: string;
  description?: string;
  inputSchema: { type: string; properties?: Record<string, { description?: string }>; anyOf?: unknown; oneOf?: unknown; allOf?: unknown };
  outputSchema?: { type: string };
  annotations?: { readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean };
};

async function listTools(env: Record<string, string>): Promise<ListedTool[]> {
  const config = buildConfig('serve', {}, { HOME: '/nonexistent-home', ...env });
  const rt = await createRuntime(config, createLogger('error', () => undefined));
  const [a, b] = InMemoryTransport.createLinkedPair();
  const server = rt.factory();
  await server.connect(b);
  const client = new Client({ name: 'surface', version: '1' });
  await client.connect(a);
  const { tools } = await client.listTools();
  await client.close();
  await rt.close();
  return tools as ListedTool[];
}

const CONFIGS = {
  personal: {},
  org: { MS365_MCP_ORG_MODE: 'true' },
  'org-read-only': { MS365_MCP_ORG_MODE: 'true', READ_ONLY: 'true' },
} as const;

const WRITE_SCOPE = /ReadWrite|\.Send|\.Create|Write/;

describe('tool surface', () => {
  for (const [name, env] of Object.entries(CONFIGS)) {
    it(`matches the snapshot: ${name}`, async () => {
      const tools = await listTools(env);
      const summary = tools.map((t) => ({ name: t.name, params: Object.keys(t.inputSchema.properties ?? {}), annotations: t.annotations }));
      expect(summary).toMatchSnapshot();
    });
  }

  it('keeps the invariants for every tool of the full organization surface', async () => {
    const tools = await listTools(CONFIGS.org);
    const names = tools.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of tools) {
      expect(t.name, t.name).toMatch(/^(auth|users|mail|calendar|files|excel|powerpoint|teams|sharepoint|onenote|tasks|contacts|search)_[a-z]+(_[a-z]+)*$/);
      expect(t.description?.length, `${t.name} description`).toBeGreaterThan(20);
      expect(t.description!.length, `${t.name} description is short`).toBeLessThan(400);
      expect(t.description, `${t.name}: no capitals for emphasis`).not.toMatch(/\b[A-Z]{4,}\b(?<!\bHTML|\bJSON|\bOData)/);
      expect(t.inputSchema.type).toBe('object');
      expect(t.inputSchema.anyOf ?? t.inputSchema.oneOf ?? t.inputSchema.allOf, `${t.name}: no top-level anyOf/oneOf`).toBeUndefined();
      for (const [p, schema] of Object.entries(t.inputSchema.properties ?? {})) {
        expect(schema.description, `${t.name}.${p} is described`).toBeTruthy();
      }
      expect(t.outputSchema?.type, `${t.name} has an output schema`).toBe('object');
      const a = t.annotations!;
      expect(typeof a.readOnlyHint && typeof a.destructiveHint && typeof a.idempotentHint && typeof a.openWorldHint).toBe('boolean');
      if (a.readOnlyHint) expect(a.destructiveHint, t.name).toBe(false);
    }
  });

  it('read tools never declare write permissions, and read-only mode offers only read tools', async () => {
    const { ALL_TOOLS } = await import('../src/tools/index.js');
    for (const t of ALL_TOOLS.filter((t) => t.kind === 'read')) {
      for (const s of [...t.scopes, ...(t.orgScopes ?? [])]) expect(s, `${t.name} declares ${s}`).not.toMatch(WRITE_SCOPE);
    }
    const ro = await listTools(CONFIGS['org-read-only']);
    for (const t of ro.filter((t) => !t.name.startsWith('auth_'))) expect(t.annotations?.readOnlyHint, t.name).toBe(true);
  });

  it('org-only tools appear only in organization mode', async () => {
    const personal = new Set((await listTools(CONFIGS.personal)).map((t) => t.name));
    const org = new Set((await listTools(CONFIGS.org)).map((t) => t.name));
    expect(personal.has('users_list')).toBe(false);
    expect(org.has('users_list')).toBe(true);
    for (const n of personal) expect(org.has(n), n).toBe(true);
  });

  it('toggles and --enabled-tools narrow the surface', async () => {
    const noUsers = (await listTools({ MS365_MCP_ORG_MODE: 'true', MS365_MCP_ENABLE_USERS: 'false' })).map((t) => t.name);
    expect(noUsers.some((n) => n.startsWith('users_'))).toBe(false);
    const only = (await listTools({ MS365_MCP_ORG_MODE: 'true', MS365_MCP_ENABLED_TOOLS: '^users_get' })).map((t) => t.name);
    expect(only.sort()).toEqual(['users_get_me', 'users_get_user']);
  });

  it('stays within the token budget: the full organization surface under 25,000 o200k tokens', async () => {
    const tools = await listTools(CONFIGS.org);
    expect(countTokens(JSON.stringify({ tools }))).toBeLessThan(25_000);
  });
});

describe('permissions', () => {
  it('organization mode with every group on asks only for permissions of the deployment guide', async () => {
    // The guide's list, as `npm run reference` derives it into the committed fixtures.
    const { guidePermissions } = await import('./sandbox/csdl.js');
    const listed = new Set(guidePermissions());
    expect(listed.size).toBeGreaterThan(25);
    const { requiredScopes } = await import('../src/auth/scopes.js');
    const { ALL_TOOLS, selectTools } = await import('../src/server.js');
    const { enabledGroups, TOGGLE_NAMES } = await import('../src/tools/groups.js');
    const all = Object.fromEntries(TOGGLE_NAMES.map((t) => [t, true])) as Parameters<typeof enabledGroups>[0];
    const scopes = requiredScopes(selectTools(ALL_TOOLS, { groups: enabledGroups(all), readOnly: false, orgMode: true }), true);
    for (const s of scopes) expect(listed.has(s), `${s} is not in the guide's permission list`).toBe(true);
  });
});
