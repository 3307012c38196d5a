// What a sites route points at: the site (by composite id, by `{host}:/sites/{name}`, the host itself or `root`),
// refused to a person who is neither member nor visitor; the list (by id or display name); the item. And the
// route paths, once per way of naming a site.

import type { SiteRecord } from '../../directory/directory.js';
import type { RouteContext, RouteDef } from '../../graph/types.js';
import { accessDenied, itemNotFound } from './errors.js';
import type { ListItem, SitesState, SpList } from './model.js';

export type Ctx = RouteContext<SitesState>;
export type Need = 'read' | 'write';

/** The tenant's root site (`/sites/root`, the bare host): the intranet, the first site of the directory's table. */
const rootSite = (ctx: Ctx) => ctx.directory.sites[0];

function findSite(ctx: Ctx): SiteRecord | undefined {
  const { siteId, host, sitePath } = ctx.params;
  if (sitePath !== undefined) {
    if (!ctx.directory.sites.some((s) => s.id.split(',')[0].toLowerCase() === host.toLowerCase())) return undefined;
    return sitePath === '' ? rootSite(ctx) : ctx.directory.findSite(`${host}:/${sitePath}`);
  }
  if (siteId.toLowerCase() === 'root') return rootSite(ctx);
  if (ctx.directory.sites.some((s) => s.id.split(',')[0].toLowerCase() === siteId.toLowerCase())) return rootSite(ctx);
  return ctx.directory.findSite(siteId);
}

/** The site a route names: 404 when there is none, 403 to a person with no role there (or only read, to write). */
export function site(ctx: Ctx, need: Need = 'read'): SiteRecord {
  const s = findSite(ctx);
  if (!s) throw itemNotFound();
  const role = ctx.directory.siteRole(ctx.principal.user, s);
  if (role === 'none' || (need === 'write' && role !== 'write')) throw accessDenied();
  return s;
}

/** The list a route names, by id or by display name (Graph takes either), on a site the person may use. */
export function list(ctx: Ctx, need: Need = 'read'): SpList {
  const s = site(ctx, need);
  const key = ctx.params.listId.toLowerCase();
  const l = ctx.state.lists.find((x) => x.siteId === s.id && (x.id === key || x.displayName.toLowerCase() === key));
  if (!l) throw itemNotFound();
  return l;
}

export function item(ctx: Ctx, l: SpList): ListItem {
  const i = l.items.find((x) => x.id === ctx.params.itemId);
  if (!i) throw itemNotFound();
  return i;
}

/** A site by id (`root` and the host included) or by Graph's path addressing `{host}:/sites/{name}:` (the dispatcher
 *  turns the colon path into `{host}/:/{path}`). */
const SITE_PATHS = ['/sites/{siteId}', '/sites/{host}/:/{sitePath}'];
export const perSite = (suffix: string, def: Omit<RouteDef<SitesState>, 'path'>): RouteDef<SitesState>[] => SITE_PATHS.map((p) => ({ ...def, path: `${p}${suffix}` }));

export const iso = (ctx: Ctx) => new Date(ctx.state.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Reading needs Sites.Read.All or more; writing Sites.ReadWrite.All or more (Graph's permission tables). */
export const READ = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];
export const WRITE = ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];
