// Drives and driveItems as Graph shows them: facets (file with hashes, folder with childCount, image, shared,
// deleted), parentReference with the path, identities, eTag and cTag, web URLs, and a short-lived
// pre-authenticated download URL for files (signed, so nothing has to remember it). The OData engine sees the
// rendered records through driveItemEntity, for $select, $orderby, $top and paging.

import { createHash, createHmac } from 'node:crypto';
import type { GraphResponse, RouteContext } from '../../graph/types.js';
import { defaultDialect } from '../../odata/dialect.js';
import type { EntityType, PropSpec } from '../../odata/entity.js';
import { hashesOf } from './hashes.js';
import { liveChildren, pathOf, type Drive, type DriveItem, type DrivesState } from './model.js';

export const DOWNLOAD_PREFIX = '/_drives/download/';
/** Graph's download URLs last about an hour. */
const DOWNLOAD_TTL_MS = 60 * 60 * 1000;
const SIGNING_KEY = createHash('sha256').update(`drives-download:${process.pid}:${Date.now()}:${Math.random()}`).digest();

/** OneDrive's listings page with $skiptoken and take no $skip. */
export const drivesDialect = { ...defaultDialect, nextPage: 'skiptoken' as const, supportsSkip: false };

type Rec = Record<string, unknown>;
const sortable: PropSpec = { type: 'string', orderby: 'default' };

export const driveItemEntity: EntityType<Rec> = {
  name: 'microsoft.graph.driveItem',
  properties: {
    id: { type: 'string' }, name: sortable, size: { type: 'int', orderby: 'default' }, eTag: { type: 'string' }, cTag: { type: 'string' },
    createdDateTime: { type: 'datetime', orderby: 'default' }, lastModifiedDateTime: { type: 'datetime', orderby: 'default' },
    createdBy: { type: 'object' }, lastModifiedBy: { type: 'object' }, parentReference: { type: 'object' }, webUrl: { type: 'string' },
    file: { type: 'object' }, folder: { type: 'object' }, image: { type: 'object' }, shared: { type: 'object' }, remoteItem: { type: 'object' },
    fileSystemInfo: { type: 'object' }, deleted: { type: 'object' }, '@microsoft.graph.downloadUrl': { type: 'string' },
  },
  defaultSelect: ['@microsoft.graph.downloadUrl', 'createdDateTime', 'eTag', 'id', 'lastModifiedDateTime', 'name', 'webUrl', 'cTag', 'size', 'createdBy', 'lastModifiedBy', 'parentReference', 'fileSystemInfo', 'folder', 'file', 'image', 'shared', 'remoteItem', 'deleted'],
  get: (rec, prop) => rec[prop],
  pageSize: { default: 200, max: 1000 },
  dialect: drivesDialect,
};
// $expand=children: a folder's items by name, as its /children lists them (the route's state is on the context).
driveItemEntity.navigation = {
  children: {
    target: driveItemEntity, many: true,
    resolve: (rec, ctx) => {
      const state = (ctx as RouteContext<DrivesState>).state;
      return liveChildren(state, String(rec.id)).sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })).map((c) => renderItem(state, c, ctx));
    },
  },
};

function identity(state: DrivesState, userId: string): Rec {
  const u = state.directory.findUser(userId);
  return { user: { id: userId, displayName: u?.displayName ?? '' } };
}

/** OneDrive leaves out the facets an item does not have (a folder has no `file`, no download URL), where the
 *  OData engine would write them as null: answers pass through here. */
export function withoutAbsentFacets(r: GraphResponse): GraphResponse {
  const trim = (rec: Rec): Rec => {
    for (const k of FACETS) if (rec[k] === null) delete rec[k];
    if (Array.isArray(rec.children)) rec.children = (rec.children as Rec[]).map(trim);
    return rec;
  };
  const body = r.body as Rec;
  if (Array.isArray(body.value)) body.value = (body.value as Rec[]).map(trim);
  else trim(body);
  return r;
}
const FACETS = ['@microsoft.graph.downloadUrl', 'file', 'folder', 'image', 'shared', 'remoteItem', 'deleted'];

export function renderDrive(state: DrivesState, drive: Drive): Rec {
  const ownerId = 'userId' in drive.owner ? drive.owner.userId : undefined;
  const used = [...state.items.values()].filter((i) => i.driveId === drive.id && !i.folder).reduce((n, i) => n + i.content.length, 0);
  return {
    id: drive.id,
    driveType: drive.driveType,
    name: drive.name,
    description: drive.description,
    createdDateTime: drive.created,
    lastModifiedDateTime: drive.created,
    webUrl: drive.webUrl,
    // A library of a site without a Microsoft 365 group belongs to SharePoint's System Account.
    owner: ownerId ? identity(state, ownerId) : { user: { displayName: 'System Account' } },
    quota: { deleted: 0, remaining: 1_099_511_627_776 - used, state: 'normal', total: 1_099_511_627_776, used },
  };
}

const signed = (payload: string) => createHmac('sha256', SIGNING_KEY).update(payload).digest('base64url').slice(0, 32);

/** A pre-authenticated URL that serves the file's current bytes (or an earlier version's, or a conversion) for an hour. */
export function downloadUrl(ctx: RouteContext, item: DriveItem, format?: string, contentVersion = item.contentVersion): string {
  const payload = Buffer.from(JSON.stringify({ i: item.id, v: contentVersion, e: Date.now() + DOWNLOAD_TTL_MS, ...(format ? { f: format } : {}) })).toString('base64url');
  return `${new URL(ctx.serviceRoot).origin}${DOWNLOAD_PREFIX}${payload}.${signed(payload)}`;
}

/** The download a URL stands for, if its signature holds and it has not expired. */
export function readDownloadToken(token: string): { itemId: string; contentVersion: number; format?: string } | undefined {
  const [payload, sig] = token.split('.');
  if (!payload || !sig || signed(payload) !== sig) return undefined;
  const d = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { i: string; v: number; e: number; f?: string };
  return d.e < Date.now() ? undefined : { itemId: d.i, contentVersion: d.v, ...(d.f ? { format: d.f } : {}) };
}

export function renderItem(state: DrivesState, item: DriveItem, ctx: RouteContext): Rec {
  const drive = state.drives.get(item.driveId)!;
  const path = pathOf(state, item);
  const parent = item.parentId ? state.items.get(item.parentId) : undefined;
  const parentPath = parent ? pathOf(state, parent) : undefined;
  const site = 'siteId' in drive.owner ? drive.owner.siteId : undefined;
  const rec: Rec = {
    ...(item.folder ? {} : { '@microsoft.graph.downloadUrl': downloadUrl(ctx, item) }),
    createdDateTime: item.created.at,
    eTag: `"{${item.id.slice(2, 10)}-0000-0000-0000-${item.id.slice(10, 22)}},${item.version}"`,
    id: item.id,
    lastModifiedDateTime: item.modified.at,
    name: item.parentId ? item.name : 'root',
    webUrl: `${drive.webUrl}${path.split('/').map(encodeURIComponent).join('/')}`,
    cTag: `"c:{${item.id.slice(2, 10)}-0000-0000-0000-${item.id.slice(10, 22)}},${item.contentVersion}"`,
    size: item.folder ? [...state.items.values()].filter((i) => i.driveId === item.driveId && !i.deleted && !i.folder && pathOf(state, i).startsWith(`${path}/`)).reduce((n, i) => n + i.content.length, 0) : item.content.length,
    createdBy: identity(state, item.created.by),
    lastModifiedBy: identity(state, item.modified.by),
    parentReference: parent
      ? { driveType: drive.driveType, driveId: drive.id, id: parent.id, name: parent.parentId ? parent.name : drive.name, path: `/drives/${drive.id}/root:${parentPath}`, ...(site ? { siteId: site } : {}) }
      : { driveType: drive.driveType, driveId: drive.id, ...(site ? { siteId: site } : {}) },
    fileSystemInfo: { createdDateTime: item.created.at, lastModifiedDateTime: item.modified.at },
  };
  if (item.folder) rec.folder = { childCount: liveChildren(state, item.id).length };
  else rec.file = { mimeType: item.mimeType, hashes: { ...hashesOf(item.content) } };
  if (item.image) rec.image = { ...item.image };
  if (item.permissions.length) rec.shared = { scope: item.permissions.some((p) => p.link?.scope === 'anonymous') ? 'anonymous' : item.permissions.some((p) => p.link?.scope === 'organization') ? 'organization' : 'users' };
  if (item.deleted) rec.deleted = { state: 'deleted' };
  return rec;
}

/** An item from another drive as sharedWithMe and search show it: its own name and id, with remoteItem. */
export function renderRemote(state: DrivesState, item: DriveItem, ctx: RouteContext): Rec {
  const full = renderItem(state, item, ctx);
  const owner = state.drives.get(item.driveId)!.owner;
  // remoteItem has fewer properties than driveItem (no eTag, cTag or download URL).
  const keep = ['createdBy', 'createdDateTime', 'file', 'fileSystemInfo', 'folder', 'id', 'image', 'lastModifiedBy', 'lastModifiedDateTime', 'name', 'parentReference', 'size', 'webUrl'];
  const remoteItem: Rec = { ...Object.fromEntries(keep.filter((k) => k in full).map((k) => [k, full[k]])), shared: { ...((full.shared as Rec) ?? {}), owner: 'userId' in owner ? identity(state, owner.userId) : {} } };
  return { id: item.id, name: item.name, size: full.size, webUrl: full.webUrl, createdDateTime: full.createdDateTime, lastModifiedDateTime: full.lastModifiedDateTime, ...(item.folder ? { folder: full.folder } : { file: full.file }), remoteItem };
}
