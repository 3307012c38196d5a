// Meeting fan-out: each internal attendee gets their own copy of the organizer's event in their default
// calendar (same iCalUId; not the organizer; response "notResponded"; shown as tentative until they accept) and
// a meeting request in their inbox. Later changes by the organizer are copied onto the attendees' items; a
// change of time asks everybody to respond again. External addresses get mail only in the real service, so
// here they get nothing.

import { newChangeKey, newKey } from '../../ids/calendar.js';
import type { CalendarMailbox, CalendarState, FreeBusyStatus, ResponseStatus, StoredEvent } from '../model.js';
import { defaultCalendar, mailboxByAddress, meetingCopies } from '../store.js';
import { NEVER } from '../../time/datetime.js';
import { meetingRequest, send, type MessageTarget } from './messages.js';

/** The tenant mailboxes among an event's attendees, without the organizer's. */
export function attendeeMailboxes(state: CalendarState, event: StoredEvent, organizer: CalendarMailbox): CalendarMailbox[] {
  const out: CalendarMailbox[] = [];
  for (const a of event.attendees) {
    const mb = mailboxByAddress(state, a.emailAddress.address);
    if (mb && mb !== organizer && !out.includes(mb)) out.push(mb);
  }
  return out;
}

/** How an attendee's item shows: tentative until accepted (unless the organizer marked the meeting free). */
export function attendeeShowAs(organizerShowAs: FreeBusyStatus, response: ResponseStatus['response']): FreeBusyStatus {
  if (organizerShowAs === 'free' || response === 'accepted') return organizerShowAs;
  return 'tentative';
}

export interface SyncOptions {
  /** The organizer changed the series' time: everybody answers again. */
  reset: boolean;
  /** Occurrences whose time changed: only these answers start over. */
  resetOccurrences?: ReadonlySet<number>;
}

/** Brings an attendee's item in line with the organizer's, keeping what belongs to the attendee. */
export function syncCopy(copy: StoredEvent, source: StoredEvent, attendee: CalendarMailbox, opts: SyncOptions, now: number): void {
  const status: ResponseStatus = opts.reset ? { response: 'notResponded', time: NEVER } : copy.responseStatus;
  const self = attendee.owner.mail?.toLowerCase();
  const previous = copy.exceptions;
  Object.assign(copy, {
    subject: source.subject,
    body: { ...source.body },
    importance: source.importance,
    sensitivity: source.sensitivity,
    startMs: source.startMs,
    endMs: source.endMs,
    startZone: source.startZone,
    endZone: source.endZone,
    isAllDay: source.isAllDay,
    location: { ...source.location },
    locations: source.locations.map((l) => ({ ...l })),
    attendees: source.attendees
      .filter((a) => !source.hideAttendees || a.emailAddress.address.toLowerCase() === self)
      .map((a) => ({ type: a.type, emailAddress: { ...a.emailAddress }, status: { response: 'none', time: NEVER } })),
    organizer: { ...source.organizer },
    isOrganizer: false,
    responseRequested: source.responseRequested,
    responseStatus: status,
    showAs: attendeeShowAs(source.showAs, status.response),
    isOnlineMeeting: source.isOnlineMeeting,
    onlineMeetingProvider: source.onlineMeetingProvider,
    onlineMeeting: source.onlineMeeting ? structuredClone(source.onlineMeeting) : null,
    allowNewTimeProposals: source.allowNewTimeProposals,
    hideAttendees: source.hideAttendees,
    isCancelled: source.isCancelled,
    type: source.type,
    recurrence: structuredClone(source.recurrence),
    cancelledOccurrences: new Set(source.cancelledOccurrences),
    exceptions: new Map(),
  });
  for (const [original, exception] of source.exceptions) {
    const kept = previous.get(original);
    const mine = structuredClone({ ...exception, exceptions: new Map<number, StoredEvent>(), cancelledOccurrences: new Set<number>() });
    // An occurrence answer survives unless the series or this occurrence was rescheduled.
    mine.responseStatus = opts.reset || opts.resetOccurrences?.has(original) ? { response: 'notResponded', time: NEVER } : (kept?.responseStatus ?? status);
    syncCopy(mine, exception, attendee, { reset: false }, now);
    mine.key = copy.key;
    mine.type = 'exception';
    mine.originalStartMs = original;
    copy.exceptions.set(original, mine);
  }
  copy.modifiedMs = now;
  copy.changeKey = newChangeKey();
}

function newCopy(source: StoredEvent, attendee: CalendarMailbox, key: string, now: number): StoredEvent {
  const copy: StoredEvent = {
    ...structuredClone({ ...source, exceptions: new Map<number, StoredEvent>(), cancelledOccurrences: new Set<number>() }),
    key,
    calendarKey: defaultCalendar(attendee).key,
    createdMs: now,
    categories: [],
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    transactionId: null,
  };
  syncCopy(copy, source, attendee, { reset: true }, now);
  return copy;
}

export interface InviteOptions {
  now: number;
  /** Only these mailboxes (new attendees); default: every attendee mailbox. */
  only?: CalendarMailbox[];
  /** Stable keys for seeded copies. */
  keyFor?: (attendee: CalendarMailbox) => string;
  /** Seeding: place the copies without mail. */
  silent?: boolean;
  /** How existing copies take the change (default: everybody answers again). */
  sync?: SyncOptions;
}

/** Places or refreshes attendee copies and sends the meeting request. */
export function invite(state: CalendarState, organizer: CalendarMailbox, event: StoredEvent, opts: InviteOptions): MessageTarget[] {
  const targets: MessageTarget[] = [];
  const existing = meetingCopies(state, event.iCalUId, organizer);
  for (const mb of opts.only ?? attendeeMailboxes(state, event, organizer)) {
    let copy = existing.find((c) => c.mailbox === mb)?.event;
    if (copy) syncCopy(copy, event, mb, opts.sync ?? { reset: true }, opts.now);
    else {
      copy = newCopy(event, mb, opts.keyFor?.(mb) ?? newKey(), opts.now);
      mb.events.set(copy.key, copy);
    }
    targets.push({ mailbox: mb, event: copy });
  }
  if (!opts.silent && targets.length) send(state, meetingRequest({ event, from: event.organizer, targets, now: opts.now }));
  return targets;
}
