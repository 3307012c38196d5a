// Each Graph workload words its query errors its own way and has its own rules: the directory (users, groups)
// needs "advanced query" parameters for many operators, Outlook and OneDrive do not. An entity picks the dialect
// of the service that owns it, so clients meet the same codes and messages they will meet in production.

import { GraphError, badRequest, unsupportedQuery } from '../graph/types.js';
import { resourceName, type EntityType, type FilterOp, type QueryDialect } from './entity.js';

export type { QueryDialect } from './entity.js';

/** Graph's own message when a directory query uses an operator that only the advanced index serves. */
const advancedOperatorMessage = (op: string) =>
  `Operator '${op}' is not supported because the required parameters might be missing. ` +
  'Try adding $count=true query parameter and ConsistencyLevel:eventual header. ' +
  'Refer to https://aka.ms/graph-docs/advanced-queries for more details';

// Operators Graph names in that message; for the rest it reports the property clause as unsupported.
const ADVANCED_NAMED_OPS = new Set<FilterOp>(['ne', 'not', 'endsWith']);

const couldNotFind = (entity: EntityType, name: string) =>
  badRequest(`Could not find a property named '${name}' on type '${entity.name}'.`);

export const directoryDialect: QueryDialect = {
  advancedQueries: true,
  supportsSkip: false,
  sortWithFilterIsAdvanced: true,
  nextPage: 'skiptoken',
  unknownProperty: couldNotFind,
  unsupportedFilter: (entity, prop, op, advancedWouldAllow) =>
    advancedWouldAllow && ADVANCED_NAMED_OPS.has(op)
      ? unsupportedQuery(advancedOperatorMessage(op))
      : unsupportedQuery(`Unsupported or invalid query filter clause specified for property '${prop}' of resource '${resourceName(entity)}'.`),
  unsupportedSort: (entity, prop) => unsupportedQuery(`Unsupported sort property '${prop}' for '${resourceName(entity)}'.`),
  invalidFilter: (detail) => badRequest(`Invalid filter clause: ${detail}`),
};

/** Plain OData as most non-directory workloads answer it. */
export const defaultDialect: QueryDialect = {
  advancedQueries: false,
  supportsSkip: true,
  sortWithFilterIsAdvanced: false,
  nextPage: 'skip',
  unknownProperty: couldNotFind,
  unsupportedFilter: (_entity, prop, op) => badRequest(`The query filter operator '${op}' is not supported on property '${prop}'.`),
  unsupportedSort: (_entity, prop) => badRequest(`The property '${prop}' cannot be used in the $orderby query option.`),
  invalidFilter: (detail) => badRequest(`Invalid filter clause: ${detail}`),
};
