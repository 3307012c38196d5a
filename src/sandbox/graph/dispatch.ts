// One Graph call from request to response: bearer token, route, permission check, handler, and Graph's error
// envelope for whatever goes wrong. Used for requests off the wire and for each request inside a $batch.

import { errorEnvelope, type RequestIds } from '../http.js';
import type { AccessCheck } from '../identity/service.js';
import type { Directory } from '../directory/directory.js';
import { Router, segmentNotFound } from './router.js';
import { GraphError, insufficientPrivileges, type GraphRequest, type GraphResponse, type Principal, type RequestContext } from './types.js';

export interface DispatcherOptions {
  router: Router;
  directory: Directory;
  verifyAccessToken: (token: string) => Promise<AccessCheck>;
  log: (line: string) => void;
}

export type Authentication = { ok: true; principal: Principal } | { ok: false; error: GraphError };

/** Graph's resource app id, which its WWW-Authenticate challenge names. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export class Dispatcher {
  constructor(private readonly opts: DispatcherOptions) {}

  async authenticate(req: GraphRequest): Promise<Authentication> {
    const header = req.headers['authorization'] ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) return { ok: false, error: unauthenticated(req, 'Access token is empty.') };
    const check = await this.opts.verifyAccessToken(m[1]);
    if (!check.ok) return { ok: false, error: unauthenticated(req, check.message) };
    return { ok: true, principal: check.principal };
  }

  /** Authenticates, then serves. */
  async handle(req: GraphRequest, ids: RequestIds): Promise<GraphResponse> {
    const auth = await this.authenticate(req);
    if (!auth.ok) return errorResponse(auth.error, ids);
    return this.serve(req, auth.principal, ids);
  }

  /** Serves a request whose caller is already known (a $batch member uses the batch's token). */
  async serve(req: GraphRequest, principal: Principal, ids: RequestIds): Promise<GraphResponse> {
    try {
      const { segments, viaMe } = resolveSegments(req.url.pathname, principal);
      const match = this.opts.router.match(req.method, segments);
      if (!match.ok) throw match.error;
      const ctx: RequestContext = {
        req,
        principal,
        params: match.params,
        directory: this.opts.directory,
        segments,
        viaMe,
        serviceRoot: `${req.url.origin}/v1.0`,
        log: this.opts.log,
      };
      const allowed = match.route.scopes(ctx);
      if (!allowed.some((s) => principal.scopes.some((p) => p.toLowerCase() === s.toLowerCase()))) throw insufficientPrivileges();
      return await match.route.handler(ctx);
    } catch (e) {
      if (e instanceof GraphError) return errorResponse(e, ids);
      this.opts.log(`graph: internal error on ${req.method} ${req.url.pathname}: ${(e as Error).message}`);
      return errorResponse(new GraphError(500, 'InternalServerError', 'The sandbox failed to serve this request.'), ids);
    }
  }
}

export function errorResponse(e: GraphError, ids: RequestIds): GraphResponse {
  return { status: e.status, headers: { ...e.headers }, body: errorEnvelope(e.code, e.message, ids, e.inner?.code) };
}

function unauthenticated(req: GraphRequest, message: string): GraphError {
  const challenge = `Bearer realm="", authorization_uri="${req.url.origin}/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"`;
  return new GraphError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': challenge });
}

/** Path segments after /v1.0, decoded; `users('id')` key syntax split; `delta()` as `delta`; a leading `me`
 *  becomes `users/{id}`; and Graph's path addressing (`root:/a/b.docx:/content`, `items/{id}:/a:`,
 *  `sites/{host}:/sites/x:`) turned into `root`, `:`, `a/b.docx`, `content`: the addressed segment, a `:` segment,
 *  then the whole path (its names decoded once, joined by `/`), so a route declares `.../root/:/{path}` like any
 *  other placeholder. Only a raw `:` opens or closes a path; an encoded one (%3A) is part of a name. */
export function resolveSegments(pathname: string, principal: Principal): { segments: string[]; viaMe: boolean } {
  const raw = colonPaths(pathname.replace(/^\/v1\.0/i, '').split('/').filter(Boolean));
  const segments: string[] = [];
  for (const s of raw) {
    if (typeof s !== 'string') {
      segments.push(s.path.map(decodeOrFail).join('/'));
      continue;
    }
    const decoded = decodeOrFail(s);
    const key = /^([\w.$]+)\('(.*)'\)$/s.exec(decoded);
    // A bound function called without parameters, as the SDKs write it (`delta()`, `microsoft.graph.delta()`),
    // is the function's plain segment.
    const call = /^(?:microsoft\.graph\.)?([A-Za-z]\w*)\(\)$/.exec(decoded);
    if (key) segments.push(key[1], key[2].replace(/''/g, "'"));
    else if (call) segments.push(call[1]);
    else segments.push(decoded);
  }
  const viaMe = segments[0]?.toLowerCase() === 'me';
  if (viaMe) segments.splice(0, 1, 'users', principal.user.id);
  return { segments, viaMe };
}

function decodeOrFail(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw segmentNotFound(s);
  }
}

/** Raw segments with each `x:/.../y:` run replaced by `x`, `:`, and the run's names (still encoded). */
function colonPaths(raw: string[]): (string | { path: string[] })[] {
  const out: (string | { path: string[] })[] = [];
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i];
    if (!s.endsWith(':') || s === ':') {
      out.push(s);
      continue;
    }
    out.push(s.slice(0, -1), ':');
    const path: string[] = [];
    // The path runs to the segment that ends with ':' or to the end (Graph lets a final ':' be left out).
    for (i++; i < raw.length; i++) {
      const closes = raw[i].endsWith(':');
      path.push(closes ? raw[i].slice(0, -1) : raw[i]);
      if (closes) break;
    }
    out.push({ path: path.filter(Boolean) });
  }
  return out;
}
