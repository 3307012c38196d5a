// Recurrence patterns as Outlook expands them. Dates come from the pattern (daily, weekly, absolute/relative
// monthly and yearly) starting at range.startDate, within the range (endDate inclusive, or a number of
// occurrences, or no end); each date gets the master's wall-clock start time in the recurrence time zone, so
// occurrences keep their local time across DST switches. Monthly days past the end of a month fall on the
// month's last day, as Outlook schedules "day 31" in shorter months.

import { DateTime } from 'luxon';
import { DAY_MS, instantToWall, wallToInstant } from '../time/datetime.js';
import { findZone, UTC, type Zone } from '../time/zones.js';
import { DAYS, type PatternedRecurrence, type RecurrencePattern, type StoredEvent } from './model.js';

const INDEX = { first: 0, second: 1, third: 2, fourth: 3, last: -1 } as const;
/** A safety net against runaway series; ~27 years of daily occurrences. */
const MAX_DATES = 10_000;

const utcDate = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });
const weekdayIndex = (dt: DateTime) => dt.weekday % 7; // 0 = sunday, as DAYS

/** Dates of the pattern from the range's start, ascending, up to and including `until` (yyyy-MM-dd). */
export function* patternDates(rec: PatternedRecurrence, until: string): Generator<string> {
  const { pattern, range } = rec;
  const start = utcDate(range.startDate);
  const last = range.type === 'endDate' && range.endDate < until ? range.endDate : until;
  let produced = 0;
  for (const d of candidates(pattern, start)) {
    const date = d.toISODate()!;
    if (date > last || produced >= MAX_DATES) return;
    if (range.type === 'numbered' && produced >= range.numberOfOccurrences) return;
    if (date < range.startDate) continue;
    produced++;
    yield date;
  }
}

function* candidates(p: RecurrencePattern, start: DateTime): Generator<DateTime> {
  const interval = Math.max(1, p.interval || 1);
  const wanted = new Set(p.daysOfWeek.map((d) => DAYS.indexOf(d)));
  for (let k = 0; k < MAX_DATES; k++) {
    switch (p.type) {
      case 'daily':
        yield start.plus({ days: k * interval });
        break;
      case 'weekly': {
        const first = DAYS.indexOf(p.firstDayOfWeek ?? 'sunday');
        const weekStart = start.minus({ days: (weekdayIndex(start) - first + 7) % 7 }).plus({ weeks: k * interval });
        for (let i = 0; i < 7; i++) {
          const d = weekStart.plus({ days: i });
          if (wanted.has(weekdayIndex(d))) yield d;
        }
        break;
      }
      case 'absoluteMonthly':
      case 'relativeMonthly': {
        const month = start.startOf('month').plus({ months: k * interval });
        const d = p.type === 'absoluteMonthly' ? dayOfMonth(month, p.dayOfMonth) : relativeDay(month, wanted, p.index);
        if (d) yield d;
        break;
      }
      case 'absoluteYearly':
      case 'relativeYearly': {
        const month = start.startOf('year').plus({ years: k * interval }).set({ month: p.month || start.month });
        const d = p.type === 'absoluteYearly' ? dayOfMonth(month, p.dayOfMonth) : relativeDay(month, wanted, p.index);
        if (d) yield d;
        break;
      }
    }
  }
}

const dayOfMonth = (month: DateTime, day: number) => month.set({ day: Math.min(Math.max(1, day), month.daysInMonth!) });

function relativeDay(month: DateTime, wanted: Set<number>, index: RecurrencePattern['index']): DateTime | undefined {
  const days: DateTime[] = [];
  for (let d = month.startOf('month'); d.month === month.month; d = d.plus({ days: 1 })) if (wanted.has(weekdayIndex(d))) days.push(d);
  const i = INDEX[index ?? 'first'];
  return i < 0 ? days[days.length - 1] : days[i];
}

/** The zone a series recurs in: range.recurrenceTimeZone, else the zone of the master's start. */
export function recurrenceZone(master: StoredEvent): Zone {
  return findZone(master.recurrence?.range.recurrenceTimeZone || master.startZone) ?? UTC;
}

export interface OccurrenceTime {
  originalStartMs: number;
  startMs: number;
  endMs: number;
}

/** Occurrences (before exceptions and cancellations are applied) whose span overlaps [fromMs, toMs). */
export function occurrenceTimes(master: StoredEvent, fromMs: number, toMs: number): OccurrenceTime[] {
  if (!master.recurrence) return [];
  const zone = recurrenceZone(master);
  const wall = instantToWall(master.startMs, zone);
  const time = wall.slice(11, 19);
  const duration = master.endMs - master.startMs;
  const allDayDays = Math.round(duration / DAY_MS);
  const until = DateTime.fromMillis(toMs, { zone: zone.iana }).plus({ days: 1 }).toISODate()!;
  const out: OccurrenceTime[] = [];
  for (const date of patternDates(master.recurrence, until)) {
    const startMs = wallToInstant(`${date}T${time}`, zone)!;
    const endMs = master.isAllDay ? wallToInstant(`${utcDate(date).plus({ days: allDayDays }).toISODate()}T00:00:00`, zone)! : startMs + duration;
    if (startMs < toMs && (endMs > fromMs || (endMs === startMs && startMs >= fromMs))) out.push({ originalStartMs: startMs, startMs, endMs });
  }
  return out;
}

/** The first occurrence of a series (where Outlook puts the master's own start and end), if any. */
export function firstOccurrence(master: StoredEvent): OccurrenceTime | undefined {
  if (!master.recurrence) return undefined;
  const zone = recurrenceZone(master);
  const time = instantToWall(master.startMs, zone).slice(11, 19);
  const first = patternDates(master.recurrence, '9999-12-31').next();
  if (first.done) return undefined;
  const startMs = wallToInstant(`${first.value}T${time}`, zone)!;
  const duration = master.endMs - master.startMs;
  const endMs = master.isAllDay
    ? wallToInstant(`${utcDate(first.value).plus({ days: Math.round(duration / DAY_MS) }).toISODate()}T00:00:00`, zone)!
    : startMs + duration;
  return { originalStartMs: startMs, startMs, endMs };
}
