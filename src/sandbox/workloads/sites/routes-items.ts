// List items through Graph v1.0: read with `$expand=fields` (and `fields($select=...)`), filtered and sorted by
// `fields/{column}` under SharePoint's indexing rule, paged; created (`{fields: {...}}`), changed through
// `/fields` (If-Match against the eTag) and deleted, by the site's members with a write permission.

import type { RouteDef } from '../../graph/types.js';
import { readOptions } from '../../odata/options.js';
import { getEntity, listCollection, METADATA } from '../../odata/query.js';
import { parseExpand } from '../../odata/select.js';
import { libraryItem, notIndexed, preconditionFailed } from './errors.js';
import { checkFields, itemETag, renderFields } from './fields.js';
import { itemEntity, renderItem, tidyItems } from './items.js';
import { iso, item, list, perSite, READ, WRITE, type Ctx } from './locate.js';
import { columnsOf, stableGuid, type ListItem, type SpList } from './model.js';

type Rec = Record<string, unknown>;
const HONOR = /\bHonorNonIndexedQueriesWarningMayFailRandomly\b/i;

/** SharePoint refuses $filter and $orderby on a column it has not indexed, unless the caller accepts the risk. */
function checkIndexed(ctx: Ctx, l: SpList): void {
  if (HONOR.test(ctx.req.headers.prefer ?? '')) return;
  const params = ctx.req.url.searchParams;
  const used = `${params.get('$filter') ?? ''} ${params.get('$orderby') ?? ''}`;
  for (const m of used.matchAll(/fields\/(\w+)/gi)) {
    const c = columnsOf(l).find((x) => x.name.toLowerCase() === m[1].toLowerCase() || `${x.name}LookupId`.toLowerCase() === m[1].toLowerCase());
    if (c && !c.indexed) throw notIndexed(m[1]);
  }
}

/** The request named the fields it wants (`$expand=fields($select=...)`): person columns then come by name. */
function fieldsSelected(ctx: Ctx, l: SpList): boolean {
  return parseExpand(readOptions(ctx.req).get('$expand'), itemEntity(ctx.state, l)).some((x) => x.name === 'fields' && x.select !== undefined);
}

/** A write is refused when its If-Match names another version of the item. */
function checkMatch(ctx: Ctx, i: ListItem): void {
  const match = ctx.req.headers['if-match'];
  if (match && match.trim() !== '*' && match.trim() !== itemETag(i)) throw preconditionFailed();
}

function touch(ctx: Ctx, l: SpList, i: ListItem): void {
  i.modified = { at: iso(ctx), by: ctx.principal.user.id };
  i.version++;
  l.version++;
}

const fieldsBody = (ctx: Ctx, l: SpList, i: ListItem) => ({ '@odata.context': `${METADATA}#sites('${l.siteId}')/lists('${l.id}')/items('${i.id}')/fields/$entity`, ...renderFields(ctx.directory, l, i) });

export const itemRoutes: RouteDef<Ctx['state']>[] = [
  ...perSite('/lists/{listId}/items', {
    method: 'GET', scopes: READ,
    handler: (ctx) => {
      const l = list(ctx);
      checkIndexed(ctx, l);
      const r = listCollection(ctx, { entity: itemEntity(ctx.state, l), items: l.items, entitySet: `sites('${l.siteId}')/lists('${l.id}')/items` });
      return { ...r, body: tidyItems(l, r.body as Rec, fieldsSelected(ctx, l)) };
    },
  }),
  ...perSite('/lists/{listId}/items/{itemId}', {
    method: 'GET', scopes: READ,
    handler: (ctx) => {
      const l = list(ctx);
      const r = getEntity(ctx, itemEntity(ctx.state, l), item(ctx, l), `sites('${l.siteId}')/lists('${l.id}')/items`);
      return { ...r, body: tidyItems(l, r.body as Rec, fieldsSelected(ctx, l)) };
    },
  }),
  ...perSite('/lists/{listId}/items/{itemId}/fields', { method: 'GET', scopes: READ, handler: (ctx) => { const l = list(ctx); return { status: 200, body: fieldsBody(ctx, l, item(ctx, l)) }; } }),
  ...perSite('/lists/{listId}/items', {
    method: 'POST', scopes: WRITE,
    handler: (ctx) => {
      const l = list(ctx, 'write');
      if (l.template !== 'genericList') throw libraryItem();
      const fields = checkFields(ctx.directory, l, (ctx.req.body as { fields?: unknown } | undefined)?.fields ?? {}, true);
      const by = ctx.principal.user.id;
      const id = String(l.nextItemId++);
      const created: ListItem = { id, uniqueId: stableGuid(`item:${l.id}:${id}`), fields: {}, created: { at: iso(ctx), by }, modified: { at: iso(ctx), by }, version: 1 };
      setFields(created, fields);
      l.items.push(created);
      l.version++;
      return { status: 201, body: { '@odata.context': `${METADATA}#sites('${l.siteId}')/lists('${l.id}')/items/$entity`, ...renderItem(ctx.state, l, created) } };
    },
  }),
  ...perSite('/lists/{listId}/items/{itemId}/fields', {
    method: 'PATCH', scopes: WRITE,
    handler: (ctx) => {
      const l = list(ctx, 'write');
      const i = item(ctx, l);
      checkMatch(ctx, i);
      setFields(i, checkFields(ctx.directory, l, ctx.req.body, false));
      touch(ctx, l, i);
      return { status: 200, body: fieldsBody(ctx, l, i) };
    },
  }),
  ...perSite('/lists/{listId}/items/{itemId}', {
    method: 'DELETE', scopes: WRITE,
    handler: (ctx) => {
      const l = list(ctx, 'write');
      const i = item(ctx, l);
      checkMatch(ctx, i);
      l.items.splice(l.items.indexOf(i), 1);
      l.version++;
      return { status: 204 };
    },
  }),
];

/** Stores checked values; null empties a column (SharePoint then leaves it out of `fields`). */
function setFields(i: ListItem, values: Rec): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === null) delete i.fields[k];
    else i.fields[k] = v;
  }
}
