// The directory's people: /users, /users/{id | userPrincipalName}, their manager and direct reports, and the
// same under /me. Reading anyone else needs User.ReadBasic.All or broader; a user may read themselves (and
// their own manager and reports) with User.Read.

import type { DirectoryUser } from './directory.js';
import { countCollection, getEntity, listCollection } from '../odata/query.js';
import { resourceNotFound, type RouteContext, type RouteDef, type ScopeRule } from '../graph/types.js';
import { USER_ODATA_TYPE, userEntity } from './user-entity.js';

export const READ_ANY_USER = [
  'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All',
] as const;
export const READ_SELF = ['User.Read', 'User.ReadWrite', ...READ_ANY_USER] as const;

/** The user a route's {id} names (object id or UPN, any case), or Graph's 404. */
export function targetUser(ctx: RouteContext): DirectoryUser {
  const user = ctx.directory.findUser(ctx.params.id);
  if (!user) throw resourceNotFound(ctx.params.id);
  return user;
}

/** User.Read suffices when the target is the caller; anyone else needs the directory-wide permissions. */
export const selfOrDirectory: ScopeRule = (ctx) =>
  ctx.viaMe || ctx.directory.findUser(ctx.params.id)?.id === ctx.principal.user.id ? READ_SELF : READ_ANY_USER;

const entityFor = (ctx: RouteContext) =>
  userEntity((u) => ctx.directory.manager(u), (u) => ctx.directory.directReports(u));

const reportsOf = (ctx: RouteContext) => ({
  entity: entityFor(ctx),
  items: ctx.directory.directReports(targetUser(ctx)),
  entitySet: 'directoryObjects',
  odataType: USER_ODATA_TYPE,
});

export const userRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/users',
    scopes: READ_ANY_USER,
    handler: (ctx) => listCollection(ctx, { entity: entityFor(ctx), items: ctx.directory.users, entitySet: 'users' }),
  },
  {
    method: 'GET',
    path: '/users/$count',
    scopes: READ_ANY_USER,
    handler: (ctx) => countCollection(ctx, { entity: entityFor(ctx), items: ctx.directory.users, entitySet: 'users' }),
  },
  {
    method: 'GET',
    path: '/users/{id}',
    scopes: selfOrDirectory,
    handler: (ctx) => getEntity(ctx, entityFor(ctx), targetUser(ctx), 'users'),
  },
  {
    method: 'GET',
    path: '/users/{id}/manager',
    scopes: selfOrDirectory,
    handler: (ctx) => {
      const manager = ctx.directory.manager(targetUser(ctx));
      // Graph's answer for the top of the organization: the relationship names no object.
      if (!manager) throw resourceNotFound('manager');
      return getEntity(ctx, entityFor(ctx), manager, 'directoryObjects', USER_ODATA_TYPE);
    },
  },
  {
    method: 'GET',
    path: '/users/{id}/directReports',
    scopes: selfOrDirectory,
    handler: (ctx) => listCollection(ctx, reportsOf(ctx)),
  },
  {
    method: 'GET',
    path: '/users/{id}/directReports/$count',
    scopes: selfOrDirectory,
    handler: (ctx) => countCollection(ctx, reportsOf(ctx)),
  },
];
