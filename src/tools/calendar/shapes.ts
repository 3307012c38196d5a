// The curated shapes of calendar events: what the tools return instead of Graph's event JSON, the $select
// lists that fill them, and the inputs several calendar tools share.
import { z } from 'zod';
import { EmailAddress, type GraphRecipient, parseAddress } from '../content/addresses.js';
import { clip, truncated, Truncated } from '../content/text.js';
import { List, Text } from '../shapes.js';
import { describeRecurrence } from '../recurrence.js';
import { type GraphDateTime, localOut, type Zone } from '../time-zones.js';

export const EventId = Text(1024, { min: 1 }).describe('Id from calendar_list_events');
export const OccurrenceDate = Text(10)
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'must be a date like 2026-11-30')
  .optional()
  .describe('Only the occurrence on this date');
export const TimeZoneName = Text(100).optional().describe('IANA or Windows zone; default: yours');
export const LocalDateTime = (what: string) => Text(40).describe(what);
/** A start: the one place the accepted forms are spelled out. */
export const LocalStart = (what: string) => LocalDateTime(`${what}: local ISO date-time, or a date`);
export const People = (what: string) => List(EmailAddress, 50).optional().describe(`${what}: addresses`);

export const SUMMARY_SELECT = ['id', 'subject', 'start', 'end', 'isAllDay', 'location', 'organizer', 'responseStatus', 'showAs', 'type', 'seriesMasterId', 'isOnlineMeeting', 'onlineMeeting', 'isCancelled'];
export const DETAIL_SELECT = [...SUMMARY_SELECT, 'attendees', 'body', 'recurrence', 'isReminderOn', 'reminderMinutesBeforeStart', 'webLink'];

type Recipient = GraphRecipient | null;
export type GraphEvent = Record<string, unknown> & {
  id: string;
  subject?: string | null;
  start?: GraphDateTime;
  end?: GraphDateTime;
  isAllDay?: boolean;
  location?: { displayName?: string | null } | null;
  organizer?: Recipient;
  responseStatus?: { response?: string | null } | null;
  showAs?: string | null;
  type?: string | null;
  seriesMasterId?: string | null;
  isOnlineMeeting?: boolean | null;
  onlineMeeting?: { joinUrl?: string | null } | null;
  isCancelled?: boolean;
  isOrganizer?: boolean;
  attendees?: (Recipient & { type?: string | null; status?: { response?: string | null } | null })[];
  body?: { contentType?: string; content?: string | null } | null;
  recurrence?: Parameters<typeof describeRecurrence>[0];
  isReminderOn?: boolean;
  reminderMinutesBeforeStart?: number;
  allowNewTimeProposals?: boolean;
  webLink?: string | null;
};

export const EventSummary = z.object({
  id: z.string(),
  subject: z.string(),
  start: z.string(),
  end: z.string(),
  allDay: z.boolean().optional(),
  location: z.string().optional(),
  organizer: z.string().optional(),
  myResponse: z.string().optional(),
  showAs: z.string().optional(),
  type: z.string().optional(),
  seriesId: z.string().optional(),
  teamsJoinUrl: z.string().optional(),
  cancelled: z.boolean().optional(),
});
export const Attendee = z.object({ address: z.string(), name: z.string().optional(), type: z.string(), response: z.string() });
export const EventDetail = EventSummary.extend({
  attendees: z.array(Attendee),
  body: z.string().optional(),
  truncated: Truncated,
  recurrence: z.string().optional(),
  reminderMinutes: z.number().optional(),
  webLink: z.string().optional(),
});
/** What create and update return: enough to confirm and to go on; calendar_get_event has the rest. */
export const Saved = EventSummary.pick({ id: true, subject: true, start: true, end: true, allDay: true, type: true, seriesId: true, teamsJoinUrl: true })
  .extend({ attendees: z.array(z.string()), recurrence: z.string().optional(), timeZone: z.string(), note: z.string().optional() });
export type EventSummaryOut = z.output<typeof EventSummary>;
export type EventDetailOut = z.output<typeof EventDetail>;

/** Graph's response words, shorter: tentativelyAccepted -> tentative. */
const response = (r?: string | null) => (r === 'tentativelyAccepted' ? 'tentative' : r || 'none');
const address = (r?: Recipient) => r?.emailAddress?.address ?? r?.emailAddress?.name ?? undefined;
const BODY_CHARS = 4000;

export function summarize(e: GraphEvent, zone: Zone): z.input<typeof EventSummary> {
  const allDay = e.isAllDay === true;
  // All-day events run midnight to midnight in their own zone: shown as dates, the end date inclusive.
  const start = allDay ? (e.start?.dateTime ?? '').slice(0, 10) : localOut(e.start, zone);
  const end = allDay ? lastDay(e.end?.dateTime ?? '', start) : localOut(e.end, zone);
  const location = e.location?.displayName?.trim();
  const organizer = address(e.organizer);
  const my = e.responseStatus?.response;
  return {
    id: e.id,
    subject: e.subject ?? '',
    start,
    end,
    ...(allDay ? { allDay } : {}),
    ...(location ? { location } : {}),
    ...(organizer ? { organizer } : {}),
    ...(my && my !== 'none' ? { myResponse: response(my) } : {}),
    ...(e.showAs && e.showAs !== 'busy' ? { showAs: e.showAs } : {}),
    ...(e.type && e.type !== 'singleInstance' ? { type: e.type } : {}),
    ...(e.seriesMasterId ? { seriesId: e.seriesMasterId } : {}),
    ...(e.onlineMeeting?.joinUrl ? { teamsJoinUrl: e.onlineMeeting.joinUrl } : {}),
    ...(e.isCancelled ? { cancelled: true } : {}),
  };
}

function lastDay(endDateTime: string, start: string): string {
  const end = endDateTime.slice(0, 10);
  if (!end) return start;
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  const last = d.toISOString().slice(0, 10);
  return last < start ? start : last;
}

export function detail(e: GraphEvent, zone: Zone): z.input<typeof EventDetail> {
  const body = (e.body?.content ?? '').replace(/\r\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  const clipped = clip(body, BODY_CHARS);
  const recurrence = describeRecurrence(e.recurrence);
  return {
    ...summarize(e, zone),
    attendees: (e.attendees ?? []).map((a) => ({
      address: address(a) ?? '',
      ...(a?.emailAddress?.name && a.emailAddress.name !== a.emailAddress.address ? { name: a.emailAddress.name } : {}),
      type: a?.type ?? 'required',
      response: response(a?.status?.response),
    })),
    ...(body ? { body: clipped.text, ...truncated(clipped) } : {}),
    ...(recurrence ? { recurrence } : {}),
    ...(e.isReminderOn && e.reminderMinutesBeforeStart !== undefined ? { reminderMinutes: e.reminderMinutesBeforeStart } : {}),
    ...(e.webLink ? { webLink: e.webLink } : {}),
  };
}

/** `notes`: what the answer must say about how the times given were read (a wall time that occurs twice). */
export function saved(e: GraphEvent, zone: Zone, notes: (string | undefined)[] = []): z.input<typeof Saved> {
  const note = notes.filter(Boolean).join(' ');
  const d = detail(e, zone);
  return {
    id: d.id, subject: d.subject, start: d.start, end: d.end,
    ...(d.allDay ? { allDay: true } : {}),
    ...(d.type ? { type: d.type } : {}),
    ...(d.seriesId ? { seriesId: d.seriesId } : {}),
    ...(d.teamsJoinUrl ? { teamsJoinUrl: d.teamsJoinUrl } : {}),
    attendees: d.attendees.map((a) => `${a.address} (${a.type}, ${a.response})`),
    ...(d.recurrence ? { recurrence: d.recurrence } : {}),
    timeZone: zone.label,
    ...(note ? { note } : {}),
  };
}

export function savedText(what: string, s: z.output<typeof Saved>): string {
  const lines = [`${what}: ${s.subject || '(no subject)'}, ${span(s)} (${s.timeZone})`, `  id: ${s.id}`];
  if (s.recurrence) lines.push(`  repeats ${s.recurrence}`);
  if (s.teamsJoinUrl) lines.push(`  Teams: ${s.teamsJoinUrl}`);
  if (s.attendees.length) lines.push(`  attendees: ${s.attendees.join('; ')}`);
  if (s.note) lines.push(`  note: ${s.note}`);
  return lines.join('\n');
}

const span = (s: Pick<EventSummaryOut, 'allDay' | 'start' | 'end'>) => (s.allDay ? `${s.start}${s.end !== s.start ? ` to ${s.end}` : ''} (all day)` : `${s.start} to ${s.end.slice(0, 10) === s.start.slice(0, 10) ? s.end.slice(11) : s.end}`);

export function summaryText(s: EventSummaryOut): string {
  const marks = [s.myResponse, s.showAs, s.type, s.cancelled && 'cancelled', s.teamsJoinUrl && 'Teams'].filter(Boolean);
  return `- ${span(s)} ${s.subject || '(no subject)'}${s.location ? ` @ ${s.location}` : ''}${s.organizer ? ` | ${s.organizer}` : ''}${marks.length ? ` [${marks.join(', ')}]` : ''}\n  id: ${s.id}`;
}

export function detailText(d: EventDetailOut, timeZone: string): string {
  const lines = [summaryText(d), `  times in ${timeZone}`];
  if (d.recurrence) lines.push(`  repeats ${d.recurrence}${d.seriesId ? '' : ' (series)'}`);
  if (d.teamsJoinUrl) lines.push(`  Teams: ${d.teamsJoinUrl}`);
  for (const a of d.attendees) lines.push(`  ${a.type}: ${a.name ? `${a.name} <${a.address}>` : a.address} (${a.response})`);
  if (d.body) lines.push('', d.body);
  if (d.truncated) lines.push(`[body cut at ${BODY_CHARS} characters]`);
  return lines.join('\n');
}

/** Graph attendees from "address" or "Name <address>" strings, of one type. */
export function toAttendees(list: readonly string[] | undefined, type: 'required' | 'optional' | 'resource') {
  return (list ?? []).map((s) => ({ type, emailAddress: parseAddress(s) }));
}
