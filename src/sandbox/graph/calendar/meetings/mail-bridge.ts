// Meeting mail through the sandbox's mail transport: requests, responses and cancellations are sent like any
// message (a Sent Items copy for the sender, an Inbox copy for each recipient), so they show up in mailboxes
// and mail tools. What makes them eventMessages (meetingMessageType, the event they are about, start and end,
// a proposed new time) is kept beside each delivered copy; meetingOf() gives it to whoever renders messages.

import { randomBytes } from 'node:crypto';
import { rootConversationIndex } from '../../../seed/mail-compose.js';
import type { StoredMessage } from '../../../seed/mail-model.js';
import { newInternetMessageId, type MailStore, type Outgoing } from '../../../seed/mail-store.js';
import type { CalendarState, MeetingMessage } from '../model.js';
import { asHtmlDocument } from '../render/body.js';
import { isoUtc } from '../time/datetime.js';

export interface DeliveredMeeting extends MeetingMessage {
  /** The recipient's own event this copy is about (eventMessage.event), or undefined in Sent Items. */
  eventId?: string;
}

const MEETINGS = new WeakMap<StoredMessage, DeliveredMeeting>();

/** The meeting facts of a delivered message, if it is an invitation, response or cancellation. */
export const meetingOf = (m: StoredMessage): DeliveredMeeting | undefined => MEETINGS.get(m);

/** From now on, meeting mail goes through the mail store (queued messages first). */
export function connectMeetingMail(state: CalendarState, mail: MailStore): void {
  state.deliver = (msg) => deliver(mail, msg);
  for (const queued of state.undelivered.splice(0)) deliver(mail, queued);
}

function deliver(mail: MailStore, msg: MeetingMessage): void {
  const at = isoUtc(msg.sentMs);
  const thread = randomBytes(16);
  const party = (e: { name: string; address: string }) => ({ emailAddress: { name: e.name, address: e.address } });
  const out: Outgoing = {
    from: party(msg.from),
    sender: party(msg.from),
    toRecipients: msg.to.map(party),
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    subject: msg.subject,
    body: { contentType: 'html', content: asHtmlDocument(msg.body) || asHtmlDocument({ contentType: 'text', content: ' ' }) },
    uniqueBody: null,
    importance: msg.importance,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    internetMessageId: newInternetMessageId(msg.from.address),
    thread,
    conversationIndex: rootConversationIndex(thread, at),
    attachments: [],
    sentDateTime: at,
    categories: [],
  };
  const delivery = mail.deliver(mail.mailboxByAddress(msg.from.address) ?? null, out, { saveToSentItems: true });
  if (delivery.sentCopy) MEETINGS.set(delivery.sentCopy, { ...msg });
  for (const [ownerId, copy] of delivery.delivered) MEETINGS.set(copy, { ...msg, eventId: msg.eventIds[ownerId] });
}
