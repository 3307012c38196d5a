// Graph tokens on behalf of each person of an HTTP deployment: MSAL's confidential client trades the person's
// token for this server's API (the request's bearer token) for a Graph token with the permissions the enabled
// tools need, and caches it by that assertion (so one person's token never answers another's request).
import { AuthRequiredError } from '../graph/errors.js';
import { adminConsentUrl, confidentialClient, type ConfidentialOptions, graphOnly } from './confidential.js';

export interface OboOptions extends Omit<ConfidentialOptions, 'cachePlugin'> {
  scopes: string[];
}

export function onBehalfOf(o: OboOptions) {
  // Its own client with an in-memory cache: MSAL keys on-behalf-of tokens by the assertion, which lives an hour.
  const cca = confidentialClient(o);
  const graphScopes = graphOnly(o.scopes);
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
          throw new AuthRequiredError(`This server's app registration lacks an admin's consent to the Graph permissions its tools need. An administrator grants it at ${adminConsentUrl(o)}, then call again.`);
        }
        if (/AADSTS500133|AADSTS50013/.test(x.errorMessage ?? '')) throw new AuthRequiredError('Your sign-in to this server has expired or is not for it: sign in again in your MCP client.');
        throw e;
      }
    },
  };
}
export type OnBehalfOf = ReturnType<typeof onBehalfOf>;
