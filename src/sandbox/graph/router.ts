// Path matching for Graph routes. A route is a method plus a pattern of literal and {placeholder} segments.
// Graph answers a path no resource serves with 400 "Resource not found for the segment 'x'" (naming the first
// segment it could not resolve), and a known path with a method it does not take with 405.

import { GraphError, type HttpMethod, type MountedRoute } from './types.js';

interface Compiled {
  def: MountedRoute;
  /** Lower-cased literal, or null for a placeholder. */
  parts: ({ literal: string } | { param: string })[];
}

export type RouteMatch =
  | { ok: true; route: MountedRoute; params: Record<string, string> }
  | { ok: false; error: GraphError };

export class Router {
  private routes: Compiled[] = [];

  add(def: MountedRoute): void {
    const parts = splitPath(def.path).map((s) => {
      const m = /^\{(\w+)\}$/.exec(s);
      return m ? { param: m[1] } : { literal: s.toLowerCase() };
    });
    const dup = this.routes.find((r) => r.def.method === def.method && samePattern(r.parts, parts));
    if (dup) throw new Error(`graph: route ${def.method} ${def.path} is declared twice`);
    this.routes.push({ def, parts });
  }

  match(method: string, segments: string[]): RouteMatch {
    const candidates = this.routes
      .map((r) => ({ r, params: matchParts(r.parts, segments) }))
      .filter((c): c is { r: Compiled; params: Record<string, string> } => c.params !== null)
      // A literal beats a placeholder at the same depth: /users/$count is not the user '$count'.
      .sort((a, b) => specificity(b.r) - specificity(a.r));
    if (candidates.length === 0) return { ok: false, error: segmentNotFound(this.firstUnresolved(segments)) };
    const hit = candidates.find((c) => c.r.def.method === method.toUpperCase());
    if (!hit) return { ok: false, error: methodNotAllowed() };
    return { ok: true, route: hit.r.def, params: hit.params };
  }

  /** The first segment after which no route pattern continues: what Graph names in its 400. */
  private firstUnresolved(segments: string[]): string {
    for (let depth = 1; depth <= segments.length; depth++) {
      const prefix = segments.slice(0, depth);
      const alive = this.routes.some((r) => r.parts.length >= depth && matchParts(r.parts.slice(0, depth), prefix) !== null);
      if (!alive) return segments[depth - 1];
    }
    return segments[segments.length - 1] ?? '';
  }
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchParts(parts: Compiled['parts'], segments: string[]): Record<string, string> | null {
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if ('literal' in p) {
      if (p.literal !== segments[i].toLowerCase()) return null;
    } else {
      params[p.param] = segments[i];
    }
  }
  return params;
}

const specificity = (r: Compiled) => r.parts.reduce((n, p, i) => n + ('literal' in p ? 2 ** (r.parts.length - i) : 0), 0);

const samePattern = (a: Compiled['parts'], b: Compiled['parts']) =>
  a.length === b.length && a.every((p, i) => ('literal' in p ? 'literal' in b[i] && p.literal === (b[i] as { literal: string }).literal : 'param' in b[i]));

export const segmentNotFound = (segment: string) => new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);

export const methodNotAllowed = () =>
  new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');

export const KNOWN_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
