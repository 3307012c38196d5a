// The few settings the stdio fast path (transports/fast-start.ts) needs, read without zod (importing zod
// costs about as much as starting Node). config.ts stays the authority: a value this reader does not
// take plainly makes the start take the full path, where config.ts reports it. test/early-config.test.ts
// checks that both read the same selection.
import { enabledGroups, TOGGLE_NAMES, type Toggle } from './tools/groups.js';
import { LOG_LEVELS, type LogLevel } from './log.js';
import type { Selection } from './tools/select.js';

/** The words a boolean setting accepts (config.ts uses the same table). */
export const BOOL_WORDS: Record<string, boolean> = { true: true, '1': true, yes: true, on: true, false: false, '0': false, no: false, off: false };

export interface EarlyConfig {
  selection: Selection;
  logLevel: LogLevel;
}

/** The selection and log level of a plain `node dist/index.js` (no flags) over stdio, or undefined when
 *  the environment asks for more than the fast path decides (HTTP) or holds a value it would refuse. */
export function earlyConfig(env: NodeJS.ProcessEnv): EarlyConfig | undefined {
  // An empty variable counts as unset, as in config.ts.
  const get = (name: string) => (env[name] === '' ? undefined : env[name]);
  if (get('MS365_MCP_HTTP') !== undefined) return undefined;
  const bool = (name: string, fallback: boolean) => {
    const raw = get(name);
    return raw === undefined ? fallback : BOOL_WORDS[raw.trim().toLowerCase()];
  };
  const orgMode = bool('MS365_MCP_ORG_MODE', false);
  const readOnly = bool('READ_ONLY', false);
  const siteWrites = bool('MS365_MCP_SITE_WRITES', false);
  const toggles = {} as Record<Toggle, boolean>;
  for (const t of TOGGLE_NAMES) toggles[t] = bool(`MS365_MCP_ENABLE_${t}`, true);
  if (orgMode === undefined || readOnly === undefined || siteWrites === undefined || Object.values(toggles).includes(undefined as unknown as boolean)) return undefined;
  const level = (get('LOG_LEVEL') ?? 'info').trim().toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(level)) return undefined;
  let enabledTools: RegExp | undefined;
  const pattern = get('MS365_MCP_ENABLED_TOOLS');
  try {
    enabledTools = pattern === undefined ? undefined : new RegExp(pattern);
  } catch {
    return undefined;
  }
  return { selection: { groups: enabledGroups(toggles), readOnly, orgMode, siteWrites, ...(enabledTools ? { enabledTools } : {}) }, logLevel: level };
}
