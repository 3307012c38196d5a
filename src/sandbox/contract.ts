// The contract between the sandbox's parts (identity, graph, seed) and its callers (the CLI and tests).
// The sandbox imports nothing from the rest of the project: it is a separate program that happens to
// live in the same package.

/** A usage limit: at most `requests` requests within any `seconds` seconds. */
export interface RateLimit {
  requests: number;
  seconds: number;
}

/** What the workloads' own behaviour is set to when the tenant is built (everything else is Graph's). */
export interface TenantSettings {
  /** OneNote's throttling of each app for each user; default Graph's documented limits (120 requests a minute and
   *  400 an hour). Tests set small ones to reach them quickly. */
  oneNoteLimits?: readonly RateLimit[];
}

/** Options for startSandbox(). The CLI fills them from flags and MS365_MCP_SANDBOX_* variables. */
export interface SandboxOptions extends TenantSettings {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Directory where the signing key and issued refresh tokens persist, so they survive a restart.
   *  Undefined: kept in memory only. */
  stateDir?: string;
  /** 'default' approves every device code at once as the tenant's default user; a UPN approves as that
   *  user (MS365_MCP_SANDBOX_USER). Undefined: a person approves on the /devicelogin page. */
  autoApproveUser?: string;
  /** Access-token lifetime in seconds (MS365_MCP_SANDBOX_TOKEN_LIFETIME); default 3600. */
  tokenLifetimeSeconds?: number;
  /** Poll interval in seconds returned by the devicecode endpoint; default 1 (real: 5), to keep tests fast. */
  deviceCodeIntervalSeconds?: number;
  /** A fault for clients to be tested against: a refresh token dies the moment it is redeemed, where Entra
   *  keeps it valid until it expires. Default false. */
  strictRefreshRotation?: boolean;
  /** PEM certificates registered on app registrations, by app id: their private keys' assertions authenticate
   *  the app as a confidential client (certificate credentials), as a secret does. */
  appCertificates?: Readonly<Record<string, readonly string[]>>;
  /** Log lines (never tokens) go here; default: nothing. */
  log?: (line: string) => void;
}

export interface RunningSandbox {
  /** Base URL, e.g. http://127.0.0.1:43123 (identity at /{tenant}/oauth2/v2.0/..., Graph at /v1.0/...). */
  url: string;
  close(): Promise<void>;
}

/** The demo tenant's id, a fixed GUID so caches and tests are stable. */
export const SANDBOX_TENANT_ID = '6f1c4e2a-93b5-4d7e-8a61-2c0f9e5b7d34';
/** Accepted as the app registration of the sandbox when no client id is configured. */
export const SANDBOX_CLIENT_ID = 'a3d9c7e1-5b2f-4c8a-9e6d-1f0b3a7c5e92';
/** The MCP server's own registration for many users over HTTP: a confidential web API exposing
 *  api://{id}/access_as_user, which exchanges its users' tokens for Graph tokens on their behalf. */
export const SANDBOX_SERVER_APP_ID = 'c5e1a9d3-7f4b-4e2c-8a6d-3b9f1e7c5a20';
/** Its client secret in the sandbox (a real one comes from a file or a Docker secret). */
export const SANDBOX_SERVER_SECRET = 'sandbox-server-secret-not-for-production';
/** An MCP client the organization registered in Entra itself, pre-authorized for the server's API. */
export const SANDBOX_ORG_CLIENT_ID = 'e7b3c1f5-9a2d-4b6e-8c0f-5d1a3e9b7c46';

/** A person of the demo organization as the identity side needs it (the seed has more fields). */
export interface SeedUser {
  id: string; // GUID, the Entra object id (oid claim)
  userPrincipalName: string; // e.g. adele.vance@contoso.sandbox
  displayName: string;
  mail: string | null;
  /** false for the shared mailbox: it cannot sign in. */
  accountEnabled: boolean;
}
