// Many users over HTTP, assembled from a Config: the protected resource that checks each request's token, and the
// per-person Graph client whose tokens come on that person's behalf. The sandbox stands in for the tenant with its
// own app registration for this mode when no client id and secret are configured.
import { cloudEndpoints } from '../auth/clouds.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { SANDBOX_SERVER_APP_ID, SANDBOX_SERVER_SECRET, SANDBOX_TENANT_ID } from '../sandbox/contract.js';
import { resourceServer, type ResourceServer } from './resource-server.js';
import { perUser, type PerUser } from './users.js';

export async function manyUsers(config: Config, scopes: string[], log: Logger): Promise<{ resource: ResourceServer; perUser: PerUser }> {
  const sandbox = config.cloud === 'sandbox';
  const clientId = config.clientId ?? (sandbox ? SANDBOX_SERVER_APP_ID : undefined);
  const tenantId = config.tenantId ?? (sandbox ? SANDBOX_TENANT_ID : undefined);
  const clientSecret = config.clientSecret ?? (sandbox ? SANDBOX_SERVER_SECRET : undefined);
  // config.ts has refused a configuration without them; this is for the type checker.
  if (!clientId || !tenantId || !clientSecret || !config.http) throw new Error('many-user mode needs a client id, tenant and client secret');
  const ep = cloudEndpoints(config.cloud, config.sandboxUrl);
  const resource = resourceServer({ ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}), clientId, tenantId, authorityHost: ep.authorityHost, ...(sandbox ? { reachAt: config.sandboxUrl } : {}) });
  const { onBehalfOf } = await import('../auth/obo.js');
  const obo = onBehalfOf({ clientId, clientSecret, tenantId, cloud: config.cloud, sandboxUrl: config.sandboxUrl, scopes, log });
  log.info(`http: many users: tokens for ${resource.apiScope} from tenant ${tenantId}, exchanged on behalf of each person for ${scopes.length} Graph permissions`);
  return { resource, perUser: perUser({ graphBase: ep.graphBase, cloud: config.cloud, scopes, graphToken: (a) => obo.graphToken(a), log }) };
}
