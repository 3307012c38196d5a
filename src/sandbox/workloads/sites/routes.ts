// SharePoint sites through Graph v1.0: finding sites (only those the person may open), a site by id or by
// `{host}:/sites/{name}`, its lists (document libraries among them) with their columns, and list items read with
// their fields (filtered and sorted by column under SharePoint's indexing rule), created, changed and deleted.

import type { SiteRecord } from '../../directory/directory.js';
import { GraphError, type RouteContext, type RouteDef } from '../../graph/types.js';
import { defaultDialect } from '../../odata/dialect.js';
import type { EntityType } from '../../odata/entity.js';
import { getEntity, listCollection, METADATA } from '../../odata/query.js';
import { itemEntity, renderColumn, renderFields, renderItem, renderList, renderSite } from './json.js';
import type { Column, ListItem, SitesState, SpList } from './model.js';

type Ctx = RouteContext<SitesState>;

const siteEntity: EntityType<Record<string, unknown>> = {
  name: 'microsoft.graph.site',
  properties: Object.fromEntries(['createdDateTime', 'description', 'id', 'lastModifiedDateTime', 'name', 'webUrl', 'displayName', 'root', 'siteCollection'].map((p) => [p, { type: p === 'root' || p === 'siteCollection' ? 'object' as const : 'string' as const }])),
  defaultSelect: ['createdDateTime', 'description', 'id', 'lastModifiedDateTime', 'name', 'webUrl', 'displayName', 'root', 'siteCollection'],
  get: (r, p) => r[p],
  pageSize: { default: 200, max: 500 },
  dialect: defaultDialect,
};

const READ = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];
const WRITE = ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];

const itemNotFound = () => new GraphError(404, 'itemNotFound', 'The resource could not be found.');
const accessDenied = () => new GraphError(403, 'accessDenied', 'Access denied');
const invalidRequest = (message: string) => new GraphError(400, 'invalidRequest', message);
const HONOR = /HonorNonIndexedQueriesWarningMayFailRandomly/i;

/** The site a route names (by id, or by host and path), refused to people who are neither members nor visitors. */
function site(ctx: Ctx, need: 'read' | 'write' = 'read'): SiteRecord {
  const p = ctx.params;
  const s = p.sitePath !== undefined ? ctx.directory.findSite(`${p.host}:/${p.sitePath}`) : p.siteId.toLowerCase() === 'root' ? ctx.directory.sites[0] : ctx.directory.findSite(p.siteId);
  if (!s) throw itemNotFound();
  const role = ctx.directory.siteRole(ctx.principal.user, s);
  if (role === 'none' || (need === 'write' && role !== 'write')) throw accessDenied();
  return s;
}

function list(ctx: Ctx, need: 'read' | 'write' = 'read'): SpList {
  const s = site(ctx, need);
  const key = ctx.params.listId.toLowerCase();
  const l = ctx.state.lists.find((x) => x.siteId === s.id && (x.id === key || x.displayName.toLowerCase() === key || x.name.toLowerCase() === key));
  if (!l) throw itemNotFound();
  return l;
}

function item(ctx: Ctx, l: SpList): ListItem {
  const i = l.items.find((x) => x.id === ctx.params.itemId);
  if (!i) throw itemNotFound();
  return i;
}

/** SharePoint refuses $filter and $orderby on a column it has not indexed, unless the caller accepts the risk. */
function checkIndexed(ctx: Ctx, l: SpList): void {
  if (HONOR.test(ctx.req.headers.prefer ?? '')) return;
  const params = ctx.req.url.searchParams;
  const used = `${params.get('$filter') ?? ''} ${params.get('$orderby') ?? ''}`;
  for (const m of used.matchAll(/fields\/(\w+)/gi)) {
    const c = l.columns.find((x) => x.name.toLowerCase() === m[1].toLowerCase());
    if (c && !c.indexed) {
      throw invalidRequest(`Field '${c.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`);
    }
  }
}

/** Field values checked against the list's columns: known names, values of the column's type, choices. */
function checkFields(l: SpList, raw: unknown, creating: boolean): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidRequest('fields must be an object of column names and values.');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k.startsWith('@odata')) continue;
    const c = l.columns.find((x) => x.name === k);
    if (!c) throw invalidRequest(`Field '${k}' is not recognized`);
    if (v !== null && !fits(c, v)) throw invalidRequest(`The value '${String(v)}' is not valid for the field '${c.name}' of type ${c.type}.`);
    out[c.name] = v;
  }
  if (creating) for (const c of l.columns.filter((x) => x.required)) if (out[c.name] === undefined || out[c.name] === null || out[c.name] === '') throw invalidRequest(`Field '${c.name}' is required.`);
  return out;
}

function fits(c: Column, v: unknown): boolean {
  switch (c.type) {
    case 'number': case 'currency': return typeof v === 'number' && Number.isFinite(v);
    case 'boolean': return typeof v === 'boolean';
    case 'dateTime': return typeof v === 'string' && !Number.isNaN(Date.parse(v));
    case 'choice': return typeof v === 'string' && (c.choices ?? []).includes(v);
    default: return typeof v === 'string';
  }
}

const iso = (ctx: Ctx) => new Date(ctx.state.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
const SITE_PATHS = ['/sites/{siteId}', '/sites/{host}/:/{sitePath}'];
const per = (suffix: string, def: Omit<RouteDef<SitesState>, 'path'>): RouteDef<SitesState>[] => SITE_PATHS.map((p) => ({ ...def, path: `${p}${suffix}` }));

export const siteRoutes: RouteDef<SitesState>[] = [
  {
    method: 'GET', path: '/sites', scopes: READ,
    handler: (ctx) => {
      const q = (ctx.req.url.searchParams.get('search') ?? '').trim().toLowerCase();
      const words = q === '*' ? [] : q.split(/\s+/).filter(Boolean);
      const visible = ctx.directory.sites.filter((s) => ctx.directory.siteRole(ctx.principal.user, s) !== 'none');
      const hits = visible.filter((s) => words.every((w) => `${s.name} ${s.displayName} ${s.description}`.toLowerCase().includes(w)));
      return listCollection(ctx, { entity: siteEntity, items: hits.map(renderSite), entitySet: 'sites' });
    },
  },
  ...per('', { method: 'GET', scopes: READ, handler: (ctx) => getEntity(ctx, siteEntity, renderSite(site(ctx)), 'sites') }),
  ...per('/lists', {
    method: 'GET', scopes: READ,
    handler: (ctx) => {
      const s = site(ctx);
      return { status: 200, body: { '@odata.context': `${METADATA}#sites('${s.id}')/lists`, value: ctx.state.lists.filter((l) => l.siteId === s.id).map((l) => renderList(ctx.directory, l)) } };
    },
  }),
  ...per('/lists/{listId}', {
    method: 'GET', scopes: READ,
    handler: (ctx) => {
      const l = list(ctx);
      const expand = (ctx.req.url.searchParams.get('$expand') ?? '').toLowerCase();
      return { status: 200, body: { '@odata.context': `${METADATA}#lists/$entity`, ...renderList(ctx.directory, l), ...(expand.includes('columns') ? { columns: l.columns.map((c) => renderColumn(l, c)) } : {}) } };
    },
  }),
  ...per('/lists/{listId}/columns', { method: 'GET', scopes: READ, handler: (ctx) => { const l = list(ctx); return { status: 200, body: { '@odata.context': `${METADATA}#columns`, value: l.columns.map((c) => renderColumn(l, c)) } }; } }),
  ...per('/lists/{listId}/items', {
    method: 'GET', scopes: READ,
    handler: (ctx) => {
      const l = list(ctx);
      checkIndexed(ctx, l);
      return listCollection(ctx, { entity: itemEntity(l), items: l.items.map((i) => renderItem(ctx.directory, l, i)), entitySet: `sites('${l.siteId}')/lists('${l.id}')/items` });
    },
  }),
  ...per('/lists/{listId}/items/{itemId}', { method: 'GET', scopes: READ, handler: (ctx) => { const l = list(ctx); return getEntity(ctx, itemEntity(l), renderItem(ctx.directory, l, item(ctx, l)), 'listItems'); } }),
  ...per('/lists/{listId}/items/{itemId}/fields', { method: 'GET', scopes: READ, handler: (ctx) => { const l = list(ctx); return { status: 200, body: { '@odata.context': `${METADATA}#fieldValueSet`, ...renderFields(l, item(ctx, l)) } }; } }),
  ...per('/lists/{listId}/items', {
    method: 'POST', scopes: WRITE,
    handler: (ctx) => {
      const l = list(ctx, 'write');
      if (l.template !== 'genericList') throw invalidRequest('Items of a document library are files: upload them through its drive.');
      const fields = checkFields(l, (ctx.req.body as { fields?: unknown } | undefined)?.fields, true);
      const by = ctx.principal.user.id;
      const created: ListItem = { id: String(l.nextItemId++), fields, created: { at: iso(ctx), by }, modified: { at: iso(ctx), by }, version: 1 };
      l.items.push(created);
      return { status: 201, body: { '@odata.context': `${METADATA}#listItems/$entity`, ...renderItem(ctx.directory, l, created) } };
    },
  }),
  ...per('/lists/{listId}/items/{itemId}/fields', {
    method: 'PATCH', scopes: WRITE,
    handler: (ctx) => {
      const l = list(ctx, 'write');
      const i = item(ctx, l);
      const match = ctx.req.headers['if-match'];
      if (match && match !== '*' && match !== `"${l.id},${i.version}"`) throw new GraphError(412, 'resourceModified', 'The item was changed by someone else.');
      Object.assign(i.fields, checkFields(l, ctx.req.body, false));
      i.modified = { at: iso(ctx), by: ctx.principal.user.id };
      i.version++;
      return { status: 200, body: { '@odata.context': `${METADATA}#fieldValueSet`, ...renderFields(l, i) } };
    },
  }),
  ...per('/lists/{listId}/items/{itemId}', {
    method: 'DELETE', scopes: WRITE,
    handler: (ctx) => {
      const l = list(ctx, 'write');
      const i = item(ctx, l);
      l.items.splice(l.items.indexOf(i), 1);
      return { status: 204 };
    },
  }),
];
