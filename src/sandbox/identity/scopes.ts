// Scope strings as the token service reads them. Graph permissions may arrive short ("Mail.Read"), fully
// qualified ("https://graph.microsoft.com/Mail.Read") or by app id; tokens always carry the short form, which is
// what Graph checks and what Entra returns for Graph in `scope` and `scp`.

import { apiScopeOf } from './apps.js';

export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

const GRAPH_PREFIXES = ['https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000/'];
const PERMISSION = /^[A-Za-z][A-Za-z0-9._-]*$/;

export interface ParsedScopes {
  /** Graph permissions, short form, de-duplicated case-insensitively, in request order. */
  graph: string[];
  /** `.default` was asked for: everything already consented. */
  wantsDefault: boolean;
  /** The OpenID Connect scopes that were asked for, lower case. */
  oidc: Set<string>;
  /** Scopes for other resources or unparseable ones: the sandbox cannot issue them. */
  invalid: string[];
  /** Scopes of an API registered in the tenant (api://{app id}/access_as_user): its app id and scope names. */
  api?: { appId: string; scopes: string[] };
  /** More than one resource was asked for at once (Entra's AADSTS28000). */
  mixed?: boolean;
}

export function parseScopes(raw: string | null | undefined): ParsedScopes {
  const out: ParsedScopes = { graph: [], wantsDefault: false, oidc: new Set(), invalid: [] };
  for (const scope of (raw ?? '').split(/\s+/).filter(Boolean)) {
    const lower = scope.toLowerCase();
    if ((OIDC_SCOPES as readonly string[]).includes(lower)) {
      out.oidc.add(lower);
      continue;
    }
    const api = apiScopeOf(scope);
    if (api) {
      if (out.api && out.api.appId !== api.app.appId) out.mixed = true;
      out.api ??= { appId: api.app.appId, scopes: [] };
      if (api.scope === '.default') out.api.scopes.push(...(api.app.api?.scopes ?? []).filter((x) => !hasScope(out.api!.scopes, x)));
      else if (api.app.api?.scopes.some((x) => x.toLowerCase() === api.scope.toLowerCase())) addScope(out.api.scopes, api.scope);
      else out.invalid.push(scope);
      continue;
    }
    const prefix = GRAPH_PREFIXES.find((p) => lower.startsWith(p));
    const name = prefix ? scope.slice(prefix.length) : scope;
    if (name === '.default') out.wantsDefault = true;
    else if (PERMISSION.test(name)) addScope(out.graph, name);
    else out.invalid.push(scope);
  }
  if (out.api && (out.graph.length || out.wantsDefault)) out.mixed = true;
  return out;
}

/** Adds unless present in any letter case (Entra treats permission names case-insensitively). */
export function addScope(list: string[], scope: string): void {
  if (!hasScope(list, scope)) list.push(scope);
}

export const hasScope = (list: readonly string[], scope: string): boolean =>
  list.some((s) => s.toLowerCase() === scope.toLowerCase());

export const unionScopes = (...lists: (readonly string[])[]): string[] => {
  const out: string[] = [];
  for (const list of lists) for (const s of list) addScope(out, s);
  return out;
};

/** The `scope` of a token response: the Graph permissions the token carries, then the OIDC scopes that apply.
 *  Entra adds `email` whenever the id token is issued. */
export function responseScope(graph: readonly string[], oidc: ReadonlySet<string>): string {
  const extra: string[] = [];
  if (oidc.has('openid')) extra.push('openid');
  if (oidc.has('profile')) extra.push('profile');
  if (oidc.has('openid') || oidc.has('email')) extra.push('email');
  if (oidc.has('offline_access')) extra.push('offline_access');
  return [...graph, ...extra].join(' ');
}
