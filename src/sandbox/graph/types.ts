// The transport-neutral shape of a Graph call. Routes see a GraphRequest and return a GraphResponse, so the
// same code serves a request off the wire and a request inside a JSON batch.

import type { Tenant } from '../seed/index.js';
import type { DirectoryUser } from '../directory/seed/users.js';

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

export interface RouteContext {
  req: GraphRequest;
  principal: Principal;
  /** Values of the route's {placeholders}, URL-decoded; after /me, `id` is the signed-in user's id. */
  params: Record<string, string>;
  tenant: Tenant;
  /** Segments of the path after /v1.0, URL-decoded, with a leading `me` already expanded to `users/{id}`. */
  segments: string[];
  /** The request addressed the signed-in user through /me. */
  viaMe: boolean;
  /** Origin + /v1.0 as the client used it, for links the client must follow (nextLink). */
  serviceRoot: string;
  log: (line: string) => void;
}

/** Delegated permissions that each allow a route; any one suffices. A function when it depends on the target
 *  (a user may read their own profile with User.Read, anyone else's needs User.ReadBasic.All or more). */
export type ScopeRule = readonly string[] | ((ctx: RouteContext) => readonly string[]);

export interface RouteDef {
  method: HttpMethod;
  /** Path after /v1.0, e.g. `/users/{id}/manager`. Literal segments match case-insensitively, as Graph does. */
  path: string;
  scopes: ScopeRule;
  handler: (ctx: RouteContext) => GraphResponse | Promise<GraphResponse>;
}

/** A capability's routes (users, mail, calendars...), listed in graph/modules.ts. */
export interface GraphModule {
  name: string;
  routes: RouteDef[];
}

/** A failure in Graph's error envelope; thrown anywhere below the router and rendered by it. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
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
