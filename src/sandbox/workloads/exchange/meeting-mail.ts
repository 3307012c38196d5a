// The two ports between Exchange mail and calendar. Invitations, responses and cancellations are ordinary messages
// in the mail store, sent through mail's transport (MeetingTransport, which mail offers the calendar); what makes
// them Graph's eventMessage types (the meeting's time and place, the kind of request or response, the event in the
// mailbox they are about) is the calendar's knowledge (MeetingMail, which the calendar offers mail). tenant.ts
// wires both, so neither side reaches into the other's code, and a store without a calendar has no meeting messages.

import type { DateTimeTimeZone, EmailAddress } from './items.js';

export type EventMessageType = 'eventMessage' | 'eventMessageRequest' | 'eventMessageResponse';
export type MeetingMessageType = 'meetingRequest' | 'meetingCancelled' | 'meetingAccepted' | 'meetingTenativelyAccepted' | 'meetingDeclined';
export type MeetingRequestType = 'newMeetingRequest' | 'fullUpdate' | 'informationalUpdate';

/** The values of a meeting message's eventMessage properties, as Graph types them. */
export interface EventMessageFacts {
  odataType: EventMessageType;
  meetingMessageType: MeetingMessageType;
  type: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  /** A later request or cancellation of the same meeting (or a later answer of the same attendee) has arrived. */
  isOutOfDate: boolean;
  isAllDay: boolean;
  isDelegated: boolean;
  startDateTime: DateTimeTimeZone;
  endDateTime: DateTimeTimeZone;
  location: Record<string, unknown>;
  /** microsoft.graph.patternedRecurrence of a series' request; null otherwise. */
  recurrence: object | null;
  /** eventMessageRequest only. */
  responseRequested?: boolean;
  allowNewTimeProposals?: boolean;
  meetingRequestType?: MeetingRequestType;
  /** Set only when the update changed that value. */
  previousStartDateTime?: DateTimeTimeZone | null;
  previousEndDateTime?: DateTimeTimeZone | null;
  previousLocation?: Record<string, unknown> | null;
  /** eventMessageResponse only. */
  responseType?: 'accepted' | 'tentativelyAccepted' | 'declined';
  proposedNewTime?: { start: DateTimeTimeZone; end: DateTimeTimeZone } | null;
  /** The mailbox owner's own event the message is about (eventMessage.event), or null when it is gone. */
  eventId: string | null;
}

export interface EventRenderOptions {
  /** Zone name as preferredZone() returned it; UTC when absent. */
  zone?: string;
  bodyType?: 'text' | 'html';
  /** $select of the event, as the client wrote it (the calendar knows the event's properties). */
  select?: string;
}

export interface MeetingMail {
  /** The zone `Prefer: outlook.timezone` names, by its canonical name; Exchange's 400 for a zone it does not know. */
  preferredZone(name: string): string;
  /** What makes a message in a mailbox an eventMessage, times in `zone` (UTC when absent); undefined for plain mail. */
  describe(ownerId: string, internetMessageId: string, zone?: string): EventMessageFacts | undefined;
  /** The owner's event as Graph's event JSON, or undefined when it no longer exists. */
  renderEvent(ownerId: string, eventId: string, opts: EventRenderOptions): Record<string, unknown> | undefined;
}

/** A mail system without a calendar: every message is plain mail. */
export const NO_MEETINGS: MeetingMail = {
  preferredZone: (name) => name,
  describe: () => undefined,
  renderEvent: () => undefined,
};

/** A meeting message as the calendar hands it to mail: who sends it to whom, and what it says. */
export interface MeetingMailOut {
  from: EmailAddress;
  to: EmailAddress[];
  subject: string;
  /** The body as the HTML document Exchange stores. */
  html: string;
  importance: 'low' | 'normal' | 'high';
  /** ISO UTC. */
  sentDateTime: string;
}

export interface MeetingTransport {
  /** Sends like any message: a Sent Items copy for a sender in the organization, an Inbox copy for each mailbox
   *  it reaches. Answers the message's internetMessageId (every copy has it), the owner ids of the mailboxes that
   *  got an Inbox copy in delivery order, and the sender's owner id when a Sent Items copy was kept. */
  send(m: MeetingMailOut): { internetMessageId: string; deliveredTo: string[]; sentCopyOwner?: string };
}
