// How the OData engine sees a resource: its properties (with their JSON/EDM types), what may be filtered and
// sorted on, which navigation properties $expand can follow, and how big pages are. A workload describes its
// entity once (see directory/user-entity.ts) and gets $select/$filter/$orderby/$top/$count/$search/$expand and paging.

import type { GraphError, RouteContext } from '../graph/types.js';

export type PropType = 'string' | 'boolean' | 'int' | 'datetime' | 'string[]' | 'object' | 'object[]';

/** Operators a property takes in $filter. `null` stands for comparisons with the null literal; `any` for
 *  lambdas over a collection (the element comparisons use the other operators of the same property). */
export type FilterOp =
  | 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'in' | 'not' | 'null'
  | 'startsWith' | 'endsWith' | 'contains' | 'any' | 'all';

export interface PropSpec {
  type: PropType;
  /** Operators allowed in every query, space-separated, e.g. 'eq in startsWith ge le'. */
  filter?: string;
  /** Operators allowed only in advanced queries (directory objects: ConsistencyLevel: eventual + $count). */
  advancedFilter?: string;
  orderby?: 'default' | 'advanced';
  /** The property takes part in $search. */
  search?: boolean;
}

export interface NavigationSpec<T = any> {
  target: EntityType;
  /** A single entity (manager) or a collection (directReports). */
  many: boolean;
  resolve(item: T, ctx: RouteContext): unknown;
  /** `@odata.type` to put on each expanded object (directory relationships point at directoryObject). */
  odataType?: string;
  /** $levels is allowed (a chain of the same relationship, e.g. a manager's manager). */
  recursive?: boolean;
}

// `any` by default: helpers that only read names and specs take every entity, whatever its item type.
export interface EntityType<T = any> {
  /** Qualified name, e.g. microsoft.graph.user. */
  name: string;
  properties: Record<string, PropSpec>;
  /** Properties returned without $select, in Graph's order. */
  defaultSelect: readonly string[];
  /** Value of a property on an item; default item[name], absent values as null. */
  get?(item: T, prop: string): unknown;
  navigation?: Record<string, NavigationSpec<T>>;
  /** Page size without $top, and the largest $top accepted. */
  pageSize: { default: number; max: number };
  /** Error wording and the advanced-query rules of the service that owns the resource. */
  dialect: QueryDialect;
  /** Matches a $search string; absent: $search is refused. */
  search?(search: string, entity: EntityType<T>): (item: T) => boolean;
}

const parsedOps = new WeakMap<PropSpec, { basic: Set<FilterOp>; advanced: Set<FilterOp> }>();

/** The operators of a property: those of every query and those of advanced queries only. */
export function filterOps(spec: PropSpec): { basic: Set<FilterOp>; advanced: Set<FilterOp> } {
  let ops = parsedOps.get(spec);
  if (!ops) {
    const split = (s?: string) => new Set((s ?? '').split(/\s+/).filter(Boolean) as FilterOp[]);
    ops = { basic: split(spec.filter), advanced: split(spec.advancedFilter) };
    parsedOps.set(spec, ops);
  }
  return ops;
}

export function propValue<T>(entity: EntityType<T>, item: T, prop: string): unknown {
  const v = entity.get ? entity.get(item, prop) : (item as Record<string, unknown>)[prop];
  return v === undefined ? null : v;
}

/** Case-insensitive property lookup, as Graph resolves `$select=DisplayName`; returns the declared name. */
export function findProperty(entity: EntityType, name: string): string | undefined {
  if (name in entity.properties) return name;
  const lower = name.toLowerCase();
  return Object.keys(entity.properties).find((p) => p.toLowerCase() === lower);
}

export function findNavigation(entity: EntityType, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(entity.navigation ?? {}).find((p) => p.toLowerCase() === lower);
}

/** The name used in error messages of the directory, e.g. 'User' for microsoft.graph.user. */
export function resourceName(entity: EntityType): string {
  const short = entity.name.split('.').pop() ?? entity.name;
  return short.charAt(0).toUpperCase() + short.slice(1);
}

/** How the service that owns an entity words its query errors and which rules it applies (dialect.ts). */
export interface QueryDialect {
  /** ne/not/endsWith, $count, $search and friends need `ConsistencyLevel: eventual` (and $count=true). */
  advancedQueries: boolean;
  /** $skip is honoured (the directory refuses it and pages with $skiptoken only). */
  supportsSkip: boolean;
  /** $filter together with $orderby needs an advanced query. */
  sortWithFilterIsAdvanced: boolean;
  /** How @odata.nextLink continues: an opaque $skiptoken (directory, OneDrive) or $skip=n (Outlook). */
  nextPage: 'skiptoken' | 'skip';
  unknownProperty(entity: EntityType, name: string): GraphError;
  unsupportedFilter(entity: EntityType, prop: string, op: FilterOp, advancedWouldAllow: boolean): GraphError;
  unsupportedSort(entity: EntityType, prop: string): GraphError;
  invalidFilter(detail: string): GraphError;
}
