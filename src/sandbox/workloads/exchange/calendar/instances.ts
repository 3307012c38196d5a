// The items a calendar shows in a time window: single instances as stored, and the occurrences of each series
// with its exceptions (moved or changed occurrences, which may have left or entered the window) and without
// its cancelled occurrences. This is what calendarView, instances, getSchedule and findMeetingTimes read.

import { occurrenceTimes } from './recurrence.js';
import type { StoredEvent } from './model.js';

export interface Instance {
  master: StoredEvent;
  originalStartMs: number;
  /** The exception item, when this occurrence was changed on its own. */
  exception?: StoredEvent;
  startMs: number;
  endMs: number;
}

export type ViewItem = { kind: 'single'; event: StoredEvent } | { kind: 'instance'; instance: Instance };

/** The event whose properties an item shows (an occurrence shows its master's). */
export const itemEvent = (v: ViewItem): StoredEvent => (v.kind === 'single' ? v.event : (v.instance.exception ?? v.instance.master));
export const itemStart = (v: ViewItem) => (v.kind === 'single' ? v.event.startMs : v.instance.startMs);
export const itemEnd = (v: ViewItem) => (v.kind === 'single' ? v.event.endMs : v.instance.endMs);

export const overlaps = (startMs: number, endMs: number, fromMs: number, toMs: number) =>
  startMs < toMs && (endMs > fromMs || (endMs === startMs && startMs >= fromMs));

/** The occurrences and exceptions of a series that overlap [fromMs, toMs), by start. */
export function instancesInWindow(master: StoredEvent, fromMs: number, toMs: number): Instance[] {
  const out: Instance[] = [];
  for (const t of occurrenceTimes(master, fromMs, toMs)) {
    if (master.cancelledOccurrences.has(t.originalStartMs) || master.exceptions.has(t.originalStartMs)) continue;
    out.push({ master, ...t });
  }
  for (const [originalStartMs, exception] of master.exceptions) {
    if (master.cancelledOccurrences.has(originalStartMs)) continue;
    if (overlaps(exception.startMs, exception.endMs, fromMs, toMs)) {
      out.push({ master, originalStartMs, exception, startMs: exception.startMs, endMs: exception.endMs });
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}

/** The occurrence of a series that originally started at `originalStartMs`, unless it never existed or was
 *  cancelled. */
export function findInstance(master: StoredEvent, originalStartMs: number): Instance | undefined {
  if (master.type !== 'seriesMaster' || master.cancelledOccurrences.has(originalStartMs)) return undefined;
  const exception = master.exceptions.get(originalStartMs);
  if (exception) return { master, originalStartMs, exception, startMs: exception.startMs, endMs: exception.endMs };
  const t = occurrenceTimes(master, originalStartMs, originalStartMs + 1).find((o) => o.originalStartMs === originalStartMs);
  return t ? { master, ...t } : undefined;
}

/** Everything a set of stored events shows in a window: singles that overlap it and expanded series. */
export function viewItems(events: Iterable<StoredEvent>, fromMs: number, toMs: number): ViewItem[] {
  const out: ViewItem[] = [];
  for (const e of events) {
    if (e.type === 'seriesMaster') for (const instance of instancesInWindow(e, fromMs, toMs)) out.push({ kind: 'instance', instance });
    else if (overlaps(e.startMs, e.endMs, fromMs, toMs)) out.push({ kind: 'single', event: e });
  }
  return out.sort((a, b) => itemStart(a) - itemStart(b) || itemEnd(a) - itemEnd(b));
}
