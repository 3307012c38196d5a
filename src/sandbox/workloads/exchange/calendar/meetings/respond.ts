// An invitee's answer: accept, tentativelyAccept or decline, with an optional comment, sendResponse (default
// true) and, for tentative and decline only, a proposed new time (refused unless the meeting allows proposals
// and the response is sent). The invitee's item takes the response (a declined meeting leaves their calendar,
// as Outlook moves it to Deleted Items); when the response is sent, the organizer's item records it for that
// attendee (with the proposal) and the organizer gets the response in their inbox. Answering one occurrence
// makes it an exception on both sides.

import { badRequest } from '../../../../graph/types.js';
import { invalidRequest } from '../../errors.js';
import type { Instance } from '../instances.js';
import type { CalendarMailbox, CalendarState, ResponseType, StoredEvent, TimeSlot } from '../model.js';
import { findInstance } from '../instances.js';
import { isoUtc, readDateTimeTimeZone } from '../../time/datetime.js';
import { zoneOrThrow } from '../../time/zones.js';
import { mailboxByAddress, meetingCopies, touch, type EventRef } from '../store.js';
import { attendeeShowAs } from './invite.js';
import { exceptionFor } from './occurrences.js';
import { response, send } from './messages.js';

export type ResponseAction = 'accept' | 'tentativelyAccept' | 'decline';
const RESPONSE: Record<ResponseAction, ResponseType> = { accept: 'accepted', tentativelyAccept: 'tentativelyAccepted', decline: 'declined' };

export interface ResponseBody {
  comment: string;
  sendResponse: boolean;
  proposedNewTime?: TimeSlot;
}

export function readResponseBody(body: unknown, action: ResponseAction): ResponseBody {
  const b = (body ?? {}) as Record<string, unknown>;
  const get = (name: string) => b[name] ?? b[name.charAt(0).toUpperCase() + name.slice(1)];
  const send = get('sendResponse');
  const out: ResponseBody = { comment: String(get('comment') ?? ''), sendResponse: send === undefined || send === null ? true : send === true || send === 'true' };
  const proposal = get('proposedNewTime') as Record<string, unknown> | undefined;
  if (proposal !== undefined && proposal !== null) {
    if (action === 'accept') throw badRequest("The parameter 'proposedNewTime' is not valid for the action 'accept'.", 'ErrorInvalidRequest');
    const start = readDateTimeTimeZone(proposal.start ?? proposal.Start, 'proposedNewTime.start', zoneOrThrow);
    const end = readDateTimeTimeZone(proposal.end ?? proposal.End, 'proposedNewTime.end', zoneOrThrow);
    if (end.ms <= start.ms) throw invalidRequest('The proposed new time must end after it starts.');
    out.proposedNewTime = { start: { dateTime: start.wall, timeZone: start.zone.name }, end: { dateTime: end.wall, timeZone: end.zone.name } };
  }
  return out;
}

export function respond(state: CalendarState, mb: CalendarMailbox, ref: EventRef, action: ResponseAction, body: ResponseBody): void {
  const item = ref.kind === 'item' ? ref.event : ref.instance.master;
  const shown = ref.kind === 'item' ? ref.event : (ref.instance.exception ?? ref.instance.master);
  if (item.isOrganizer) throw invalidRequest("Your request can't be completed. You can't respond to this meeting because you're the meeting organizer.");
  if (body.proposedNewTime && !shown.allowNewTimeProposals) throw invalidRequest('The organizer of this meeting does not allow new time proposals.');
  if (body.proposedNewTime && !body.sendResponse) throw invalidRequest('A proposed new time must be sent to the organizer: set sendResponse to true.');
  const now = state.now();
  const status = { response: RESPONSE[action], time: isoUtc(now) };

  // The invitee's side.
  const mine = ref.kind === 'item' ? ref.event : exceptionFor(ref.instance);
  if (action === 'decline') {
    if (ref.kind === 'item') mb.events.delete(ref.event.key);
    else {
      ref.instance.master.exceptions.delete(ref.instance.originalStartMs);
      ref.instance.master.cancelledOccurrences.add(ref.instance.originalStartMs);
    }
  } else {
    mine.responseStatus = status;
    mine.showAs = attendeeShowAs(organizerShowAs(state, item, ref) ?? 'busy', status.response);
  }
  touch(ref.kind === 'item' ? ref.event : ref.instance.master, now);
  if (!body.sendResponse) return;

  // The organizer's side, and the response in their inbox.
  const organizer = mailboxByAddress(state, item.organizer.address);
  const theirs = organizer && meetingCopies(state, item.iCalUId).find((c) => c.mailbox === organizer && c.event.isOrganizer);
  if (!organizer || !theirs) return;
  const target = ref.kind === 'item' ? theirs.event : occurrenceOn(theirs.event, ref.instance);
  const self = mb.owner.mail?.toLowerCase();
  const attendee = target?.attendees.find((a) => a.emailAddress.address.toLowerCase() === self);
  if (target && attendee) {
    attendee.status = status;
    if (body.proposedNewTime) attendee.proposedNewTime = body.proposedNewTime;
    else delete attendee.proposedNewTime;
    touch(theirs.event, now);
  }
  const instance = ref.kind === 'instance' ? ref.instance : undefined;
  send(state, response({ event: shown, instance, from: { name: mb.owner.displayName, address: mb.owner.mail ?? mb.owner.userPrincipalName }, targets: [{ mailbox: organizer, event: theirs.event }], now }, status.response, body.comment, body.proposedNewTime));
}

/** The organizer's item for the same occurrence, made an exception so it can hold this attendee's answer. */
function occurrenceOn(master: StoredEvent, instance: Instance): StoredEvent | undefined {
  const theirs = findInstance(master, instance.originalStartMs);
  return theirs ? exceptionFor(theirs) : undefined;
}

function organizerShowAs(state: CalendarState, item: StoredEvent, ref: EventRef) {
  const organizer = mailboxByAddress(state, item.organizer.address);
  const theirs = organizer && meetingCopies(state, item.iCalUId).find((c) => c.mailbox === organizer && c.event.isOrganizer)?.event;
  if (!theirs) return undefined;
  if (ref.kind === 'instance') return theirs.exceptions.get(ref.instance.originalStartMs)?.showAs ?? theirs.showAs;
  return theirs.showAs;
}
