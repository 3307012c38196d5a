// A file's versions: the list (current first), one version, its content (302 to a pre-authenticated URL of those
// bytes) and restoreVersion, which makes an earlier content the current one as a new version.

import type { RouteDef } from '../../graph/types.js';
import { METADATA } from '../../odata/query.js';
import { itemNotFound } from './errors.js';
import { downloadUrl } from './json.js';
import { itemRoutes, locate, type Ctx } from './locate.js';
import { writeFile, type DriveItem, type DrivesState } from './model.js';

/** The item's versions, newest first, as driveItemVersion records with the content version each stands for. */
function versionsOf(ctx: Ctx, item: DriveItem) {
  const identity = (id: string) => ({ user: { id, displayName: ctx.state.directory.findUser(id)?.displayName ?? '' } });
  if (item.folder) return [];
  const current = { id: `${item.versions.length + 1}.0`, lastModifiedDateTime: item.modified.at, size: item.content.length, lastModifiedBy: identity(item.modified.by), contentVersion: item.contentVersion };
  const older = item.versions.map((v, i) => ({ id: v.id, lastModifiedDateTime: v.at, size: v.content.length, lastModifiedBy: identity(v.by), contentVersion: i + 1 })).reverse();
  return [current, ...older];
}

function versionOf(ctx: Ctx, item: DriveItem) {
  const v = versionsOf(ctx, item).find((x) => x.id === ctx.params.versionId);
  if (!v) throw itemNotFound();
  return v;
}

const record = ({ contentVersion: _, ...v }: ReturnType<typeof versionOf>) => v;

export const versionRoutes: RouteDef<DrivesState>[] = [
  ...itemRoutes('GET', '/versions', 'read', (ctx) => {
    const { item } = locate(ctx, 'read');
    return { status: 200, body: { '@odata.context': `${METADATA}#driveItemVersions`, value: versionsOf(ctx, item).map(record) } };
  }),
  ...itemRoutes('GET', '/versions/{versionId}', 'read', (ctx) => {
    const { item } = locate(ctx, 'read');
    return { status: 200, body: { '@odata.context': `${METADATA}#driveItemVersion`, ...record(versionOf(ctx, item)) } };
  }),
  ...itemRoutes('GET', '/versions/{versionId}/content', 'read', (ctx) => {
    const { item } = locate(ctx, 'read');
    return { status: 302, headers: { Location: downloadUrl(ctx, item, undefined, versionOf(ctx, item).contentVersion) } };
  }),
  ...itemRoutes('POST', '/versions/{versionId}/restoreVersion', 'write', (ctx) => {
    const { item } = locate(ctx, 'write');
    const v = item.versions.find((x) => x.id === ctx.params.versionId);
    if (!v) throw itemNotFound();
    writeFile(ctx.state, ctx.state.items.get(item.parentId!)!, item.name, v.content, ctx.principal.user.id, { existing: item, text: v.text });
    return { status: 204 };
  }),
];
