// Scheduling across calendars: free/busy of people and rooms (getSchedule) and ranked meeting-time
// suggestions (findMeetingTimes). Both are read-only POST actions.
import { z } from 'zod';
import { EmailAddress } from '../content/addresses.js';
import { ownerTool } from '../owner.js';
import { List } from '../shapes.js';
import { prefer } from './events.js';
import { CALENDAR_OWNER } from './owner.js';
import { LocalDateTime, LocalStart, People, TimeZoneName, toAttendees } from './shapes.js';
import { dtz, type GraphDateTime, localOut, parseRange, zoneFor } from '../time-zones.js';

const MAX_DAYS = 62; // Graph's longest getSchedule range

type ScheduleInfo = {
  scheduleId?: string;
  scheduleItems?: { status?: string; subject?: string | null; start?: GraphDateTime; end?: GraphDateTime }[];
  workingHours?: { daysOfWeek?: string[]; startTime?: string; endTime?: string; timeZone?: { name?: string } | null } | null;
  error?: { message?: string; responseCode?: string } | null;
};

const Busy = z.object({ start: z.string(), end: z.string(), status: z.string(), subject: z.string().optional() });
const Schedule = z.object({ person: z.string(), busy: z.array(Busy), workingHours: z.string().optional(), error: z.string().optional() });

const hours = (w: ScheduleInfo['workingHours']) =>
  w?.startTime && w.endTime
    ? `${(w.daysOfWeek ?? []).map((d) => d.slice(0, 3)).join(',')} ${w.startTime.slice(0, 5)}-${w.endTime.slice(0, 5)} ${w.timeZone?.name ?? ''}`.trim()
    : undefined;

export const getSchedule = ownerTool(CALENDAR_OWNER, {
  name: 'calendar_get_schedule',
  title: 'Get free/busy times',
  description: 'When people or rooms are busy between two times, with working hours. calendar_find_meeting_times suggests times.',
  kind: 'read',
  scopes: ['Calendars.Read'],
  owner: false,
  input: {
    people: List(EmailAddress, 20, { min: 1 }).describe('Addresses of people or rooms, up to 20'),
    start: LocalStart('Range start'),
    end: LocalDateTime('Range end (a date: through that day)'),
    timeZone: TimeZoneName,
  },
  output: z.object({ timeZone: z.string(), schedules: z.array(Schedule) }),
  handler: async (a, ctx) => {
    const { graph, signal } = ctx;
    const zone = await zoneFor(ctx, a.timeZone);
    const range = parseRange(a.start, a.end, zone, MAX_DAYS);
    const r = await graph.readAction<{ value?: ScheduleInfo[] }>('/me/calendar/getSchedule', {
      schedules: toAttendees(a.people, 'required').map((p) => p.emailAddress.address),
      startTime: dtz(range.start, zone),
      endTime: dtz(range.end, zone),
      availabilityViewInterval: 30,
    }, { headers: prefer(zone), signal });
    return {
      timeZone: zone.label,
      schedules: (r?.value ?? []).map((s) => ({
        person: s.scheduleId ?? '',
        busy: (s.scheduleItems ?? []).filter((i) => i.status !== 'free').map((i) => ({
          start: localOut(i.start, zone),
          end: localOut(i.end, zone),
          status: i.status ?? 'busy',
          ...(i.subject ? { subject: i.subject } : {}),
        })),
        ...(hours(s.workingHours) ? { workingHours: hours(s.workingHours) } : {}),
        ...(s.error?.message ? { error: s.error.message } : {}),
      })),
    };
  },
  text: (r) => `Times in ${r.timeZone}\n${r.schedules.map((s) => `${s.person}${s.workingHours ? ` (works ${s.workingHours})` : ''}${s.error ? `: ${s.error}` : ''}\n${s.busy.length ? s.busy.map((b) => `  ${b.start} to ${b.end.slice(0, 10) === b.start.slice(0, 10) ? b.end.slice(11) : b.end} ${b.status}${b.subject ? ` ${b.subject}` : ''}`).join('\n') : '  free throughout'}`).join('\n')}`,
});

type Suggestion = {
  confidence?: number;
  order?: number;
  organizerAvailability?: string;
  suggestionReason?: string;
  attendeeAvailability?: { availability?: string; attendee?: { emailAddress?: { address?: string } } }[];
  meetingTimeSlot?: { start?: GraphDateTime; end?: GraphDateTime };
};

// Graph's values, compared in lower case: the reference lists camelCase, responses use PascalCase.
const WHY: Record<string, string> = {
  attendeesunavailable: 'too few attendees are free at the same time anywhere in the window (below the minimum attendee percentage)',
  attendeesunavailableorunknown: "some attendees' availability is unknown (outside the organization, or their free/busy could not be read), so too few are known to be free",
  locationsunavailable: 'no location is free at the possible times',
  organizerunavailable: 'you, the organizer, are not free at any possible time in the window',
};
const ADVICE = 'Try a wider window, a shorter meeting, any time of day (workingHoursOnly false: people in far-apart time zones may share no working hours), some attendees as optional, or a lower minimumAttendeePercentage; calendar_get_schedule shows who is busy when.';

// Graph counts a tentative meeting and working elsewhere as available when it suggests a time; say so, since the
// slot is then free only if that meeting does not happen, or for someone who may not be in the room.
const SOFT: Record<string, string> = { tentative: 'tentative (has a meeting not yet confirmed then)', workingelsewhere: 'working elsewhere (may only join remotely)' };

function caveat(organizer: string | undefined, people: { who: string; how: string }[]): { caveat?: string } {
  const soft = [
    ...(organizer && SOFT[organizer.toLowerCase()] ? [`you are ${SOFT[organizer.toLowerCase()]}`] : []),
    ...people.filter((p) => SOFT[p.how.toLowerCase()]).map((p) => `${p.who} is ${SOFT[p.how.toLowerCase()]}`),
  ];
  return soft.length ? { caveat: `Counted as available although ${soft.join('; ')}.` } : {};
}

export const findMeetingTimes = ownerTool(CALENDAR_OWNER, {
  name: 'calendar_find_meeting_times',
  title: 'Find meeting times',
  description: 'Times in a window when attendees and you are free, best first, with who is free. Book with calendar_create_event.',
  kind: 'read',
  scopes: ['Calendars.Read.Shared'],
  owner: false,
  input: {
    attendees: List(EmailAddress, 20, { min: 1 }).describe('Required attendees: addresses, up to 20'),
    optionalAttendees: People('Optional attendees'),
    durationMinutes: z.number().int().min(5).max(1440).default(30).describe('Length in minutes'),
    start: LocalStart('Window start'),
    end: LocalDateTime('Window end (a date: through that day)'),
    timeZone: TimeZoneName,
    workingHoursOnly: z.boolean().default(true).describe("Only within everyone's working hours; false: any time"),
    minimumAttendeePercentage: z.number().min(0).max(100).default(100).describe('Least share of attendees free (%)'),
    maxSuggestions: z.number().int().min(1).max(20).default(5).describe('How many suggestions'),
  },
  output: z.object({
    timeZone: z.string(),
    suggestions: z.array(z.object({
      start: z.string(), end: z.string(), confidence: z.number(), organizer: z.string(), free: z.array(z.string()), notFree: z.array(z.string()),
      caveat: z.string().optional().describe('Who counts as available only because tentative or working elsewhere'),
    })),
    noSuggestionsReason: z.string().optional(),
  }),
  handler: async (a, ctx) => {
    const { graph, signal } = ctx;
    const zone = await zoneFor(ctx, a.timeZone);
    const range = parseRange(a.start, a.end, zone, MAX_DAYS);
    const r = await graph.readAction<{ emptySuggestionsReason?: string; meetingTimeSuggestions?: Suggestion[] }>('/me/findMeetingTimes', {
      attendees: [...toAttendees(a.attendees, 'required'), ...toAttendees(a.optionalAttendees, 'optional')],
      timeConstraint: { activityDomain: a.workingHoursOnly ? 'work' : 'unrestricted', timeSlots: [{ start: dtz(range.start, zone), end: dtz(range.end, zone) }] },
      meetingDuration: `PT${a.durationMinutes}M`,
      maxCandidates: a.maxSuggestions,
      minimumAttendeePercentage: a.minimumAttendeePercentage,
      isOrganizerOptional: false,
      returnSuggestionReasons: true,
    }, { headers: prefer(zone), signal });
    const list = [...(r?.meetingTimeSuggestions ?? [])].sort((x, y) => (x.order ?? 0) - (y.order ?? 0)).slice(0, a.maxSuggestions);
    const suggestions = list.map((s) => {
      const people = (s.attendeeAvailability ?? []).map((p) => ({ who: p.attendee?.emailAddress?.address ?? '', how: p.availability ?? 'unknown' }));
      return {
        start: localOut(s.meetingTimeSlot?.start, zone),
        end: localOut(s.meetingTimeSlot?.end, zone),
        confidence: s.confidence ?? 0,
        organizer: s.organizerAvailability ?? 'unknown',
        free: people.filter((p) => p.how === 'free').map((p) => p.who),
        notFree: people.filter((p) => p.how !== 'free').map((p) => `${p.who} (${p.how})`),
        ...caveat(s.organizerAvailability, people),
      };
    });
    const reason = r?.emptySuggestionsReason;
    return {
      timeZone: zone.label,
      suggestions,
      ...(suggestions.length ? {} : { noSuggestionsReason: `No time found: ${WHY[(reason ?? '').toLowerCase()] ?? 'no slot in the window meets the conditions'}. ${ADVICE}` }),
    };
  },
  text: (r) => r.suggestions.length
    ? `${r.suggestions.length} suggestion(s), best first, times in ${r.timeZone}\n${r.suggestions.map((s, i) => `${i + 1}. ${s.start} to ${s.end.slice(11)} (confidence ${s.confidence}%, you ${s.organizer}) free: ${s.free.join(', ') || 'none'}${s.notFree.length ? `; not free: ${s.notFree.join(', ')}` : ''}${s.caveat ? `\n   ${s.caveat}` : ''}`).join('\n')}`
    : r.noSuggestionsReason ?? 'No time found.',
});

export default [getSchedule, findMeetingTimes];
