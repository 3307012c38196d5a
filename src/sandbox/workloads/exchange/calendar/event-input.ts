// Reading an event from a create or update body, with Exchange's checks: times in a zone it knows, end not
// before start, all-day events from midnight to midnight (any other time is a 400, not silently rounded),
// known enum values, recurrence that makes sense. A create gets Outlook's defaults for what is missing;
// an update yields only what the body names.

import { GraphError, badRequest } from '../../../graph/types.js';
import { invalidRequest } from '../errors.js';
import { readRecurrence } from '../recurrence-input.js';
import type { AttendeeType, EmailAddress, PatternedRecurrence, StoredLocation } from './model.js';
import { EMPTY_LOCATION } from './render/event.js';
import { readDateTimeTimeZone, timeOfDay } from '../time/datetime.js';
import { zoneOrThrow } from '../time/zones.js';

export interface EventChanges {
  subject?: string;
  body?: { contentType: 'text' | 'html'; content: string };
  start?: { ms: number; zone: string; wall: string };
  end?: { ms: number; zone: string; wall: string };
  isAllDay?: boolean;
  showAs?: string;
  importance?: 'low' | 'normal' | 'high';
  sensitivity?: 'normal' | 'personal' | 'private' | 'confidential';
  categories?: string[];
  location?: StoredLocation;
  locations?: StoredLocation[];
  attendees?: { type: AttendeeType; emailAddress: EmailAddress }[];
  recurrence?: PatternedRecurrence | null;
  isOnlineMeeting?: boolean;
  onlineMeetingProvider?: 'unknown' | 'teamsForBusiness' | 'skypeForBusiness' | 'skypeForConsumer';
  allowNewTimeProposals?: boolean;
  hideAttendees?: boolean;
  isReminderOn?: boolean;
  reminderMinutesBeforeStart?: number;
  responseRequested?: boolean;
  transactionId?: string;
}

const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const IMPORTANCE = ['low', 'normal', 'high'] as const;
const SENSITIVITY = ['normal', 'personal', 'private', 'confidential'] as const;
const PROVIDERS = ['unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'] as const;
const ATTENDEE_TYPES = ['required', 'optional', 'resource'] as const;

/** Properties the server sets; a body may carry them (clients echo what they read) but they change nothing. */
const READ_ONLY = new Set([
  'id', '@odata.etag', '@odata.context', '@odata.type', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'iCalUId', 'webLink',
  'isOrganizer', 'type', 'seriesMasterId', 'responseStatus', 'organizer', 'onlineMeeting', 'onlineMeetingUrl', 'bodyPreview', 'hasAttachments',
  'originalStartTimeZone', 'originalEndTimeZone', 'isCancelled', 'isDraft', 'cancelledOccurrences',
]);

const enumValue = <T extends string>(v: unknown, allowed: readonly T[], prop: string): T => {
  const hit = typeof v === 'string' ? allowed.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
  if (!hit) throw badRequest(`Cannot convert the literal '${String(v)}' to the expected type 'microsoft.graph.${prop}'.`, 'UnableToDeserializePostBody');
  return hit;
};

function readAddress(v: unknown, prop: string): EmailAddress {
  const e = (v as { emailAddress?: { address?: unknown; name?: unknown } } | null)?.emailAddress;
  if (!e || typeof e.address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(e.address.trim())) {
    throw invalidRequest(`The ${prop} has an invalid or missing email address.`);
  }
  return { name: typeof e.name === 'string' && e.name !== '' ? e.name : e.address.trim(), address: e.address.trim() };
}

export function readLocation(v: unknown): StoredLocation {
  if (v === null || v === undefined) return { ...EMPTY_LOCATION };
  const l = v as Record<string, unknown>;
  const displayName = typeof l.displayName === 'string' ? l.displayName : '';
  if (displayName === '' && !l.address) return { ...EMPTY_LOCATION };
  const out: StoredLocation = { displayName, locationType: typeof l.locationType === 'string' ? l.locationType : 'default', uniqueId: typeof l.uniqueId === 'string' ? l.uniqueId : displayName, uniqueIdType: 'private' };
  if (l.address && typeof l.address === 'object') out.address = l.address;
  if (typeof l.locationEmailAddress === 'string') out.locationEmailAddress = l.locationEmailAddress;
  if (typeof l.locationUri === 'string') out.locationUri = l.locationUri;
  return out;
}

/** The changes a body asks for; `create` also demands start and end. */
export function readEventChanges(body: unknown, create: boolean): EventChanges {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Empty Payload. JSON content expected.', 'ErrorInvalidRequest');
  const b = body as Record<string, unknown>;
  const out: EventChanges = {};
  for (const [key, v] of Object.entries(b)) {
    if (READ_ONLY.has(key) || key.startsWith('@')) continue;
    switch (key) {
      case 'subject':
        out.subject = v === null ? '' : String(v);
        break;
      case 'body': {
        const bb = (v ?? {}) as { contentType?: unknown; content?: unknown };
        out.body = { contentType: bb.contentType === undefined ? 'text' : enumValue(bb.contentType, ['text', 'html'] as const, 'bodyType'), content: String(bb.content ?? '') };
        break;
      }
      case 'start':
      case 'end': {
        const r = readDateTimeTimeZone(v, key, zoneOrThrow);
        out[key] = { ms: r.ms, zone: r.zone.name, wall: r.wall };
        break;
      }
      case 'isAllDay':
      case 'isOnlineMeeting':
      case 'allowNewTimeProposals':
      case 'hideAttendees':
      case 'isReminderOn':
      case 'responseRequested':
        out[key] = readBool(v, key);
        break;
      case 'showAs':
        out.showAs = enumValue(v, SHOW_AS, 'freeBusyStatus');
        break;
      case 'importance':
        out.importance = enumValue(v, IMPORTANCE, 'importance');
        break;
      case 'sensitivity':
        out.sensitivity = enumValue(v, SENSITIVITY, 'sensitivity');
        break;
      case 'onlineMeetingProvider':
        out.onlineMeetingProvider = enumValue(v, PROVIDERS, 'onlineMeetingProviderType');
        break;
      case 'categories':
        out.categories = Array.isArray(v) ? v.map(String) : [];
        break;
      case 'location':
        out.location = readLocation(v);
        break;
      case 'locations':
        out.locations = Array.isArray(v) ? v.map(readLocation).filter((l) => l.displayName !== '') : [];
        break;
      case 'attendees':
        if (!Array.isArray(v)) throw badRequest("The property 'attendees' must be a collection.", 'UnableToDeserializePostBody');
        out.attendees = v.map((a) => ({ type: a?.type === undefined ? 'required' : enumValue(a.type, ATTENDEE_TYPES, 'attendeeType'), emailAddress: readAddress(a, 'attendee') }));
        break;
      case 'recurrence':
        out.recurrence = v === null ? null : readRecurrence(v);
        break;
      case 'reminderMinutesBeforeStart':
        if (!Number.isInteger(v) || (v as number) < 0) throw badRequest(`Cannot convert the literal '${String(v)}' to the expected type 'Edm.Int32'.`, 'UnableToDeserializePostBody');
        out.reminderMinutesBeforeStart = v as number;
        break;
      case 'transactionId':
        out.transactionId = String(v);
        break;
      default:
        // Events are open types in Graph; unknown members are kept by the service but mean nothing to Outlook.
        break;
    }
  }
  if (create && (!out.start || !out.end)) throw invalidRequest('The event must have both a start and an end (dateTimeTimeZone).');
  return out;
}

function readBool(v: unknown, prop: string): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw badRequest(`Cannot convert the literal '${String(v)}' to the expected type 'Edm.Boolean' for '${prop}'.`, 'UnableToDeserializePostBody');
}

/** Exchange's rules on the times an event ends up with. */
export function checkTimes(start: { ms: number; wall: string }, end: { ms: number; wall: string }, isAllDay: boolean): void {
  if (end.ms < start.ms) throw new GraphError(400, 'ErrorCalendarEndDateIsEarlierThanStartDate', 'The end date occurs before the start date.');
  if (isAllDay) {
    if (timeOfDay(start.wall) !== '00:00:00' || timeOfDay(end.wall) !== '00:00:00' || end.ms === start.ms) {
      throw invalidRequest('An all-day event must start and end at midnight (00:00:00) in its time zone and last at least one day.');
    }
  }
}
