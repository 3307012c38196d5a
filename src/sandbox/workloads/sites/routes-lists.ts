// A site's lists through Graph v1.0: document libraries among them (template documentLibrary; their files are the
// drives workload's), a list by id or display name, its columns (`/columns`, `$expand=columns`), with $select.

import type { RouteDef } from '../../graph/types.js';
import { getEntity, listCollection } from '../../odata/query.js';
import { columnEntity, listEntity, renderColumn, renderList } from './json.js';
import { itemNotFound } from './errors.js';
import { list, perSite, READ, site } from './locate.js';
import { columnsOf, type SitesState } from './model.js';

type Rec = Record<string, unknown>;

/** A column shows only the facet of its own type: the others, which the engine fills with null, go. */
const tidyColumn = (c: Rec) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== null));
const tidyList = (l: Rec) => (Array.isArray(l.columns) ? { ...l, columns: (l.columns as Rec[]).map(tidyColumn) } : l);
const tidyBody = (body: Rec, one: (x: Rec) => Rec) => (Array.isArray(body.value) ? { ...body, value: (body.value as Rec[]).map(one) } : one(body));

export const listRoutes: RouteDef<SitesState>[] = [
  ...perSite('/lists', {
    method: 'GET', scopes: READ,
    handler: (ctx) => {
      const s = site(ctx);
      const lists = ctx.state.lists.filter((l) => l.siteId === s.id).map((l) => renderList(ctx.state, l));
      const r = listCollection(ctx, { entity: listEntity(ctx.state), items: lists, entitySet: `sites('${s.id}')/lists` });
      return { ...r, body: tidyBody(r.body as Rec, tidyList) };
    },
  }),
  ...perSite('/lists/{listId}', {
    method: 'GET', scopes: READ,
    handler: (ctx) => {
      const l = list(ctx);
      const r = getEntity(ctx, listEntity(ctx.state), renderList(ctx.state, l), `sites('${l.siteId}')/lists`);
      return { ...r, body: tidyList(r.body as Rec) };
    },
  }),
  ...perSite('/lists/{listId}/columns', {
    method: 'GET', scopes: READ,
    handler: (ctx) => {
      const l = list(ctx);
      const r = listCollection(ctx, { entity: columnEntity, items: columnsOf(l).map((c) => renderColumn(l, c)), entitySet: `sites('${l.siteId}')/lists('${l.id}')/columns` });
      return { ...r, body: tidyBody(r.body as Rec, tidyColumn) };
    },
  }),
  ...perSite('/lists/{listId}/columns/{columnId}', {
    method: 'GET', scopes: READ,
    handler: (ctx) => {
      const l = list(ctx);
      const c = columnsOf(l).map((x) => renderColumn(l, x)).find((x) => x.id === ctx.params.columnId.toLowerCase());
      if (!c) throw itemNotFound();
      const r = getEntity(ctx, columnEntity, c, `sites('${l.siteId}')/lists('${l.id}')/columns`);
      return { ...r, body: tidyColumn(r.body as Rec) };
    },
  }),
];
