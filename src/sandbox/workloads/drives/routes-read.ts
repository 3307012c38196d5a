// Reading drives: the drive, an item, a folder's children (sorted and paged by the OData engine), search by name
// and content, a file's content (302 to a pre-authenticated URL, or to its PDF conversion), and the person's
// recent files and the files shared with them.

import type { RouteDef } from '../../graph/types.js';
import { getEntity, listCollection, METADATA } from '../../odata/query.js';
import { roleOn } from './access.js';
import { invalidRequest, notSupported } from './errors.js';
import { downloadUrl, driveItemEntity, renderDrive, renderItem, renderRemote, withoutAbsentFacets } from './json.js';
import { DRIVE_ROOTS, driveOf, driveScopes, itemRoutes, locate, siteDrives, type Ctx } from './locate.js';
import { descendants, liveChildren, used, type DriveItem, type DrivesState } from './model.js';

/** What Graph converts to PDF (`?format=pdf`); the sandbox's PDF carries the document's text. */
const TO_PDF = new Set(['doc', 'docx', 'dot', 'dotx', 'dotm', 'rtf', 'odt', 'ods', 'odp', 'xls', 'xlsx', 'xlsm', 'ppt', 'pptx', 'pps', 'ppsx', 'msg', 'eml', 'epub', 'htm', 'html', 'md', 'markdown', 'txt', 'csv', 'tif', 'tiff']);

const list = (ctx: Ctx, items: Record<string, unknown>[], entitySet: string) => withoutAbsentFacets(listCollection(ctx, { entity: driveItemEntity, items, entitySet }));

function search(ctx: Ctx, within: DriveItem | undefined): Record<string, unknown>[] {
  const m = /^search\(q='(.*)'\)$/is.exec(ctx.params.fn ?? '');
  if (!m) throw invalidRequest(`Unknown function '${ctx.params.fn}'.`);
  const words = m[1].replace(/''/g, "'").toLowerCase().split(/\s+/).filter(Boolean);
  const hit = (i: DriveItem) => words.every((w) => i.name.toLowerCase().includes(w) || i.text.toLowerCase().includes(w));
  const s = ctx.state;
  const drive = driveOf(ctx);
  const scope = within ? descendants(s, within) : [...s.items.values()].filter((i) => i.driveId === drive.id);
  const own = scope.filter((i) => !i.deleted && i.parentId && hit(i)).map((i) => renderItem(s, i, ctx));
  // A search of a whole drive also finds what others shared with the person (the drive-level search).
  const shared = within ? [] : sharedWith(s, ctx).filter(hit).map((i) => renderRemote(s, i, ctx));
  return [...own, ...shared];
}

/** Items in other people's drives shared with the person (directly or by a link for them). */
function sharedWith(s: DrivesState, ctx: Ctx): DriveItem[] {
  const me = ctx.principal.user;
  return [...s.items.values()].filter((i) => {
    if (i.deleted || !i.permissions.some((p) => p.grantees.includes(me.id))) return false;
    const d = s.drives.get(i.driveId)!;
    return 'userId' in d.owner && d.owner.userId !== me.id && roleOn(s, d, i, me) !== undefined;
  });
}

export const readRoutes: RouteDef<DrivesState>[] = [
  ...DRIVE_ROOTS.map((path): RouteDef<DrivesState> => ({
    method: 'GET', path, scopes: driveScopes('read'),
    handler: (ctx) => {
      const drive = driveOf(ctx);
      locate({ ...ctx, params: { ...ctx.params, itemId: drive.rootId } }, 'read');
      return { status: 200, body: { '@odata.context': `${METADATA}#drives/$entity`, ...renderDrive(ctx.state, drive) } };
    },
  })),
  {
    // A person's drives: their OneDrive (OneDrive for Business has one per person).
    method: 'GET', path: '/users/{id}/drives', scopes: driveScopes('read'),
    handler: (ctx) => {
      const drive = driveOf(ctx);
      locate({ ...ctx, params: { ...ctx.params, itemId: drive.rootId } }, 'read');
      return { status: 200, body: { '@odata.context': `${METADATA}#drives`, value: [renderDrive(ctx.state, drive)] } };
    },
  },
  {
    method: 'GET', path: '/sites/{siteId}/drives', scopes: ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
    handler: (ctx) => {
      driveOf(ctx);
      const drives = siteDrives(ctx.state, ctx.state.directory.findSite(ctx.params.siteId)!.id);
      return { status: 200, body: { '@odata.context': `${METADATA}#drives`, value: drives.map((d) => renderDrive(ctx.state, d)) } };
    },
  },
  ...itemRoutes('GET', '', 'read', (ctx) => {
    const { item } = locate(ctx, 'read');
    return withoutAbsentFacets(getEntity(ctx, driveItemEntity, renderItem(ctx.state, item, ctx), 'driveItems'));
  }),
  ...itemRoutes('GET', '/children', 'read', (ctx) => {
    const { item } = locate(ctx, 'read');
    if (!item.folder) return list(ctx, [], 'driveItems');
    // By name unless $orderby says otherwise, as OneDrive lists a folder.
    const children = liveChildren(ctx.state, item.id).sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
    return list(ctx, children.map((c) => renderItem(ctx.state, c, ctx)), 'driveItems');
  }),
  ...itemRoutes('GET', '/{fn}', 'read', (ctx) => {
    const { item } = locate(ctx, 'read');
    return list(ctx, search(ctx, item.parentId ? item : undefined), 'Collection(driveItem)');
  }),
  ...DRIVE_ROOTS.map((root): RouteDef<DrivesState> => ({
    method: 'GET', path: `${root}/{fn}`, scopes: driveScopes('read'),
    handler: (ctx) => {
      const drive = driveOf(ctx);
      if (/^(recent|sharedWithMe)$/i.test(ctx.params.fn)) return special(ctx, ctx.params.fn.toLowerCase());
      locate({ ...ctx, params: { ...ctx.params, itemId: drive.rootId } }, 'read');
      return list(ctx, search(ctx, undefined), 'Collection(driveItem)');
    },
  })),
  ...itemRoutes('GET', '/content', 'read', (ctx) => {
    const { item } = locate(ctx, 'read');
    if (item.folder) throw invalidRequest('The item is a folder; only files have content.');
    const format = ctx.req.url.searchParams.get('format') ?? undefined;
    if (format && format.toLowerCase() !== 'pdf') throw notSupported(`Conversion to '${format}' is not supported.`);
    if (format && !TO_PDF.has(item.name.split('.').pop()!.toLowerCase())) throw notSupported(`The file type of ${item.name} cannot be converted to pdf.`);
    used(ctx.state, ctx.principal.user.id, item.id);
    return { status: 302, headers: { Location: downloadUrl(ctx, item, format?.toLowerCase()) } };
  }),
];

/** /drive/recent and /drive/sharedWithMe: the person's own, whatever drive the route names. */
function special(ctx: Ctx, which: string) {
  const s = ctx.state;
  const me = ctx.principal.user;
  if (which === 'recent') {
    const items = (s.recent.get(me.id) ?? []).map((id) => s.items.get(id)!).filter((i) => i && !i.deleted);
    const mine = (i: DriveItem) => { const d = s.drives.get(i.driveId)!; return 'userId' in d.owner && d.owner.userId === me.id; };
    return list(ctx, items.filter((i) => roleOn(s, s.drives.get(i.driveId)!, i, me)).map((i) => (mine(i) ? renderItem(s, i, ctx) : renderRemote(s, i, ctx))), 'Collection(driveItem)');
  }
  return list(ctx, sharedWith(s, ctx).map((i) => renderRemote(s, i, ctx)), 'Collection(driveItem)');
}
