// The next occurrence of a recurring task: when one is completed, To Do makes the next task of the series, due on
// the pattern's next date after this one, at the same wall-clock time in the zone the due date was given in. A
// range that has ended (an end date passed, the numbered occurrences used up) makes none.

import { DateTime } from 'luxon';
import { DAYS } from '../recurrence-input.js';
import type { PatternedRecurrence } from '../items.js';
import { findZone, UTC } from '../time/zones.js';
import type { StoredWhen } from './model.js';

const INDEX = { first: 1, second: 2, third: 3, fourth: 4, last: -1 } as const;
const weekdayNo = (day: string) => (DAYS.indexOf(day as (typeof DAYS)[number]) + 6) % 7 + 1; // luxon: Monday 1 ... Sunday 7

/** The nth (or last) given weekday of a month. */
function nthWeekday(month: DateTime, weekday: number, index: keyof typeof INDEX): DateTime {
  if (index === 'last') {
    const end = month.endOf('month').startOf('day');
    return end.minus({ days: (end.weekday - weekday + 7) % 7 });
  }
  const first = month.startOf('month');
  return first.plus({ days: ((weekday - first.weekday + 7) % 7) + (INDEX[index] - 1) * 7 });
}

function nextDate(due: DateTime, r: PatternedRecurrence): DateTime {
  const p = r.pattern;
  const keepTime = (d: DateTime) => d.set({ hour: due.hour, minute: due.minute, second: due.second, millisecond: 0 });
  switch (p.type) {
    case 'daily':
      return due.plus({ days: p.interval });
    case 'weekly': {
      const days = new Set(p.daysOfWeek.map(weekdayNo));
      const firstDay = weekdayNo(p.firstDayOfWeek);
      const weekStart = (d: DateTime) => d.startOf('day').minus({ days: (d.weekday - firstDay + 7) % 7 });
      for (let d = due.plus({ days: 1 }); ; d = d.plus({ days: 1 })) {
        const weeks = Math.round(weekStart(d).diff(weekStart(due), 'weeks').weeks);
        if (days.has(d.weekday) && weeks % p.interval === 0) return d;
      }
    }
    case 'absoluteMonthly': {
      const month = due.plus({ months: p.interval });
      return month.set({ day: Math.min(p.dayOfMonth, month.daysInMonth ?? 28) });
    }
    case 'relativeMonthly':
      return keepTime(nthWeekday(due.plus({ months: p.interval }), weekdayNo(p.daysOfWeek[0]), p.index));
    case 'absoluteYearly': {
      const month = due.plus({ years: p.interval }).set({ month: p.month, day: 1 });
      return month.set({ day: Math.min(p.dayOfMonth, month.daysInMonth ?? 28) });
    }
    case 'relativeYearly':
      return keepTime(nthWeekday(due.plus({ years: p.interval }).set({ month: p.month, day: 1 }), weekdayNo(p.daysOfWeek[0]), p.index));
  }
}

/** The next due date and the series' recurrence from there, or null when the series is over. */
export function nextOccurrence(due: StoredWhen, r: PatternedRecurrence): { due: StoredWhen; recurrence: PatternedRecurrence } | null {
  const zone = findZone(due.zone) ?? UTC;
  const next = nextDate(DateTime.fromMillis(due.ms, { zone: zone.iana }), r);
  const range = { ...r.range };
  if (range.type === 'endDate' && next.toISODate()! > range.endDate) return null;
  if (range.type === 'numbered') {
    if (range.numberOfOccurrences <= 1) return null;
    range.numberOfOccurrences -= 1;
  }
  return { due: { ms: next.toMillis(), zone: due.zone }, recurrence: { pattern: { ...r.pattern, daysOfWeek: [...r.pattern.daysOfWeek] }, range } };
}
