// The app registrations of the demo tenant: the sandbox's public client (device code), the MCP server's
// confidential web API for many users (an application ID URI, an exposed scope, a client secret) and an MCP client
// the organization registered itself. Any other GUID stands for a public client registered in the tenant. Which
// Graph permissions an admin consented to for the server app decides what it may ask for on behalf of a user.

import { SANDBOX_CLIENT_ID, SANDBOX_ORG_CLIENT_ID, SANDBOX_SERVER_APP_ID, SANDBOX_SERVER_SECRET } from '../contract.js';

export interface AppRegistration {
  appId: string;
  displayName: string;
  /** A confidential client authenticates with a secret; a public one with nothing. */
  secrets: string[];
  /** The API it exposes: its application ID URI and delegated scopes. */
  api?: { identifierUri: string; scopes: string[] };
}

const APPS: AppRegistration[] = [
  { appId: SANDBOX_CLIENT_ID, displayName: 'Microsoft 365 MCP Server (sandbox)', secrets: [] },
  { appId: SANDBOX_SERVER_APP_ID, displayName: 'Microsoft 365 MCP Server (HTTP, sandbox)', secrets: [SANDBOX_SERVER_SECRET], api: { identifierUri: `api://${SANDBOX_SERVER_APP_ID}`, scopes: ['access_as_user'] } },
  { appId: SANDBOX_ORG_CLIENT_ID, displayName: 'Contoso MCP client', secrets: [] },
];

export const appOf = (appId: string): AppRegistration | undefined => APPS.find((a) => a.appId === appId);

/** The app whose API a scope like `api://{id}/access_as_user` (or `{id}/access_as_user`) names, and the scope. */
export function apiScopeOf(scope: string): { app: AppRegistration; scope: string } | undefined {
  const slash = scope.lastIndexOf('/');
  if (slash < 0) return undefined;
  const resource = scope.slice(0, slash).toLowerCase();
  const name = scope.slice(slash + 1);
  const app = APPS.find((a) => a.api && (a.api.identifierUri.toLowerCase() === resource || a.appId === resource));
  return app ? { app, scope: name } : undefined;
}

/** Graph permissions an admin has not consented to for an app (an app nobody consented for has none). The demo
 *  tenant's admin consented the server app to everything but what a test withholds. */
export class Consents {
  private readonly withheld = new Map<string, Set<string>>();

  withhold(appId: string, scopes: string[]): void {
    const set = this.withheld.get(appId) ?? new Set<string>();
    for (const s of scopes) set.add(s.toLowerCase());
    this.withheld.set(appId, set);
  }

  missing(appId: string, scopes: readonly string[]): string[] {
    const set = this.withheld.get(appId);
    return set ? scopes.filter((s) => set.has(s.toLowerCase())) : [];
  }
}
