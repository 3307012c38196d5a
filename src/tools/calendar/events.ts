// Reading events: a calendar view over a time range (recurring series expanded into their occurrences) and
// one event in full. Times come back in the caller's zone through Prefer: outlook.timezone.
import { z } from 'zod';
import type { GraphReader } from '../../graph/client.js';
import { seg } from '../../graph/odata.js';
import { Cursor, Limit, moreLine, nextCursor, NextCursor } from '../content/paging.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { Text } from '../shapes.js';
import { CALENDAR_OWNER, type CalendarRef } from './owner.js';
import { detail, DETAIL_SELECT, detailText, EventDetail, EventId, EventSummary, type GraphEvent, LocalDateTime, LocalStart, summarize, SUMMARY_SELECT, summaryText, TimeZoneName } from './shapes.js';
import { localOut, parseRange, parseTime, utc, type Zone, zoneFor } from '../time-zones.js';

const MAX_VIEW_DAYS = 366;

/** The Prefer header: times in the zone, and (for bodies) plain text rather than HTML. */
export function prefer(zone: Zone, textBody = false): Record<string, string> {
  return { Prefer: `outlook.timezone="${zone.graph}"${textBody ? ', outlook.body-content-type="text"' : ''}` };
}

export const CalendarId = Text(1024).optional().describe('From calendar_list_calendars; default: main');

/** The id of the event to act on: the event itself, or one occurrence of a series on a date. */
export async function targetEvent(graph: GraphReader, cal: CalendarRef, eventId: string, occurrenceDate: string | undefined, zone: Zone, signal: AbortSignal): Promise<string> {
  if (!occurrenceDate) return eventId;
  const day = parseTime(occurrenceDate, zone, 'occurrenceDate');
  if (!day.dateOnly) throw new ToolError(`occurrenceDate "${occurrenceDate}" must be a date like 2026-03-10.`);
  const date = day.dt.toISODate()!;
  const from = day.dt.startOf('day');
  const page = await graph.list<GraphEvent>(`${cal.root}/events/${seg(eventId)}/instances`, {
    query: { startDateTime: utc(from), endDateTime: utc(from.plus({ days: 1 })), $select: 'id,start,type', $top: 10 },
    headers: prefer(zone),
    limit: 10,
    signal,
  });
  const hit = page.items.find((i) => localOut(i.start, zone).startsWith(date)) ?? page.items[0];
  if (!hit) {
    throw new ToolError(`No occurrence of ${eventId} on ${date} (${zone.label}), or it is not a recurring series. calendar_list_events shows occurrences with their own ids.`);
  }
  return hit.id;
}

export const listEvents = ownerTool(CALENDAR_OWNER, {
  name: 'calendar_list_events',
  title: 'List calendar events',
  description: 'Events between two times, series expanded into occurrences. Returns summaries; calendar_get_event has attendees and body.',
  kind: 'read',
  scopes: ['Calendars.Read'],
  orgScopes: ['Calendars.Read.Shared'],
  input: {
    start: LocalStart('Range start'),
    end: LocalDateTime('Range end (a date: through that day)'),
    timeZone: TimeZoneName,
    calendarId: CalendarId,
    limit: Limit(100, 50),
    cursor: Cursor,
  },
  output: z.object({ timeZone: z.string(), events: z.array(EventSummary), nextCursor: NextCursor }),
  handler: async ({ start, end, timeZone, calendarId, limit, cursor }, ctx, cal) => {
    const { graph, signal } = ctx;
    const zone = await zoneFor(ctx, timeZone);
    const range = parseRange(start, end, zone, MAX_VIEW_DAYS);
    const base = calendarId ? `${cal.root}/calendars/${seg(calendarId)}` : cal.root;
    const page = await graph.list<GraphEvent>(`${base}/calendarView`, {
      query: { startDateTime: utc(range.start), endDateTime: utc(range.end), $select: SUMMARY_SELECT.join(','), $orderby: 'start/dateTime', $top: limit },
      headers: prefer(zone),
      limit,
      cursor,
      signal,
    });
    return {
      timeZone: zone.label,
      events: page.items.map((e) => summarize(e, zone)),
      ...nextCursor(page),
    };
  },
  text: (r) => `${r.events.length} event(s), times in ${r.timeZone}${r.events.length ? '\n' : ''}${r.events.map(summaryText).join('\n')}${moreLine(r.nextCursor)}`,
});

export const getEvent = ownerTool(CALENDAR_OWNER, {
  name: 'calendar_get_event',
  title: 'Get a calendar event',
  description: 'One event in full: attendees and responses, body, recurrence, Teams link.',
  kind: 'read',
  scopes: ['Calendars.Read'],
  orgScopes: ['Calendars.Read.Shared'],
  input: { eventId: EventId, timeZone: TimeZoneName },
  output: EventDetail.extend({ timeZone: z.string() }),
  handler: async ({ eventId, timeZone }, ctx, cal) => {
    const { graph, signal } = ctx;
    const zone = await zoneFor(ctx, timeZone);
    const e = await graph.get<GraphEvent>(`${cal.root}/events/${seg(eventId)}`, { query: { $select: DETAIL_SELECT.join(',') }, headers: prefer(zone, true), signal });
    return { ...detail(e, zone), timeZone: zone.label };
  },
  text: (d) => detailText(d, d.timeZone),
});

export default [listEvents, getEvent];
