// Creating an event or meeting: times in a zone, attendees by kind, location, body, all-day, recurrence,
// reminder, and a Teams link on request. Graph sends the invitations when the event has attendees.
import type { DateTime } from 'luxon';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { Text } from '../shapes.js';
import { CalendarId, prefer } from './events.js';
import { CALENDAR_OWNER } from './owner.js';
import { Repeat, toRecurrence } from '../recurrence.js';
import { type GraphEvent, LocalDateTime, LocalStart, People, Saved, saved, savedText, TimeZoneName, toAttendees } from './shapes.js';
import { checkOrder, dtz, parseTime, type Zone, zoneFor } from '../time-zones.js';

export const ShowAs = z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere']).optional().describe('How others see the time; default busy');
export const Reminder = z.number().int().min(0).max(40320).optional().describe('Minutes before start');
export const Subject = Text(255, { min: 1 });
export const Location = Text(255, { min: 1 }).optional().describe('Room name or address');
export const Body = Text(20000, { trim: false }).optional().describe('Description, plain text');

/** Start and end as Graph wants them; all-day events run from midnight of the first day to midnight after the last. */
/** A UUID-shaped digest: the same input always gives the same id. */
function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function eventTimes(start: DateTime, end: DateTime, allDay: boolean, zone: Zone): Record<string, unknown> {
  if (allDay) {
    const first = start.startOf('day');
    const after = end.startOf('day').plus({ days: 1 });
    return { isAllDay: true, start: dtz(first, zone), end: dtz(after, zone) };
  }
  return { isAllDay: false, start: dtz(start, zone), end: dtz(end, zone) };
}

export const createEvent = ownerTool(CALENDAR_OWNER, {
  name: 'calendar_create_event',
  title: 'Create a calendar event',
  description: 'Create an event or meeting; attendees are invited. calendar_find_meeting_times finds a time that suits all.',
  kind: 'write',
  scopes: ['Calendars.ReadWrite'],
  orgScopes: ['Calendars.ReadWrite.Shared'],
  input: {
    subject: Subject.describe('Title'),
    start: LocalStart('Start'),
    end: LocalDateTime('End (all-day: the last date)').optional(),
    timeZone: TimeZoneName,
    allDay: z.boolean().default(false).describe('All day (start and end are dates)'),
    attendees: People('Required attendees'),
    optionalAttendees: People('Optional attendees'),
    resources: People('Rooms or equipment to book'),
    location: Location,
    body: Body,
    teamsMeeting: z.boolean().default(false).describe('Add a Teams meeting link'),
    reminderMinutes: Reminder,
    showAs: ShowAs,
    repeat: Repeat.optional(),
    calendarId: CalendarId,
  },
  output: Saved,
  handler: async (a, ctx, cal) => {
    const { graph, signal } = ctx;
    const zone = await zoneFor(ctx, a.timeZone);
    const s = parseTime(a.start, zone, 'start');
    const e = a.end ? parseTime(a.end, zone, 'end') : undefined;
    const allDay = a.allDay || (s.dateOnly && (!e || e.dateOnly));
    if (!allDay && s.dateOnly) throw new ToolError(`start "${a.start}" has no time of day: give one like ${a.start}T09:00, or set allDay.`);
    if (!allDay && !e) throw new ToolError('end is missing: give an end time (or set allDay for an all-day event).');
    const end = e?.dt ?? s.dt;
    if (allDay) checkOrder(s.dt.startOf('day'), end.startOf('day').plus({ days: 1 }), a.start, a.end ?? a.start);
    else checkOrder(s.dt, end, a.start, a.end!);
    const attendees = [...toAttendees(a.attendees, 'required'), ...toAttendees(a.optionalAttendees, 'optional'), ...toAttendees(a.resources, 'resource')];
    const seen = new Set<string>();
    const body: Record<string, unknown> = {
      subject: a.subject,
      ...eventTimes(s.dt, end, allDay, zone),
      attendees: attendees.filter((x) => !seen.has(x.emailAddress.address.toLowerCase()) && seen.add(x.emailAddress.address.toLowerCase())),
      ...(a.location ? { location: { displayName: a.location } } : {}),
      ...(a.body ? { body: { contentType: 'text', content: a.body } } : {}),
      ...(a.teamsMeeting ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
      ...(a.reminderMinutes !== undefined ? { isReminderOn: true, reminderMinutesBeforeStart: a.reminderMinutes } : {}),
      ...(a.showAs ? { showAs: a.showAs } : {}),
      ...(a.repeat ? { recurrence: toRecurrence(a.repeat, s.dt, zone) } : {}),
    };
    const base = a.calendarId ? `${cal.root}/calendars/${seg(a.calendarId)}` : cal.root;
    // The same event asked for again (a model retrying after a lost answer) carries the same transactionId, so
    // Exchange answers with the event it already made instead of a second one that invites everyone again.
    const transactionId = uuidFrom(`${base}\n${JSON.stringify(body)}`);
    const created = await graph.post<GraphEvent>(`${base}/events`, { ...body, transactionId }, { headers: prefer(zone, true), signal });
    return saved(created, zone, [s.note, e?.note]);
  },
  text: (d) => savedText('Created', d),
});

export default [createEvent];
