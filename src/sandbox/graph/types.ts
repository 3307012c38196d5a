// The transport-neutral shape of a Graph call. Routes see a GraphRequest and return a GraphResponse, so the
// same code serves a request off the wire and a request inside a JSON batch.

import type { Directory, DirectoryUser } from '../directory/directory.js';

export interface Principal {
  user: DirectoryUser;
  /** Delegated permissions (scp), short form. */
  scopes: string[];
  appId: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphRequest {
  method: string;
  /** Absolute URL whose origin is the one the client used, path starting with /v1.0. */
  url: URL;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined. */
  body: unknown;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON value, or a string sent as text/plain (e.g. /$count). Undefined: no body (204). */
  body?: unknown;
}

/** What the dispatcher knows about a call before it reaches a workload's route. */
export interface RequestContext {
  req: GraphRequest;
  principal: Principal;
  /** Values of the route's {placeholders}, URL-decoded; after /me, `id` is the signed-in user's id. */
  params: Record<string, string>;
  directory: Directory;
  /** Segments of the path after /v1.0, URL-decoded, with a leading `me` already expanded to `users/{id}`. */
  segments: string[];
  /** The request addressed the signed-in user through /me. */
  viaMe: boolean;
  /** Origin + /v1.0 as the client used it, for links the client must follow (nextLink). */
  serviceRoot: string;
  log: (line: string) => void;
}

/** A route's view of a call: the request, plus the state of the workload that declared the route. */
export interface RouteContext<S = unknown> extends RequestContext {
  state: S;
}

/** Delegated permissions that each allow a route; any one suffices. A function when it depends on the target
 *  (a user may read their own profile with User.Read, anyone else's needs User.ReadBasic.All or more). */
export type ScopeRule<S = unknown> = readonly string[] | ((ctx: RouteContext<S>) => readonly string[]);

/** A route as a workload declares it, over its own state S. */
export interface RouteDef<S = unknown> {
  method: HttpMethod;
  /** Path after /v1.0, e.g. `/users/{id}/manager`. Literal segments match case-insensitively, as Graph does. */
  path: string;
  scopes: ScopeRule<S>;
  handler: (ctx: RouteContext<S>) => GraphResponse | Promise<GraphResponse>;
  /** An action's parameters. Graph binds them without regard to case (`Message`, `SaveToSentItems`, as some
   *  SDKs send them); the handler then sees each under its declared name. */
  params?: readonly string[];
}

/** The request with an action's body keys renamed to the declared parameter names they match, ignoring case. */
export function bindActionParams(req: GraphRequest, params: readonly string[]): GraphRequest {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return req;
  const bound: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const name = params.find((p) => p.toLowerCase() === key.toLowerCase()) ?? key;
    if (!(name in bound)) bound[name] = value;
  }
  return { ...req, body: bound };
}

/** A route bound to the state of its workload, as the router holds it (tenant.ts binds them). */
export interface MountedRoute {
  method: HttpMethod;
  path: string;
  scopes(ctx: RequestContext): readonly string[];
  handler(ctx: RequestContext): GraphResponse | Promise<GraphResponse>;
}

export function mountRoutes<S>(state: S, routes: readonly RouteDef<S>[]): MountedRoute[] {
  return routes.map((r) => ({
    method: r.method,
    path: r.path,
    scopes: (ctx) => (typeof r.scopes === 'function' ? r.scopes({ ...ctx, state }) : r.scopes),
    handler: (ctx) => r.handler({ ...ctx, ...(r.params ? { req: bindActionParams(ctx.req, r.params) } : {}), state }),
  }));
}

/** A failure in Graph's error envelope; thrown anywhere below the router and rendered by it. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** A more specific code some services put in innerError (Excel's invalidSessionReCreatable). */
    readonly inner?: { code: string },
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'BadRequest') => new GraphError(400, code, message);
export const unsupportedQuery = (message: string) => new GraphError(400, 'Request_UnsupportedQuery', message);
export const resourceNotFound = (id: string) =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
export const insufficientPrivileges = () =>
  new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
