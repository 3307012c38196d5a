// Meeting mail through mail's transport (the MeetingTransport port): requests, responses and cancellations are sent
// like any message (a Sent Items copy for the sender, an Inbox copy for each recipient), so they show up in mailboxes
// and mail tools. What makes them eventMessages is kept beside each delivered copy in a per-tenant ledger, keyed
// by mailbox and internetMessageId so that a copy of the message in another folder is the same meeting message,
// as it is in Exchange. The ledger also remembers the last request each attendee got for each event, which is
// what tells a new request from an update (meetingRequestType, previousStartDateTime, ...) and an old request
// from a current one (isOutOfDate). mail-facts.ts turns a ledger entry into what Graph shows.

import type { MeetingRequestType, MeetingTransport } from '../../meeting-mail.js';
import { eventId as eventIdOf, occurrenceId, parseId } from '../../ids/calendar.js';
import type { CalendarState, MeetingMessage, StoredEvent, StoredLocation } from '../model.js';
import { asHtmlDocument } from '../../item-body.js';
import { findEvent } from '../store.js';
import { isoUtc, wallToInstant } from '../../time/datetime.js';
import { UTC } from '../../time/zones.js';

/** What an eventMessageRequest says beyond the meeting itself. */
export interface RequestFacts {
  responseRequested: boolean;
  allowNewTimeProposals: boolean;
  meetingRequestType: MeetingRequestType;
  /** Set only when the update changed them. */
  previousStartMs?: number;
  previousEndMs?: number;
  previousLocation?: StoredLocation;
}

export interface DeliveredMeeting {
  message: MeetingMessage;
  startMs: number;
  endMs: number;
  /** The mailbox owner's own event this copy is about (eventMessage.event). */
  eventId?: string;
  /** Order of delivery: a later message with the same supersede key makes this one out of date. */
  seq: number;
  /** Undefined for Sent Items copies, which nothing supersedes. */
  supersedeKey?: string;
  request?: RequestFacts;
}

interface SentRequest {
  startMs: number;
  endMs: number;
  location: StoredLocation;
}

export class MeetingLedger {
  private readonly copies = new Map<string, DeliveredMeeting>();
  private readonly latest = new Map<string, number>();
  private readonly lastRequest = new Map<string, SentRequest>();
  private seq = 0;

  constructor(readonly state: CalendarState) {}

  lookup(ownerId: string, internetMessageId: string): DeliveredMeeting | undefined {
    return this.copies.get(`${ownerId.toLowerCase()}|${internetMessageId}`);
  }

  isOutOfDate(d: DeliveredMeeting): boolean {
    return d.supersedeKey !== undefined && (this.latest.get(d.supersedeKey) ?? 0) > d.seq;
  }

  /** The item an event id names in a mailbox (an occurrence's exception, else its master), if it still exists. */
  itemOf(ownerId: string, id: string | undefined): StoredEvent | undefined {
    const mb = this.state.mailboxes.get(ownerId);
    if (!mb || id === undefined) return undefined;
    try {
      const ref = findEvent(mb, id);
      return ref.kind === 'item' ? ref.event : (ref.instance.exception ?? ref.instance.master);
    } catch {
      return undefined;
    }
  }

  deliver(transport: MeetingTransport, msg: MeetingMessage): void {
    const sent = transport.send({
      from: msg.from,
      to: msg.to,
      subject: msg.subject,
      html: asHtmlDocument(msg.body) || asHtmlDocument({ contentType: 'text', content: ' ' }),
      importance: msg.importance,
      sentDateTime: isoUtc(msg.sentMs),
    });
    const seq = ++this.seq;
    const startMs = wallToInstant(msg.startDateTime.dateTime, UTC)!;
    const endMs = wallToInstant(msg.endDateTime.dateTime, UTC)!;
    let firstRequest: RequestFacts | undefined;
    for (const ownerId of sent.deliveredTo) {
      const eventId = msg.eventIds[ownerId];
      const supersedeKey =
        msg.kind === 'eventMessageResponse' ? `answer|${ownerId}|${eventId}|${msg.from.address.toLowerCase()}` : `meeting|${ownerId}|${eventId}`;
      const request = msg.kind === 'eventMessageRequest' ? this.requestFacts(ownerId, eventId, msg, startMs, endMs) : undefined;
      firstRequest ??= request;
      this.keep(ownerId, sent.internetMessageId, { message: msg, startMs, endMs, eventId, seq, supersedeKey, request });
      this.latest.set(supersedeKey, seq);
    }
    if (sent.sentCopyOwner !== undefined) {
      const senderId = sent.sentCopyOwner;
      this.keep(senderId, sent.internetMessageId, { message: msg, startMs, endMs, eventId: this.senderEventId(senderId, msg), seq, request: firstRequest });
    }
  }

  private keep(ownerId: string, internetMessageId: string, d: DeliveredMeeting): void {
    this.copies.set(`${ownerId.toLowerCase()}|${internetMessageId}`, d);
  }

  /** New request or update, judged against the last request this attendee got for the same event. */
  private requestFacts(ownerId: string, eventId: string | undefined, msg: MeetingMessage, startMs: number, endMs: number): RequestFacts {
    const item = this.itemOf(ownerId, eventId);
    const key = `${ownerId}|${eventId}`;
    const prev = this.lastRequest.get(key) ?? this.occurrenceBaseline(ownerId, eventId);
    this.lastRequest.set(key, { startMs, endMs, location: { ...msg.location } });
    const facts = { responseRequested: item?.responseRequested ?? true, allowNewTimeProposals: item?.allowNewTimeProposals ?? true };
    if (!prev) {
      // A meeting the attendee already had without a request on record (a seeded one): an update whose old
      // values are unknown; an answer that survived it means the time did not change.
      const existed = item !== undefined && item.createdMs < msg.sentMs;
      const kept = item?.responseStatus.response === 'accepted' || item?.responseStatus.response === 'tentativelyAccepted';
      return { ...facts, meetingRequestType: !existed ? 'newMeetingRequest' : kept ? 'informationalUpdate' : 'fullUpdate' };
    }
    const timeChanged = prev.startMs !== startMs || prev.endMs !== endMs;
    return {
      ...facts,
      meetingRequestType: timeChanged ? 'fullUpdate' : 'informationalUpdate',
      previousStartMs: prev.startMs !== startMs ? prev.startMs : undefined,
      previousEndMs: prev.endMs !== endMs ? prev.endMs : undefined,
      previousLocation: (prev.location.displayName ?? '') !== (msg.location.displayName ?? '') ? prev.location : undefined,
    };
  }

  /** An occurrence's first request of its own updates the series request: its original time is the old one. */
  private occurrenceBaseline(ownerId: string, id: string | undefined): SentRequest | undefined {
    const parsed = id === undefined ? undefined : parseId(id);
    if (parsed?.kind !== 'occurrence') return undefined;
    const series = this.lastRequest.get(`${ownerId}|${eventIdOf(parsed.masterKey)}`);
    if (!series) return undefined;
    return { startMs: parsed.originalStartMs, endMs: parsed.originalStartMs + (series.endMs - series.startMs), location: series.location };
  }

  /** The sender's own item of the meeting (same iCalUId as a recipient's), for the Sent Items copy. */
  private senderEventId(senderId: string, msg: MeetingMessage): string | undefined {
    const sender = this.state.mailboxes.get(senderId);
    for (const [ownerId, id] of Object.entries(msg.eventIds)) {
      const parsed = parseId(id);
      if (!parsed || parsed.kind === 'calendar') continue;
      const theirs = this.state.mailboxes.get(ownerId)?.events.get(parsed.kind === 'event' ? parsed.key : parsed.masterKey);
      if (!theirs) continue;
      const mine = sender && [...sender.events.values()].find((e) => e.iCalUId === theirs.iCalUId);
      if (!mine) return undefined;
      const ownId = parsed.kind === 'occurrence' ? occurrenceId(mine.key, parsed.originalStartMs) : eventIdOf(mine.key);
      return this.itemOf(senderId, ownId) ? ownId : undefined;
    }
    return undefined;
  }
}
