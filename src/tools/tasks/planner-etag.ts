// Planner takes a change only with the ETag of the version it changes (If-Match). The tools read that version,
// send the change with its ETag, and when Planner answers 412 (someone changed it since) read it once more: the
// change is sent again only when none of the fields it sets were changed by the other person meanwhile; otherwise
// it is not sent, and the answer says what the other person changed, so nobody's work is silently overwritten.
import type { GraphWriter } from '../../graph/client.js';
import { GraphError } from '../../graph/errors.js';
import { ToolError } from '../define-tool.js';

export type Versioned = Record<string, unknown> & { '@odata.etag'?: string };

/** Planner's open maps (assignments, checklist): a change sets some keys; only those keys are compared. */
const OPEN_MAPS = new Set(['assignments', 'checklist', 'appliedCategories']);

/** The fields (or `map.key`s) of `body` whose value differs between two versions. */
export function changedMeanwhile(before: Versioned, now: Versioned, body: Record<string, unknown>): string[] {
  const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
  return Object.keys(body).flatMap((field) => {
    if (!OPEN_MAPS.has(field)) return same(before[field], now[field]) ? [] : [field];
    const was = (before[field] ?? {}) as Record<string, unknown>;
    const is = (now[field] ?? {}) as Record<string, unknown>;
    // Who is assigned, which items exist: presence is what a change of ours would clash with.
    return Object.keys(body[field] as object).filter((k) => !!was[k] !== !!is[k] || (field === 'checklist' && !same(was[k], is[k]))).map((k) => `${field}.${k}`);
  });
}

const is412 = (e: unknown) => e instanceof GraphError && e.status === 412;

export interface Guarded {
  path: string;
  /** The version read before the change: its ETag, and the values the change is compared with on a 412. */
  before: Versioned;
  body: Record<string, unknown>;
  /** The other person's change of these fields, in words, from the version now stored. */
  describe: (fields: string[], now: Versioned) => string;
}

/** PATCHes with the ETag read; on a stale one re-reads once and retries only when the other change does not touch
 *  the fields this one sets. Returns the version stored afterwards. */
export async function patchGuarded(graph: GraphWriter, g: Guarded, signal: AbortSignal): Promise<Versioned> {
  const send = async (version: Versioned) => {
    const answer = await graph.patch<Versioned | undefined>(g.path, g.body, { headers: { 'If-Match': String(version['@odata.etag']), Prefer: 'return=representation' }, signal });
    return answer ?? graph.get<Versioned>(g.path, { signal });
  };
  try {
    return await send(g.before);
  } catch (e) {
    if (!is412(e)) throw e;
  }
  const now = await graph.get<Versioned>(g.path, { signal });
  const clash = changedMeanwhile(g.before, now, g.body);
  if (clash.length) throw new ToolError(`Not saved: while this ran, someone else changed ${g.describe(clash, now)}. Their change is kept; read the task again with tasks_planner_list and decide whether yours still applies.`);
  try {
    return await send(now);
  } catch (e) {
    if (is412(e)) throw new ToolError('Not saved: the task is being changed by someone else right now. Read it again with tasks_planner_list, then try once more.');
    throw e;
  }
}
