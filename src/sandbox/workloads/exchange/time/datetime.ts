// Outlook's date-time shapes and the conversions between wall-clock times in a zone and instants.
// Events keep their wall-clock start in their own zone, so a 09:00 stand-up stays at 09:00 across a DST switch;
// instants (epoch milliseconds) are derived from it for overlap tests, free/busy and rendering in other zones.

import { DateTime } from 'luxon';
import { badRequest } from '../../../graph/types.js';
import type { DateTimeTimeZone } from '../items.js';
import type { Zone } from './zones.js';

export type { DateTimeTimeZone } from '../items.js';

/** Graph's "no time" for responseStatus.time of an item nobody has answered yet. */
export const NEVER = '0001-01-01T00:00:00Z';

export const MINUTE = 60_000;
export const DAY_MS = 86_400_000;


const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The instant a wall-clock dateTime stands for in a zone. A value with its own offset (or Z) is taken as that
 *  instant. Times that a DST switch skips move forward, as Exchange does. Undefined for malformed values. */
export function wallToInstant(dateTime: string, zone: Zone): number | undefined {
  const m = WALL.exec(dateTime.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '0', offset] = m;
  const fields = { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +s, millisecond: Math.floor(+`0.${frac}` * 1000) };
  const dt = offset
    ? DateTime.fromObject(fields, { zone: offset === 'Z' ? 'UTC' : `UTC${offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}` })
    : DateTime.fromObject(fields, { zone: zone.iana });
  if (!dt.isValid || dt.month !== +mo || dt.day !== +d) return undefined;
  return dt.toMillis();
}

/** Outlook's rendering of an instant in a zone: seven fractional digits, no offset. */
export function instantToWall(ms: number, zone: Zone): string {
  return `${DateTime.fromMillis(ms, { zone: zone.iana }).toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`;
}

export function toDateTimeTimeZone(ms: number, zone: Zone): DateTimeTimeZone {
  return { dateTime: instantToWall(ms, zone), timeZone: zone.name };
}

/** An Edm.DateTimeOffset in UTC as Graph writes it (no fraction when there is none). */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** The calendar date (yyyy-MM-dd) of an instant in a zone. */
export function dateIn(ms: number, zone: Zone): string {
  return DateTime.fromMillis(ms, { zone: zone.iana }).toISODate()!;
}

/** Midnight at the start of a calendar date in a zone. */
export function startOfDate(date: string, zone: Zone): number {
  return DateTime.fromISO(date, { zone: zone.iana }).startOf('day').toMillis();
}

/** A calendar date moved by whole days (pure date arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday;
}

/** The time-of-day part ("HH:mm:ss") of a wall-clock dateTime. */
export const timeOfDay = (dateTime: string) => (dateTime.split('T')[1] ?? '00:00:00').slice(0, 8).padEnd(8, ':00');

/** Reads a dateTimeTimeZone from a request body, or Graph's 400 naming the property. */
export function readDateTimeTimeZone(value: unknown, property: string, resolve: (name: unknown) => Zone): { ms: number; zone: Zone; wall: string } {
  if (!value || typeof value !== 'object') throw badRequest(`The property '${property}' is required and must be a dateTimeTimeZone.`, 'ErrorInvalidRequest');
  const v = value as Record<string, unknown>;
  const dateTime = v.dateTime ?? v.DateTime;
  const zone = resolve(v.timeZone ?? v.TimeZone ?? 'UTC');
  const ms = typeof dateTime === 'string' ? wallToInstant(dateTime, zone) : undefined;
  if (ms === undefined) throw badRequest(`Cannot convert the literal '${String(dateTime)}' to the expected type 'Edm.String' for '${property}'.`, 'UnableToDeserializePostBody');
  return { ms, zone, wall: instantToWall(ms, zone) };
}

/** A query-string date-time (calendarView, instances): ISO 8601 with an offset, or without one as UTC. */
export function parseQueryDateTime(raw: string): number | undefined {
  const m = WALL.exec(raw.trim());
  if (!m) return undefined;
  return wallToInstant(raw.trim(), { name: 'UTC', iana: 'UTC' });
}
