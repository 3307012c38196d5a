// The tool surface as a client sees it: one snapshot file per tool (test/__toolsnaps__/), the tool names per
// configuration, the invariants every tool keeps (see ARCHITECTURE.md) and the group table's token budgets.
// Missing snapshots are written (except under CI=true); `npx vitest run test/surface.test.ts -u` rewrites changed ones.
import fs from 'node:fs/promises';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { requiredScopes } from '../src/auth/scopes.js';
import { buildConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createRuntime } from '../src/runtime.js';
import { ALL_TOOLS } from '../src/tools/index.js';
import { selectTools, WRITE_SCOPE } from '../src/tools/select.js';
import { enabledGroups, GROUPS, serverInstructions, SURFACE_BUDGET, TOGGLE_NAMES, tokenBudgets } from '../src/tools/groups.js';

type ListedTool = {
  name: string;
  description?: string;
  inputSchema: { type: string; properties?: Record<string, { description?: string }>; anyOf?: unknown; oneOf?: unknown; allOf?: unknown };
  outputSchema?: { type: string };
  annotations?: { readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean };
};

/** What a client sees after connecting: the tools listed and the server's instructions. */
async function connect(env: Record<string, string>): Promise<{ tools: ListedTool[]; instructions?: string }> {
  const config = buildConfig('serve', {}, { HOME: '/nonexistent-home', ...env });
  const rt = await createRuntime(config, createLogger('error', () => undefined));
  const [a, b] = InMemoryTransport.createLinkedPair();
  const server = rt.factory();
  await server.connect(b);
  const client = new Client({ name: 'surface', version: '1' });
  await client.connect(a);
  const { tools } = await client.listTools();
  const instructions = client.getInstructions();
  await client.close();
  await rt.close();
  return { tools: tools as ListedTool[], instructions };
}
const listTools = async (env: Record<string, string>) => (await connect(env)).tools;

const CONFIGS = {
  personal: {},
  org: { MS365_MCP_ORG_MODE: 'true' },
  'org-read-only': { MS365_MCP_ORG_MODE: 'true', READ_ONLY: 'true' },
  'org-site-writes': { MS365_MCP_ORG_MODE: 'true', MS365_MCP_SITE_WRITES: 'true' },
} as const;
const surfaces = Object.fromEntries(await Promise.all(Object.entries(CONFIGS).map(async ([k, env]) => [k, await listTools(env)] as const))) as Record<keyof typeof CONFIGS, ListedTool[]>;
/** Organization mode with every group on: the surface of the deployment guide's permissions. */
const org = surfaces.org;
/** And writing to SharePoint too (MS365_MCP_SITE_WRITES): every tool there is. */
const full = surfaces['org-site-writes'];

const SNAPS = new URL('./__toolsnaps__/', import.meta.url);
const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;
const tokens = (tools: ListedTool[]) => countTokens(JSON.stringify({ tools }));

describe('tool surface', () => {
  it('offers these tools in each configuration', async () => {
    const names = Object.fromEntries(Object.entries(surfaces).map(([k, tools]) => [k, tools.map((t) => t.name)]));
    await expect(json(names)).toMatchFileSnapshot('./__snapshots__/tool-names.json');
  });

  for (const tool of full) {
    it(`lists ${tool.name} as its snapshot says`, async () => {
      await expect(json(tool)).toMatchFileSnapshot(`./__toolsnaps__/${tool.name}.json`);
    });
  }

  it('keeps a snapshot only for tools that exist', async () => {
    const files = (await fs.readdir(SNAPS)).filter((f) => f.endsWith('.json'));
    const orphans = files.filter((f) => !full.some((t) => `${t.name}.json` === f));
    expect(orphans, 'delete these from test/__toolsnaps__/').toEqual([]);
  });

  it('lists a tool the same way in every configuration, so one snapshot per tool covers them all', () => {
    expect(full.length).toBe(ALL_TOOLS.length);
    for (const tools of [surfaces.personal, surfaces['org-read-only'], org]) {
      for (const t of tools) expect(t, t.name).toEqual(full.find((o) => o.name === t.name));
    }
  });

  it('keeps the invariants for every tool of the full organization surface', () => {
    const names = full.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of full) {
      const group = ALL_TOOLS.find((d) => d.name === t.name)!.group;
      expect(t.name, `${t.name} starts with its group`).toMatch(new RegExp(`^${group}_[a-z]+(_[a-z]+)*$`));
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

  it('no listed schema has a nullable union (clients warn that `type: [..., "null"]` is not portable): optional instead', () => {
    const nullable = (s: unknown, at: string): string[] => {
      if (typeof s !== 'object' || s === null) return [];
      const o = s as Record<string, unknown>;
      const here = (Array.isArray(o.type) && o.type.includes('null')) || o.type === 'null' ? [at] : [];
      return [...here, ...Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? nullable(v, `${at}.${k}`) : []))];
    };
    expect(full.flatMap((t) => [...nullable(t.inputSchema, `${t.name}.input`), ...nullable(t.outputSchema, `${t.name}.output`)])).toEqual([]);
  });

  it('read tools declare write permissions only where Graph demands them (Excel), and read-only mode offers only read tools that need none', () => {
    for (const t of ALL_TOOLS.filter((t) => t.kind === 'read' && t.group !== 'excel')) {
      for (const s of [...t.scopes, ...(t.orgScopes ?? [])]) expect(s, `${t.name} declares ${s}`).not.toMatch(WRITE_SCOPE);
    }
    for (const t of surfaces['org-read-only']) expect(t.name.startsWith('excel_'), t.name).toBe(false);
    for (const t of surfaces['org-read-only'].filter((t) => !t.name.startsWith('auth_'))) expect(t.annotations?.readOnlyHint, t.name).toBe(true);
  });

  it('org-only tools appear only in organization mode', () => {
    const personal = new Set(surfaces.personal.map((t) => t.name));
    const orgNames = new Set(org.map((t) => t.name));
    expect(personal.has('users_list')).toBe(false);
    expect(orgNames.has('users_list')).toBe(true);
    for (const n of personal) expect(orgNames.has(n), n).toBe(true);
  });

  it('toggles and --enabled-tools narrow the surface', async () => {
    const noUsers = (await listTools({ MS365_MCP_ORG_MODE: 'true', MS365_MCP_ENABLE_USERS: 'false' })).map((t) => t.name);
    expect(noUsers.some((n) => n.startsWith('users_'))).toBe(false);
    const only = (await listTools({ MS365_MCP_ORG_MODE: 'true', MS365_MCP_ENABLED_TOOLS: '^users_get' })).map((t) => t.name);
    expect(only.sort()).toEqual(['users_get_me', 'users_get_user']);
  });
});

describe('instructions', () => {
  it("the server's instructions carry the enabled groups' instructions from the group table", async () => {
    const { instructions } = await connect(CONFIGS.org);
    expect(instructions).toBe(serverInstructions(new Set(GROUPS)));
    expect(instructions).toContain('call auth_login');
  });
});

describe('token budgets (o200k tokens of tools/list in organization mode, from the group table)', () => {
  it('every group has a budget, once', () => {
    expect(tokenBudgets().flatMap((b) => b.groups).sort()).toEqual([...GROUPS].sort());
  });

  for (const { groups, tokens: budget } of tokenBudgets()) {
    it(`${groups.join(' + ')}: at most ${budget.toLocaleString('en')}`, () => {
      const mine = org.filter((t) => groups.includes(ALL_TOOLS.find((d) => d.name === t.name)!.group));
      expect(tokens(mine)).toBeLessThanOrEqual(budget);
    });
  }

  it(`the whole organization surface, every group on: at most ${SURFACE_BUDGET.toLocaleString('en')}`, () => {
    expect(TOGGLE_NAMES.every((t) => buildConfig('serve', {}, CONFIGS.org).toggles[t])).toBe(true);
    expect(tokens(org)).toBeLessThanOrEqual(SURFACE_BUDGET);
    expect(tokens(full), 'with site writes too').toBeLessThanOrEqual(SURFACE_BUDGET);
  });
});

describe('permissions', () => {
  it('organization mode with every group on asks only for permissions of the deployment guide', async () => {
    // The guide's list, as `npm run reference` derives it into the committed fixtures.
    const { guidePermissions } = await import('./sandbox/csdl.js');
    const listed = new Set(guidePermissions());
    expect(listed.size).toBeGreaterThan(25);
    const all = Object.fromEntries(TOGGLE_NAMES.map((t) => [t, true])) as Parameters<typeof enabledGroups>[0];
    const scopes = requiredScopes(selectTools(ALL_TOOLS, { groups: enabledGroups(all), readOnly: false, orgMode: true }), true);
    for (const s of scopes) expect(listed.has(s), `${s} is not in the guide's permission list`).toBe(true);
  });
});
