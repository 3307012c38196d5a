// microsoft.graph.event as Outlook writes it: every property in the order Graph uses, times in the zone the
// client asked for (UTC by default), all-day events as midnight-to-midnight dates in that zone, occurrences
// with their own id, iCalUId and times but the master's other properties, and recurrence only on masters.

import { eventId, occurrenceId, webLink } from '../../ids/calendar.js';
import type { ViewItem } from '../instances.js';
import type { StoredAttendee, StoredEvent, StoredLocation } from '../model.js';
import { DAY_MS, dateIn, isoUtc, toDateTimeTimeZone } from '../../time/datetime.js';
import { findZone, UTC, type Zone } from '../../time/zones.js';
import { bodyPreview, renderBody } from '../../item-body.js';

export interface RenderContext {
  /** Zone of start/end and other dateTimeTimeZone values (Prefer: outlook.timezone, else UTC). */
  zone: Zone;
  bodyType?: 'text' | 'html';
  /** No body (Calendars.ReadBasic, or a limitedRead share). */
  withoutBody?: boolean;
}

/** The shape the router's OData layer works on: the JSON, plus what sorting and filtering need. */
export interface RenderedEvent {
  json: Record<string, unknown>;
  startUtc: string;
  endUtc: string;
}

export const EMPTY_LOCATION: StoredLocation = { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} };

const eventZone = (e: StoredEvent) => findZone(e.startZone) ?? UTC;

/** Start and end as dateTimeTimeZone; all-day items keep their dates whatever the zone. */
function times(e: StoredEvent, startMs: number, endMs: number, zone: Zone) {
  if (!e.isAllDay) return { start: toDateTimeTimeZone(startMs, zone), end: toDateTimeTimeZone(endMs, zone) };
  const ez = eventZone(e);
  const startDate = dateIn(startMs, ez);
  const days = Math.max(1, Math.round((endMs - startMs) / DAY_MS));
  const end = new Date(Date.parse(`${startDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  return {
    start: { dateTime: `${startDate}T00:00:00.0000000`, timeZone: zone.name },
    end: { dateTime: `${end}T00:00:00.0000000`, timeZone: zone.name },
  };
}

/** Occurrences have their own iCalUId: the series' with the occurrence's date in Outlook's date slot. */
function instanceICalUId(master: StoredEvent, originalStartMs: number): string {
  const d = dateIn(originalStartMs, eventZone(master));
  const hex = `${Number(d.slice(0, 4)).toString(16).padStart(4, '0')}${Number(d.slice(5, 7)).toString(16).padStart(2, '0')}${Number(d.slice(8, 10)).toString(16).padStart(2, '0')}`;
  return `${master.iCalUId.slice(0, 32)}${hex.toUpperCase()}${master.iCalUId.slice(40)}`;
}

function attendeeJson(a: StoredAttendee): Record<string, unknown> {
  const out: Record<string, unknown> = { type: a.type, status: { ...a.status }, emailAddress: { ...a.emailAddress } };
  if (a.proposedNewTime) out.proposedNewTime = structuredClone(a.proposedNewTime);
  return out;
}

export function renderViewItem(item: ViewItem | { kind: 'item'; event: StoredEvent }, rc: RenderContext): RenderedEvent {
  if (item.kind !== 'instance') {
    const e = item.event;
    return render(e, { id: eventId(e.key), type: e.type, seriesMasterId: null, iCalUId: e.iCalUId, startMs: e.startMs, endMs: e.endMs }, rc);
  }
  const { master, exception, originalStartMs, startMs, endMs } = item.instance;
  const source = exception ?? master;
  return render(
    source,
    {
      id: occurrenceId(master.key, originalStartMs),
      type: exception ? 'exception' : 'occurrence',
      seriesMasterId: eventId(master.key),
      iCalUId: instanceICalUId(master, originalStartMs),
      startMs,
      endMs,
    },
    rc,
  );
}

interface Identity {
  id: string;
  type: string;
  seriesMasterId: string | null;
  iCalUId: string;
  startMs: number;
  endMs: number;
}

function render(e: StoredEvent, who: Identity, rc: RenderContext): RenderedEvent {
  const { start, end } = times(e, who.startMs, who.endMs, rc.zone);
  const json: Record<string, unknown> = {
    '@odata.etag': `W/"${e.changeKey}"`,
    id: who.id,
    createdDateTime: isoUtc(e.createdMs),
    lastModifiedDateTime: isoUtc(e.modifiedMs),
    changeKey: e.changeKey,
    categories: [...e.categories],
    transactionId: e.transactionId,
    originalStartTimeZone: e.startZone,
    originalEndTimeZone: e.endZone,
    iCalUId: who.iCalUId,
    reminderMinutesBeforeStart: e.reminderMinutesBeforeStart,
    isReminderOn: e.isReminderOn,
    hasAttachments: false,
    subject: e.subject,
    bodyPreview: bodyPreview(e.body),
    importance: e.importance,
    sensitivity: e.sensitivity,
    isAllDay: e.isAllDay,
    isCancelled: e.isCancelled,
    isOrganizer: e.isOrganizer,
    responseRequested: e.responseRequested,
    seriesMasterId: who.seriesMasterId,
    showAs: e.showAs,
    type: who.type,
    webLink: webLink(who.id),
    onlineMeetingUrl: null,
    isOnlineMeeting: e.isOnlineMeeting,
    onlineMeetingProvider: e.onlineMeetingProvider,
    allowNewTimeProposals: e.allowNewTimeProposals,
    isDraft: e.isDraft,
    hideAttendees: e.hideAttendees,
    responseStatus: { ...e.responseStatus },
    body: renderBody(e.body, rc.bodyType),
    start,
    end,
    location: { ...e.location },
    locations: e.locations.map((l) => ({ ...l })),
    recurrence: who.type === 'seriesMaster' ? structuredClone(e.recurrence) : null,
    attendees: e.attendees.map(attendeeJson),
    organizer: { emailAddress: { ...e.organizer } },
    onlineMeeting: e.onlineMeeting ? structuredClone(e.onlineMeeting) : null,
    cancelledOccurrences: who.type === 'seriesMaster' ? [...e.cancelledOccurrences].sort((a, b) => a - b).map((ms) => `OID.${who.id}.${dateIn(ms, eventZone(e))}`) : [],
  };
  if (rc.withoutBody) {
    delete json.body;
    delete json.bodyPreview;
  }
  return { json, startUtc: toDateTimeTimeZone(who.startMs, UTC).dateTime, endUtc: toDateTimeTimeZone(who.endMs, UTC).dateTime };
}
