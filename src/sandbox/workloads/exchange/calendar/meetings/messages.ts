// The mail a meeting causes: requests to invitees (eventMessageRequest), responses to the organizer
// (eventMessageResponse, "Accepted: ..." or "New Time Proposed: ..."), and cancellations (eventMessage,
// "Canceled: ..."). They go through CalendarState.deliver, which the mail store replaces when it is there;
// without it they wait in CalendarState.undelivered.

import { eventId, occurrenceId } from '../../ids/calendar.js';
import type { Instance } from '../instances.js';
import type { CalendarMailbox, CalendarState, EmailAddress, MeetingMessage, ResponseType, StoredEvent, TimeSlot } from '../model.js';
import { toDateTimeTimeZone } from '../../time/datetime.js';
import { UTC } from '../../time/zones.js';
import { emailOf } from '../store.js';

export interface MessageTarget {
  mailbox: CalendarMailbox;
  /** The recipient's own item the message is about. */
  event: StoredEvent;
}

interface Common {
  event: StoredEvent;
  instance?: Instance;
  from: EmailAddress;
  targets: MessageTarget[];
  now: number;
}

function base(c: Common, subject: string, body: string, kind: MeetingMessage['kind'], type: MeetingMessage['meetingMessageType']): MeetingMessage {
  const startMs = c.instance?.startMs ?? c.event.startMs;
  const endMs = c.instance?.endMs ?? c.event.endMs;
  const idIn = (t: MessageTarget) => (c.instance ? occurrenceId(t.event.key, c.instance.originalStartMs) : eventId(t.event.key));
  return {
    kind,
    meetingMessageType: type,
    from: { ...c.from },
    to: c.targets.map((t) => emailOf(t.mailbox.owner)),
    recipientIds: c.targets.map((t) => t.mailbox.owner.id),
    subject,
    body: { contentType: 'html', content: body },
    sentMs: c.now,
    eventIds: Object.fromEntries(c.targets.map((t) => [t.mailbox.owner.id, idIn(t)])),
    startDateTime: toDateTimeTimeZone(startMs, UTC),
    endDateTime: toDateTimeTimeZone(endMs, UTC),
    location: { ...c.event.location },
    isAllDay: c.event.isAllDay,
    type: c.instance ? (c.instance.exception ? 'exception' : 'occurrence') : c.event.type === 'seriesMaster' ? 'seriesMaster' : 'singleInstance',
    recurrence: c.instance ? null : structuredClone(c.event.recurrence),
    importance: c.event.importance,
  };
}

export function send(state: CalendarState, message: MeetingMessage): void {
  if (message.recipientIds.length === 0) return;
  state.deliver(message);
}

export function meetingRequest(c: Common): MeetingMessage {
  return base(c, c.event.subject, c.event.body.content, 'eventMessageRequest', 'meetingRequest');
}

export function cancellation(c: Common, comment: string): MeetingMessage {
  return base(c, `Canceled: ${c.event.subject}`, comment, 'eventMessage', 'meetingCancelled');
}

const RESPONSE_PREFIX: Partial<Record<ResponseType, string>> = { accepted: 'Accepted', tentativelyAccepted: 'Tentative', declined: 'Declined' };
const RESPONSE_TYPE: Partial<Record<ResponseType, MeetingMessage['meetingMessageType']>> = {
  accepted: 'meetingAccepted',
  tentativelyAccepted: 'meetingTenativelyAccepted',
  declined: 'meetingDeclined',
};

export function response(c: Common, responseType: ResponseType, comment: string, proposedNewTime?: TimeSlot): MeetingMessage {
  const prefix = proposedNewTime ? 'New Time Proposed' : RESPONSE_PREFIX[responseType];
  const m = base(c, `${prefix}: ${c.event.subject}`, comment, 'eventMessageResponse', RESPONSE_TYPE[responseType]!);
  m.responseType = responseType;
  if (proposedNewTime) m.proposedNewTime = structuredClone(proposedNewTime);
  return m;
}
