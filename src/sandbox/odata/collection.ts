// Collection semantics once: a workload declares an entity set (where it lives, who may read and write it,
// which properties a client may set, how a new item is made) and gets Graph's five routes for it: list with
// the OData options of its service, get, POST (201 with the item), PATCH (200 with the item) and DELETE (204),
// with ids, change keys, @odata.etag and If-Match (412 on a stale ETag; required where the service demands it, as
// Planner does, whose PATCH also answers 204 unless `Prefer: return=representation`) handled here, the same for
// every set.
// A workload writes only what is special about it (its seed, its validation, side effects in hooks).

import { randomBytes } from 'node:crypto';
import { GraphError, type GraphResponse, type RouteContext, type RouteDef, type ScopeRule } from '../graph/types.js';

/** What every stored item of a collection carries; the engine keeps these, the workload never sets them. */
export interface Stamp {
  id: string;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

/** How the owning service lists and shows items and words its errors (Exchange, OneDrive, Planner...). */
export interface CollectionStyle<T extends Stamp> {
  list(ctx: RouteContext, items: readonly T[], context: string): GraphResponse;
  /** One item as Graph returns it (after $select), without @odata.context. */
  show(ctx: RouteContext, item: T): Record<string, unknown>;
  notFound(): GraphError;
  /** A write with an If-Match that is not the item's current ETag. */
  stale(): GraphError;
  /** A body that cannot be read: not an object, an unknown or read-only property, a wrong value. */
  badBody(message: string): GraphError;
  /** Services that demand If-Match on every change (Planner) word the refusal of a write without one here;
   *  without it, a write may leave If-Match out (Exchange). */
  ifMatchRequired?(): GraphError;
  /** What a PATCH answers: the item (200, the default), or nothing (204) unless the client sent
   *  `Prefer: return=representation` (Planner). */
  patchAnswer?: 'entity' | 'noContentUnlessPreferred';
  /** Headers every answer with one item carries besides its ETag (Outlook's Preference-Applied). */
  headers?(ctx: RouteContext): Record<string, string>;
}

/** A property a client may set: its check and normal form (throw `badBody` via the `fail` given). */
export type Setter = (value: unknown, fail: (why: string) => never) => unknown;

export interface CollectionDecl<S, T extends Stamp> {
  /** The collection's path, e.g. `/users/{id}/contacts`; its items are at `{path}/{itemParam}`. */
  path: string;
  itemParam: string;
  /** Qualified type name, for body errors. */
  typeName: string;
  scopes: { read: ScopeRule<S>; write: ScopeRule<S> };
  /** The items of the addressed collection (its owner checked), for reading or before a write. */
  items(ctx: RouteContext<S>, access: 'read' | 'write'): readonly T[];
  /** The items an id under this path reaches, when more than the listed ones: Exchange finds a contact by id
   *  through /me/contacts/{id} whatever its folder, though /me/contacts lists the default folder only. */
  addressable?(ctx: RouteContext<S>, access: 'read' | 'write'): readonly T[];
  /** Stores a new item; removes one (and what hangs on it, a folder's contents). */
  add(ctx: RouteContext<S>, item: T): void;
  remove(ctx: RouteContext<S>, item: T): void;
  /** What follows $metadata# in @odata.context, e.g. users('id')/contacts. */
  context(ctx: RouteContext<S>): string;
  style: CollectionStyle<T>;
  /** Properties a client may set, with their checks; others that the entity has are read-only. */
  writable: Record<string, Setter>;
  /** Properties the engine keeps and the service ignores when a client sends them (Graph drops them). */
  ignored?: readonly string[];
  /** A new item from the checked fields; the engine adds the stamp. */
  create(ctx: RouteContext<S>, fields: Record<string, unknown>, stamp: Stamp): T;
  /** After a change: derived properties (displayName from the name parts...). */
  changed?(item: T): void;
  /** How a PATCH's checked fields change the item; default: each replaces the property. Planner merges its
   *  open-type maps (assignments, categories) key by key, and checks moves against the item's container. */
  apply?(ctx: RouteContext<S>, item: T, fields: Record<string, unknown>): void;
  /** Who may read or change an item found by id, when that depends on the item (Planner: its plan's group);
   *  throws the service's refusal. */
  authorize?(ctx: RouteContext<S>, item: T, access: 'read' | 'write'): void;
  /** Makes ids in the style of the service. */
  newId(): string;
}

export const etagOf = (item: Pick<Stamp, 'changeKey'>) => `W/"${item.changeKey}"`;

/** The If-Match precondition of a write: `*` or the item's current ETag passes; another ETag is 412 (the style's
 *  `stale`); none passes unless the style demands one. Also for the singletons beside a collection (Planner's
 *  details). */
export function checkIfMatch(ctx: RouteContext, item: Pick<Stamp, 'changeKey'>, style: Pick<CollectionStyle<never>, 'stale' | 'ifMatchRequired'>): void {
  const wanted = ctx.req.headers['if-match'];
  if (wanted === undefined || wanted.trim() === '') {
    if (style.ifMatchRequired) throw style.ifMatchRequired();
    return;
  }
  if (wanted.trim() !== '*' && !wanted.split(',').some((t) => t.trim() === etagOf(item))) throw style.stale();
}

/** The client asked for the changed resource back (`Prefer: return=representation`). */
export const prefersRepresentation = (ctx: RouteContext) => /(^|[,;\s])return=representation\b/i.test(ctx.req.headers['prefer'] ?? '');

/** A new change key (and so a new ETag) for an item that changed outside the engine's own PATCH. */
export const newChangeKey = () => randomBytes(12).toString('base64');
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export function collectionRoutes<S, T extends Stamp>(d: CollectionDecl<S, T>): RouteDef<S>[] {
  const itemPath = `${d.path}/{${d.itemParam}}`;
  const find = (ctx: RouteContext<S>, access: 'read' | 'write') => {
    const item = (d.addressable ?? d.items)(ctx, access).find((i) => i.id === ctx.params[d.itemParam]);
    if (!item) throw d.style.notFound();
    d.authorize?.(ctx, item, access);
    return item;
  };
  const one = (ctx: RouteContext<S>, item: T, status: number): GraphResponse => ({
    status,
    headers: { ...d.style.headers?.(ctx as RouteContext), ETag: etagOf(item) },
    body: { '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#${d.context(ctx)}/$entity`, ...d.style.show(ctx, item) },
  });
  /** The addressed item of a PATCH or DELETE, its If-Match checked. */
  const writeTarget = (ctx: RouteContext<S>) => {
    const item = find(ctx, 'write');
    checkIfMatch(ctx as RouteContext, item, d.style);
    return item;
  };
  const fields = (ctx: RouteContext<S>): Record<string, unknown> => {
    const body = ctx.req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw d.style.badBody('The request body must be a JSON object.');
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      if (key.startsWith('@odata.') || d.ignored?.includes(key)) continue;
      const setter = Object.entries(d.writable).find(([name]) => name.toLowerCase() === key.toLowerCase());
      if (!setter) throw d.style.badBody(`The property '${key}' does not exist on type '${d.typeName}' or cannot be set. Make sure to only use property names that are defined by the type.`);
      const fail = (why: string): never => {
        throw d.style.badBody(`Cannot convert the value of '${setter[0]}': ${why}`);
      };
      out[setter[0]] = value === null ? null : setter[1](value, fail);
    }
    return out;
  };

  return [
    { method: 'GET', path: d.path, scopes: d.scopes.read, handler: (ctx) => d.style.list(ctx as RouteContext, d.items(ctx, 'read'), d.context(ctx)) },
    { method: 'GET', path: itemPath, scopes: d.scopes.read, handler: (ctx) => one(ctx, find(ctx, 'read'), 200) },
    {
      method: 'POST',
      path: d.path,
      scopes: d.scopes.write,
      handler: (ctx) => {
        d.items(ctx, 'write'); // the owner and write access are checked before anything is made
        const at = now();
        const item = d.create(ctx, fields(ctx), { id: d.newId(), changeKey: newChangeKey(), createdDateTime: at, lastModifiedDateTime: at });
        d.changed?.(item);
        d.add(ctx, item);
        return one(ctx, item, 201);
      },
    },
    {
      method: 'PATCH',
      path: itemPath,
      scopes: d.scopes.write,
      handler: (ctx) => {
        const item = writeTarget(ctx);
        const changes = fields(ctx);
        if (d.apply) d.apply(ctx, item, changes);
        else Object.assign(item, changes);
        Object.assign(item, { changeKey: newChangeKey(), lastModifiedDateTime: now() });
        d.changed?.(item);
        if (d.style.patchAnswer === 'noContentUnlessPreferred' && !prefersRepresentation(ctx as RouteContext)) return { status: 204 };
        return one(ctx, item, 200);
      },
    },
    {
      method: 'DELETE',
      path: itemPath,
      scopes: d.scopes.write,
      handler: (ctx) => {
        d.remove(ctx, writeTarget(ctx));
        return { status: 204 };
      },
    },
  ];
}
