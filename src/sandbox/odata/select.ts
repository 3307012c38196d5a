// $select and $expand: which properties of an entity go out, in which order, and which relationships are
// inlined. Without $select an entity shows its default property set (Graph returns only a subset of a
// user by default); an expanded relationship without a nested $select shows everything the sandbox holds, and
// may expand its own relationships in turn (`sectionGroups($expand=sections)`).

import type { RouteContext } from '../graph/types.js';
import { badRequest } from '../graph/types.js';
import { findNavigation, findProperty, propValue, type EntityType, type NavigationSpec } from './entity.js';
import { GRAPH_PROPERTIES } from './graph-properties.js';

export interface ExpandItem {
  name: string;
  nav: NavigationSpec;
  select?: string[];
  /** Remaining levels for a recursive relationship ($levels); 1 without $levels. */
  levels: number;
  /** Relationships of the expanded entities to expand in turn (a nested $expand). */
  expand?: ExpandItem[];
}

/** Large enough for any org chart the sandbox holds; $levels=max means "to the top". */
const MAX_LEVELS = 50;

/** A property Graph's type has that the sandbox does not hold: selectable all the same (it comes back without
 *  a value, as Graph returns properties nobody set), under its declared name. */
function graphOnlyProperty(entity: EntityType, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(GRAPH_PROPERTIES[entity.name] ?? {}).find((p) => p.toLowerCase() === lower);
}

/** The value of a property the sandbox does not hold: what Graph answers when nobody set it. */
const unheldValue = (entity: EntityType, name: string) => structuredClone(GRAPH_PROPERTIES[entity.name]?.[name] ?? null);

export function parseSelect(raw: string | undefined, entity: EntityType): string[] | undefined {
  if (raw === undefined) return undefined;
  const out: string[] = [];
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const names = part === '*' ? Object.keys(entity.properties) : [findProperty(entity, part) ?? graphOnlyProperty(entity, part) ?? fail(entity, part)];
    for (const n of names) if (!out.includes(n)) out.push(n);
  }
  return out.length ? out : undefined;
}

export function parseExpand(raw: string | undefined, entity: EntityType): ExpandItem[] {
  if (raw === undefined || raw.trim() === '') return [];
  return splitTopLevel(raw, ',').map((part) => {
    const m = /^\s*([\w$]+)\s*(?:\((.*)\))?\s*$/s.exec(part);
    if (!m) throw badRequest(`Term '${part.trim()}' is not valid in a $select or $expand expression.`);
    const name = findNavigation(entity, m[1]);
    if (!name) throw fail(entity, m[1]);
    const nav = entity.navigation![name];
    const item: ExpandItem = { name, nav, levels: 1 };
    for (const opt of m[2] ? splitTopLevel(m[2], ';') : []) {
      const eq = opt.indexOf('=');
      const key = opt.slice(0, eq).trim().toLowerCase();
      const value = opt.slice(eq + 1).trim();
      if (eq < 0) throw badRequest(`Term '${opt.trim()}' is not valid in a $select or $expand expression.`);
      if (key === '$select') item.select = parseSelect(value, nav.target);
      else if (key === '$levels' && nav.recursive) item.levels = value.toLowerCase() === 'max' ? MAX_LEVELS : levelsOf(value);
      else if (key === '$expand') item.expand = parseExpand(value, nav.target);
      else throw badRequest(`The query option '${opt.slice(0, eq).trim()}' is not supported inside $expand of '${name}'.`);
    }
    return item;
  });
}

export interface ProjectOptions {
  select?: string[];
  expand?: ExpandItem[];
  /** Written first, as Graph does for members of directoryObject collections. */
  odataType?: string;
  ctx: RouteContext;
}

export function project<T>(entity: EntityType<T>, item: T, opts: ProjectOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (opts.odataType) out['@odata.type'] = opts.odataType;
  for (const p of opts.select ?? entity.defaultSelect) out[p] = p in entity.properties ? propValue(entity, item, p) : unheldValue(entity, p);
  for (const x of opts.expand ?? []) {
    const related = x.nav.resolve(item, opts.ctx);
    const nested = [...(x.levels > 1 && x.nav.recursive ? [{ ...x, levels: x.levels - 1 }] : []), ...(x.expand ?? [])];
    const one = (r: unknown) =>
      project(x.nav.target, r, {
        select: x.select ?? Object.keys(x.nav.target.properties),
        expand: nested,
        odataType: x.nav.odataType,
        ctx: opts.ctx,
      });
    if (x.nav.many) out[x.name] = Array.isArray(related) ? related.map(one) : [];
    else if (related !== undefined && related !== null) out[x.name] = one(related);
  }
  return out;
}

/** The part of @odata.context after the entity set: `(displayName,mail,manager())`, or '' for defaults. */
export function contextProjection(select: string[] | undefined, expand: ExpandItem[]): string {
  const parts = [...(select ?? []), ...expand.map((x) => `${x.name}(${(x.select ?? []).join(',')})`)];
  return parts.length ? `(${parts.join(',')})` : '';
}

/** Items of a `sep`-separated list, separators inside parentheses left alone (nested $expand options). */
export function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (s[i] === sep && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.filter((x) => x.trim() !== '');
}

function levelsOf(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw badRequest(`The value '${value}' is not valid for $levels; use a positive whole number or max.`);
  return Math.min(n, MAX_LEVELS);
}

const fail = (entity: EntityType, name: string): never => {
  throw entity.dialect.unknownProperty(entity, name);
};
