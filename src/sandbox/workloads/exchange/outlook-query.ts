// Collections of Outlook items (events, contacts) the way Exchange serves them through Graph. It reuses the
// sandbox's OData pieces (option reading, $filter parser and compiler, $select, paging links) but follows
// Outlook's own rules where they differ from the directory's: every item carries @odata.etag and id even under
// $select, $filter and $orderby take sub-property paths such as start/dateTime, pages are 10 items by default
// and continue with $skip, and `Prefer: odata.maxpagesize` sets the page size.

import { defaultDialect, type QueryDialect } from '../../odata/dialect.js';
import { findProperty, propValue, type EntityType } from '../../odata/entity.js';
import { compileFilter } from '../../odata/filter-compile.js';
import { parseFilter, type Expr } from '../../odata/filter-parser.js';
import { FilterSyntaxError } from '../../odata/lexer.js';
import { readOptions, readSkip, readTop } from '../../odata/options.js';
import { nextLink } from '../../odata/paging.js';
import { compareForSort, METADATA } from '../../odata/query.js';
import { parseSelect } from '../../odata/select.js';
import { badRequest, GraphError, type GraphResponse, type RouteContext } from '../../graph/types.js';

/** Exchange words unknown properties like OData, under its own error code. */
export const outlookDialect: QueryDialect = {
  ...defaultDialect,
  unknownProperty: (entity, name) => new GraphError(400, 'RequestBroker--ParseUri', `Could not find a property named '${name}' on type '${entity.name}'.`),
};

export interface OutlookCollection<T> {
  /** Properties that $select names (no paths). */
  entity: EntityType<T>;
  /** Extra properties that only $filter and $orderby reach, by path (e.g. 'start/dateTime'). */
  paths?: EntityType<T>['properties'];
  items: readonly T[];
  /** What follows $metadata# in @odata.context, e.g. users('id')/calendarView. */
  context: string;
  /** Always written first, whatever $select says. */
  etag(item: T): string;
  id(item: T): string;
  pageSizeOverride?: number;
  headers?: Record<string, string>;
}

export function listOutlook<T>(ctx: RouteContext, src: OutlookCollection<T>): GraphResponse {
  const opts = readOptions(ctx.req);
  if (opts.get('$search') !== undefined) throw badRequest('The query parameter $search is not supported on this collection.', 'ErrorInvalidUrlQuery');
  if (opts.get('$expand') !== undefined) throw badRequest('The query parameter $expand is not supported on this collection.', 'ErrorInvalidUrlQuery');
  const query: EntityType<T> = { ...src.entity, properties: { ...src.entity.properties, ...src.paths } };
  const select = parseSelect(opts.get('$select'), src.entity);
  let items = [...src.items];
  const filter = opts.get('$filter');
  if (filter !== undefined && filter.trim() !== '') {
    let pred;
    try {
      pred = compileFilter(joinPaths(parseFilter(filter), query), query, true);
    } catch (e) {
      if (e instanceof FilterSyntaxError) throw query.dialect.invalidFilter(e.message);
      throw e;
    }
    items = items.filter((i) => pred(i));
  }
  items = orderBy(items, query, opts.get('$orderby'));
  const pageSize = src.pageSizeOverride ? { ...src.entity.pageSize, default: Math.min(src.pageSizeOverride, src.entity.pageSize.max) } : src.entity.pageSize;
  // A preferred maximum page size caps $top too (the page is shorter, the nextLink continues after it).
  const top = Math.min(readTop(opts.get('$top'), pageSize), src.pageSizeOverride ?? Infinity);
  const offset = readSkip(opts.get('$skip'));
  const page = items.slice(offset, offset + top);
  const body: Record<string, unknown> = { '@odata.context': `${METADATA}#${src.context}${select ? `(${select.join(',')})` : ''}` };
  if (opts.count) body['@odata.count'] = items.length;
  if (offset + top < items.length) {
    const path = ctx.req.url.pathname.replace(/^\/v1\.0/i, '');
    body['@odata.nextLink'] = nextLink(ctx.serviceRoot, path, ctx.req.url.searchParams, { name: '$skip', value: String(offset + top) });
  }
  body.value = page.map((item) => projectOutlook(src, item, select));
  return { status: 200, headers: src.headers, body };
}

/** One item: @odata.etag and id first, then the selected (or default) properties. */
export function projectOutlook<T>(src: Pick<OutlookCollection<T>, 'entity' | 'etag' | 'id'>, item: T, select: string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.etag': src.etag(item), id: src.id(item) };
  for (const p of select ?? src.entity.defaultSelect) {
    // A property the caller may not see (a body under Calendars.ReadBasic) is left out, not nulled.
    const v = src.entity.get ? src.entity.get(item, p) : (item as Record<string, unknown>)[p];
    if (p !== 'id' && v !== undefined) out[p] = v;
  }
  return out;
}

/** `start/dateTime` parses as a two-segment path; when the entity declares the path, it becomes one operand. */
function joinPaths(e: Expr, entity: EntityType): Expr {
  switch (e.kind) {
    case 'and':
    case 'or':
      return { ...e, left: joinPaths(e.left, entity), right: joinPaths(e.right, entity) };
    case 'not':
      return { ...e, operand: joinPaths(e.operand, entity) };
    case 'compare':
      return { ...e, left: joinPaths(e.left, entity), right: joinPaths(e.right, entity) };
    case 'in':
      return { ...e, left: joinPaths(e.left, entity) };
    case 'call':
      return { ...e, args: e.args.map((a) => joinPaths(a, entity)) };
    case 'path': {
      const joined = e.segments.join('/');
      return e.segments.length > 1 && findProperty(entity, joined) ? { kind: 'path', segments: [joined] } : e;
    }
    default:
      return e;
  }
}

function orderBy<T>(items: T[], entity: EntityType<T>, raw: string | undefined): T[] {
  if (raw === undefined || raw.trim() === '') return items;
  const keys = raw.split(',').map((part) => {
    const m = /^\s*([\w/]+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw badRequest(`Syntax error at position 0 in '${part.trim()}'.`);
    const prop = findProperty(entity, m[1]);
    if (!prop) throw entity.dialect.unknownProperty(entity, m[1]);
    if (!entity.properties[prop].orderby) throw entity.dialect.unsupportedSort(entity, prop);
    return { prop, desc: m[2]?.toLowerCase() === 'desc' };
  });
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      for (const k of keys) {
        const c = compareForSort(propValue(entity, a.item, k.prop), propValue(entity, b.item, k.prop));
        if (c !== 0) return k.desc ? -c : c;
      }
      return a.i - b.i;
    })
    .map((x) => x.item);
}
