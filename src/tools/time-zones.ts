// Times as callers give them: a local date-time ("2026-03-10T09:00") or a date, read in a time zone given by
// an IANA name ("Europe/Berlin") or a Windows name ("W. Europe Standard Time"). Everything is checked here,
// before Graph is called, so a bad zone or an inverted range comes back as a short error saying what to fix.
import type { DateTime, IANAZone } from 'luxon';
import type { findWindows } from 'windows-iana';
import type { GraphReader } from '../graph/client.js';
import type { AuthService } from './auth-service.js';
import { ToolError } from './define-tool.js';
import { userZoneName } from './user-zone.js';

export interface Zone {
  /** The name shown to the caller: canonical spelling of what they gave, or the mailbox setting. */
  label: string;
  /** The name Graph is sent: the Windows name when there is one (every Outlook endpoint takes those). */
  graph: string;
  /** The IANA zone local computations use (DST rules come from Node's Intl). */
  iana: string;
}

export const UTC: Zone = { label: 'UTC', graph: 'UTC', iana: 'UTC' };

interface TimeLibs {
  DateTime: typeof DateTime;
  IANAZone: typeof IANAZone;
  findWindows: typeof findWindows;
  /** CLDR's territory "001" row: the canonical IANA zone of each Windows zone, by lower-case Windows name. */
  windows: Map<string, { windows: string; iana: string }>;
}
let libs: TimeLibs | undefined;

/** Loads luxon and the Windows zone table. They cost tens of milliseconds at start-up, which every short-lived
 *  `docker exec` process would pay, so the calendar tools load them on first use (CALENDAR_OWNER.prepare). */
export async function loadTimeLibs(): Promise<void> {
  if (libs) return;
  const [luxon, wi] = await Promise.all([import('luxon'), import('windows-iana')]);
  const windows = new Map<string, { windows: string; iana: string }>();
  for (const row of wi.WINDOWS_TO_IANA_MAP) {
    if (row.territory === '001' && row.iana.length) windows.set(row.windowsName.toLowerCase(), { windows: row.windowsName, iana: row.iana[0] });
  }
  libs = { DateTime: luxon.DateTime, IANAZone: luxon.IANAZone, findWindows: wi.findWindows, windows };
}

function time(): TimeLibs {
  if (!libs) throw new Error('time libraries not loaded: call loadTimeLibs() first');
  return libs;
}

/** luxon's DateTime, once loadTimeLibs() has run. */
export const luxonDateTime = (): typeof DateTime => time().DateTime;

/** The zone an IANA or Windows name stands for (any letter case), or undefined. */
export function findZone(name: string): Zone | undefined {
  const n = name.trim();
  if (/^(utc|gmt|z|etc\/(utc|gmt)|coordinated universal time)$/i.test(n)) return UTC;
  const lib = time();
  const w = lib.windows.get(n.toLowerCase());
  if (w) return { label: w.windows, graph: w.windows, iana: w.iana };
  if (!/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(n) || !lib.IANAZone.isValidZone(n)) return undefined;
  const iana = new Intl.DateTimeFormat('en-US', { timeZone: n }).resolvedOptions().timeZone;
  return { label: iana, graph: lib.findWindows(iana)[0] ?? iana, iana };
}

export function zoneOrThrow(name: string): Zone {
  const zone = findZone(name);
  if (!zone) {
    throw new ToolError(`Unknown time zone "${name}": use an IANA name like Europe/Berlin or America/New_York, or a Windows name like "W. Europe Standard Time".`);
  }
  return zone;
}

/** The zone the caller named, else the signed-in user's own (user-zone.ts), else UTC. */
export async function zoneFor(ctx: { graph: GraphReader; signal: AbortSignal; auth: AuthService }, given: string | undefined): Promise<Zone> {
  if (given) return zoneOrThrow(given);
  const name = await userZoneName(ctx);
  return (name && findZone(name)) || UTC;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export interface LocalTime {
  /** The time in the zone it was read in. */
  dt: DateTime;
  /** The caller gave a date without a time. */
  dateOnly: boolean;
  /** Said in the answer when the wall time occurs twice (the autumn overlap): which of the two was booked. */
  note?: string;
}

/** Reads a local date-time or date in a zone; a value with Z or an offset is that instant, shown in the zone. */
export function parseTime(value: string, zone: Zone, what: string): LocalTime {
  const m = LOCAL.exec(value.trim());
  const bad = () => new ToolError(`${what} "${value}" is not a date-time: give a local time like 2026-03-10T09:00 or a date like 2026-03-10.`);
  if (!m) throw bad();
  const [, y, mo, d, h, mi, s, offset] = m;
  const fields = { year: +y, month: +mo, day: +d, hour: +(h ?? 0), minute: +(mi ?? 0), second: +(s ?? 0) };
  if (offset && h === undefined) throw bad();
  const { DateTime: DT } = time();
  const dt = offset
    ? DT.fromObject(fields, { zone: offset.toUpperCase() === 'Z' ? 'UTC' : `UTC${offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}` }).setZone(zone.iana)
    : DT.fromObject(fields, { zone: zone.iana });
  if (!dt.isValid || fields.month > 12 || fields.day > 31 || fields.hour > 23 || fields.minute > 59) throw bad();
  // Feb 30 and the like roll over in some libraries; here they are refused.
  if (!offset && (dt.day !== fields.day || dt.month !== fields.month)) throw bad();
  // A wall time the clocks skip (spring forward) is moved by the library: refuse it rather than book
  // another time than the one asked for.
  if (!offset && h !== undefined && (dt.hour !== fields.hour || dt.minute !== fields.minute)) {
    // The gap: from the wall time just after the last minute before the jump, to the hour the clocks show after it.
    const after = dt.startOf('hour');
    const last = after.minus({ minutes: 1 });
    const from = DT.fromObject({ hour: last.hour, minute: last.minute }, { zone: 'UTC' }).plus({ minutes: 1 }).toFormat('HH:mm');
    const to = after.toFormat('HH:mm');
    throw new ToolError(
      `${what} "${value}" does not exist in ${zone.iana}: on ${dt.toISODate()} the clocks jump from ${from} to ${to} (daylight saving time). Give a time before ${from} or from ${to} on.`,
    );
  }
  const note = h === undefined ? undefined : overlapNote(dt, value, zone, what, !!offset);
  return { dt, dateOnly: h === undefined, ...(note ? { note } : {}) };
}

const offsetText = (dt: DateTime) => `UTC${dt.toFormat('ZZ')}`;

/** A wall time the clocks show twice (they go back): Graph is sent the wall time and the zone, and Windows
 *  time zones read such a time as the second, in standard time (as luxon does). That choice is stated; an
 *  instant given with an offset that is the first of the two cannot be booked in the zone, so it is refused
 *  with the way that books it (the instant in UTC). */
function overlapNote(dt: DateTime, value: string, zone: Zone, what: string, withOffset: boolean): string | undefined {
  const wallText = dt.toFormat('yyyy-MM-dd HH:mm:ss');
  const twin = [30, 60, 120].flatMap((m) => [dt.minus({ minutes: m }), dt.plus({ minutes: m })]).find((o) => o.offset !== dt.offset && o.toFormat('yyyy-MM-dd HH:mm:ss') === wallText);
  if (!twin) return undefined;
  const [first, second] = twin < dt ? [twin, dt] : [dt, twin];
  const hm = dt.toFormat('HH:mm');
  const firstInUtc = first.toUTC().toFormat("yyyy-MM-dd'T'HH:mm");
  if (withOffset && dt.equals(first)) {
    throw new ToolError(
      `${what} "${value}" is the first of two ${hm}s on ${dt.toISODate()} in ${zone.iana} (the clocks go back that night), and a time in this zone books the second (${offsetText(second)}). To book the first, give timeZone UTC and ${what} ${firstInUtc}.`,
    );
  }
  if (withOffset) return undefined;
  return `${what} ${value} occurs twice in ${zone.iana} (the clocks go back that night): booked as the second, ${hm} ${offsetText(second)} (standard time). For the first, ${hm} ${offsetText(first)}, give timeZone UTC and ${what} ${firstInUtc}.`;
}

export interface Range {
  start: DateTime;
  end: DateTime;
}

/** A start/end pair; a bare end date includes that whole day. */
export function parseRange(start: string, end: string, zone: Zone, maxDays: number): Range {
  const s = parseTime(start, zone, 'start');
  const e = parseTime(end, zone, 'end');
  const endDt = e.dateOnly ? e.dt.plus({ days: 1 }).startOf('day') : e.dt;
  checkOrder(s.dt, endDt, start, end);
  const days = endDt.diff(s.dt, 'days').days;
  if (days > maxDays) {
    throw new ToolError(`The range ${start} to ${end} spans ${Math.ceil(days)} days; at most ${maxDays} days at a time: ask for a shorter range.`);
  }
  return { start: s.dt, end: endDt };
}

export function checkOrder(start: DateTime, end: DateTime, startText: string, endText: string): void {
  if (end <= start) throw new ToolError(`end (${endText}) is not after start (${startText}): give an end later than the start.`);
}

/** Wall-clock text Graph takes in a dateTimeTimeZone. */
export const wall = (dt: DateTime) => dt.toFormat("yyyy-MM-dd'T'HH:mm:ss");
export const dtz = (dt: DateTime, zone: Zone) => ({ dateTime: wall(dt), timeZone: zone.graph });
/** An instant for query strings (calendarView, instances): UTC with Z, so no '+' needs escaping. */
export const utc = (dt: DateTime) => dt.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");

export type GraphDateTime = { dateTime?: string | null; timeZone?: string | null } | null | undefined;

/** Graph's dateTimeTimeZone as "2026-03-10T09:00" in the zone asked for (converted if Graph used another). */
export function localOut(v: GraphDateTime, zone: Zone): string {
  const text = v?.dateTime ?? '';
  const theirs = v?.timeZone ? findZone(v.timeZone) : UTC;
  if (!text || !theirs || theirs.iana === zone.iana) return text.slice(0, 16);
  const dt = time().DateTime.fromISO(text.replace(/\.\d+$/, ''), { zone: theirs.iana });
  return dt.isValid ? dt.setZone(zone.iana).toFormat("yyyy-MM-dd'T'HH:mm") : text.slice(0, 16);
}
