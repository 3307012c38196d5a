// Where a drive route points: the drive (a person's OneDrive, a site's default library, or a drive by id) and the
// item (the root, an id, a path from the root, or a path below an item), and the route table that declares each
// operation once for every way of addressing it.

import type { RouteContext, RouteDef, HttpMethod, GraphResponse } from '../../graph/types.js';
import { scopesFor, check, type Need } from './access.js';
import { accessDenied, itemNotFound } from './errors.js';
import { childNamed, type Drive, type DriveItem, type DrivesState } from './model.js';

export type Ctx = RouteContext<DrivesState>;

export const DRIVE_ROOTS = ['/users/{id}/drive', '/drives/{driveId}', '/sites/{siteId}/drive', '/sites/{siteId}/drives/{driveId}'] as const;
const ITEM_FORMS = ['/root', '/items/{itemId}', '/root/:/{path}', '/items/{itemId}/:/{path}'] as const;

/** The drive the route names, or Graph's 404 (an unknown person, drive or site). */
export function driveOf(ctx: Ctx): Drive {
  const s = ctx.state;
  const p = ctx.params;
  let drive: Drive | undefined;
  if (p.siteId !== undefined) {
    const site = s.directory.findSite(p.siteId);
    if (!site) throw itemNotFound();
    // A person without a role on the site learns only that they may not open it (SharePoint's 403).
    if (s.directory.siteRole(ctx.principal.user, site) === 'none') throw accessDenied();
    const libraries = siteDrives(s, site.id);
    drive = p.driveId !== undefined ? libraries.find((d) => d.id === p.driveId) : libraries.find((d) => d.name === 'Documents');
  } else if (p.driveId !== undefined) drive = s.drives.get(p.driveId);
  else {
    const user = s.directory.findUser(p.id);
    drive = user && [...s.drives.values()].find((d) => 'userId' in d.owner && d.owner.userId === user.id);
  }
  if (!drive) throw itemNotFound();
  return drive;
}

/** A site's document libraries, "Documents" first. */
export const siteDrives = (s: DrivesState, siteId: string) => [...s.drives.values()].filter((d) => 'siteId' in d.owner && d.owner.siteId === siteId);

/** Follows a path of names down from `from`; undefined where a name is missing. */
function walk(state: DrivesState, from: DriveItem, path: string): DriveItem | undefined {
  let cur: DriveItem | undefined = from;
  for (const name of path.split('/').filter(Boolean)) {
    if (!cur?.folder) return undefined;
    cur = childNamed(state, cur.id, name);
  }
  return cur;
}

/** The addressed item's starting point (root or an id) and the path below it, if any. */
function base(ctx: Ctx, drive: Drive): DriveItem {
  const item = ctx.state.items.get(ctx.params.itemId ?? drive.rootId);
  if (!item || item.driveId !== drive.id || item.deleted) throw itemNotFound();
  return item;
}

/** The drive and the existing item the route addresses, checked for `need`. */
export function locate(ctx: Ctx, need: Need): { drive: Drive; item: DriveItem } {
  const drive = driveOf(ctx);
  const start = base(ctx, drive);
  const item = ctx.params.path !== undefined ? walk(ctx.state, start, ctx.params.path) : start;
  if (!item) {
    check(ctx.state, drive, start, ctx, 'read');
    throw itemNotFound();
  }
  check(ctx.state, drive, item, ctx, need);
  return { drive, item };
}

/** For writes that may create the addressed item (PUT content, an upload session by path): the folder it goes in,
 *  the name, and the item when it exists already. */
export function locateTarget(ctx: Ctx): { drive: Drive; parent: DriveItem; name: string; existing?: DriveItem } {
  const drive = driveOf(ctx);
  const start = base(ctx, drive);
  if (ctx.params.path === undefined) {
    if (start.folder) throw itemNotFound();
    const parent = ctx.state.items.get(start.parentId!)!;
    check(ctx.state, drive, start, ctx, 'write');
    return { drive, parent, name: start.name, existing: start };
  }
  const names = ctx.params.path.split('/').filter(Boolean);
  const parent = walk(ctx.state, start, names.slice(0, -1).join('/'));
  if (!parent?.folder || !names.length) throw itemNotFound();
  check(ctx.state, drive, parent, ctx, 'write');
  const name = names[names.length - 1];
  return { drive, parent, name, existing: childNamed(ctx.state, parent.id, name) };
}

/** The delegated permissions of a drive route: own files or others'. */
export const driveScopes = (need: Need) => (ctx: Ctx) => {
  let drive: Drive | undefined;
  try {
    drive = driveOf(ctx);
  } catch {
    drive = undefined; // the handler answers the 404/403 with the right code
  }
  return scopesFor(ctx.state, drive, ctx.principal.user, need);
};

/** One operation on items, declared for every drive root and every way of addressing the item. */
export function itemRoutes(method: HttpMethod, suffix: string, need: Need, handler: (ctx: Ctx) => GraphResponse | Promise<GraphResponse>, opts: { forms?: readonly string[]; params?: readonly string[] } = {}): RouteDef<DrivesState>[] {
  return DRIVE_ROOTS.flatMap((root) => (opts.forms ?? ITEM_FORMS).map((form) => ({
    method, path: `${root}${form}${suffix}`, scopes: driveScopes(need), handler, ...(opts.params ? { params: opts.params } : {}),
  })));
}
