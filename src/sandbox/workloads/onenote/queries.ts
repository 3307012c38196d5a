// OneNote's answers to queries, over the OData engine: collections in OneNote's default order (notebooks, section
// groups and sections by name, pages last modified first) unless $orderby says otherwise, pages refused past
// $top=100 with OneNote's code, and the parents a default query shows: a page's parentSection, a section's or
// section group's parentNotebook and parentSectionGroup, each as id, displayName and self.

import type { GraphResponse, RouteContext } from '../../graph/types.js';
import type { EntityType } from '../../odata/entity.js';
import { readOptions } from '../../odata/options.js';
import { getEntity, listCollection, METADATA } from '../../odata/query.js';
import { topTooHigh } from './errors.js';
import type { OneNoteState } from './model.js';
import { RELATIVES, type View } from './views.js';

type Ctx = RouteContext<OneNoteState>;
type Rec = Record<string, unknown>;

/** A OneNote query parameter that is not an OData option (pagelevel, includeIDs, sectionName), named in any case. */
export function oneNoteParam(ctx: Ctx, name: string): string | undefined {
  for (const [k, v] of ctx.req.url.searchParams) if (k.toLowerCase() === name.toLowerCase()) return v;
  return undefined;
}

/** The entity set of a person's notebooks, sections, ... in @odata.context. */
export const entitySet = (ownerId: string, name: string) => `users('${ownerId}')/onenote/${name}`;

const byName = (a: View, b: View) => String(a.displayName).localeCompare(String(b.displayName));
const newestFirst = (a: View, b: View) => String(b.lastModifiedDateTime).localeCompare(String(a.lastModifiedDateTime));

export function listViews(ctx: Ctx, entity: EntityType<View>, views: View[], set: string): GraphResponse {
  const opts = readOptions(ctx.req);
  const top = opts.get('$top');
  if (top !== undefined && /^\d+$/.test(top.trim()) && Number(top) > entity.pageSize.max) throw topTooHigh(entity.pageSize.max);
  const ordered = opts.get('$orderby') === undefined ? [...views].sort(views[0]?.[RELATIVES].kind === 'page' ? newestFirst : byName) : views;
  const r = listCollection(ctx, { entity, items: ordered, entitySet: set });
  if (!isDefaultQuery(ctx)) return r;
  const byId = new Map(views.map((v) => [v.id, v]));
  const body = r.body as { value: Rec[] };
  body.value = body.value.map((item) => withParents(item, byId.get(String(item.id))!, set));
  return r;
}

export function getView(ctx: Ctx, entity: EntityType<View>, view: View, set: string, status = 200): GraphResponse {
  const r = getEntity(ctx, entity, view, set);
  return { ...r, status, body: isDefaultQuery(ctx) ? withParents(r.body as Rec, view, set) : r.body };
}

const isDefaultQuery = (ctx: Ctx) => {
  const opts = readOptions(ctx.req);
  return opts.get('$select') === undefined && opts.get('$expand') === undefined;
};

/** The item with the parents OneNote's default query expands, after its own properties. */
function withParents(item: Rec, view: View, set: string): Rec {
  const relatives = view[RELATIVES];
  const out = { ...item };
  const add = (name: string, parent: View | null | undefined) => {
    out[`${name}@odata.context`] = `${METADATA}#${set}('${view.id}')/${name}(id,displayName,self)/$entity`;
    out[name] = parent ? { id: parent.id, displayName: parent.displayName, self: parent.self } : null;
  };
  if (relatives.kind === 'page') add('parentSection', relatives.parentSection?.());
  if (relatives.kind === 'section' || relatives.kind === 'sectionGroup') {
    add('parentNotebook', relatives.parentNotebook?.());
    add('parentSectionGroup', relatives.parentSectionGroup?.());
  }
  return out;
}
