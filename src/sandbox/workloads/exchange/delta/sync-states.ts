// Exchange's sync states behind Graph's delta queries, once for every Outlook collection that tracks changes
// (a mail folder's messages, a calendar view). A state token names a snapshot kept on the server, as Exchange keeps
// its sync states: a deltaToken the ids and change stamps seen when a round ended, a skipToken the changes still to
// be paged out in a round and the snapshot the round will end with. A round's changes are fixed when it starts
// (created and updated items, and removed ones: deleted, moved out, or left the window), so paging is stable and
// a nextLink may be followed twice. Tokens are opaque, deterministic (a digest of the scope and a generation
// counter) and bound to the collection they came from; the oldest states are dropped beyond a capacity, as
// Exchange drops sync states from its cache, and an unknown or dropped token is Graph's 410 SyncStateNotFound.

import { createHash } from 'node:crypto';
import { GraphError, type GraphRequest } from '../../../graph/types.js';
import { invalidParameter } from '../errors.js';

/** An item of the tracked collection as it is now: its Graph id, a stamp that differs after every change. */
export interface Tracked<T> {
  id: string;
  stamp: string;
  item: T;
}

export type DeltaEntry<T> = { id: string; removed: false; item: T } | { id: string; removed: true };

export interface DeltaPage<T> {
  entries: DeltaEntry<T>[];
  /** A skipToken (more of this round to come: @odata.nextLink) or a deltaToken (round done: @odata.deltaLink). */
  next: { kind: 'skip' | 'delta'; token: string };
}

/** A round of delta calls as one request continues it. */
export interface SyncRound {
  /** The request with the query options of the round's first call (what the tokens carry) in place of its own. */
  request: GraphRequest;
  /** One page of the round's changes given the collection as it is now, and the token that continues. */
  page<T>(current: readonly Tracked<T>[], pageSize: number): DeltaPage<T>;
}

type Stamps = ReadonlyMap<string, string>;
interface Pending {
  id: string;
  removed: boolean;
}
type State =
  | { kind: 'delta'; scope: string; query: string; baseline: Stamps }
  | { kind: 'skip'; scope: string; query: string; pending: readonly Pending[]; target: Stamps };

const CHANGE_TYPES = ['created', 'updated', 'deleted'] as const;
const TOKEN_PARAMS = ['$skiptoken', '$deltatoken'];

export const syncStateNotFound = () =>
  new GraphError(410, 'SyncStateNotFound', 'The sync state generation is not found. The delta token is expired and data must be synchronized again.');

export class SyncStates {
  private readonly states = new Map<string, State>();
  private generation = 0;

  constructor(private readonly capacity = 1000) {}

  /** The round a delta request starts (no token) or continues, for one collection (`scope`, e.g. a folder). */
  open(req: GraphRequest, scope: string): SyncRound {
    const skip = param(req, '$skiptoken');
    const delta = param(req, '$deltatoken');
    if (skip !== undefined && delta !== undefined) throw syncStateNotFound();
    const token = skip ?? delta;
    let state: State | undefined;
    if (token !== undefined) {
      state = this.states.get(token);
      if (!state || state.scope !== scope || state.kind !== (skip !== undefined ? 'skip' : 'delta')) throw syncStateNotFound();
    }
    const query = state ? state.query : queryOf(req);
    const changeType = new URLSearchParams(query).get('changeType') ?? undefined;
    if (changeType !== undefined && !(CHANGE_TYPES as readonly string[]).includes(changeType)) {
      throw invalidParameter(`The value '${changeType}' of parameter 'changeType' is invalid. Use created, updated or deleted.`);
    }
    const url = new URL(req.url);
    url.search = query;
    return {
      request: { ...req, url },
      page: (current, pageSize) => this.page(scope, query, state, current, pageSize, changeType as (typeof CHANGE_TYPES)[number] | undefined),
    };
  }

  private page<T>(scope: string, query: string, state: State | undefined, current: readonly Tracked<T>[], pageSize: number, changeType?: string): DeltaPage<T> {
    const byId = new Map(current.map((c) => [c.id, c]));
    const { pending, target } =
      state?.kind === 'skip' ? state : { pending: changesSince(state?.baseline ?? new Map(), current, changeType), target: stampsOf(current) };
    const size = Math.max(1, pageSize);
    const entries = pending.slice(0, size).map((p): DeltaEntry<T> => {
      const now = byId.get(p.id);
      // An item that went away while the round was being paged out is reported as removed.
      return p.removed || !now ? { id: p.id, removed: true } : { id: p.id, removed: false, item: now.item };
    });
    const rest = pending.slice(size);
    const next: State = rest.length ? { kind: 'skip', scope, query, pending: rest, target } : { kind: 'delta', scope, query, baseline: target };
    return { entries, next: { kind: next.kind, token: this.save(next) } };
  }

  private save(state: State): string {
    const token = createHash('sha256').update(`${state.scope}\n${++this.generation}`).digest('base64url');
    this.states.set(token, state);
    for (const oldest of this.states.keys()) {
      if (this.states.size <= this.capacity) break;
      this.states.delete(oldest);
    }
    return token;
  }
}

/** What changed from a snapshot to now: removed items first, then created and updated ones in the given order. */
function changesSince<T>(baseline: Stamps, current: readonly Tracked<T>[], changeType?: string): Pending[] {
  const now = new Set(current.map((c) => c.id));
  const removed = [...baseline.keys()].filter((id) => !now.has(id)).map((id) => ({ id, removed: true, type: 'deleted' }));
  const upserts = current
    .filter((c) => baseline.get(c.id) !== c.stamp)
    .map((c) => ({ id: c.id, removed: false, type: baseline.has(c.id) ? 'updated' : 'created' }));
  return [...removed, ...upserts].filter((c) => changeType === undefined || c.type === changeType).map(({ id, removed }) => ({ id, removed }));
}

const stampsOf = <T>(current: readonly Tracked<T>[]): Stamps => new Map(current.map((c) => [c.id, c.stamp]));

function param(req: GraphRequest, name: string): string | undefined {
  return [...req.url.searchParams].find(([k]) => k.toLowerCase() === name)?.[1];
}

/** The first call's query string without state tokens: what every token of the round carries. */
function queryOf(req: GraphRequest): string {
  const kept = [...req.url.searchParams].filter(([k]) => !TOKEN_PARAMS.includes(k.toLowerCase()));
  return new URLSearchParams(kept).toString();
}
