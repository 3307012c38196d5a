// How the Teams service takes OData query options: each route allows a few ($top and $expand=replies on channel
// messages; $top, $orderby and a date $filter on chat messages...) and its OData layer refuses the rest with its own
// message; $top has a ceiling (50 for messages and chats); pages continue with an opaque $skiptoken. The listing
// itself is the shared engine's (odata/query.ts): this file only says which options reach it.

import type { RouteContext } from '../../graph/types.js';
import { GraphError, badRequest } from '../../graph/types.js';
import type { EntityType, FilterOp, QueryDialect } from '../../odata/entity.js';
import { readOptions, type OptionName } from '../../odata/options.js';
import { optionNotAllowed, topTooLarge } from './errors.js';

/** ASP.NET OData's names for the options, as Teams' refusals spell them. */
const OPTION_NAMES: Record<OptionName, string> = {
  $select: 'Select', $expand: 'Expand', $filter: 'Filter', $orderby: 'OrderBy', $top: 'Top', $skip: 'Skip', $count: 'Count',
  $search: 'Search', $skiptoken: 'SkipToken', $deltatoken: 'DeltaToken', $format: 'Format',
};

/** Refuses every query option the route does not take; $skiptoken (the engine's paging) and $format always pass. */
export function allowOptions(ctx: RouteContext, allowed: readonly OptionName[]): void {
  const opts = readOptions(ctx.req);
  for (const name of Object.keys(OPTION_NAMES) as OptionName[]) {
    if (name === '$skiptoken' || name === '$format' || allowed.includes(name)) continue;
    if (opts.get(name) !== undefined) throw optionNotAllowed(OPTION_NAMES[name]);
  }
  const top = opts.get('$top');
  if (top !== undefined && /^\d+$/.test(top.trim()) && Number(top) > MAX_TOP) throw topTooLarge(MAX_TOP, top);
}

/** The largest page the Teams routes that page serve (messages, replies, chats). */
export const MAX_TOP = 50;

/** OData's names for the filter operators, as Teams words a refused one. */
const OPERATION_KINDS: Partial<Record<FilterOp, string>> = { eq: 'Equal', ne: 'NotEqual', gt: 'GreaterThan', ge: 'GreaterThanOrEqual', lt: 'LessThan', le: 'LessThanOrEqual' };

const couldNotFind = (entity: EntityType, name: string) => badRequest(`Could not find a property named '${name}' on type '${entity.name}'.`);

/** Teams' answers to queries the engine cannot serve: the directory's words are not Teams'. */
export const teamsDialect: QueryDialect = {
  advancedQueries: false,
  supportsSkip: false,
  sortWithFilterIsAdvanced: false,
  nextPage: 'skiptoken',
  unknownProperty: couldNotFind,
  unsupportedFilter: (_entity, prop, op) =>
    new GraphError(400, 'BadRequest', `The entity property '${prop}' and operationKind '${OPERATION_KINDS[op] ?? op}' is not allowed in $filter query.`),
  unsupportedSort: (_entity, prop) => badRequest(`The property '${prop}' cannot be used in the $orderby query option.`),
  invalidFilter: (detail) => badRequest(`Invalid filter clause: ${detail}`),
};

/** The request as the engine should see it: the same URL without the options named (Teams ignores some). */
export function withoutOptions<C extends RouteContext>(ctx: C, names: readonly string[]): C {
  const url = new URL(ctx.req.url.href);
  for (const key of [...url.searchParams.keys()]) if (names.includes(key.toLowerCase())) url.searchParams.delete(key);
  return { ...ctx, req: { ...ctx.req, url } };
}
