// Many users over HTTP, assembled from a Config: the protected resource that checks each request's token, the
// sign-in front for MCP clients Entra cannot serve, and the per-person Graph client (tokens on behalf of an Entra
// token's person, or the ones the front keeps for its person). The sandbox stands in for the tenant with its own
// app registration for this mode when no client id and secret are configured.
import fs from 'node:fs/promises';
import path from 'node:path';
import { cloudEndpoints } from '../auth/clouds.js';
import type { Config } from '../config.js';
import { LOOPBACK_HOSTS } from '../http-access.js';
import type { Logger } from '../log.js';
import { SANDBOX_SERVER_APP_ID, SANDBOX_SERVER_SECRET, SANDBOX_TENANT_ID } from '../sandbox/contract.js';
import type { FrontRoutes } from './front/routes.js';
import type { MsalClients } from './front/entra.js';
import type { SigningKey } from './front/keys.js';
import type { FrontStore } from './front/store.js';
import { API_SCOPE_NAME, type RequestUser, resourceServer, type ResourceServer } from './resource-server.js';

/** What the sign-in front keeps: people's Entra tokens (through MSAL), its grants and its signing key. */
type FrontState = { msal: MsalClients; key: SigningKey; store: FrontStore };
import { perUser, type PerUser } from './users.js';
import type { RateLimiter } from '../tools/rate-limit.js';

export async function manyUsers(config: Config, scopes: string[], log: Logger): Promise<{ resource: ResourceServer; perUser: PerUser; front?: FrontRoutes; rateLimiter?: RateLimiter }> {
  const sandbox = config.cloud === 'sandbox';
  const clientId = config.clientId ?? (sandbox ? SANDBOX_SERVER_APP_ID : undefined);
  const tenantId = config.tenantId ?? (sandbox ? SANDBOX_TENANT_ID : undefined);
  const clientCertificate = config.clientCertificate;
  const clientSecret = config.clientSecret ?? (sandbox && !clientCertificate ? SANDBOX_SERVER_SECRET : undefined);
  // config.ts has refused a configuration without them; this is for the type checker.
  if (!clientId || !tenantId || !(clientSecret || clientCertificate) || !config.http) throw new Error('many-user mode needs a client id, tenant and client secret or certificate');
  const ep = cloudEndpoints(config.cloud, config.sandboxUrl);
  const app = { clientId, ...(clientSecret ? { clientSecret } : { clientCertificate }), tenantId, cloud: config.cloud, sandboxUrl: config.sandboxUrl, log };
  // Several replicas: Redis holds what they share (shared/); otherwise the process and its files.
  const shared = config.redisUrl ? await (await import('./replicated/state.js')).sharedState(config, app) : undefined;
  const front = config.signInFront ? await signInFront(config, app, scopes, shared?.front) : undefined;
  const resource = resourceServer({
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}), clientId, tenantId, authorityHost: ep.authorityHost,
    ...(sandbox ? { reachAt: config.sandboxUrl } : {}), ...(front ? { frontKey: front.key } : {}),
  });
  front?.bind(resource);
  const { onBehalfOf } = await import('../auth/obo.js');
  const obo = onBehalfOf({ ...app, scopes });
  log.info(`http: many users: tokens for ${resource.apiScope}${front ? ' from the sign-in front or' : ''} from tenant ${tenantId}, for ${scopes.length} Graph permissions`);
  const graphToken = (u: Parameters<PerUser>[0]) => (u.homeAccountId && front ? front.entra.graphToken(u.homeAccountId) : obo.graphToken(u.assertion));
  return { resource, perUser: perUser({ graphBase: ep.graphBase, cloud: config.cloud, scopes, graphToken, log, ...(shared ? { fetchFor: (u: RequestUser) => shared.slots(u.oid) } : {}) }), ...(front ? { front: front.routes } : {}), ...(shared?.rateLimiter ? { rateLimiter: shared.rateLimiter } : {}) };
}

type App = { clientId: string; clientSecret?: string; clientCertificate?: string; tenantId: string; cloud: Config['cloud']; sandboxUrl?: string; log: Logger };

/** The front's parts; its routes learn the server's address from the resource server once it listens. */
async function signInFront(config: Config, app: App, scopes: string[], shared?: FrontState) {
  const [{ clientDirectory, registeredClients }, { entraSignIn }, { frontRoutes }] = await Promise.all([import('./front/clients.js'), import('./front/entra.js'), import('./front/routes.js')]);
  const { msal, key, store } = shared ?? (await processFrontState(config, app));
  let resource: ResourceServer | undefined;
  const base = () => resource!.frontIssuer()!;
  const authorityHost = cloudEndpoints(app.cloud, app.sandboxUrl).authorityHost;
  const reach = app.cloud === 'sandbox' && app.sandboxUrl ? (url: string) => url.replace(authorityHost, app.sandboxUrl!.replace(/\/+$/, '')) : undefined;
  const entra = entraSignIn({ msal, scopes, callbackUrl: () => `${base()}/callback`, ...(reach ? { reach } : {}), log: app.log });
  // Client metadata on loopback is fetched only by a server that itself listens there (development, tests).
  const loopback = !config.publicUrl && LOOPBACK_HOSTS.has(config.http!.host);
  const routes = frontRoutes({
    base, resource: () => resource!.resource(), apiScope: `api://${app.clientId}/${API_SCOPE_NAME}`, scopeName: API_SCOPE_NAME,
    clients: clientDirectory({ allowLoopback: loopback, ...(config.oauthClientsFile ? { registered: registeredClients(await readClients(config.oauthClientsFile), config.oauthClientsFile) } : {}) }),
    entra, store, key, log: app.log,
  });
  return { key, entra, routes, bind: (r: ResourceServer) => void (resource = r) };
}

/** One machine: the people's Entra tokens (MSAL), the front's key and its refresh tokens in 0600 files beside the
 *  server's token cache. */
async function processFrontState(config: Config, app: App): Promise<FrontState> {
  const [{ processCache }, { confidentialClient }, { signingKey }, { frontStore }, { processClients }] = await Promise.all([
    import('./front/cache.js'), import('../auth/confidential.js'), import('./front/keys.js'), import('./front/store.js'), import('./front/entra.js'),
  ]);
  const dir = path.dirname(config.tokenCachePath);
  const cca = confidentialClient({ ...app, cachePlugin: await processCache(path.join(dir, 'front-token-cache.json'), app.log) });
  const [key, store] = await Promise.all([signingKey(path.join(dir, 'front-signing-key.json')), frontStore(path.join(dir, 'front-grants.json'))]);
  return { msal: processClients(cca), key, store };
}

const readClients = (file: string) =>
  fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(`cannot read MS365_MCP_OAUTH_CLIENTS_FILE (${e.code ?? 'error'}): ${file}`);
  });
