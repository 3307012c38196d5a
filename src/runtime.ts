// The server's working parts built from a Config: the sign-in, the Graph client, the tools' code and the
// MCP server factory. Shared by the CLI commands, the stdio fast call and the tests, so all exercise the
// same wiring. The MCP SDK loads only with the factory (createRuntime), not for a fast call.
import { cloudEndpoints } from './auth/clouds.js';
import { lazyAuth, type TokenSource } from './auth/lazy-auth.js';
import { requiredScopes } from './auth/scopes.js';
import type { Config } from './config.js';
import { GraphClient } from './graph/client.js';
import type { Logger } from './log.js';
import { groupLoader, selectedTools, toolManifest } from './tools/catalog.js';
import { enabledGroups } from './tools/groups.js';
import type { Manifest, ManifestTool } from './tools/manifest.js';
import type { ToolCode } from './tools/register.js';
import type { Selection } from './tools/select.js';
import { memoryRateLimiter } from './tools/rate-limit.js';
import type { McpServer } from '@modelcontextprotocol/server';
import type { FrontRoutes } from './multiuser/front/routes.js';
import type { ResourceServer } from './multiuser/resource-server.js';
import { SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID } from './sandbox/contract.js';


export interface ToolRuntime {
  config: Config;
  selection: Selection;
  manifest: Manifest;
  /** The selected tools, as the manifest lists them. */
  tools: ManifestTool[];
  auth: TokenSource;
  graph: GraphClient;
  /** A selected tool's definition, its group loaded on first need (once per process). */
  code: ToolCode;
  /** Long-running servers: refresh tokens on a timer, signed in or not yet. */
  startKeepAlive(): void;
  close(): Promise<void>;
}

export interface Runtime extends ToolRuntime {
  factory: (ctx?: { authInfo?: { extra?: Record<string, unknown> } }) => McpServer;
  /** Many users over HTTP (MS365_MCP_HTTP_AUTH=entra): what checks each request's token. */
  resource?: ResourceServer;
  front?: FrontRoutes;
}

export function selectionOf(config: Config): Selection {
  return { groups: enabledGroups(config.toggles), readOnly: config.readOnly, orgMode: config.orgMode, siteWrites: config.siteWrites, enabledTools: config.enabledTools };
}

/** `node dist/index.js --login` with what decides this configuration's permissions: organization mode,
 *  read-only, the tool filter and the groups turned off. */
export function loginCommand(config: Config): string {
  const off = Object.entries(config.toggles).filter(([, on]) => !on).map(([t]) => `MS365_MCP_ENABLE_${t}=false `).join('');
  const flags = [config.orgMode ? ' --org-mode' : '', config.orgMode && config.siteWrites ? ' --site-writes' : '', config.readOnly ? ' --read-only' : '', config.enabledTools ? ` --enabled-tools '${config.enabledTools.source}'` : ''].join('');
  return `${off}node dist/index.js --login${flags}`;
}

export async function createRuntime(config: Config, log: Logger): Promise<Runtime> {
  const rt = await createToolRuntime(config, log);
  const { createServerFactory } = await import('./server.js');
  const c = rt.config;
  const many = c.http && c.httpAuth === 'entra' ? await (await import('./multiuser/setup.js')).manyUsers(c, requiredScopes(rt.tools, c.orgMode, c.siteWrites), log) : undefined;
  const rateLimiter = c.rateLimit ? (many?.rateLimiter ?? memoryRateLimiter({ perMinute: c.rateLimit, burst: c.rateLimitBurst })) : undefined;
  log.info(rateLimiter ? `server: each person may make ${c.rateLimit} tool calls a minute (bursts of ${c.rateLimitBurst})${many?.rateLimiter ? ', counted across replicas in Redis' : ''}` : 'server: no limit on tool calls per person (MS365_MCP_RATE_LIMIT=0)');
  const factory = createServerFactory({ manifest: rt.manifest, selection: rt.selection, graph: rt.graph, auth: rt.auth, log, transport: c.http ? 'http' : 'stdio', confirmDestructive: c.confirmDestructive, code: rt.code, ...(many ? { perUser: many.perUser } : {}), ...(rateLimiter ? { rateLimiter } : {}) });
  return { ...rt, factory, ...(many ? { resource: many.resource, ...(many.front ? { front: many.front } : {}) } : {}) };
}

/** The working parts without the MCP server (and without loading the SDK). */
export async function createToolRuntime(config: Config, log: Logger): Promise<ToolRuntime> {
  const cleanups: (() => Promise<void> | void)[] = [];
  if (config.sandbox) {
    const { startSandbox } = await import('./sandbox/index.js');
    const sandbox = await startSandbox({
      stateDir: config.sandboxStateDir,
      autoApproveUser: config.sandboxUser,
      tokenLifetimeSeconds: config.sandboxTokenLifetime,
      log: (line: string) => log.info(`sandbox: ${line}`),
    });
    cleanups.push(() => sandbox.close());
    config = { ...config, sandboxUrl: sandbox.url };
    log.info(`sandbox: tenant started at ${sandbox.url}${config.sandboxUser ? '' : ` (approve sign-ins at ${sandbox.url}/devicelogin)`}`);
  }
  const isSandbox = config.cloud === 'sandbox';
  const selection = selectionOf(config);
  const manifest = await toolManifest();
  const tools = selectedTools(selection, manifest);
  const auth = lazyAuth(
    {
      clientId: config.clientId ?? (isSandbox ? SANDBOX_CLIENT_ID : undefined),
      tenantId: config.tenantId ?? (isSandbox ? SANDBOX_TENANT_ID : config.orgMode ? 'organizations' : 'common'),
      cloud: config.cloud,
      sandboxUrl: config.sandboxUrl,
      scopes: requiredScopes(tools, config.orgMode, config.siteWrites),
      tokenCachePath: config.tokenCachePath,
      selectedAccountPath: config.selectedAccountPath,
      loginCommand: loginCommand(config),
      log,
    },
    log,
  );
  let keepAlive: NodeJS.Timeout | undefined;
  cleanups.push(async () => {
    if (keepAlive) clearInterval(keepAlive);
    (await auth.loaded())?.stop();
  });
  const graph = new GraphClient({ baseUrl: cloudEndpoints(config.cloud, config.sandboxUrl).graphBase, getToken: (s, force) => auth.getToken(s, force), log });
  return {
    startKeepAlive: () => {
      // Refreshing on a timer keeps the refresh token from expiring through inactivity (90 days).
      keepAlive = setInterval(() => {
        log.info('auth: keep-alive token refresh starting');
        auth.getToken(undefined, true).catch((e: Error) => log.warn(`auth: keep-alive token refresh failed: ${e.message}`));
      }, config.keepAliveMinutes * 60_000);
      keepAlive.unref();
    },
    config,
    selection,
    manifest,
    tools,
    auth,
    graph,
    code: groupLoader(log),
    close: async () => {
      for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
    },
  };
}
