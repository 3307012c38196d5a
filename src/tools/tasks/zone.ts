// Dates of To Do and Planner in the signed-in user's zone (../user-zone.ts through ../time-zones.ts; UTC when it
// cannot be read): a due date is a day there, a reminder a wall time there, and both come back the same way.
import type { DateTime } from 'luxon';
import type { GraphReader } from '../../graph/client.js';
import type { AuthService } from '../auth-service.js';
import { ToolError } from '../define-tool.js';
import { dtz, loadTimeLibs, localOut, parseTime, type GraphDateTime, type Zone, zoneFor } from '../time-zones.js';

export type { Zone };

/** The user's zone, with the time libraries loaded for this call. */
export async function userZone(ctx: { graph: GraphReader; signal: AbortSignal; auth: AuthService }): Promise<Zone> {
  await loadTimeLibs();
  return zoneFor(ctx, undefined);
}

/** A day ("2026-11-12") in the zone, as the start of that day. */
export function dayIn(value: string, zone: Zone, what: string): DateTime {
  const t = parseTime(value, zone, what);
  if (!t.dateOnly) throw new ToolError(`${what} "${value}" must be a date like 2026-11-12 (a day, no time).`);
  return t.dt.startOf('day');
}

/** A wall time ("2026-11-12T09:30") in the zone. */
export function timeIn(value: string, zone: Zone, what: string): DateTime {
  const t = parseTime(value, zone, what);
  if (t.dateOnly) throw new ToolError(`${what} "${value}" needs a time: give a local time like 2026-11-12T09:30.`);
  return t.dt;
}

/** Graph's dateTimeTimeZone for a day or time in the zone. */
export const toGraph = (dt: DateTime, zone: Zone) => dtz(dt, zone);

/** To Do's answers in the zone (Outlook's preference), so that a due day reads as that day. */
export const preferZone = (zone: Zone) => ({ Prefer: `outlook.timezone="${zone.graph}"` });

/** A dateTimeTimeZone as the day in the zone, or undefined. */
export const dayOut = (v: GraphDateTime, zone: Zone) => (v?.dateTime ? localOut(v, zone).slice(0, 10) : undefined);
/** A dateTimeTimeZone as the wall time in the zone ("2026-11-12T09:30"), or undefined. */
export const timeOut = (v: GraphDateTime, zone: Zone) => (v?.dateTime ? localOut(v, zone) : undefined);
/** An instant (Planner's ISO dates) as the day in the zone. */
export const instantDay = (iso: string | null | undefined, zone: Zone) => (iso ? localOut({ dateTime: iso.replace(/Z$/, ''), timeZone: 'UTC' }, zone).slice(0, 10) : undefined);
