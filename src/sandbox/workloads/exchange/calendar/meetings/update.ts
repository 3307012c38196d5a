// PATCH of an event. Properties change on the addressed item: a single event, a series master (a new
// pattern drops the series' exceptions, as Outlook does), or one occurrence, which becomes an exception.
// When the organizer changes a meeting, attendees' copies follow, removed attendees get a cancellation, new
// ones an invitation, and a new time asks everybody to respond again.

import { checkTimes, type EventChanges } from '../event-input.js';
import { invalidRequest } from '../../errors.js';
import type { CalendarMailbox, CalendarState, StoredEvent } from '../model.js';
import { instantToWall } from '../../time/datetime.js';
import { findZone, UTC } from '../../time/zones.js';
import { meetingCopies, touch, type EventRef } from '../store.js';
import { NEVER } from '../../time/datetime.js';
import { placeSeries, teamsMeeting } from './create.js';
import { attendeeMailboxes, invite } from './invite.js';
import { cancellation, send } from './messages.js';
import { exceptionFor } from './occurrences.js';

const SIMPLE = [
  'subject', 'body', 'showAs', 'importance', 'sensitivity', 'categories', 'location', 'locations', 'allowNewTimeProposals', 'hideAttendees',
  'isReminderOn', 'reminderMinutesBeforeStart', 'responseRequested', 'transactionId', 'onlineMeetingProvider',
] as const;

/** Applies the changes to one item; true when its time or pattern changed. */
export function applyChanges(mb: CalendarMailbox, event: StoredEvent, ch: EventChanges, isOccurrence: boolean): boolean {
  if (isOccurrence && ch.recurrence !== undefined) throw invalidRequest('An occurrence of a series cannot have a recurrence of its own.');
  for (const k of SIMPLE) if (ch[k] !== undefined) (event as unknown as Record<string, unknown>)[k] = ch[k];
  if (ch.location !== undefined && ch.locations === undefined) event.locations = ch.location.displayName ? [{ ...ch.location }] : [];
  if (ch.attendees !== undefined) {
    const before = new Map(event.attendees.map((a) => [a.emailAddress.address.toLowerCase(), a]));
    event.attendees = ch.attendees.map((a) => ({ ...a, status: before.get(a.emailAddress.address.toLowerCase())?.status ?? { response: 'none', time: NEVER } }));
  }
  if (ch.isOnlineMeeting !== undefined) {
    event.isOnlineMeeting = ch.isOnlineMeeting;
    if (ch.isOnlineMeeting && event.onlineMeetingProvider === 'unknown') event.onlineMeetingProvider = 'teamsForBusiness';
    if (!ch.isOnlineMeeting) event.onlineMeetingProvider = 'unknown';
  }
  event.onlineMeeting = event.isOnlineMeeting && event.onlineMeetingProvider === 'teamsForBusiness' ? (event.onlineMeeting ?? teamsMeeting(event.key, mb)) : null;

  const timeChanged = ch.start !== undefined || ch.end !== undefined || ch.isAllDay !== undefined || ch.recurrence !== undefined;
  if (!timeChanged) return false;
  const startZone = ch.start?.zone ?? event.startZone;
  const endZone = ch.end?.zone ?? event.endZone;
  const start = ch.start ?? { ms: event.startMs, wall: instantToWall(event.startMs, findZone(startZone) ?? UTC) };
  const end = ch.end ?? { ms: event.endMs, wall: instantToWall(event.endMs, findZone(endZone) ?? UTC) };
  const isAllDay = ch.isAllDay ?? event.isAllDay;
  checkTimes(start, end, isAllDay);
  Object.assign(event, { startMs: start.ms, endMs: end.ms, startZone, endZone, isAllDay });
  if (ch.recurrence !== undefined) {
    event.recurrence = ch.recurrence;
    event.type = ch.recurrence ? 'seriesMaster' : 'singleInstance';
    event.exceptions = new Map();
    event.cancelledOccurrences = new Set();
  }
  if (event.type === 'seriesMaster') placeSeries(event);
  return true;
}

export function updateEvent(state: CalendarState, mb: CalendarMailbox, ref: EventRef, ch: EventChanges): StoredEvent {
  const now = state.now();
  const item = ref.kind === 'item' ? ref.event : ref.instance.master;
  const before = item.isOrganizer ? attendeeMailboxes(state, item, mb) : [];
  const target = ref.kind === 'item' ? ref.event : exceptionFor(ref.instance);
  const timeChanged = applyChanges(mb, target, ch, ref.kind === 'instance');
  if (ref.kind === 'instance') touch(target, now);
  touch(item, now);
  if (!item.isOrganizer || (before.length === 0 && ch.attendees === undefined)) return target;

  if (timeChanged) for (const a of target.attendees) a.status = { response: 'none', time: NEVER };
  const sync = ref.kind === 'instance' ? { reset: false, resetOccurrences: new Set(timeChanged ? [ref.instance.originalStartMs] : []) } : { reset: timeChanged };
  const after = attendeeMailboxes(state, item, mb);
  const removed = before.filter((m) => !after.includes(m));
  const copies = meetingCopies(state, item.iCalUId, mb).filter((c) => removed.includes(c.mailbox));
  for (const c of copies) {
    c.event.isCancelled = true;
    c.event.subject = `Canceled: ${item.subject}`;
    touch(c.event, now);
  }
  if (copies.length) send(state, cancellation({ event: item, from: item.organizer, targets: copies, now }, ''));
  invite(state, mb, item, { now, only: after, sync });
  return target;
}
