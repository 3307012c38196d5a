// Changing and removing events: the whole event or series, or one occurrence of a series (by its own id or
// by the series id and a date). A meeting you organize is cancelled, so its attendees hear of it.
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { EmailAddress, parseAddress } from '../content/addresses.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { List, Text } from '../shapes.js';
import { Body, eventTimes, Location, Reminder, Subject } from './event-create.js';
import { prefer, targetEvent } from './events.js';
import { CALENDAR_OWNER } from './owner.js';
import { EventId, type GraphEvent, LocalDateTime, LocalStart, OccurrenceDate, People, Saved, saved, savedText, TimeZoneName, toAttendees } from './shapes.js';
import { checkOrder, localOut, luxonDateTime, parseTime, type Zone, zoneFor } from '../time-zones.js';

const readLocal = (v: GraphEvent['start'], zone: Zone) => luxonDateTime().fromISO(localOut(v, zone), { zone: zone.iana });

export const updateEvent = ownerTool(CALENDAR_OWNER, {
  name: 'calendar_update_event',
  title: 'Update a calendar event',
  description: 'Change an event, series or one occurrence (its id, or series id and occurrenceDate); attendees of your meetings are told. A new start keeps the duration.',
  kind: 'write',
  scopes: ['Calendars.ReadWrite'],
  orgScopes: ['Calendars.ReadWrite.Shared'],
  input: {
    eventId: EventId,
    occurrenceDate: OccurrenceDate,
    subject: Subject.optional().describe('New title'),
    start: LocalStart('New start').optional(),
    end: LocalDateTime('New end').optional(),
    timeZone: TimeZoneName,
    allDay: z.boolean().optional().describe('true: all-day, false: timed'),
    location: Location,
    body: Body,
    addAttendees: People('Attendees to invite'),
    removeAttendees: List(EmailAddress, 50).optional().describe('Addresses to remove'),
    teamsMeeting: z.boolean().optional().describe('Teams meeting link on or off'),
    reminderMinutes: Reminder,
  },
  output: Saved,
  handler: async (a, ctx, cal) => {
    const { graph, signal } = ctx;
    const zone = await zoneFor(ctx, a.timeZone);
    const id = await targetEvent(graph, cal, a.eventId, a.occurrenceDate, zone, signal);
    const path = `${cal.root}/events/${seg(id)}`;
    const cur = await graph.get<GraphEvent>(path, { query: { $select: 'id,start,end,isAllDay,attendees' }, headers: prefer(zone), signal });
    const patch: Record<string, unknown> = {};
    const notes: (string | undefined)[] = [];
    if (a.subject) patch.subject = a.subject;
    if (a.location) patch.location = { displayName: a.location };
    if (a.body !== undefined) patch.body = { contentType: 'text', content: a.body };
    if (a.reminderMinutes !== undefined) Object.assign(patch, { isReminderOn: true, reminderMinutesBeforeStart: a.reminderMinutes });
    if (a.teamsMeeting !== undefined) Object.assign(patch, a.teamsMeeting ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : { isOnlineMeeting: false });
    if (a.start || a.end || a.allDay !== undefined) {
      const allDay = a.allDay ?? cur.isAllDay === true;
      const curStart = readLocal(cur.start, zone);
      const curEnd = readLocal(cur.end, zone);
      const startIn = a.start ? parseTime(a.start, zone, 'start') : undefined;
      const start = startIn?.dt ?? curStart;
      // All-day events end at midnight after their last day; the inclusive last day is one day earlier.
      const keep = a.start ? start.plus(curEnd.diff(curStart)) : curEnd;
      const endIn = a.end ? parseTime(a.end, zone, 'end') : undefined;
      const end = endIn?.dt ?? (cur.isAllDay ? keep.minus({ days: 1 }) : keep);
      notes.push(startIn?.note, endIn?.note);
      if (allDay) checkOrder(start.startOf('day'), end.startOf('day').plus({ days: 1 }), a.start ?? 'the current start', a.end ?? 'the current end');
      else checkOrder(start, end, a.start ?? 'the current start', a.end ?? 'the current end');
      Object.assign(patch, eventTimes(start, end, allDay, zone));
    }
    if (a.addAttendees?.length || a.removeAttendees?.length) {
      const drop = new Set((a.removeAttendees ?? []).map((x) => parseAddress(x).address.toLowerCase()));
      const kept = (cur.attendees ?? []).filter((x) => !drop.has((x?.emailAddress?.address ?? '').toLowerCase()));
      const have = new Set(kept.map((x) => (x?.emailAddress?.address ?? '').toLowerCase()));
      const added = toAttendees(a.addAttendees, 'required').filter((x) => !have.has(x.emailAddress.address.toLowerCase()) && have.add(x.emailAddress.address.toLowerCase()));
      patch.attendees = [...kept.map((x) => ({ type: x?.type ?? 'required', emailAddress: x?.emailAddress })), ...added];
    }
    if (!Object.keys(patch).length) throw new ToolError('Nothing to change: give at least one new value (subject, start, end, location, attendees...).');
    const updated = await graph.patch<GraphEvent | undefined>(path, patch, { headers: prefer(zone, true), signal });
    const e = updated?.id ? updated : await graph.get<GraphEvent>(path, { headers: prefer(zone, true), signal });
    return saved(e, zone, notes);
  },
  text: (d) => savedText('Updated', d),
});

export const deleteEvent = ownerTool(CALENDAR_OWNER, {
  name: 'calendar_delete_event',
  title: 'Cancel or delete a calendar event',
  description: 'Remove an event, series or occurrence; your meetings are cancelled for attendees, with your comment. To decline an invitation use calendar_respond_event.',
  kind: 'destructive',
  scopes: ['Calendars.ReadWrite'],
  orgScopes: ['Calendars.ReadWrite.Shared'],
  input: {
    eventId: EventId,
    occurrenceDate: OccurrenceDate,
    comment: Text(2000, { trim: false }).optional().describe('Cancellation message to attendees'),
  },
  output: z.object({ eventId: z.string(), subject: z.string(), outcome: z.enum(['cancelled', 'deleted']), notified: z.number().int() }),
  handler: async (a, ctx, cal) => {
    const { graph, signal } = ctx;
    const zone = a.occurrenceDate ? await zoneFor(ctx, undefined) : undefined;
    const id = zone ? await targetEvent(graph, cal, a.eventId, a.occurrenceDate, zone, signal) : a.eventId;
    const path = `${cal.root}/events/${seg(id)}`;
    const e = await graph.get<GraphEvent>(path, { query: { $select: 'id,subject,isOrganizer,attendees' }, signal });
    const notified = e.isOrganizer ? (e.attendees ?? []).filter((x) => x?.type !== 'resource').length : 0;
    if (notified > 0) await graph.post(`${path}/cancel`, a.comment ? { comment: a.comment } : {}, { signal });
    else await graph.delete(path, { signal });
    return { eventId: id, subject: e.subject ?? '', outcome: notified > 0 ? ('cancelled' as const) : ('deleted' as const), notified };
  },
  confirm: async (a, { graph, signal }, cal) => {
    const e = await graph.get<GraphEvent>(`${cal.root}/events/${seg(a.eventId)}`, { query: { $select: 'subject,start,type,isOrganizer,attendees' }, signal });
    const when = e.start?.dateTime ? ` (${e.type === 'seriesMaster' ? 'a series starting ' : ''}${e.start.dateTime.slice(0, 16).replace('T', ' ')} ${e.start.timeZone ?? ''})`.replace(' )', ')') : '';
    const which = `"${e.subject || '(no subject)'}"${when}${a.occurrenceDate ? `, only its occurrence on ${a.occurrenceDate}` : e.type === 'seriesMaster' ? ', every occurrence' : ''}${cal.other ? ` from the calendar of ${cal.label}` : ''}`;
    const told = e.isOrganizer && (e.attendees ?? []).length ? ` Its ${(e.attendees ?? []).length} attendee(s) are told it is cancelled.` : '';
    return `Delete ${which}. It goes to Deleted Items, where Outlook can restore it.${told}`;
  },
  text: (r) => `${r.outcome === 'cancelled' ? `Cancelled; ${r.notified} attendee(s) notified` : 'Deleted'}: ${r.subject || '(no subject)'} (id ${r.eventId})`,
});

export default [updateEvent, deleteEvent];
