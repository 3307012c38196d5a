// One schema for every setting. Values come from CLI flags (first) and the environment; a bad value
// stops the start with one line that names the variable and what it accepts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { CLOUDS, type Cloud } from './auth/clouds.js';
import { BOOL_WORDS } from './early-config.js';
import { httpSecret, LOOPBACK_HOSTS, resolveHttpToken } from './http-access.js';
import { LOG_LEVELS, type LogLevel } from './log.js';
import { TOGGLE_NAMES, type Toggle } from './tools/groups.js';

export const COMMANDS = ['serve', 'login', 'logout', 'verify-login', 'list-accounts', 'list-permissions', 'health', 'version', 'help', 'sandbox'] as const;
export type Command = (typeof COMMANDS)[number];

export interface Config {
  command: Command;
  clientId?: string;
  tenantId?: string;
  orgMode: boolean;
  /** Organization mode also writes to SharePoint libraries and lists and to others' files (beyond the guide's permissions). */
  siteWrites: boolean;
  logLevel: LogLevel;
  toggles: Record<Toggle, boolean>;
  tokenCachePath: string;
  selectedAccountPath: string;
  cloud: Cloud;
  sandboxUrl?: string;
  /** --sandbox: start the sandbox tenant in this process and use it. */
  sandbox: boolean;
  sandboxUser?: string;
  sandboxTokenLifetime?: number;
  sandboxStateDir: string;
  /** `sandbox --port N`: port of the standalone sandbox. */
  port: number;
  host: string;
  readOnly: boolean;
  enabledTools?: RegExp;
  http?: { host: string; port: number };
  /** The bearer token /mcp requires, from MS365_MCP_HTTP_TOKEN or MS365_MCP_HTTP_TOKEN_FILE. */
  httpToken?: string;
  httpTokenFile?: string;
  httpAllowUnauthenticated: boolean;
  /** Who may call /mcp: `token` (one shared bearer token, one signed-in account) or `entra` (each person with
   *  their own Entra token for this server's API, exchanged on their behalf for Graph). */
  httpAuth: 'token' | 'entra';
  /** The app registration's client secret (entra mode), from MS365_MCP_CLIENT_SECRET(_FILE). */
  clientSecret?: string;
  clientSecretFile?: string;
  /** Or its certificate credential: the certificate and private key, PEM, from MS365_MCP_CLIENT_CERTIFICATE_FILE. */
  clientCertificate?: string;
  clientCertificateFile?: string;
  /** The server's address as clients reach it (entra mode), e.g. https://mcp.contoso.com. */
  publicUrl?: string;
  /** Entra mode: the server's own sign-in front for MCP clients not registered in Entra (multiuser/front/). */
  signInFront: boolean;
  /** The sign-in front's pre-registered clients (JSON: client_id, client_name, redirect_uris), besides those
   *  known by their metadata documents. */
  oauthClientsFile?: string;
  /** Entra mode across replicas: the Redis that holds their shared state (redis:// or rediss://), its password
   *  (read from MS365_MCP_REDIS_PASSWORD_FILE) and the file of the keys that seal what is kept there. */
  redisUrl?: string;
  redisPasswordFile?: string;
  redisPassword?: string;
  encryptionKeyFile?: string;
  /** Extra names allowed in Host and Origin headers (MS365_MCP_ALLOWED_HOSTS). */
  allowedHosts: string[];
  autoLogin: boolean;
  keepAliveMinutes: number;
  confirmDestructive: boolean;
  /** Each person's limit on tool calls that reach Microsoft 365: a sustained rate per minute (0: no limit) and how
   *  many may come at once (tools/rate-limit.ts). */
  rateLimit: number;
  rateLimitBurst: number;
  /** HTTP: how long a stop signal waits for the requests under way before the process exits anyway. */
  shutdownGraceSeconds: number;
}

export class ConfigError extends Error {}

const bool = z.string().transform((v, ctx) => {
  const b = BOOL_WORDS[v.trim().toLowerCase()];
  if (b === undefined) ctx.addIssue({ code: 'custom', message: 'must be one of: true, false' });
  return b ?? false;
});
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const clientId = z.string().regex(GUID, 'must be a GUID: the Application (client) ID of your app registration');
const tenantId = z.string().regex(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|common|organizations|consumers|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i,
  'must be a GUID (the Directory (tenant) ID), a verified domain, or one of: common, organizations, consumers');
const oneOf = <T extends string>(values: readonly T[]) =>
  z.string().transform((v) => v.trim().toLowerCase()).pipe(z.enum(values as [T, ...T[]], { message: `must be one of: ${values.join(', ')}` }));
const port = z.string().regex(/^\d+$/, 'must be a port number 0-65535').transform(Number).pipe(z.number().max(65535, 'must be a port number 0-65535'));
const positiveInt = (what: string) => z.string().regex(/^\d+$/, `must be a whole number of ${what}`).transform(Number).pipe(z.number().min(1, `must be at least 1 ${what}`));
const wholeNumber = (what: string) => z.string().regex(/^\d+$/, `must be a whole number of ${what}`).transform(Number);
const regex = z.string().transform((v, ctx) => {
  try { return new RegExp(v); } catch { ctx.addIssue({ code: 'custom', message: 'must be a valid regular expression' }); return z.NEVER; }
});
const hostList = z.string().transform((v) => v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean));
const hostPort = z.string().transform((v, ctx) => {
  const m = /^(?:(\[[^\]]+\]|[^:]+):)?(\d{1,5})$/.exec(v.trim());
  const p = m ? Number(m[2]) : NaN;
  if (!m || p > 65535) { ctx.addIssue({ code: 'custom', message: 'must be [host:]port, e.g. 3000 or 127.0.0.1:3000' }); return z.NEVER; }
  return { host: (m[1] ?? '127.0.0.1').replace(/^\[|\]$/g, ''), port: p };
});

interface Setting {
  schema: z.ZodType;
  env?: string;
  flag?: string;
  fallback?: string;
  /** Never echoed in an error line. */
  secret?: boolean;
}

/** Each setting: its schema, where it comes from (flag first, then env var) and its default. */
const SETTINGS = {
  clientId: { schema: clientId, env: 'MS365_MCP_CLIENT_ID' },
  tenantId: { schema: tenantId, env: 'MS365_MCP_TENANT_ID' },
  orgMode: { schema: bool, env: 'MS365_MCP_ORG_MODE', flag: 'org-mode', fallback: 'false' },
  siteWrites: { schema: bool, env: 'MS365_MCP_SITE_WRITES', flag: 'site-writes', fallback: 'false' },
  logLevel: { schema: oneOf(LOG_LEVELS), env: 'LOG_LEVEL', fallback: 'info' },
  tokenCachePath: { schema: z.string().min(1), env: 'MS365_MCP_TOKEN_CACHE_PATH' },
  selectedAccountPath: { schema: z.string().min(1), env: 'MS365_MCP_SELECTED_ACCOUNT_PATH' },
  cloud: { schema: oneOf(CLOUDS), env: 'MS365_MCP_CLOUD', fallback: 'global' },
  sandboxUrl: { schema: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://sandbox:8080' }), env: 'MS365_MCP_SANDBOX_URL' },
  sandbox: { schema: bool, flag: 'sandbox', fallback: 'false' },
  sandboxUser: { schema: z.string().min(1), env: 'MS365_MCP_SANDBOX_USER' },
  sandboxTokenLifetime: { schema: positiveInt('seconds'), env: 'MS365_MCP_SANDBOX_TOKEN_LIFETIME' },
  sandboxStateDir: { schema: z.string().min(1), env: 'MS365_MCP_SANDBOX_STATE_DIR' },
  port: { schema: port, flag: 'port', env: 'MS365_MCP_SANDBOX_PORT', fallback: '0' },
  host: { schema: z.string().min(1), flag: 'host', fallback: '127.0.0.1' },
  readOnly: { schema: bool, env: 'READ_ONLY', flag: 'read-only', fallback: 'false' },
  enabledTools: { schema: regex, env: 'MS365_MCP_ENABLED_TOOLS', flag: 'enabled-tools' },
  http: { schema: hostPort, env: 'MS365_MCP_HTTP', flag: 'http' },
  httpToken: { schema: httpSecret, env: 'MS365_MCP_HTTP_TOKEN', secret: true },
  httpTokenFile: { schema: z.string().min(1), env: 'MS365_MCP_HTTP_TOKEN_FILE' },
  httpAllowUnauthenticated: { schema: bool, env: 'MS365_MCP_HTTP_ALLOW_UNAUTHENTICATED', fallback: 'false' },
  httpAuth: { schema: oneOf(['token', 'entra'] as const), env: 'MS365_MCP_HTTP_AUTH', fallback: 'token' },
  clientSecret: { schema: z.string().trim().min(1), env: 'MS365_MCP_CLIENT_SECRET', secret: true },
  clientSecretFile: { schema: z.string().min(1), env: 'MS365_MCP_CLIENT_SECRET_FILE' },
  clientCertificateFile: { schema: z.string().min(1), env: 'MS365_MCP_CLIENT_CERTIFICATE_FILE' },
  publicUrl: { schema: z.url({ protocol: /^https?$/, message: 'must be the https URL clients reach the server at, e.g. https://mcp.contoso.com' }).transform((u) => u.replace(/\/+$/, '')), env: 'MS365_MCP_PUBLIC_URL' },
  signInFront: { schema: bool, env: 'MS365_MCP_SIGNIN_FRONT', fallback: 'true' },
  oauthClientsFile: { schema: z.string().min(1), env: 'MS365_MCP_OAUTH_CLIENTS_FILE' },
  redisUrl: { schema: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// (TLS) URL, e.g. redis://redis:6379' }), env: 'MS365_MCP_REDIS_URL', secret: true },
  redisPasswordFile: { schema: z.string().min(1), env: 'MS365_MCP_REDIS_PASSWORD_FILE' },
  encryptionKeyFile: { schema: z.string().min(1), env: 'MS365_MCP_ENCRYPTION_KEY_FILE' },
  allowedHosts: { schema: hostList, env: 'MS365_MCP_ALLOWED_HOSTS', fallback: '' },
  autoLogin: { schema: bool, env: 'MS365_MCP_AUTO_LOGIN', fallback: 'true' },
  keepAliveMinutes: { schema: positiveInt('minutes'), env: 'MS365_MCP_KEEPALIVE_MINUTES', fallback: '720' },
  confirmDestructive: { schema: bool, env: 'MS365_MCP_CONFIRM_DESTRUCTIVE', fallback: 'true' },
  // One person's assistant at 60 tool calls a minute (each a few Graph requests) stays far below what Graph allows the
  // app for one mailbox (Outlook: 10,000 requests per 10 minutes) and spends a small share of what the app has for
  // the whole tenant (SharePoint: 1,250 resource units a minute in a tenant of up to 1,000 licences, 1-2 per request;
  // Teams: 30 GET requests a second), so a runaway loop cannot get the app throttled for everyone. A person and their
  // assistant rarely pass 20-30 calls a minute; 20 at once covers an assistant's widest parallel round.
  rateLimit: { schema: wholeNumber('tool calls per minute (0: no limit)'), env: 'MS365_MCP_RATE_LIMIT', fallback: '60' },
  rateLimitBurst: { schema: positiveInt('calls'), env: 'MS365_MCP_RATE_LIMIT_BURST', fallback: '20' },
  // Below Kubernetes' default terminationGracePeriodSeconds (30), which ends in SIGKILL.
  shutdownGraceSeconds: { schema: positiveInt('seconds'), env: 'MS365_MCP_SHUTDOWN_GRACE_SECONDS', fallback: '25' },
} as const satisfies Record<string, Setting>;

/** Every environment variable the server reads. */
export const ENV_VARS: string[] = [
  ...Object.values(SETTINGS).flatMap((s: Setting) => (s.env ? [s.env] : [])),
  ...TOGGLE_NAMES.map((t) => `MS365_MCP_ENABLE_${t}`),
];

/** Entra mode's settings, checked: the client secret or certificate (read from their files), the app registration
 *  and tenant. */
function entraAccess(out: Record<string, unknown>): { clientSecret?: string; clientCertificate?: string } {
  const fail = (why: string) => new ConfigError(`Invalid configuration: MS365_MCP_HTTP_AUTH=entra ${why}`);
  if (out.httpToken) throw fail('does not use MS365_MCP_HTTP_TOKEN: each person signs in with their own account; remove it');
  const sandbox = out.cloud === 'sandbox';
  if (!sandbox && !out.clientId) throw fail('needs MS365_MCP_CLIENT_ID: the app registration that exposes api://{client id}/access_as_user (docs/deployment.md)');
  if (!sandbox && (!out.tenantId || /^(common|organizations|consumers)$/i.test(String(out.tenantId)))) throw fail('needs MS365_MCP_TENANT_ID: your tenant\'s id or domain (tokens are checked against its issuer)');
  if ([out.clientSecret, out.clientSecretFile, out.clientCertificateFile].filter(Boolean).length > 1) throw fail('takes one of MS365_MCP_CLIENT_SECRET, MS365_MCP_CLIENT_SECRET_FILE and MS365_MCP_CLIENT_CERTIFICATE_FILE');
  const read = (name: string, file: unknown) => {
    try {
      return fs.readFileSync(String(file), 'utf8').trim();
    } catch (e) {
      throw fail(`cannot read ${name} (${(e as NodeJS.ErrnoException).code ?? 'error'}): ${String(file)}`);
    }
  };
  const found: { clientSecret?: string; clientCertificate?: string } = {};
  if (out.clientSecretFile) found.clientSecret = read('MS365_MCP_CLIENT_SECRET_FILE', out.clientSecretFile);
  if (out.clientCertificateFile) {
    const pem = read('MS365_MCP_CLIENT_CERTIFICATE_FILE', out.clientCertificateFile);
    if (!/-----BEGIN CERTIFICATE-----/.test(pem) || !/-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem)) throw fail('needs MS365_MCP_CLIENT_CERTIFICATE_FILE to hold the certificate and its private key, both PEM (-----BEGIN CERTIFICATE----- and -----BEGIN PRIVATE KEY-----)');
    found.clientCertificate = pem;
  }
  if (!out.clientSecret && !found.clientSecret && !found.clientCertificate && !sandbox) throw fail('needs MS365_MCP_CLIENT_SECRET(_FILE) or MS365_MCP_CLIENT_CERTIFICATE_FILE (a Docker secret): the app registration\'s credential, for exchanging tokens on behalf of each person');
  const http = out.http as { host: string; port: number };
  if (!out.publicUrl && !LOOPBACK_HOSTS.has(http.host)) throw fail(`needs MS365_MCP_PUBLIC_URL: the https address clients reach the server at (it is in the metadata they discover)`);
  return found;
}

/** Shared state in Redis: only for the many-user mode, always sealed; the password read from its file. */
function sharedState(out: Record<string, unknown>): { redisPassword?: string } {
  const fail = (why: string) => new ConfigError(`Invalid configuration: ${why}`);
  if (!out.redisUrl) {
    if (out.redisPasswordFile || out.encryptionKeyFile) throw fail('MS365_MCP_REDIS_PASSWORD_FILE and MS365_MCP_ENCRYPTION_KEY_FILE go with MS365_MCP_REDIS_URL');
    return {};
  }
  if (out.httpAuth !== 'entra' || !out.http) throw fail('MS365_MCP_REDIS_URL is for the many-user HTTP mode (MS365_MCP_HTTP with MS365_MCP_HTTP_AUTH=entra), whose replicas share their state there');
  if (!out.encryptionKeyFile) throw fail('MS365_MCP_REDIS_URL needs MS365_MCP_ENCRYPTION_KEY_FILE: the file of the key that encrypts people\'s tokens in Redis (openssl rand -base64 32; docs/deployment.md)');
  if (!out.redisPasswordFile) return {};
  try {
    return { redisPassword: fs.readFileSync(String(out.redisPasswordFile), 'utf8').trim() };
  } catch (e) {
    throw fail(`cannot read MS365_MCP_REDIS_PASSWORD_FILE (${(e as NodeJS.ErrnoException).code ?? 'error'}): ${String(out.redisPasswordFile)}`);
  }
}

export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'ms-365-mcp-server');
}

/** Builds the Config from parsed flags (string values; booleans as 'true') and the environment. */
export function buildConfig(command: Command, flags: Record<string, string | undefined>, env: NodeJS.ProcessEnv): Config {
  const out: Record<string, unknown> = {};
  const read = (key: string, spec: Setting) => {
    const fromFlag = spec.flag ? flags[spec.flag] : undefined;
    const fromEnv = spec.env ? env[spec.env] : undefined;
    const raw = fromFlag ?? (fromEnv === '' ? undefined : fromEnv) ?? spec.fallback;
    if (raw === undefined) return;
    const r = spec.schema.safeParse(raw);
    if (!r.success) {
      const name = fromFlag !== undefined ? `--${spec.flag}` : fromEnv !== undefined ? spec.env : `${key} default`;
      const shown = spec.secret ? `a value of ${raw.length} characters` : `'${raw.length > 60 ? `${raw.slice(0, 57)}...` : raw}'`;
      throw new ConfigError(`Invalid configuration: ${name} ${r.error.issues[0]?.message ?? 'is invalid'} (got ${shown})`);
    }
    out[key] = r.data;
  };
  for (const [key, spec] of Object.entries(SETTINGS)) read(key, spec);
  const toggles = {} as Record<Toggle, boolean>;
  for (const t of TOGGLE_NAMES) {
    read(`toggle_${t}`, { schema: bool, env: `MS365_MCP_ENABLE_${t}`, fallback: 'true' });
    toggles[t] = out[`toggle_${t}`] as boolean;
    delete out[`toggle_${t}`];
  }
  const dataDir = defaultDataDir(env);
  const usesSandbox = out.sandbox === true || out.cloud === 'sandbox' || command === 'sandbox';
  // The sandbox's sign-ins are kept apart from a real tenant's by default.
  const cacheDir = usesSandbox ? path.join(dataDir, 'sandbox') : dataDir;
  if (out.sandbox === true) out.cloud = 'sandbox';
  if (out.cloud === 'sandbox' && !out.sandbox && !out.sandboxUrl && command !== 'sandbox' && command !== 'help' && command !== 'version') {
    throw new ConfigError('Invalid configuration: MS365_MCP_CLOUD=sandbox needs MS365_MCP_SANDBOX_URL (the URL of `node dist/index.js sandbox`), or use --sandbox');
  }
  const access = resolveHttpToken(out as unknown as Parameters<typeof resolveHttpToken>[0]);
  if (access.problem && command === 'serve') throw new ConfigError(`Invalid configuration: ${access.problem}`);
  out.httpToken = access.token;
  if (out.httpAuth === 'entra' && out.http && command === 'serve') Object.assign(out, entraAccess(out));
  if (command === 'serve') Object.assign(out, sharedState(out));
  return {
    command,
    ...(out as Omit<Config, 'command' | 'toggles' | 'tokenCachePath' | 'selectedAccountPath' | 'sandboxStateDir'>),
    toggles,
    tokenCachePath: (out.tokenCachePath as string) ?? path.join(cacheDir, '.token-cache.json'),
    selectedAccountPath: (out.selectedAccountPath as string) ?? path.join(cacheDir, '.selected-account.json'),
    sandboxStateDir: (out.sandboxStateDir as string) ?? path.join(dataDir, 'sandbox-tenant'),
  };
}
