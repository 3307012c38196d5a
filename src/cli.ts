// node dist/index.js [flags]: parses flags and environment into a Config and runs the command.
// Command output that a person reads goes to stdout only outside of serving; logs always to stderr.
import { parseArgs } from 'node:util';
import type { TokenSource } from './auth/lazy-auth.js';
import { adminConsentUrl } from './auth/consent-url.js';
import { requiredScopes } from './auth/scopes.js';
import { TokenStoreError, tokenStoreProblem } from './auth/file-store.js';
import { checkHealth, signInSummary } from './auth/health.js';
import { cacheHasAccount } from './auth/token-cache.js';
import { buildConfig, type Command, type Config, ConfigError } from './config.js';
import { createLogger, errorText, type Logger } from './log.js';
import { createRuntime, type Runtime, selectionOf } from './runtime.js';
import { groupsWithoutTools, selectedTools, toolManifest } from './tools/catalog.js';
import { stopSignal } from './signals.js';
import { GROUP_TABLE, TOGGLE_NAMES } from './tools/groups.js';
import { VERSION } from './version.js';

const FLAG_OPTIONS = {
  'org-mode': { type: 'boolean' },
  'site-writes': { type: 'boolean' },
  login: { type: 'boolean' },
  logout: { type: 'boolean' },
  'verify-login': { type: 'boolean' },
  'list-accounts': { type: 'boolean' },
  'list-permissions': { type: 'boolean' },
  health: { type: 'boolean' },
  sandbox: { type: 'boolean' },
  'read-only': { type: 'boolean' },
  'enabled-tools': { type: 'string' },
  http: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const HELP = `ms-365-mcp-server ${VERSION}: Microsoft 365 for AI assistants, through Microsoft Graph (MCP)

Usage: node dist/index.js [options]          serve MCP over stdio (the default)
       node dist/index.js sandbox [--port N] [--host H]   run the sandbox tenant alone

Options:
  --org-mode              organization mode: shared mailboxes, Teams, SharePoint, directory (MS365_MCP_ORG_MODE)
  --site-writes           with --org-mode: also write to SharePoint libraries and lists and to colleagues' files;
                          asks for Files.ReadWrite.All and Sites.ReadWrite.All (MS365_MCP_SITE_WRITES)
  --login                 sign in with a device code, then exit
  --logout                remove the cached sign-in
  --verify-login          prove the cached sign-in works: a forced token refresh, then Graph /me
  --list-accounts         list the accounts in the token cache
  --list-permissions      print the delegated Graph permissions this configuration needs
  --health                exit 0 when an account is signed in and its last refresh did not fail for good
  --sandbox               start the built-in sandbox tenant and use it (no Microsoft account needed)
  --read-only             offer only tools that do not change anything (READ_ONLY)
  --enabled-tools <re>    offer only tools whose name matches the regular expression (MS365_MCP_ENABLED_TOOLS)
  --http [host:]port      serve Streamable HTTP at /mcp instead of stdio (default host 127.0.0.1);
                          clients send MS365_MCP_HTTP_TOKEN as a bearer token (required beyond loopback)
  -v, --version           print the version
  -h, --help              print this help

Tool groups, all on by default; MS365_MCP_ENABLE_<name>=false turns one off (sign-in is always on):
${toggleLines()}

Environment: MS365_MCP_CLIENT_ID, MS365_MCP_TENANT_ID, MS365_MCP_CLOUD (global, china, usgov, usgovdod, sandbox),
  MS365_MCP_SANDBOX_URL, MS365_MCP_SANDBOX_USER (with --sandbox: approve sign-ins at once as this user, 'default'
  for Adele Vance), MS365_MCP_TOKEN_CACHE_PATH, MS365_MCP_SELECTED_ACCOUNT_PATH, LOG_LEVEL, and more in .env.example.
`;

/** The toggles with the groups they switch, built from the group table when the help is printed: the
 *  table is already loaded for the config, so this costs no import and cannot go stale. */
function toggleLines(): string {
  const width = Math.max(...TOGGLE_NAMES.map((t) => t.length));
  return TOGGLE_NAMES.map((t) => `  ${t.padEnd(width)}  ${GROUP_TABLE.filter((g) => g.toggle === t).map((g) => g.title).join(', ')}`).join('\n');
}

const VALUE_EXAMPLES: Record<string, string> = { http: '127.0.0.1:3000', port: '3000', host: '0.0.0.0', 'enabled-tools': "'^(mail|calendar)_'" };

/** Node's parser words an unknown flag for programmers; say which flag, and the closest real one. */
function flagProblem(e: unknown): string {
  const code = (e as { code?: string }).code;
  const flag = /'(-{1,2}[\w-]+)/.exec(errorText(e))?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
    const name = flag.replace(/^-+/, '').split('=')[0];
    const near = Object.keys(FLAG_OPTIONS).filter((o) => editDistance(o, name) <= 2 || o.startsWith(name) || name.startsWith(o));
    return `Unknown option ${flag}.${near.length ? ` Did you mean ${near.map((o) => `--${o}`).join(' or ')}?` : ''} See --help for the options.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    const example = VALUE_EXAMPLES[flag.replace(/^-+/, '')];
    return `The option ${flag} needs a value${example ? `, e.g. ${flag} ${example}` : ''}. See --help.`;
  }
  return `${errorText(e)}. See --help.`;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): Config {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: FLAG_OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new ConfigError(flagProblem(e));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1 || (positionals[0] && positionals[0] !== 'sandbox')) {
    throw new ConfigError(`Unknown command '${positionals.join(' ')}'. The only command is 'sandbox'; see --help.`);
  }
  const picked = (['help', 'version', 'login', 'logout', 'verify-login', 'list-accounts', 'list-permissions', 'health'] as const).filter((k) => values[k]);
  if (picked.length > 1) throw new ConfigError(`Choose one of --${picked.join(', --')}.`);
  const command: Command = positionals[0] === 'sandbox' ? 'sandbox' : (picked[0] ?? 'serve');
  const flags: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== false) flags[k] = String(v);
  return buildConfig(command, flags, env);
}


export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let config: Config;
  try {
    config = parseCommandLine(argv, env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  switch (config.command) {
    case 'help':
      process.stdout.write(HELP); // stdout-ok: a command's answer, not serving
      return 0;
    case 'version':
      process.stdout.write(`${VERSION}\n`); // stdout-ok: a command's answer, not serving
      return 0;
    case 'list-permissions':
      process.stdout.write(`${[...requiredScopes(selectedTools(selectionOf(config), await toolManifest()), config.orgMode, config.siteWrites), ...manyUserGrants(config)].join('\n')}\n`); // stdout-ok: a command's answer, not serving
      return 0;
    case 'health': {
      // The container's HEALTHCHECK: cheap (no MSAL, no network), exit 0 when healthy.
      const h = await checkHealth(config.tokenCachePath);
      process.stdout.write(`${h.healthy ? 'healthy' : 'unhealthy'}: ${h.reason}\n`); // stdout-ok: a command's answer, not serving
      return h.healthy ? 0 : 1;
    }
    case 'sandbox':
      return runSandbox(config, log);
    default:
      return runWithAuth(config, log);
  }
}

/** The Host names /mcp answers to: the configured ones, and the public URL's, which clients reach it by. */
const withPublicHost = (config: Config): string[] => [...config.allowedHosts, ...(config.publicUrl ? [new URL(config.publicUrl).hostname] : [])];

/** What else an admin grants for many users over HTTP, as comment lines after the Graph permissions: the API
 *  scope the app exposes, the front's redirect URI and where consent is granted. */
function manyUserGrants(config: Config): string[] {
  if (config.httpAuth !== 'entra') return [];
  const id = config.clientId ?? '<client id>';
  const tenant = config.tenantId ?? '<tenant>';
  return [
    `# MS365_MCP_HTTP_AUTH=entra: the app registration also exposes the delegated scope api://${id}/access_as_user`,
    ...(config.signInFront ? [`# and has the Web redirect URI ${config.publicUrl ?? '<MS365_MCP_PUBLIC_URL>'}/callback (the sign-in front)`] : []),
    `# Admin consent for the permissions above: ${adminConsentUrl({ clientId: id, tenantId: tenant, cloud: config.cloud })}`,
  ];
}

async function runSandbox(config: Config, log: Logger): Promise<number> {
  const stopping = stopSignal();
  const { startSandbox } = await import('./sandbox/index.js');
  const sandbox = await startSandbox({
    port: config.port,
    host: config.host,
    stateDir: config.sandboxStateDir,
    autoApproveUser: config.sandboxUser,
    tokenLifetimeSeconds: config.sandboxTokenLifetime,
    log: (line: string) => log.info(`sandbox: ${line}`),
  });
  log.info(`sandbox: tenant running at ${sandbox.url} (device login page: ${sandbox.url}/devicelogin)`);
  await stopping;
  await sandbox.close();
  return 0;
}

async function runWithAuth(config: Config, log: Logger): Promise<number> {
  let rt: Runtime | undefined;
  try {
    rt = await createRuntime(config, log);
    const { auth, graph } = rt;
    switch (config.command) {
      case 'login': {
        // Checked before a person is shown a code: a sign-in that cannot be saved is lost work.
        const store = await tokenStoreProblem([config.tokenCachePath, config.selectedAccountPath]);
        if (store) {
          process.stderr.write(`${store.message}\n`);
          return 1;
        }
        return await loginCommand(auth, log);
      }
      case 'logout': {
        const r = await auth.logout();
        process.stdout.write(r.removed.length ? `Signed out: ${r.removed.join(', ')}\n` : 'No account was signed in.\n'); // stdout-ok: a command's answer, not serving
        return 0;
      }
      case 'list-accounts': {
        const accounts = await auth.listAccounts();
        process.stdout.write(accounts.length ? accounts.map((a) => `${a.selected ? '*' : ' '} ${a.username}${a.name ? ` (${a.name})` : ''}`).join('\n') + '\n' : 'No accounts signed in.\n'); // stdout-ok: a command's answer, not serving
        return 0;
      }
      case 'verify-login': {
        // A forced refresh proves the refresh token (what keeps the sign-in alive), not only a cached access token.
        await auth.getToken(undefined, true);
        const me = await graph.get<{ displayName?: string; userPrincipalName?: string }>('/me', { query: { $select: 'displayName,userPrincipalName' } });
        process.stdout.write(`Signed in as ${me.displayName} <${me.userPrincipalName}>: the refresh token works (refreshed just now) and Graph answers.\n`); // stdout-ok: a command's answer, not serving
        return 0;
      }
      default:
        return await serve(rt, log);
    }
  } catch (e) {
    process.stderr.write(`${errorText(e)}\n`);
    return 1;
  } finally {
    await rt?.close();
  }
}

async function loginCommand(auth: TokenSource, log: Logger): Promise<number> {
  const r = await auth.startLogin(true);
  const m = await auth.manager();
  const account = await m!.waitForLogin();
  if (!account) return 1;
  log.debug(`auth: login command done (${r.alreadySignedIn ? 'already signed in' : 'new sign-in'})`);
  process.stderr.write(`Signed in as ${account.username}.\n`);
  return 0;
}

async function serve({ config, selection, manifest, tools, auth, factory, startKeepAlive, resource, front }: Runtime, log: Logger): Promise<number> {
  // Listened for before anything is served (after a fast-path hand-over it is the listener already there).
  const stopping = stopSignal();
  log.info(`server: ms-365-mcp-server ${VERSION} starting (${config.orgMode ? 'organization' : 'personal'} mode, ${config.readOnly ? 'read-only, ' : ''}${tools.length} tools, ${config.cloud} cloud)`);
  // A toggle that is on but offers nothing yet should not look like a misconfiguration.
  const empty = groupsWithoutTools(selection, manifest);
  if (empty.length) log.debug(`server: groups enabled but without tools in this version: ${empty.join(', ')}`);
  // Many users sign in through their own MCP clients: this server has no account of its own to start or keep.
  if (!resource) {
    // So that `docker compose logs` says at once who is signed in and for how long, not at the first refresh.
    const signIn = await signInSummary(config.tokenCachePath, config.keepAliveMinutes);
    if (/^auth: (signed in|no account)/.test(signIn)) log.info(signIn);
    else log.warn(signIn);
    if (config.autoLogin && !(await cacheHasAccount(config.tokenCachePath))) void autoLogin(auth, log);
    startKeepAlive();
  }
  if (config.http) {
    const { serveHttp } = await import('./transports/http.js');
    // The server card says what this configuration serves: its tools, the revisions the SDK speaks, its address.
    const card = { tools, readOnly: config.readOnly, orgMode: config.orgMode, protocolVersions: [...manifest.modernProtocolVersions, ...manifest.protocolVersions], ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}) };
    const h = await serveHttp(factory, config.http, { token: config.httpToken, allowedHosts: withPublicHost(config), card, ...(resource ? { resource } : {}), ...(front ? { front } : {}) }, log);
    await stopping;
    // Requests under way end (within the bound) before the process does; new ones go to other replicas meanwhile.
    await h.drain(config.shutdownGraceSeconds * 1000);
    await h.close();
    return 0;
  }
  const { serveStdioUntilEnd } = await import('./transports/stdio.js');
  await Promise.race([serveStdioUntilEnd(factory, log), stopping]);
  log.debug('server: stdio input ended; exiting');
  return 0;
}

/** Without a cached account the server starts the device-code sign-in by itself, while it serves. The
 *  identity platform may not be reachable yet (a container starting beside its network, or the sandbox
 *  tenant still starting), so failures to start are retried with a growing pause; a code that expires
 *  unused (15 minutes) is replaced by a new one, so a server left waiting can still be signed in. */
async function autoLogin(auth: TokenSource, log: Logger): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const m = await auth.manager();
      // startLogin looks the account up itself, after marking the sign-in as starting (see there).
      if (!m || (await m.startLogin(false)).alreadySignedIn) return;
      if (await m.waitForLogin()) return;
    } catch (e) {
      // A token directory this process cannot use does not heal by waiting: say it once (the start-up log
      // and every tool answer carry the fix).
      if (e instanceof TokenStoreError) return log.error(`auth: ${e.message}`);
      const waitS = Math.min(60, 2 ** attempt);
      log.warn(`auth: could not start the sign-in (${errorText(e)}); trying again in ${waitS} s`);
      await new Promise((r) => setTimeout(r, waitS * 1000).unref());
    }
  }
}
