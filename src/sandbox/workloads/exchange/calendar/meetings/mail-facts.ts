// The calendar's side of meeting mail rendering (the MeetingMail port mail uses, see ../../meeting-mail.ts): for a
// delivered request, response or cancellation, the values of Graph's eventMessage properties, and the event it
// links to rendered as GET /events/{id} would render it. Times are instants shown in the zone the client prefers
// (UTC by default), like every dateTimeTimeZone Outlook returns; the location is the one the meeting had when the
// message was sent, as Outlook writes it on the message (display name and type, no unique id).

import type { EventMessageFacts, MeetingMail } from '../../meeting-mail.js';
import { parseSelect } from '../../../../odata/select.js';
import type { StoredLocation } from '../model.js';
import { eventEntity } from '../odata/event-entity.js';
import { projectOutlook } from '../../outlook-query.js';
import { renderViewItem, type RenderedEvent } from '../render/event.js';
import { findEvent } from '../store.js';
import { toDateTimeTimeZone } from '../../time/datetime.js';
import { UTC, zoneOrThrow, type Zone } from '../../time/zones.js';
import type { DeliveredMeeting, MeetingLedger } from './mail-bridge.js';

const messageLocation = (l: StoredLocation) => ({ displayName: l.displayName, locationType: l.locationType ?? 'default', uniqueIdType: 'unknown' });

const eventSource = { entity: eventEntity, etag: (e: RenderedEvent) => String(e.json['@odata.etag']), id: (e: RenderedEvent) => String(e.json.id) };

function facts(ledger: MeetingLedger, ownerId: string, d: DeliveredMeeting, zone: Zone): EventMessageFacts {
  const msg = d.message;
  const at = (ms: number) => toDateTimeTimeZone(ms, zone);
  const out: EventMessageFacts = {
    odataType: msg.kind,
    meetingMessageType: msg.meetingMessageType,
    type: msg.type,
    isOutOfDate: ledger.isOutOfDate(d),
    isAllDay: msg.isAllDay,
    isDelegated: false,
    startDateTime: at(d.startMs),
    endDateTime: at(d.endMs),
    location: messageLocation(msg.location),
    recurrence: msg.recurrence ? structuredClone(msg.recurrence) : null,
    eventId: d.eventId !== undefined && ledger.itemOf(ownerId, d.eventId) ? d.eventId : null,
  };
  if (d.request) {
    out.responseRequested = d.request.responseRequested;
    out.allowNewTimeProposals = d.request.allowNewTimeProposals;
    out.meetingRequestType = d.request.meetingRequestType;
    out.previousStartDateTime = d.request.previousStartMs === undefined ? null : at(d.request.previousStartMs);
    out.previousEndDateTime = d.request.previousEndMs === undefined ? null : at(d.request.previousEndMs);
    out.previousLocation = d.request.previousLocation ? messageLocation(d.request.previousLocation) : null;
  }
  if (msg.kind === 'eventMessageResponse') {
    out.responseType = msg.responseType as EventMessageFacts['responseType'];
    // The attendee's proposal stays in the zone they proposed it in, as the organizer's attendee entry keeps it.
    out.proposedNewTime = msg.proposedNewTime ? structuredClone(msg.proposedNewTime) : null;
  }
  return out;
}

export function meetingMail(ledger: MeetingLedger): MeetingMail {
  const zoneOf = (name: string | undefined) => (name === undefined ? UTC : zoneOrThrow(name));
  return {
    preferredZone: (name) => zoneOrThrow(name).name,
    describe(ownerId: string, internetMessageId: string, zone?: string) {
      const d = ledger.lookup(ownerId, internetMessageId);
      return d && facts(ledger, ownerId, d, zoneOf(zone));
    },
    renderEvent(ownerId, id, opts) {
      const mb = ledger.state.mailboxes.get(ownerId);
      if (!mb || !ledger.itemOf(ownerId, id)) return undefined;
      const ref = findEvent(mb, id);
      const select = parseSelect(opts.select, eventEntity);
      const rendered = renderViewItem(ref.kind === 'item' ? ref : { kind: 'instance', instance: ref.instance }, { zone: zoneOf(opts.zone), bodyType: opts.bodyType });
      return projectOutlook(eventSource, rendered, select);
    },
  };
}
