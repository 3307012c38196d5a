// A page's content and its resources through Graph v1.0: GET .../pages/{id}/content is the page as OneNote's
// output HTML (generated ids with includeIDs=true), PATCH .../content applies change objects (JSON, or multipart
// with a "Commands" part and the data parts its HTML names) and answers 204; GET .../resources/{id}/$value (and
// /content) are an image's or file's bytes. Resources a change leaves unused go with it.

import type { RouteContext, RouteDef } from '../../graph/types.js';
import { needs, notesOf, PAGE_READ, pageOf, UPDATE } from './access.js';
import { invalidId, notFound, patchNoCommands, patchPayload } from './errors.js';
import { pageHtml } from './html/output.js';
import { applyCommands, readCommands, resourcesIn } from './html/patch.js';
import { resourceId, wellFormedId } from './ids.js';
import { nowIso, type Notes, type OneNoteState, type StoredPage, type StoredResource } from './model.js';
import { multipartBoundary, partsByName, readMultipart } from './multipart.js';
import { oneNoteParam } from './queries.js';

type Ctx = RouteContext<OneNoteState>;
const ROOT = '/users/{id}/onenote';

/** Where a resource's bytes are, as the page's HTML shows it. */
const resourceUrl = (ctx: Ctx, notes: Notes, id: string) => `${ctx.serviceRoot}/users('${notes.owner.id}')/onenote/resources/${id}/$value`;

function patch(ctx: Ctx, notes: Notes, page: StoredPage): void {
  const type = ctx.req.headers['content-type'] ?? '';
  const boundary = multipartBoundary(type);
  let body = ctx.req.body;
  let parts: Map<string, { type: string; bytes: Buffer }> | undefined;
  if (boundary) {
    if (!Buffer.isBuffer(body)) throw patchPayload();
    const all = readMultipart(body, boundary);
    const commands = all.find((p) => p.name.toLowerCase() === 'commands');
    if (!commands) throw patchNoCommands();
    try {
      body = JSON.parse(commands.bytes.toString('utf8'));
    } catch {
      throw patchPayload();
    }
    parts = partsByName(all.filter((p) => p !== commands));
  }
  const commands = readCommands(body);
  const made: StoredResource[] = [];
  applyCommands(page, commands, {
    parts,
    addResource: (bytes, contentType) => {
      const r = { id: resourceId(), ownerId: notes.owner.id, pageId: page.id, contentType, bytes };
      made.push(r);
      return r.id;
    },
  });
  for (const r of made) ctx.state.resources.set(r.id, r);
  const shown = resourcesIn(page.body);
  for (const [id, r] of ctx.state.resources) if (r.pageId === page.id && !shown.has(id)) ctx.state.resources.delete(id);
  page.lastModifiedDateTime = nowIso();
}

function resource(ctx: Ctx, sample: 'value' | 'content') {
  const notes = notesOf(ctx);
  const id = ctx.params.resourceId;
  if (!wellFormedId(id)) throw invalidId();
  const r = ctx.state.resources.get(id);
  if (!r || r.ownerId !== notes.owner.id) throw notFound();
  // The documented answer of /content is application/octet-stream; $value says what the bytes are.
  return { status: 200, headers: { 'Content-Type': sample === 'content' ? 'application/octet-stream' : r.contentType }, body: r.bytes };
}

export const contentRoutes: RouteDef<OneNoteState>[] = [
  {
    method: 'GET', path: `${ROOT}/pages/{pageId}/content`, scopes: needs(PAGE_READ),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      const page = pageOf(notes, ctx.params.pageId);
      const includeIds = oneNoteParam(ctx, 'includeIDs')?.toLowerCase() === 'true';
      return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: pageHtml(page, { includeIds, resourceUrl: (id) => resourceUrl(ctx, notes, id) }) };
    },
  },
  {
    method: 'PATCH', path: `${ROOT}/pages/{pageId}/content`, scopes: needs(UPDATE),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      patch(ctx, notes, pageOf(notes, ctx.params.pageId));
      return { status: 204 };
    },
  },
  { method: 'GET', path: `${ROOT}/resources/{resourceId}/$value`, scopes: needs(PAGE_READ), handler: (ctx) => resource(ctx, 'value') },
  { method: 'GET', path: `${ROOT}/resources/{resourceId}/content`, scopes: needs(PAGE_READ), handler: (ctx) => resource(ctx, 'content') },
];
