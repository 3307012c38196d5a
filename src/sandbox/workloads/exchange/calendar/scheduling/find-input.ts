// The findMeetingTimes request body, with the documented defaults: every attendee who is a person counts as
// required, a 30-minute meeting, activityDomain work, a 50% minimum confidence, the organizer required,
// no suggestion reasons. Without timeslots, the search covers the next seven days from the next half hour.

import { badRequest } from '../../../../graph/types.js';
import type { AttendeeType, EmailAddress } from '../model.js';
import { MINUTE, readDateTimeTimeZone } from '../../time/datetime.js';
import { zoneOrThrow } from '../../time/zones.js';

export type ActivityDomain = 'work' | 'personal' | 'unrestricted';

export interface FindRequest {
  attendees: { type: AttendeeType; emailAddress: EmailAddress }[];
  windows: [number, number][];
  activityDomain: ActivityDomain;
  durationMs: number;
  maxCandidates?: number;
  isOrganizerOptional: boolean;
  returnSuggestionReasons: boolean;
  minimumAttendeePercentage: number;
  locations: Record<string, unknown>[];
  locationRequired: boolean;
  suggestLocation: boolean;
}

const DEFAULT_WINDOW_MS = 7 * 1440 * MINUTE;
const HALF_HOUR = 30 * MINUTE;

/** ISO 8601 duration (PnDTnHnMnS) in milliseconds, or undefined. */
export function parseDuration(raw: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(raw.trim());
  if (!m || raw.trim().toUpperCase() === 'P' || /T$/i.test(raw.trim())) return undefined;
  const [, d = '0', h = '0', mi = '0', s = '0'] = m;
  return (((+d * 24 + +h) * 60 + +mi) * 60 + +s) * 1000;
}

const bool = (v: unknown, fallback: boolean) => (v === undefined || v === null ? fallback : v === true || String(v).toLowerCase() === 'true');

export function readFindRequest(body: unknown, now: number): FindRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  const attendees = Array.isArray(b.attendees) ? b.attendees : [];
  const parsed = attendees.map((a: { type?: unknown; emailAddress?: { address?: unknown; name?: unknown } }) => {
    const address = a?.emailAddress?.address;
    if (typeof address !== 'string' || !address.includes('@')) throw badRequest('Each attendee needs an emailAddress.address.', 'ErrorInvalidRequest');
    const type: AttendeeType = String(a.type ?? 'required').toLowerCase() === 'resource' ? 'resource' : String(a.type ?? 'required').toLowerCase() === 'optional' ? 'optional' : 'required';
    return { type, emailAddress: { name: typeof a.emailAddress?.name === 'string' ? a.emailAddress.name : '', address } };
  });

  const tc = (b.timeConstraint ?? {}) as Record<string, unknown>;
  const domainRaw = String(tc.activityDomain ?? 'work').toLowerCase();
  if (!['work', 'personal', 'unrestricted', 'unknown'].includes(domainRaw)) {
    throw badRequest(`Cannot convert the literal '${domainRaw}' to the expected type 'microsoft.graph.activityDomain'.`, 'UnableToDeserializePostBody');
  }
  const slots = (tc.timeSlots ?? tc.timeslots ?? tc.TimeSlots) as unknown[] | undefined;
  const windows: [number, number][] = Array.isArray(slots) && slots.length
    ? slots.map((s, i) => {
        const slot = (s ?? {}) as Record<string, unknown>;
        const start = readDateTimeTimeZone(slot.start ?? slot.Start, `timeSlots[${i}].start`, zoneOrThrow).ms;
        const end = readDateTimeTimeZone(slot.end ?? slot.End, `timeSlots[${i}].end`, zoneOrThrow).ms;
        if (end <= start) throw badRequest(`timeSlots[${i}] must end after it starts.`, 'ErrorInvalidRequest');
        return [start, end];
      })
    : [[Math.ceil(now / HALF_HOUR) * HALF_HOUR, Math.ceil(now / HALF_HOUR) * HALF_HOUR + DEFAULT_WINDOW_MS]];

  let durationMs = 30 * MINUTE;
  if (b.meetingDuration !== undefined && b.meetingDuration !== null) {
    const d = parseDuration(String(b.meetingDuration));
    if (!d) throw badRequest(`Cannot convert the literal '${String(b.meetingDuration)}' to the expected type 'Edm.Duration'.`, 'UnableToDeserializePostBody');
    durationMs = d;
  }
  const max = b.maxCandidates === undefined || b.maxCandidates === null ? undefined : Number(b.maxCandidates);
  if (max !== undefined && !(Number.isInteger(max) && max >= 0)) throw badRequest('maxCandidates must be a whole number.', 'UnableToDeserializePostBody');
  const pct = b.minimumAttendeePercentage === undefined || b.minimumAttendeePercentage === null ? 50 : Number(b.minimumAttendeePercentage);
  if (!Number.isFinite(pct) || pct < 0 || pct > 100) throw badRequest('minimumAttendeePercentage must be a number from 0 to 100.', 'ErrorInvalidRequest');

  const lc = (b.locationConstraint ?? {}) as Record<string, unknown>;
  return {
    attendees: parsed,
    windows,
    activityDomain: domainRaw === 'unknown' ? 'work' : (domainRaw as ActivityDomain),
    durationMs,
    maxCandidates: max,
    isOrganizerOptional: bool(b.isOrganizerOptional, false),
    returnSuggestionReasons: bool(b.returnSuggestionReasons, false),
    minimumAttendeePercentage: pct,
    locations: Array.isArray(lc.locations) ? (lc.locations as Record<string, unknown>[]) : [],
    locationRequired: bool(lc.isRequired, false),
    suggestLocation: bool(lc.suggestLocation, false),
  };
}
