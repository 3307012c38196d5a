// Per person, in an HTTP deployment of many users: the Graph client a request's tools use (its tokens obtained on
// that person's behalf, never another's) and what the sign-in tools see (the person of the request; signing in and
// out happen in their MCP client, not here).
import { GraphClient } from '../graph/client.js';
import { ToolError } from '../graph/errors.js';
import type { Logger } from '../log.js';
import type { AccountInfoLite, AuthService } from '../tools/auth-service.js';
import type { RequestUser } from './resource-server.js';

export interface PerUserOptions {
  graphBase: string;
  cloud: string;
  scopes: string[];
  /** A Graph token for the person of a request: on their behalf (an Entra token), or theirs the front keeps. */
  graphToken: (user: RequestUser) => Promise<string>;
  log: Logger;
  /** The fetch of a person's Graph client, when replicas share Graph's per-mailbox concurrency limit. */
  fetchFor?: (user: RequestUser) => typeof fetch;
}

export function perUser(o: PerUserOptions) {
  return (user: RequestUser): { graph: GraphClient; auth: AuthService } => {
    const account: AccountInfoLite = { username: user.username, ...(user.name ? { name: user.name } : {}), tenantId: user.tid, homeAccountId: `${user.oid}.${user.tid}`, selected: true };
    const auth: AuthService = {
      status: async () => ({ signedIn: true, account, cloud: o.cloud, scopes: o.scopes }),
      startLogin: async () => ({ alreadySignedIn: true, account }),
      logout: async () => {
        throw new ToolError('This server keeps no sign-in of yours: you signed in through your MCP client, and sign out there.');
      },
      listAccounts: async () => [account],
    };
    // Each request's client asks for its own person's token; MSAL's cache answers repeats without a round trip.
    const graph = new GraphClient({ baseUrl: o.graphBase, getToken: () => o.graphToken(user), log: o.log, ...(o.fetchFor ? { fetch: o.fetchFor(user) } : {}) });
    return { graph, auth };
  };
}
export type PerUser = ReturnType<typeof perUser>;
