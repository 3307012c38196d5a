// The sign-in front's side towards Entra: this server's app registration signs the person in with the
// authorization code flow and PKCE (no `resource` parameter: Entra's v2 endpoint refuses it), asking at once for the
// Graph permissions the enabled tools need; MSAL keeps each person's tokens in its cache (the process's file, or
// each person's partition in Redis), refreshes them, and answers a person's Graph token by their account, never
// anyone else's.
import type { ConfidentialClientApplication } from '@azure/msal-node';
import { AuthRequiredError, ToolError } from '../../graph/errors.js';
import type { Logger } from '../../log.js';
import { graphOnly, pkceCodes } from '../../auth/confidential.js';
import { SharedStateUnavailable } from '../replicated/unavailable.js';

/** MSAL's client for a new sign-in and for one person's tokens: one for the whole process over the file cache, or
 *  a fresh one over that person's partition in Redis (../replicated/msal-cache.ts). */
/** MSAL's error codes for an identity platform that was not reached or could not answer now (its HTTP 5xx). */
const TRANSIENT = new Set(['network_error', 'no_network_connectivity', 'temporarily_unavailable', 'server_error', 'request_timeout']);

/** The identity platform could not renew a person's token just now; their sign-in is kept (a tool call says so). */
export class SignInServiceUnavailable extends ToolError {}

export interface MsalClients {
  forSignIn(): Promise<ConfidentialClientApplication>;
  forPerson(homeAccountId: string): Promise<ConfidentialClientApplication>;
  /** Around a person's token call when replicas share the cache, so one of them at a time renews the tokens. */
  exclusive?<T>(homeAccountId: string, work: () => Promise<T>): Promise<T>;
}

/** The process's one MSAL client, for every person (its cache plugin serializes the accesses). */
export const processClients = (cca: ConfidentialClientApplication): MsalClients => ({ forSignIn: async () => cca, forPerson: async () => cca });

export interface SignedIn {
  homeAccountId: string;
  username: string;
  name?: string;
  oid: string;
  tid: string;
}

export interface EntraSignInOptions {
  msal: MsalClients;
  scopes: string[];
  callbackUrl: () => string;
  /** The sign-in page's address as a browser reaches it (the sandbox's stable name is not on the network). */
  reach?: (url: string) => string;
  log: Logger;
}

export function entraSignIn(o: EntraSignInOptions) {
  const scopes = [...graphOnly(o.scopes), 'offline_access'];
  // One token request per person at a time: Entra's refresh tokens are used once, so two concurrent calls that
  // both find the access token expired would both spend the same refresh token and the second would fail. The
  // second waits and then finds the first one's token in the cache.
  const inFlight = new Map<string, Promise<unknown>>();
  const oneAtATime = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (inFlight.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
    inFlight.set(key, run);
    void run.finally(() => inFlight.get(key) === run && inFlight.delete(key)).catch(() => undefined);
    return run;
  };
  return {
    pkce: pkceCodes,
    /** Where the person's browser goes to sign in; `state` brings them back to their pending sign-in. */
    authUrl: async (state: string, challenge: string) => {
      const url = await (await o.msal.forSignIn()).getAuthCodeUrl({ scopes, redirectUri: o.callbackUrl(), state, codeChallenge: challenge, codeChallengeMethod: 'S256', prompt: 'select_account', responseMode: 'query' });
      return o.reach ? o.reach(url) : url;
    },
    async redeem(code: string, verifier: string): Promise<SignedIn> {
      const r = await (await o.msal.forSignIn()).acquireTokenByCode({ code, scopes, redirectUri: o.callbackUrl(), codeVerifier: verifier });
      const a = r.account;
      if (!a) throw new Error('Entra answered without an account');
      return { homeAccountId: a.homeAccountId, username: a.username, ...(a.name ? { name: a.name } : {}), oid: a.localAccountId, tid: a.tenantId };
    },
    /** The person's Graph token, from MSAL's cache (refreshed when due). */
    graphToken: (homeAccountId: string): Promise<string> => oneAtATime(homeAccountId, () => (o.msal.exclusive ? o.msal.exclusive(homeAccountId, () => tokenOf(homeAccountId)) : tokenOf(homeAccountId))),
  };

  async function tokenOf(homeAccountId: string): Promise<string> {
    const cca = await o.msal.forPerson(homeAccountId);
    const account = await cca.getTokenCache().getAccountByHomeId(homeAccountId);
    if (!account) throw new AuthRequiredError('This server no longer holds your Microsoft 365 sign-in: sign in again in your MCP client (reconnect it).');
    try {
      const r = await cca.acquireTokenSilent({ account, scopes });
      return r.accessToken;
    } catch (e) {
      // Redis away: say so; the sign-in is not lost.
      if (e instanceof SharedStateUnavailable) throw e;
      const code = (e as { errorCode?: string }).errorCode ?? 'error';
      o.log.info(`auth: a person's Graph token could not be refreshed (${code})`);
      // The identity platform did not answer, or answered that it cannot now: the sign-in is not lost.
      if (TRANSIENT.has(code)) throw new SignInServiceUnavailable(`Microsoft's identity platform could not renew your Microsoft 365 token just now (${code}); your sign-in is kept: try again in a moment.`);
      throw new AuthRequiredError('Your Microsoft 365 sign-in on this server has expired or was revoked: sign in again in your MCP client (reconnect it).');
    }
  }
}
export type EntraSignIn = ReturnType<typeof entraSignIn>;
