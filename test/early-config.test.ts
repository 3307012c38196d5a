// The stdio fast path reads the selection without zod (src/early-config.ts); config.ts is the authority.
// Both must pick the same tools for every environment, and the fast path must step aside whenever
// config.ts would refuse one of the values it reads.
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config.js';
import { earlyConfig } from '../src/early-config.js';
import { selectionOf } from '../src/runtime.js';

const VALUES = [undefined, '', 'true', 'FALSE', ' yes ', '0', 'off', 'maybe'];
const CASES: Record<string, string | undefined>[] = [
  ...VALUES.map((v) => ({ MS365_MCP_ORG_MODE: v })),
  ...VALUES.map((v) => ({ READ_ONLY: v, MS365_MCP_ORG_MODE: 'true' })),
  ...VALUES.map((v) => ({ MS365_MCP_ENABLE_MAIL: v, MS365_MCP_ENABLE_USERS: 'no' })),
  ...['^users_', 'mail|calendar_list', '', '(unclosed'].map((v) => ({ MS365_MCP_ENABLED_TOOLS: v })),
  ...['debug', ' WARN ', 'error', '', 'loud'].map((v) => ({ LOG_LEVEL: v })),
];

const env = (c: Record<string, string | undefined>) => Object.fromEntries(Object.entries({ HOME: '/nonexistent-home', ...c }).filter(([, v]) => v !== undefined)) as Record<string, string>;
const plain = (s: ReturnType<typeof selectionOf>) => ({ ...s, groups: [...s.groups].sort(), enabledTools: s.enabledTools?.source });

describe('early config (the fast path) reads what config.ts reads', () => {
  for (const c of CASES) {
    it(JSON.stringify(c), () => {
      let config;
      try {
        config = buildConfig('serve', {}, env(c));
      } catch {
        config = undefined;
      }
      const early = earlyConfig(env(c));
      if (!config) return expect(early, 'config.ts refuses this environment, so the fast path must not serve it').toBeUndefined();
      expect(early).toBeDefined();
      expect(plain(early!.selection)).toEqual(plain(selectionOf(config)));
      expect(early!.logLevel).toBe(config.logLevel);
    });
  }

  it('leaves HTTP to the full start', () => {
    expect(buildConfig('serve', {}, env({ MS365_MCP_HTTP: '3000' })).http).toBeDefined();
    expect(earlyConfig(env({ MS365_MCP_HTTP: '3000' }))).toBeUndefined();
  });
});
