// Changing drives: new folders, file content (simple upload, upload sessions and their commit), rename and move,
// delete to the recycle bin (v1.0's restore refused, as for every work account), and asynchronous copy with a
// monitor. Conflicts follow @microsoft.graph.conflictBehavior (in the body or the query), eTags are checked with If-Match.

import { GraphError, insufficientPrivileges, type RouteDef } from '../../graph/types.js';
import { getEntity, METADATA } from '../../odata/query.js';
import { check, scopesFor } from './access.js';
import { invalidRequest, itemNotFound, nameAlreadyExists, notSupported501, preconditionFailed } from './errors.js';
import { driveItemEntity, renderDrive, renderItem, withoutAbsentFacets } from './json.js';
import { checkName } from './names.js';
import { textOf } from './text.js';
import { driveOf, itemRoutes, locate, locateTarget, type Ctx } from './locate.js';
import { childNamed, conflictBehavior, createFolder, descendants, isoNow, newToken, placeName, touch, writeFile, type DriveItem, type DrivesState } from './model.js';
import { COPY_PREFIX } from './endpoints.js';
import { commitUpload, forgetExpired, SANDBOX_FILE_MAX, sessionAt, UPLOAD_PREFIX } from './upload-session.js';

const SESSION_TTL_MS = 24 * 60 * 60 * 1000;
const CB = '@microsoft.graph.conflictBehavior';

const body = (ctx: Ctx) => (typeof ctx.req.body === 'object' && ctx.req.body !== null && !Buffer.isBuffer(ctx.req.body) ? (ctx.req.body as Record<string, unknown>) : {});
const entity = (ctx: Ctx, item: DriveItem, status = 200) => ({ ...withoutAbsentFacets(getEntity(ctx, driveItemEntity, renderItem(ctx.state, item, ctx), 'driveItems')), status });

function ifMatch(ctx: Ctx, item: DriveItem): void {
  const want = ctx.req.headers['if-match'];
  if (!want || want === '*') return;
  const rec = renderItem(ctx.state, item, ctx);
  if (![rec.eTag, rec.cTag].includes(want)) throw preconditionFailed();
}

/** Deletes an item (and what is in it) to the recycle bin. */
function recycle(s: DrivesState, item: DriveItem, by: string): void {
  const at = isoNow(s);
  for (const i of [item, ...descendants(s, item)]) i.deleted ??= { at, by };
  touch(s, s.items.get(item.parentId!)!, by);
}

export const writeRoutes: RouteDef<DrivesState>[] = [
  ...itemRoutes('POST', '/children', 'write', (ctx) => {
    const { item: parent } = locate(ctx, 'write');
    if (!parent.folder) throw invalidRequest('Items can only be created in a folder.');
    const b = body(ctx);
    const name = checkName(b.name);
    if (typeof b.folder !== 'object' || b.folder === null) throw invalidRequest('Only folders can be created here (give "folder": {}); upload files with PUT /content.');
    const placed = placeName(ctx.state, parent.id, name, conflictBehavior(b[CB] ?? ctx.req.url.searchParams.get(CB), 'fail'));
    if (placed.replaces) recycle(ctx.state, placed.replaces, ctx.principal.user.id);
    return entity(ctx, createFolder(ctx.state, parent, placed.name, ctx.principal.user.id), 201);
  }),
  ...itemRoutes('PUT', '/content', 'write', (ctx) => {
    const t = locateTarget(ctx);
    const content = Buffer.isBuffer(ctx.req.body) ? ctx.req.body : ctx.req.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(ctx.req.body));
    checkName(t.name);
    const behavior = conflictBehavior(ctx.req.url.searchParams.get(CB), 'replace');
    if (t.existing?.folder) throw invalidRequest(`${t.name} is a folder.`);
    if (t.existing) ifMatch(ctx, t.existing);
    const placed = t.existing && ctx.params.path === undefined ? { name: t.name, replaces: t.existing } : placeName(ctx.state, t.parent.id, t.name, behavior);
    const by = ctx.principal.user.id;
    const item = placed.replaces ? writeFile(ctx.state, t.parent, placed.name, content, by, { existing: placed.replaces, text: textOf(placed.name, content) }) : writeFile(ctx.state, t.parent, placed.name, content, by, { text: textOf(placed.name, content) });
    return entity(ctx, item, placed.replaces ? 200 : 201);
  }),
  ...itemRoutes('POST', '/createUploadSession', 'write', (ctx) => {
    const t = locateTarget(ctx);
    const b = body(ctx);
    const spec = (b.item ?? {}) as Record<string, unknown>;
    const name = checkName(spec.name ?? t.name);
    if (t.existing) ifMatch(ctx, t.existing);
    // By id, the session brings the addressed file's new content; by path, the file may exist: fail by default.
    const behavior = t.existing && ctx.params.path === undefined ? 'replace' : conflictBehavior(spec[CB] ?? ctx.req.url.searchParams.get(CB), 'fail');
    const s = ctx.state;
    if (behavior === 'fail' && childNamed(s, t.parent.id, name)) throw nameAlreadyExists(name);
    const size = typeof spec.fileSize === 'number' ? spec.fileSize : undefined;
    const remaining = (renderDrive(s, t.drive).quota as { remaining: number }).remaining;
    if (size !== undefined && size > Math.min(SANDBOX_FILE_MAX, remaining)) {
      throw new GraphError(507, 'quotaLimitReached', `The file of ${size} bytes does not fit: the sandbox stores files of up to ${SANDBOX_FILE_MAX} bytes within the drive's quota.`);
    }
    forgetExpired(s);
    const id = newToken().slice(0, 20);
    const expires = s.now() + SESSION_TTL_MS;
    const session = { id, token: newToken(), driveId: t.drive.id, parentId: t.parent.id, name, behavior, size, received: 0, receiving: false, complete: false, deferCommit: b.deferCommit === true, expires, by: ctx.principal.user.id };
    s.uploads.set(id, session);
    return {
      status: 200,
      body: {
        '@odata.context': `${METADATA}#microsoft.graph.uploadSession`,
        uploadUrl: `${new URL(ctx.serviceRoot).origin}${UPLOAD_PREFIX}${id}?token=${session.token}`,
        expirationDateTime: new Date(expires).toISOString(),
        nextExpectedRanges: ['0-'],
      },
    };
  }, { params: ['item', 'deferCommit'] }),
  // An upload whose last range met a name conflict, committed again into the addressed folder under a new name or
  // behavior: a PUT with the session's URL as @microsoft.graph.sourceUrl.
  ...itemRoutes('PUT', '', 'write', (ctx) => {
    const { item: folder } = locate(ctx, 'write');
    const b = body(ctx);
    const source = typeof b['@microsoft.graph.sourceUrl'] === 'string' ? b['@microsoft.graph.sourceUrl'] : '';
    if (!source) throw invalidRequest('Give @microsoft.graph.sourceUrl (the upload session URL) to commit an upload; upload content with PUT .../content.');
    const session = URL.canParse(source) ? sessionAt(ctx.state, new URL(source)) : undefined;
    if (!session || session.by !== ctx.principal.user.id) throw itemNotFound();
    if (!session.complete) throw invalidRequest(`The upload is not complete: bytes from ${session.received} are missing.`);
    if (!folder.folder || folder.driveId !== session.driveId) throw invalidRequest('Commit an upload into a folder of the drive it was started in.');
    session.parentId = folder.id;
    const { item, created } = commitUpload(ctx.state, session, checkName(b.name ?? session.name), conflictBehavior(b[CB], session.behavior));
    return entity(ctx, item, created ? 201 : 200);
  }),
  ...itemRoutes('PATCH', '', 'write', (ctx) => {
    const { item } = locate(ctx, 'write');
    if (!item.parentId) throw invalidRequest('The root of a drive cannot be renamed or moved.');
    ifMatch(ctx, item);
    const b = body(ctx);
    const s = ctx.state;
    const ref = (b.parentReference ?? undefined) as { id?: string; driveId?: string } | undefined;
    let parent = s.items.get(item.parentId)!;
    if (ref?.id) {
      const target = s.items.get(ref.id);
      if (!target || target.deleted || !target.folder) throw itemNotFound();
      if (target.driveId !== item.driveId || (ref.driveId && ref.driveId !== item.driveId)) throw invalidRequest('Items can only be moved within their drive; copy them to another drive.');
      if (target.id === item.id || descendants(s, item).includes(target)) throw invalidRequest('A folder cannot be moved into itself.');
      check(s, s.drives.get(target.driveId)!, target, ctx, 'write');
      parent = target;
    }
    const name = b.name === undefined ? item.name : checkName(b.name);
    const placed = placeName(s, parent.id, name, conflictBehavior(b[CB] ?? ctx.req.url.searchParams.get(CB), 'fail'), item.id);
    if (placed.replaces) recycle(s, placed.replaces, ctx.principal.user.id);
    const old = s.items.get(item.parentId)!;
    item.name = placed.name;
    item.parentId = parent.id;
    touch(s, item, ctx.principal.user.id);
    if (old !== parent) touch(s, old, ctx.principal.user.id);
    return entity(ctx, item);
  }),
  ...itemRoutes('DELETE', '', 'write', (ctx) => {
    const { item } = locate(ctx, 'write');
    if (!item.parentId) throw invalidRequest('The root of a drive cannot be deleted.');
    ifMatch(ctx, item);
    recycle(ctx.state, item, ctx.principal.user.id);
    return { status: 204 };
  }),
  // v1.0's restore (from the recycle bin) serves OneDrive Personal only; for work and school accounts Graph lists
  // it as not supported, so every drive here refuses it, after the same checks as any write to the item.
  ...itemRoutes('POST', '/restore', 'write', (ctx) => {
    const drive = driveOf(ctx);
    const item = ctx.state.items.get(ctx.params.itemId);
    if (!item || item.driveId !== drive.id) throw itemNotFound();
    check(ctx.state, drive, item, ctx, 'write');
    throw notSupported501('Restoring a deleted item is available for OneDrive Personal only; in OneDrive for Business and SharePoint, restore it from the recycle bin on the web.');
  }, { forms: ['/items/{itemId}'], params: ['parentReference', 'name'] }),
  // Copy reads the source and writes the destination: the route takes the write permissions of the source's drive
  // (Files.ReadWrite for one's own), and a destination in someone else's drive or a library needs theirs too.
  ...itemRoutes('POST', '/copy', 'write', (ctx) => {
    const { item } = locate(ctx, 'read');
    const s = ctx.state;
    const b = body(ctx);
    const ref = (b.parentReference ?? {}) as { id?: string; driveId?: string };
    const target = ref.id ? s.items.get(ref.id) : s.items.get(item.parentId ?? '');
    if (!target || target.deleted || !target.folder || (ref.driveId && ref.driveId !== target.driveId)) throw invalidRequest('The destination folder (parentReference) was not found.');
    const targetDrive = s.drives.get(target.driveId)!;
    const granted = (scope: string) => ctx.principal.scopes.some((p) => p.toLowerCase() === scope.toLowerCase());
    if (!scopesFor(s, targetDrive, ctx.principal.user, 'write').some(granted)) throw insufficientPrivileges();
    check(s, targetDrive, target, ctx, 'write');
    const placed = placeName(s, target.id, b.name === undefined ? item.name : checkName(b.name), conflictBehavior(b[CB] ?? ctx.req.url.searchParams.get(CB), 'fail'));
    const job = { id: newToken().slice(0, 16), started: s.now(), readyAt: s.now() + 300 };
    s.copies.set(job.id, job);
    // The copy lands a moment later, as Graph's do; the monitor reports progress until then.
    setTimeout(() => {
      if (placed.replaces) recycle(s, placed.replaces, ctx.principal.user.id);
      Object.assign(job, { resourceId: copyTree(s, item, target, placed.name, ctx.principal.user.id).id });
    }, 300).unref();
    return { status: 202, headers: { Location: `${new URL(ctx.serviceRoot).origin}${COPY_PREFIX}${job.id}` } };
  }),
];

function copyTree(s: DrivesState, item: DriveItem, into: DriveItem, name: string, by: string): DriveItem {
  if (!item.folder) {
    const f = writeFile(s, into, name, item.content, by, { text: item.text, mimeType: item.mimeType });
    if (item.image) f.image = { ...item.image };
    return f;
  }
  const folder = createFolder(s, into, name, by);
  for (const c of [...s.items.values()].filter((i) => i.parentId === item.id && !i.deleted)) copyTree(s, c, folder, c.name, by);
  return folder;
}
