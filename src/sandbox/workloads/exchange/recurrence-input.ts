// A patternedRecurrence from a request body, normalised to the full shape Graph returns (every pattern and
// range member present, unused ones as 0 / "0001-01-01" / "first" / "sunday"), and refused when the pattern
// lacks what its type needs. Events and To Do tasks recur alike.

import { badRequest } from '../../graph/types.js';
import { propertyValidation } from './errors.js';
import type { DayOfWeek, PatternedRecurrence, RecurrencePattern, RecurrenceRange } from './items.js';
import { zoneOrThrow } from './time/zones.js';

export const DAYS: readonly DayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const PATTERNS: RecurrencePattern['type'][] = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'];
const RANGES: RecurrenceRange['type'][] = ['endDate', 'noEnd', 'numbered'];
const INDEXES: RecurrencePattern['index'][] = ['first', 'second', 'third', 'fourth', 'last'];
const NO_DATE = '0001-01-01';

const pick = <T extends string>(v: unknown, allowed: readonly T[], what: string): T => {
  const hit = typeof v === 'string' ? allowed.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
  if (!hit) throw badRequest(`Cannot convert the literal '${String(v)}' to the expected type 'microsoft.graph.${what}'.`, 'UnableToDeserializePostBody');
  return hit;
};

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const int = (v: unknown, fallback: number) => (v === undefined || v === null ? fallback : Number(v));

export function readRecurrence(v: unknown): PatternedRecurrence {
  const r = (v ?? {}) as { pattern?: Record<string, unknown>; range?: Record<string, unknown> };
  if (!r.pattern || !r.range) throw propertyValidation('A recurrence needs both a pattern and a range.');
  const p = r.pattern;
  const type = pick(p.type, PATTERNS, 'recurrencePatternType');
  const daysOfWeek = Array.isArray(p.daysOfWeek) ? p.daysOfWeek.map((d) => pick(d, DAYS, 'dayOfWeek') as DayOfWeek) : [];
  const pattern: RecurrencePattern = {
    type,
    interval: int(p.interval, 1),
    month: int(p.month, 0),
    dayOfMonth: int(p.dayOfMonth, 0),
    daysOfWeek,
    firstDayOfWeek: p.firstDayOfWeek === undefined ? 'sunday' : pick(p.firstDayOfWeek, DAYS, 'dayOfWeek'),
    index: p.index === undefined ? 'first' : pick(p.index, INDEXES, 'weekIndex'),
  };
  if (!Number.isInteger(pattern.interval) || pattern.interval < 1 || pattern.interval > 99) throw propertyValidation('The recurrence interval must be a whole number from 1 to 99.');
  if ((type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly') && daysOfWeek.length === 0) {
    throw propertyValidation(`A ${type} recurrence pattern needs daysOfWeek.`);
  }
  if ((type === 'absoluteMonthly' || type === 'absoluteYearly') && !(pattern.dayOfMonth >= 1 && pattern.dayOfMonth <= 31)) {
    throw propertyValidation(`A ${type} recurrence pattern needs a dayOfMonth from 1 to 31.`);
  }
  if ((type === 'absoluteYearly' || type === 'relativeYearly') && !(pattern.month >= 1 && pattern.month <= 12)) {
    throw propertyValidation(`A ${type} recurrence pattern needs a month from 1 to 12.`);
  }
  const g = r.range;
  const rangeType = pick(g.type, RANGES, 'recurrenceRangeType');
  if (!isDate(g.startDate)) throw propertyValidation('The recurrence range needs a startDate (yyyy-MM-dd).');
  const range: RecurrenceRange = {
    type: rangeType,
    startDate: g.startDate,
    endDate: rangeType === 'endDate' ? String(g.endDate ?? '') : NO_DATE,
    recurrenceTimeZone: typeof g.recurrenceTimeZone === 'string' && g.recurrenceTimeZone !== '' ? zoneOrThrow(g.recurrenceTimeZone).name : '',
    numberOfOccurrences: rangeType === 'numbered' ? int(g.numberOfOccurrences, 0) : 0,
  };
  if (rangeType === 'endDate' && (!isDate(range.endDate) || range.endDate < range.startDate)) {
    throw propertyValidation('An endDate recurrence range needs an endDate (yyyy-MM-dd) on or after its startDate.');
  }
  if (rangeType === 'numbered' && !(Number.isInteger(range.numberOfOccurrences) && range.numberOfOccurrences > 0)) {
    throw propertyValidation('A numbered recurrence range needs a positive numberOfOccurrences.');
  }
  return { pattern, range };
}
