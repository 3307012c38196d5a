// Recurring series: the caller's "repeat every week on monday until June" as Graph's patternedRecurrence,
// and Graph's recurrence back as one line of words.
import type { DateTime } from 'luxon';
import { z } from 'zod';
import { ToolError } from './define-tool.js';
import { List, Text } from './shapes.js';
import { parseTime, type Zone } from './time-zones.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export const Repeat = z.object({
  every: z.enum(['day', 'week', 'month', 'year']).describe('Unit'),
  interval: z.number().int().min(1).max(99).default(1).describe('Every n units'),
  days: List(z.enum(DAYS), 7).optional().describe('Weekdays (weekly); default: that of start'),
  until: Text(10).optional().describe('Last date, YYYY-MM-DD'),
  count: z.number().int().min(1).max(999).optional().describe('Occurrences (instead of until)'),
}).describe('Recurring series; without until or count, no end');

type RepeatIn = z.output<typeof Repeat>;

/** Graph's patternedRecurrence for a series whose first occurrence starts at `start`. */
export function toRecurrence(r: RepeatIn, start: DateTime, zone: Zone): Record<string, unknown> {
  if (r.days?.length && r.every !== 'week') throw new ToolError('repeat.days applies only to every: "week".');
  if (r.until && r.count) throw new ToolError('Give repeat.until or repeat.count, not both.');
  const startDate = start.toISODate()!;
  let endDate: string | undefined;
  if (r.until) {
    const until = parseTime(r.until, zone, 'repeat.until');
    if (!until.dateOnly) throw new ToolError(`repeat.until "${r.until}" must be a date like 2026-06-30.`);
    endDate = until.dt.toISODate()!;
    if (endDate < startDate) throw new ToolError(`repeat.until (${endDate}) is before the first occurrence (${startDate}).`);
  }
  const base = { interval: r.interval };
  const pattern =
    r.every === 'day' ? { type: 'daily', ...base }
      : r.every === 'week' ? { type: 'weekly', ...base, daysOfWeek: r.days?.length ? [...new Set(r.days)] : [DAYS[start.weekday - 1]], firstDayOfWeek: 'monday' }
        : r.every === 'month' ? { type: 'absoluteMonthly', ...base, dayOfMonth: start.day }
          : { type: 'absoluteYearly', ...base, dayOfMonth: start.day, month: start.month };
  const range = endDate
    ? { type: 'endDate', startDate, endDate }
    : r.count ? { type: 'numbered', startDate, numberOfOccurrences: r.count } : { type: 'noEnd', startDate };
  return { pattern, range: { ...range, recurrenceTimeZone: zone.graph } };
}

type GraphRecurrence = {
  pattern?: { type?: string; interval?: number; daysOfWeek?: string[]; dayOfMonth?: number; month?: number; index?: string } | null;
  range?: { type?: string; startDate?: string; endDate?: string; numberOfOccurrences?: number } | null;
} | null | undefined;

const UNIT: Record<string, string> = { daily: 'day', weekly: 'week', absoluteMonthly: 'month', relativeMonthly: 'month', absoluteYearly: 'year', relativeYearly: 'year' };
const MONTHS = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "every 2 weeks on monday, thursday from 2026-03-02 until 2026-06-29", or undefined for a single event. */
export function describeRecurrence(rec: GraphRecurrence): string | undefined {
  const p = rec?.pattern;
  if (!p?.type) return undefined;
  const n = p.interval ?? 1;
  const unit = UNIT[p.type] ?? p.type;
  const parts = [n === 1 ? `every ${unit}` : `every ${n} ${unit}s`];
  if (p.type === 'weekly' && p.daysOfWeek?.length) parts.push(`on ${p.daysOfWeek.join(', ')}`);
  if (p.type.startsWith('relative')) parts.push(`on the ${p.index ?? 'first'} ${(p.daysOfWeek ?? []).join('/')}`);
  if (p.type === 'absoluteMonthly' && p.dayOfMonth) parts.push(`on day ${p.dayOfMonth}`);
  if (p.type === 'absoluteYearly' && p.dayOfMonth) parts.push(`on ${MONTHS[p.month ?? 0] ?? ''} ${p.dayOfMonth}`.replace('  ', ' '));
  const r = rec?.range;
  if (r?.startDate) parts.push(`from ${r.startDate}`);
  if (r?.type === 'endDate' && r.endDate) parts.push(`until ${r.endDate}`);
  if (r?.type === 'numbered' && r.numberOfOccurrences) parts.push(`${r.numberOfOccurrences} times`);
  return parts.join(' ');
}
