// A new event in a calendar, with Outlook's defaults for everything the request leaves out: busy, 15-minute
// reminder, responses requested, new time proposals allowed, the organizer's own response "organizer", and a
// Teams meeting (join URL, conference id, dial-in) when isOnlineMeeting asks for one. A series master's start
// and end move to the first occurrence its pattern yields, as Exchange does.

import { createHash } from 'node:crypto';
import { SANDBOX_TENANT_ID } from '../../../../contract.js';
import { checkTimes, type EventChanges } from '../event-input.js';
import { invalidRequest } from '../../errors.js';
import { newChangeKey, newICalUId, newKey } from '../../ids/calendar.js';
import type { CalendarMailbox, EmailAddress, FreeBusyStatus, OnlineMeetingInfo, StoredCalendar, StoredEvent } from '../model.js';
import { firstOccurrence } from '../recurrence.js';
import { EMPTY_LOCATION } from '../render/event.js';
import { NEVER } from '../../time/datetime.js';

export interface NewEventOptions {
  now: number;
  organizer: EmailAddress;
  /** Stable key for seeded items; fresh otherwise. */
  key?: string;
}

export function buildEvent(mb: CalendarMailbox, calendar: StoredCalendar, ch: EventChanges, opts: NewEventOptions): StoredEvent {
  const start = ch.start!;
  const end = ch.end!;
  const isAllDay = ch.isAllDay ?? false;
  checkTimes(start, end, isAllDay);
  const key = opts.key ?? newKey();
  const location = ch.location ?? { ...EMPTY_LOCATION };
  const isOnlineMeeting = ch.isOnlineMeeting ?? false;
  const provider = isOnlineMeeting ? (ch.onlineMeetingProvider && ch.onlineMeetingProvider !== 'unknown' ? ch.onlineMeetingProvider : 'teamsForBusiness') : 'unknown';
  const event: StoredEvent = {
    key,
    calendarKey: calendar.key,
    iCalUId: newICalUId(key),
    createdMs: opts.now,
    modifiedMs: opts.now,
    changeKey: newChangeKey(opts.key),
    subject: ch.subject ?? '',
    body: ch.body ?? { contentType: 'html', content: '' },
    importance: ch.importance ?? 'normal',
    sensitivity: ch.sensitivity ?? 'normal',
    showAs: (ch.showAs as FreeBusyStatus | undefined) ?? 'busy',
    categories: ch.categories ?? [],
    startMs: start.ms,
    endMs: end.ms,
    startZone: start.zone,
    endZone: end.zone,
    isAllDay,
    location,
    locations: ch.locations ?? (location.displayName ? [{ ...location }] : []),
    attendees: (ch.attendees ?? []).map((a) => ({ ...a, status: { response: 'none', time: NEVER } })),
    organizer: { ...opts.organizer },
    isOrganizer: true,
    responseRequested: ch.responseRequested ?? true,
    responseStatus: { response: 'organizer', time: NEVER },
    isOnlineMeeting,
    onlineMeetingProvider: provider,
    onlineMeeting: isOnlineMeeting && provider === 'teamsForBusiness' ? teamsMeeting(key, mb) : null,
    allowNewTimeProposals: ch.allowNewTimeProposals ?? true,
    hideAttendees: ch.hideAttendees ?? false,
    isReminderOn: ch.isReminderOn ?? true,
    reminderMinutesBeforeStart: ch.reminderMinutesBeforeStart ?? 15,
    isCancelled: false,
    isDraft: false,
    transactionId: ch.transactionId ?? null,
    type: ch.recurrence ? 'seriesMaster' : 'singleInstance',
    recurrence: ch.recurrence ?? null,
    exceptions: new Map(),
    cancelledOccurrences: new Set(),
  };
  if (event.recurrence) placeSeries(event);
  return event;
}

/** A series starts at its first occurrence; the range's time zone defaults to the start's. */
export function placeSeries(master: StoredEvent): void {
  const rec = master.recurrence!;
  if (!rec.range.recurrenceTimeZone) rec.range.recurrenceTimeZone = master.startZone;
  const first = firstOccurrence(master);
  if (!first) throw invalidRequest('The recurrence pattern yields no occurrence within its range.');
  master.startMs = first.startMs;
  master.endMs = first.endMs;
}

/** Teams meeting coordinates derived from the event key: stable for seeded meetings, unique for new ones. */
export function teamsMeeting(key: string, organizer: CalendarMailbox): OnlineMeetingInfo {
  const digest = createHash('sha256').update(`teams:${key}`).digest();
  const thread = digest.subarray(0, 18).toString('base64url').replace(/[-_]/g, 'x');
  const conferenceId = String(digest.readUInt32BE(20) % 1_000_000_000).padStart(9, '1');
  const context = encodeURIComponent(JSON.stringify({ Tid: SANDBOX_TENANT_ID, Oid: organizer.owner.id }));
  return {
    joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=${context}`,
    conferenceId,
    tollNumber: '+1 425-555-0199',
    tollFreeNumbers: [],
    quickDial: `+1 425-555-0199,,${conferenceId}#`,
    phones: [{ number: '+1 425-555-0199', type: 'business' }],
  };
}
