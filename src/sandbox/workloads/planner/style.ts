// How Planner answers for its collections through the collection engine: every item with its @odata.etag, $select
// honoured, a task's details inlined on $expand=details, and the whole list in one answer. Planner ignores $filter,
// $orderby and $top (clients filter and sort by order hint themselves), as Graph's Planner does. Every change needs
// If-Match, and a PATCH answers 204 unless the client prefers the representation.

import type { CollectionStyle, Stamp } from '../../odata/collection.js';
import { defaultDialect } from '../../odata/dialect.js';
import type { EntityType } from '../../odata/entity.js';
import { readOptions } from '../../odata/options.js';
import { METADATA } from '../../odata/query.js';
import { GRAPH_PROPERTIES } from '../../odata/graph-properties.js';
import { parseSelect, splitTopLevel } from '../../odata/select.js';
import type { RouteContext } from '../../graph/types.js';
import { ifMatchMissing, ifMatchStale, plannerBadRequest, plannerNotFound } from './errors.js';

/** A Planner type for $select: its properties as Graph's metadata lists them (graph-properties.ts, from the CSDL);
 *  their values come from the rendering. */
export function plannerEntity(name: string): EntityType {
  const properties = Object.keys(GRAPH_PROPERTIES[name] ?? {});
  if (!properties.length) throw new Error(`planner: ${name} is not in graph-properties.ts; add it to scripts/reference.mjs`);
  return {
    name,
    properties: Object.fromEntries(properties.map((p) => [p, { type: 'object' as const }])),
    defaultSelect: properties,
    pageSize: { default: 1000, max: 1000 },
    dialect: { ...defaultDialect, unknownProperty: (e, p) => plannerBadRequest(`Could not find a property named '${p}' on type '${e.name}'.`) },
  };
}

export interface PlannerRendering<T> {
  entity: EntityType;
  json(item: T): Record<string, unknown>;
  /** What $expand may inline (a task's or plan's details). */
  expand?: Record<string, (item: T) => Record<string, unknown>>;
}

/** One item as the request asks for it: @odata.etag, the $select-ed properties (all without), $expand-ed parts. */
function shape<T>(ctx: RouteContext, r: PlannerRendering<T>, item: T): Record<string, unknown> {
  const opts = readOptions(ctx.req);
  const full = r.json(item);
  const select = parseSelect(opts.get('$select'), r.entity);
  const out: Record<string, unknown> = select ? { '@odata.etag': full['@odata.etag'], ...Object.fromEntries(select.map((p) => [p, full[p] ?? null])) } : full;
  for (const name of splitTopLevel(opts.get('$expand') ?? '', ',').map((s) => s.trim())) {
    const key = Object.keys(r.expand ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
    if (!key) throw plannerBadRequest(`Could not find a navigation property named '${name}' on type '${r.entity.name}' that can be expanded.`);
    out[key] = r.expand![key](item);
  }
  return out;
}

/** A whole list of items, as Planner answers it. */
export function plannerList<T>(ctx: RouteContext, r: PlannerRendering<T>, items: readonly T[], context: string) {
  const opts = readOptions(ctx.req);
  const body: Record<string, unknown> = { '@odata.context': `${METADATA}#${context}` };
  if (opts.count) body['@odata.count'] = items.length;
  body.value = items.map((i) => shape(ctx, r, i));
  return { status: 200, body };
}

export function plannerStyle<T extends Stamp>(r: PlannerRendering<T>): CollectionStyle<T> {
  return {
    list: (ctx, items, context) => plannerList(ctx, r, items, context),
    show: (ctx, item) => shape(ctx, r, item),
    notFound: plannerNotFound,
    stale: ifMatchStale,
    badBody: plannerBadRequest,
    ifMatchRequired: ifMatchMissing,
    patchAnswer: 'noContentUnlessPreferred',
  };
}
