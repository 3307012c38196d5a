// The OData engine over in-memory arrays: a route hands over its items and entity description and gets back
// Graph's response, with $filter, $search, $orderby, $top, $count, $select, $expand, paging and
// @odata.context done the way the owning service does them (see dialect.ts for the directory's rules).

import { GraphError, badRequest, type GraphResponse, type RouteContext } from '../graph/types.js';
import { findProperty, propValue, type EntityType } from './entity.js';
import { compileFilter } from './filter-compile.js';
import { parseFilter } from './filter-parser.js';
import { FilterSyntaxError } from './lexer.js';
import { readOptions, readSkip, readTop, type RawOptions } from './options.js';
import { makeSkipToken, nextLink, queryFingerprint, readSkipToken } from './paging.js';
import { contextProjection, parseExpand, parseSelect, project } from './select.js';

/** Graph's metadata document; the sandbox serves none, so contexts point at the real one they describe. */
export const METADATA = 'https://graph.microsoft.com/v1.0/$metadata';

export interface CollectionSource<T> {
  entity: EntityType<T>;
  items: readonly T[];
  /** What follows $metadata# in @odata.context, e.g. `users` or `directoryObjects`. */
  entitySet: string;
  /** `@odata.type` on every item, e.g. '#microsoft.graph.user' in directoryObject collections. */
  odataType?: string;
}

export function listCollection<T>(ctx: RouteContext, src: CollectionSource<T>): GraphResponse {
  const { entity } = src;
  const opts = readOptions(ctx.req);
  checkAdvancedPrerequisites(entity, opts);
  const select = parseSelect(opts.get('$select'), entity);
  const expand = parseExpand(opts.get('$expand'), entity);
  const matching = applyFilterAndSearch(src.items, entity, opts);
  const sorted = applyOrderBy(matching, entity, opts);
  const top = readTop(opts.get('$top'), entity.pageSize);
  if (opts.get('$skip') !== undefined && !entity.dialect.supportsSkip) {
    throw badRequest("'$skip' is not supported by the service.", 'Request_BadRequest');
  }
  const path = ctx.req.url.pathname.replace(/^\/v1\.0/i, '');
  const fingerprint = queryFingerprint(path, ctx.req.url.searchParams);
  const skiptoken = opts.get('$skiptoken');
  const offset = readSkip(opts.get('$skip')) + (skiptoken ? readSkipToken(skiptoken, fingerprint) : 0);
  const page = sorted.slice(offset, offset + top);

  const body: Record<string, unknown> = { '@odata.context': `${METADATA}#${src.entitySet}${contextProjection(select, expand)}` };
  if (opts.count) body['@odata.count'] = sorted.length;
  if (offset + top < sorted.length) {
    const paging =
      entity.dialect.nextPage === 'skip'
        ? { name: '$skip' as const, value: String(offset + top) }
        : { name: '$skiptoken' as const, value: makeSkipToken(offset + top, fingerprint) };
    body['@odata.nextLink'] = nextLink(ctx.serviceRoot, path, ctx.req.url.searchParams, paging);
  }
  body.value = page.map((item) => project(entity, item, { select, expand, odataType: src.odataType, ctx }));
  return { status: 200, body };
}

/** GET {collection}/$count: the number of matching items as text/plain. */
export function countCollection<T>(ctx: RouteContext, src: CollectionSource<T>): GraphResponse {
  const opts = readOptions(ctx.req);
  if (src.entity.dialect.advancedQueries && !opts.eventual) throw countNotSupported();
  const matching = applyFilterAndSearch(src.items, src.entity, { ...opts, count: true });
  return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: String(matching.length) };
}

/** GET of one entity, with $select and $expand. */
export function getEntity<T>(ctx: RouteContext, entity: EntityType<T>, item: T, entitySet: string, odataType?: string): GraphResponse {
  const opts = readOptions(ctx.req);
  const select = parseSelect(opts.get('$select'), entity);
  const expand = parseExpand(opts.get('$expand'), entity);
  const body = {
    '@odata.context': `${METADATA}#${entitySet}${contextProjection(select, expand)}/$entity`,
    ...project(entity, item, { select, expand, odataType, ctx }),
  };
  return { status: 200, body };
}

export const countNotSupported = () => new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');

/** Advanced directory queries: the ConsistencyLevel header, and $count=true except for $search. */
function isAdvanced(entity: EntityType, opts: RawOptions): boolean {
  if (!entity.dialect.advancedQueries) return true;
  return opts.eventual && (opts.count || opts.get('$search') !== undefined);
}

function checkAdvancedPrerequisites(entity: EntityType, opts: RawOptions): void {
  if (!entity.dialect.advancedQueries || opts.eventual) return;
  if (opts.count) throw countNotSupported();
  if (opts.get('$search') !== undefined) {
    throw new GraphError(
      400,
      'Request_UnsupportedQuery',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  }
}

function applyFilterAndSearch<T>(items: readonly T[], entity: EntityType<T>, opts: RawOptions): T[] {
  let out = [...items];
  const filter = opts.get('$filter');
  if (filter !== undefined && filter.trim() !== '') {
    let pred;
    try {
      pred = compileFilter(parseFilter(filter), entity, isAdvanced(entity, opts));
    } catch (e) {
      if (e instanceof FilterSyntaxError) throw entity.dialect.invalidFilter(e.message);
      throw e;
    }
    out = out.filter((item) => pred(item));
  }
  const search = opts.get('$search');
  if (search !== undefined) {
    if (!entity.search) throw badRequest(`$search is not supported on ${entity.name} here.`, 'Request_UnsupportedQuery');
    const match = entity.search(search.replace(/^\s+|\s+$/g, ''), entity);
    out = out.filter(match);
  }
  return out;
}

function applyOrderBy<T>(items: T[], entity: EntityType<T>, opts: RawOptions): T[] {
  const raw = opts.get('$orderby');
  if (raw === undefined || raw.trim() === '') return items;
  const advanced = isAdvanced(entity, opts);
  if (entity.dialect.sortWithFilterIsAdvanced && opts.get('$filter') !== undefined && !advanced) {
    throw new GraphError(400, 'Request_UnsupportedQuery', 'Sorting not supported for current query.');
  }
  const keys = raw.split(',').map((part) => {
    const m = /^\s*([\w/]+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw badRequest(`Syntax error at position 0 in '${part.trim()}'.`);
    const prop = findProperty(entity, m[1]);
    if (!prop) throw entity.dialect.unknownProperty(entity, m[1]);
    const sortable = entity.properties[prop].orderby;
    if (!sortable || (sortable === 'advanced' && !advanced)) throw entity.dialect.unsupportedSort(entity, prop);
    return { prop, desc: m[2]?.toLowerCase() === 'desc' };
  });
  const indexed = items.map((item, i) => ({ item, i }));
  indexed.sort((a, b) => {
    for (const k of keys) {
      const c = compareForSort(propValue(entity, a.item, k.prop), propValue(entity, b.item, k.prop));
      if (c !== 0) return k.desc ? -c : c;
    }
    return a.i - b.i;
  });
  return indexed.map((x) => x.item);
}

/** Nulls first in ascending order (OData), strings without regard to case. */
export function compareForSort(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  const x = typeof a === 'string' ? a.toLowerCase() : (a as number);
  const y = typeof b === 'string' ? b.toLowerCase() : (b as number);
  return x < y ? -1 : x > y ? 1 : 0;
}
