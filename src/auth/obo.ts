// Graph tokens on behalf of each person of an HTTP deployment: MSAL's confidential client trades the person's
// token for this server's API (the request's bearer token) for a Graph token with the permissions the enabled
// tools need, and caches it by that assertion (so one person's token never answers another's request). Loaded only
// in that mode: MSAL is large.
import { ConfidentialClientApplication, LogLevel as MsalLogLevel } from '@azure/msal-node';
import { AuthRequiredError } from '../graph/errors.js';
import type { Logger } from '../log.js';
import { type Cloud, cloudEndpoints, sandboxMetadata } from './clouds.js';
import { FetchNetworkClient } from './network.js';

export interface OboOptions {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  cloud: Cloud;
  sandboxUrl?: string;
  scopes: string[];
  log: Logger;
}

export function onBehalfOf(o: OboOptions) {
  const ep = cloudEndpoints(o.cloud, o.sandboxUrl);
  const authority = `${ep.authorityHost}/${o.tenantId}`;
  const cca = new ConfidentialClientApplication({
    auth: { clientId: o.clientId, clientSecret: o.clientSecret, authority, knownAuthorities: [new URL(ep.authorityHost).host], ...(o.cloud === 'sandbox' ? sandboxMetadata(authority) : {}) },
    system: {
      networkClient: new FetchNetworkClient({ sandboxUrl: o.cloud === 'sandbox' ? o.sandboxUrl : undefined, log: o.log }),
      loggerOptions: { piiLoggingEnabled: false, logLevel: MsalLogLevel.Warning, loggerCallback: (_l, message) => o.log.debug(`auth: msal: ${message}`) },
    },
  });
  const graphScopes = o.scopes.filter((s) => !['openid', 'profile', 'offline_access'].includes(s.toLowerCase()));
  return {
    /** A Graph token for the person whose API token `assertion` is. */
    async graphToken(assertion: string): Promise<string> {
      try {
        const r = await cca.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: graphScopes });
        if (!r) throw new Error('no token');
        return r.accessToken;
      } catch (e) {
        const x = e as { errorCode?: string; subError?: string; errorMessage?: string };
        if (x.subError === 'consent_required' || /AADSTS65001/.test(x.errorMessage ?? '')) {
          throw new AuthRequiredError(`This server's app registration lacks an admin's consent to the Graph permissions its tools need. An administrator grants it at ${ep.authorityHost}/${o.tenantId}/adminconsent?client_id=${o.clientId}, then call again.`);
        }
        if (/AADSTS500133|AADSTS50013/.test(x.errorMessage ?? '')) throw new AuthRequiredError('Your sign-in to this server has expired or is not for it: sign in again in your MCP client.');
        throw e;
      }
    },
  };
}
export type OnBehalfOf = ReturnType<typeof onBehalfOf>;
