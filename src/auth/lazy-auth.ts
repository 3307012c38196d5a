// The sign-in machinery, loaded on first use: MSAL is large, and a process that only lists tools (every
// `docker exec` that asks tools/list) or makes one call with a fresh cached token should not pay for it.
import { AuthRequiredError } from '../graph/errors.js';
import { cachedSignIn } from './cached-token.js';
import { refusedForGood } from './health.js';
import { cloudEndpoints } from './clouds.js';
import type { Logger } from '../log.js';
import type { AuthService, AuthStatus } from '../tools/auth-service.js';
import type { AuthManager, AuthOptions } from './msal.js';

export interface TokenSource extends AuthService {
  getToken(signal?: AbortSignal, forceRefresh?: boolean): Promise<string>;
  /** The real manager (loading MSAL), or undefined when no client id is configured. */
  manager(): Promise<AuthManager | undefined>;
  /** The manager if something already loaded it; never loads MSAL. */
  loaded(): Promise<AuthManager | undefined>;
}

export function lazyAuth(opts: Omit<AuthOptions, 'clientId'> & { clientId?: string }, log: Logger): TokenSource {
  let loading: Promise<AuthManager | undefined> | undefined;
  /** A fresh token and its account straight from the cache file, without MSAL. */
  const fromCache = (clientId: string) => cachedSignIn({ ...opts, clientId, environment: new URL(cloudEndpoints(opts.cloud, opts.sandboxUrl).authorityHost).host });
  const manager = () =>
    (loading ??= opts.clientId
      ? (log.debug('auth: loading MSAL'), import('./msal.js').then(({ AuthManager }) => new AuthManager(opts as AuthOptions)))
      : Promise.resolve(undefined));
  const noClient = () =>
    new AuthRequiredError('No app registration configured: set MS365_MCP_CLIENT_ID (and MS365_MCP_TENANT_ID) to your Azure app, see docs/deployment.md; or try the sandbox tenant with --sandbox.');
  const need = async () => {
    const m = await manager();
    if (!m) throw noClient();
    return m;
  };
  log.debug(`auth: ${opts.cloud} cloud, ${opts.scopes.length} scopes`);
  return {
    manager,
    loaded: async () => (loading ? loading : undefined),
    getToken: async (signal, force) => {
      // Until something loads MSAL, a fresh token in the cache file is enough (see cached-token.ts).
      if (!force && !loading && opts.clientId) {
        signal?.throwIfAborted();
        const hit = await fromCache(opts.clientId);
        if (hit) return hit.token;
      }
      return (await need()).getToken(signal, force);
    },
    startLogin: async (force) => (await need()).startLogin(force),
    logout: async (u) => (await need()).logout(u),
    listAccounts: async () => {
      const m = await manager();
      return m ? m.listAccounts() : [];
    },
    status: async (): Promise<AuthStatus> => {
      // A call served from the cache file asks who is signed in (the user's time zone, "is this me?"): answered
      // from the same file, so a one-call process still never loads MSAL.
      const hit = !loading && opts.clientId ? await fromCache(opts.clientId) : undefined;
      if (hit && !(await refusedForGood(opts.tokenCachePath))) return { signedIn: true, account: { ...hit.account, selected: true }, cloud: opts.cloud, scopes: opts.scopes };
      const m = await manager();
      return m ? m.status() : { signedIn: false, cloud: opts.cloud, scopes: opts.scopes, lastError: noClient().message };
    },
  };
}
