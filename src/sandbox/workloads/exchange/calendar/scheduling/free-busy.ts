// Free/busy as Exchange's availability service computes it: the items of a mailbox's default calendar in a
// window (series expanded, cancelled items and items shown as free left out), the strongest status where items
// overlap (out of office over busy over tentative over working elsewhere), and working hours as concrete
// intervals in the mailbox's own zone, which is what makes "within working hours" hold across time zones and
// DST switches.

import { DateTime } from 'luxon';
import { itemEnd, itemEvent, itemStart, viewItems } from '../instances.js';
import type { CalendarMailbox, DayOfWeek, FreeBusyStatus, StoredEvent, WorkingHours } from '../model.js';
import { DAYS } from '../model.js';
import { defaultCalendar, eventsOf } from '../store.js';
import { findZone, UTC } from '../../time/zones.js';

export interface BusySpan {
  startMs: number;
  endMs: number;
  status: FreeBusyStatus;
  event: StoredEvent;
}

/** Precedence when items overlap; free and unknown items do not make spans. */
export const STATUS_RANK: Record<FreeBusyStatus, number> = { free: 0, unknown: 0, workingElsewhere: 1, tentative: 2, busy: 3, oof: 4 };

/** availabilityView digits: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere. */
export const VIEW_DIGIT: Record<FreeBusyStatus, string> = { free: '0', unknown: '0', tentative: '1', busy: '2', oof: '3', workingElsewhere: '4' };

export function busySpans(mb: CalendarMailbox, fromMs: number, toMs: number): BusySpan[] {
  return viewItems(eventsOf(mb, defaultCalendar(mb)), fromMs, toMs)
    .map((v) => ({ startMs: itemStart(v), endMs: itemEnd(v), status: itemEvent(v).showAs, event: itemEvent(v) }))
    .filter((s) => !s.event.isCancelled && STATUS_RANK[s.status] > 0);
}

/** The strongest status among spans overlapping [startMs, endMs); free when none does. */
export function statusDuring(spans: BusySpan[], startMs: number, endMs: number): FreeBusyStatus {
  let best: FreeBusyStatus = 'free';
  for (const s of spans) {
    const overlaps = s.startMs < endMs && (s.endMs > startMs || (s.endMs === s.startMs && s.startMs >= startMs));
    if (overlaps && STATUS_RANK[s.status] > STATUS_RANK[best]) best = s.status;
  }
  return best;
}

/** Working-hour intervals (instants) that intersect [fromMs, toMs); `allDays` ignores daysOfWeek (personal). */
export function workingIntervals(wh: WorkingHours, fromMs: number, toMs: number, allDays = false): [number, number][] {
  const zone = findZone(wh.timeZone) ?? UTC;
  const days = new Set<DayOfWeek>(allDays ? DAYS : wh.daysOfWeek);
  const out: [number, number][] = [];
  let day = DateTime.fromMillis(fromMs, { zone: zone.iana }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromMillis(toMs, { zone: zone.iana }).startOf('day').plus({ days: 1 });
  for (; day <= last; day = day.plus({ days: 1 })) {
    if (!days.has(DAYS[day.weekday % 7])) continue;
    const at = (t: string) => {
      const [h, m, s] = t.split(':').map(Number);
      return day.set({ hour: h, minute: m, second: s || 0 }).toMillis();
    };
    const start = at(wh.startTime);
    const end = at(wh.endTime);
    if (end > fromMs && start < toMs) out.push([start, end]);
  }
  return out;
}

/** True when [startMs, endMs) lies inside one working-hours interval. */
export function withinHours(intervals: [number, number][], startMs: number, endMs: number): boolean {
  return intervals.some(([s, e]) => s <= startMs && endMs <= e);
}
