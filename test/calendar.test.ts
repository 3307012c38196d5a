// The calendar tools through a real MCP client against the sandbox, signed in as Adele Vance (Pacific time):
// calendars, the calendar view in zones, events with every option, a series with one moved occurrence, a DST
// week, shared calendars, and the errors a model can act on.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, ADELE, type Connected, fails, graph, ok, upn, useSandbox } from './fixtures.js';

type Ev = { id: string; subject: string; start: string; end: string; type?: string; seriesId?: string; myResponse?: string; allDay?: boolean; teamsJoinUrl?: string };
type View = { timeZone: string; events: Ev[] };
type Saved = Ev & { attendees: string[]; recurrence?: string; timeZone: string };

const sandbox = useSandbox();
let adele: Connected;
/** Monday of next week, the week the tests read (the seed's "next week"). */
let monday: string;

beforeAll(async () => {
  adele = await sandbox.as(ADELE);
  monday = sandbox.nextWeek;
}, 30_000);

describe('calendar: reading', () => {
  it('lists her calendars, and those shared with her show their owner and whether she may edit', async () => {
    const r = await ok<{ calendars: { name: string; owner?: string; canEdit: boolean; isDefault?: boolean }[] }>(adele, 'calendar_list_calendars');
    const names = r.calendars.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Calendar', 'Personal', 'Retail launches']));
    expect(r.calendars.find((c) => c.isDefault)).toMatchObject({ name: 'Calendar', owner: upn('adele.vance'), canEdit: true });
    // Alex shared his calendar to read, Ben his to edit: both follow her own, under their owners' names.
    expect(r.calendars.slice(3).map(({ name, owner, canEdit, isDefault }) => ({ name, owner, canEdit, isDefault }))).toEqual([
      { name: 'Alex Wilber', owner: upn('alex.wilber'), canEdit: false, isDefault: undefined },
      { name: 'Ben Walters', owner: upn('ben.walters'), canEdit: true, isDefault: undefined },
    ]);
    expect(r.textBlock).toMatch(/- Alex Wilber \| owner alex\.wilber@contoso\.sandbox \| read only/);
    const alex = await ok<{ calendars: { name: string; canEdit: boolean }[] }>(adele, 'calendar_list_calendars', { calendarOwner: upn('alex.wilber') });
    expect(alex.calendars.find((c) => c.name === 'Calendar')?.canEdit).toBe(false);
  });

  it('lists next week in her own time zone by default, series expanded, the moved occurrence an exception', async () => {
    const r = await ok<View>(adele, 'calendar_list_events', { start: monday, end: addDays(monday, 4) });
    expect(r.timeZone).toBe('Pacific Standard Time');
    const opening = r.events.filter((e) => e.subject.startsWith('Store opening check-in'));
    // Daily at 08:00, moved to 09:00 on Wednesday, cancelled on Friday.
    expect(opening.map((e) => e.start)).toEqual([`${monday}T08:00`, `${addDays(monday, 1)}T08:00`, `${addDays(monday, 2)}T09:00`, `${addDays(monday, 3)}T08:00`]);
    expect(opening[2]).toMatchObject({ type: 'exception', subject: 'Store opening check-in (late delivery)' });
    expect(opening[0].type).toBe('occurrence');
    expect(new Set(opening.map((e) => e.seriesId)).size).toBe(1);
    const starts = r.events.map((e) => e.start);
    expect([...starts].sort()).toEqual(starts);
    expect(r.textBlock).toMatch(/times in Pacific Standard Time/);
  });

  it('shows the same events in another zone, by IANA or Windows name', async () => {
    const iana = await ok<View>(adele, 'calendar_list_events', { start: monday, end: monday, timeZone: 'Europe/London' });
    const windows = await ok<View>(adele, 'calendar_list_events', { start: monday, end: monday, timeZone: 'GMT Standard Time' });
    expect(iana.timeZone).toBe('Europe/London');
    // Monday in London ends at 16:00 Pacific: the 08:00 check-in is 16:00 in London.
    expect(iana.events.find((e) => e.subject === 'Store opening check-in')?.start).toBe(`${monday}T16:00`);
    expect(windows.events.find((e) => e.subject === 'Store opening check-in')?.start).toBe(`${monday}T16:00`);
  });

  it('gets one event in full: attendees with their responses, body, recurrence, Teams link', async () => {
    const week = await ok<View>(adele, 'calendar_list_events', { start: monday, end: addDays(monday, 4) });
    const review = week.events.find((e) => e.subject === 'Contoso all hands')!;
    const d = await ok<Ev & { attendees: { address: string; response: string }[]; body?: string }>(adele, 'calendar_get_event', { eventId: review.id });
    expect(d.teamsJoinUrl).toMatch(/^https:\/\//);
    expect(d.body).toMatch(/Quarterly update/);
    expect(d.attendees.length).toBeGreaterThan(20);
    const sync = week.events.find((e) => e.subject === 'Sales leadership sync')!;
    const s = await ok<{ recurrence?: string; attendees: { address: string; response: string }[] }>(adele, 'calendar_get_event', { eventId: sync.seriesId });
    expect(s.recurrence).toMatch(/^every week on monday from /);
    // Her copy of Alex's meeting lists the attendees; only the organizer's copy tallies their answers.
    expect(s.attendees.map((a) => a.address)).toEqual(expect.arrayContaining([upn('adele.vance'), upn('christie.cline')]));
  });
});

describe('calendar: bad input gets clear errors before Graph is called', () => {
  it('end before start, unknown zone, bad date, too long a range', async () => {
    expect(await fails(adele, 'calendar_list_events', { start: '2027-03-10T10:00', end: '2027-03-10T09:00' })).toMatch(/end \(2027-03-10T09:00\) is not after start \(2027-03-10T10:00\)/);
    expect(await fails(adele, 'calendar_list_events', { start: '2027-03-10', end: '2027-03-11', timeZone: 'Mars/Olympus' })).toMatch(/Unknown time zone "Mars\/Olympus": use an IANA name/);
    expect(await fails(adele, 'calendar_list_events', { start: 'next tuesday', end: '2027-03-11' })).toMatch(/start "next tuesday" is not a date-time/);
    expect(await fails(adele, 'calendar_get_schedule', { people: [upn('lee.gu')], start: '2027-01-01', end: '2027-06-30' })).toMatch(/at most 62 days/);
    expect(await fails(adele, 'calendar_create_event', { subject: 'x', start: '2027-03-10T10:00', end: '2027-03-10T09:30' })).toMatch(/not after start/);
    expect(await fails(adele, 'calendar_create_event', { subject: 'x', start: '2027-03-10T10:00' })).toMatch(/end is missing/);
    expect(await fails(adele, 'calendar_respond_event', { eventId: 'AAMk', response: 'accept', proposedStart: '2027-03-10T10:00', proposedEnd: '2027-03-10T11:00' })).toMatch(/only be proposed with response tentative or decline/);
  });

  it('an unknown event id names the tool that lists ids', async () => {
    expect(await fails(adele, 'calendar_get_event', { eventId: 'AAMkNotAnEvent' })).toMatch(/calendar_list_events/);
  });
});

describe('calendar: writing', () => {
  it('creates an all-day event, a reminder and a location, and finds it by its dates', async () => {
    const c = await ok<Saved>(adele, 'calendar_create_event', { subject: 'Inventory day', start: '2027-02-03', end: '2027-02-04', location: 'Bellevue store', reminderMinutes: 60, showAs: 'oof' });
    expect(c).toMatchObject({ allDay: true, start: '2027-02-03', end: '2027-02-04' });
    const d = await ok<{ allDay?: boolean; location?: string; reminderMinutes?: number; showAs?: string }>(adele, 'calendar_get_event', { eventId: c.id });
    expect(d).toMatchObject({ allDay: true, location: 'Bellevue store', reminderMinutes: 60, showAs: 'oof' });
    const v = await ok<View>(adele, 'calendar_list_events', { start: '2027-02-04', end: '2027-02-04' });
    expect(v.events.map((e) => e.subject)).toContain('Inventory day');
    // Moved by its start alone it keeps its two days; then it becomes a timed event.
    expect(await ok<Saved>(adele, 'calendar_update_event', { eventId: c.id, start: '2027-02-10' })).toMatchObject({ allDay: true, start: '2027-02-10', end: '2027-02-11' });
    const timed = await ok<Saved>(adele, 'calendar_update_event', { eventId: c.id, allDay: false, start: '2027-02-10T09:00', end: '2027-02-10T12:00' });
    expect(timed).toMatchObject({ start: '2027-02-10T09:00', end: '2027-02-10T12:00' });
    expect(timed.allDay).toBeUndefined();
  });

  it('a weekly series; one occurrence moved by date keeps its length; one occurrence deleted', async () => {
    const s = await ok<Saved>(adele, 'calendar_create_event', {
      subject: 'Merchandising sync', start: '2027-01-06T14:00', end: '2027-01-06T14:30', timeZone: 'America/Los_Angeles',
      repeat: { every: 'week', count: 4 }, body: 'Weekly look at the displays.',
    });
    expect(s.recurrence).toBe('every week on wednesday from 2027-01-06 4 times');
    const moved = await ok<Saved>(adele, 'calendar_update_event', { eventId: s.id, occurrenceDate: '2027-01-13', start: '2027-01-14T15:00' });
    expect(moved).toMatchObject({ start: '2027-01-14T15:00', end: '2027-01-14T15:30', type: 'exception', seriesId: s.id });
    const gone = await ok<{ outcome: string }>(adele, 'calendar_delete_event', { eventId: s.id, occurrenceDate: '2027-01-20' });
    expect(gone.outcome).toBe('deleted');
    const v = await ok<View>(adele, 'calendar_list_events', { start: '2027-01-01', end: '2027-01-31', timeZone: 'Pacific Standard Time' });
    const mine = v.events.filter((e) => e.subject === 'Merchandising sync');
    expect(mine.map((e) => [e.start, e.type])).toEqual([['2027-01-06T14:00', 'occurrence'], ['2027-01-14T15:00', 'exception'], ['2027-01-27T14:00', 'occurrence']]);
  });

  it('a DST week: a daily 12:00 Pacific meeting moves an hour earlier for London on the US switch (2027-03-14)', async () => {
    const s = await ok<Saved>(adele, 'calendar_create_event', {
      subject: 'Daily numbers', start: '2027-03-11T12:00', end: '2027-03-11T12:15', timeZone: 'Pacific Standard Time', repeat: { every: 'day', until: '2027-03-16' },
    });
    const pacific = await ok<View>(adele, 'calendar_list_events', { start: '2027-03-11', end: '2027-03-16', timeZone: 'Pacific Standard Time' });
    expect(pacific.events.filter((e) => e.seriesId === s.id).map((e) => e.start.slice(11))).toEqual(['12:00', '12:00', '12:00', '12:00', '12:00', '12:00']);
    const london = await ok<View>(adele, 'calendar_list_events', { start: '2027-03-11', end: '2027-03-16', timeZone: 'Europe/London' });
    expect(london.events.filter((e) => e.seriesId === s.id).map((e) => e.start)).toEqual([
      '2027-03-11T20:00', '2027-03-12T20:00', '2027-03-13T20:00', '2027-03-14T19:00', '2027-03-15T19:00', '2027-03-16T19:00',
    ]);
  });

  it('a DST week for meeting times: Redmond and London share one more hour once the US has switched', async () => {
    // Before 2027-03-14 Pacific is UTC-8, after it UTC-7; London stays on UTC until 2027-03-28.
    const found = await ok<{ suggestions: { start: string; end: string }[] }>(adele, 'calendar_find_meeting_times', {
      attendees: [upn('christie.cline')], durationMinutes: 60, start: '2027-03-11', end: '2027-03-16', timeZone: 'America/Los_Angeles', maxSuggestions: 20,
    });
    const before = found.suggestions.filter((s) => s.start < '2027-03-14');
    const after = found.suggestions.filter((s) => s.start > '2027-03-14');
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    // London's 09:00-17:30 is 01:00-09:30 Pacific before the switch and 02:00-10:30 after it.
    for (const s of before) expect(s.end.slice(11) <= '09:30', s.start).toBe(true);
    for (const s of after) expect(s.end.slice(11) <= '10:30', s.start).toBe(true);
    expect(after.some((s) => s.end.slice(11) > '09:30')).toBe(true);
    const london = await ok<{ suggestions: { start: string; end: string }[] }>(adele, 'calendar_find_meeting_times', {
      attendees: [upn('christie.cline')], durationMinutes: 60, start: '2027-03-11', end: '2027-03-16', timeZone: 'Europe/London', maxSuggestions: 20,
    });
    for (const s of london.suggestions) expect(s.start.slice(11) >= '09:00' && s.end.slice(11) <= '17:30', s.start).toBe(true);
  });

  it('says when a suggested time is free only because someone is tentative or working elsewhere', async () => {
    // Adele is at the Retail Expo next Monday and Tuesday (all day, shown as working elsewhere).
    const expo = monday;
    const found = await ok<{ suggestions: { start: string; organizer: string; caveat?: string }[]; textBlock: string }>(adele, 'calendar_find_meeting_times', {
      attendees: [upn('ben.walters')], durationMinutes: 60, start: `${expo}T09:00`, end: `${expo}T12:00`, timeZone: 'Pacific Standard Time', minimumAttendeePercentage: 0,
    });
    expect(found.suggestions.length).toBeGreaterThan(0);
    for (const s of found.suggestions) {
      expect(s.organizer).toBe('workingElsewhere');
      expect(s.caveat).toMatch(/^Counted as available although you are working elsewhere \(may only join remotely\)/);
    }
    expect(found.textBlock).toContain('Counted as available although you are working elsewhere');
    // A day without such entries has no caveat on a slot where everyone is plainly free.
    const plain = await ok<{ suggestions: { free: string[]; organizer: string; caveat?: string }[] }>(adele, 'calendar_find_meeting_times', {
      attendees: [upn('ben.walters')], durationMinutes: 30, start: addDays(monday, 2), end: addDays(monday, 2), timeZone: 'Pacific Standard Time',
    });
    const clear = plain.suggestions.filter((s) => s.organizer === 'free' && s.free.length === 1);
    expect(clear.length).toBeGreaterThan(0);
    for (const s of clear) expect(s.caveat).toBeUndefined();
  });

  it('a quorum: with Christie out of office on Friday, 50% of the attendees is enough, 100% is not', async () => {
    const friday = addDays(monday, 4);
    const args = { attendees: [upn('christie.cline'), upn('lee.gu')], durationMinutes: 30, start: friday, end: friday, timeZone: 'Pacific Standard Time' };
    const half = await ok<{ suggestions: { free: string[]; notFree: string[]; confidence: number }[] }>(adele, 'calendar_find_meeting_times', { ...args, minimumAttendeePercentage: 50 });
    expect(half.suggestions.length).toBeGreaterThan(0);
    for (const s of half.suggestions) {
      expect(s.free).toEqual([upn('lee.gu')]);
      expect(s.notFree[0]).toMatch(/^christie\.cline@contoso\.sandbox \((oof|busy)\)$/);
      expect(s.confidence).toBe(50);
    }
    const all = await ok<{ suggestions: unknown[]; noSuggestionsReason?: string }>(adele, 'calendar_find_meeting_times', args);
    expect(all.suggestions).toEqual([]);
    expect(all.noSuggestionsReason).toMatch(/too few attendees are free at the same time/);
  });

  it('declines one occurrence of a series she was invited to, by date; the rest stays accepted', async () => {
    const next = addDays(monday, 7);
    const r = await ok<{ eventId: string }>(adele, 'calendar_respond_event', {
      eventId: (await ok<View>(adele, 'calendar_list_events', { start: monday, end: monday })).events.find((e) => e.subject === 'Sales leadership sync')!.seriesId,
      occurrenceDate: next, response: 'decline', comment: 'At the store that morning.',
    });
    const v = await ok<View>(adele, 'calendar_list_events', { start: monday, end: addDays(next, 1) });
    const syncs = v.events.filter((e) => e.subject === 'Sales leadership sync');
    expect(syncs.find((e) => e.start.startsWith(monday))?.myResponse).toBe('accepted');
    const declined = syncs.find((e) => e.start.startsWith(next));
    expect(declined === undefined || declined.myResponse === 'declined', JSON.stringify(declined)).toBe(true);
    expect(r.eventId).not.toBe(syncs[0].seriesId);
  });

  it('updates title, attendees and adds a Teams link; nothing to change is an error', async () => {
    const c = await ok<Saved>(adele, 'calendar_create_event', { subject: 'Window display', start: '2027-02-10T10:00', end: '2027-02-10T10:30', attendees: [upn('ben.walters')] });
    expect(c.attendees).toEqual([`${upn('ben.walters')} (required, none)`]);
    const u = await ok<Saved>(adele, 'calendar_update_event', { eventId: c.id, subject: 'Window display plan', addAttendees: [upn('megan.bowen')], removeAttendees: [upn('ben.walters')], teamsMeeting: true });
    expect(u.subject).toBe('Window display plan');
    expect(u.attendees.map((a) => a.split(' ')[0])).toEqual([upn('megan.bowen')]);
    expect(u.teamsJoinUrl).toMatch(/^https:\/\//);
    expect(await fails(adele, 'calendar_update_event', { eventId: c.id })).toMatch(/Nothing to change/);
  });
});

describe('calendar: other people\'s calendars', () => {
  it('reads a calendar shared with her; writing to it (read access only) is refused with the reason', async () => {
    const v = await ok<View>(adele, 'calendar_list_events', { start: monday, end: addDays(monday, 4), calendarOwner: upn('alex.wilber') });
    expect(v.events.map((e) => e.subject)).toContain('Working from the Redmond office');
    const err = await fails(adele, 'calendar_create_event', { subject: 'Sneaky', start: '2027-02-10T10:00', end: '2027-02-10T10:30', calendarOwner: upn('alex.wilber') });
    expect(err).toMatch(/You may not change the calendar of alex\.wilber@contoso\.sandbox/);
    expect(err).toMatch(/share it with you with edit rights/);
  });

  it('writes to a calendar shared with edit rights', async () => {
    const c = await ok<Saved>(adele, 'calendar_create_event', { subject: 'Shelf restock', start: '2027-02-11T07:00', end: '2027-02-11T08:00', calendarOwner: upn('ben.walters') });
    const v = await ok<View>(adele, 'calendar_list_events', { start: '2027-02-11', end: '2027-02-11', calendarOwner: upn('ben.walters') });
    expect(v.events.map((e) => e.id)).toContain(c.id);
  });

  it('creates an event in Ben\'s calendar through the id her own list shows for it; it lands in his calendar', async () => {
    const mine = await ok<{ calendars: { id: string; owner?: string }[] }>(adele, 'calendar_list_calendars');
    const ben = mine.calendars.find((c) => c.owner === upn('ben.walters'))!;
    const c = await ok<Saved>(adele, 'calendar_create_event', { subject: 'Stockroom walk-through', start: '2027-02-12T07:00', end: '2027-02-12T08:00', calendarId: ben.id });
    // Asked of the sandbox directly, at Ben's address: the event is in his main calendar, organized by him.
    const token = await sandbox.graphAs(ADELE, 'Calendars.Read.Shared');
    const his = await graph(sandbox, token, `/users/${upn('ben.walters')}/calendar/events/${c.id}?$select=subject,organizer,isOrganizer`);
    expect(his.status, his.text).toBe(200);
    expect(his.body).toMatchObject({ subject: 'Stockroom walk-through', isOrganizer: true, organizer: { emailAddress: { address: upn('ben.walters') } } });
    const hers = await ok<View>(adele, 'calendar_list_events', { start: '2027-02-12', end: '2027-02-12' });
    expect(hers.events.map((e) => e.id)).not.toContain(c.id);
    // Alex's calendar, listed read only, takes no event.
    const alex = (await ok<{ calendars: { id: string; owner?: string }[] }>(adele, 'calendar_list_calendars')).calendars.find((x) => x.owner === upn('alex.wilber'))!;
    expect(await fails(adele, 'calendar_create_event', { subject: 'Sneaky', start: '2027-02-12T09:00', end: '2027-02-12T09:30', calendarId: alex.id })).toMatch(/ErrorAccessDenied.*shared with you: its owner gave you read access only/);
  });

  it('a calendar not shared with her is refused for reading, pointing at free/busy', async () => {
    const err = await fails(adele, 'calendar_list_events', { start: monday, end: monday, calendarOwner: upn('lee.gu') });
    expect(err).toMatch(/not shared with you.*calendar_get_schedule/);
  });

  it('in personal mode another person\'s calendar needs organization mode', async () => {
    const personal = await sandbox.as(ADELE, {});
    try {
      expect(await fails(personal, 'calendar_list_events', { start: monday, end: monday, calendarOwner: upn('alex.wilber') })).toMatch(/need organization mode/);
      // Her own address is her own calendar.
      await ok(personal, 'calendar_list_events', { start: monday, end: monday, calendarOwner: upn('adele.vance') });
    } finally {
      await personal.close();
    }
  });
});

describe('daylight saving gaps', () => {
  it('refuses a local time the clocks skip, saying which times exist, and books the one given instead', async () => {
    const args = { subject: 'Gap test', end: '2027-03-14T04:00', timeZone: 'America/New_York' };
    const text = await fails(adele, 'calendar_create_event', { ...args, start: '2027-03-14T02:30' });
    expect(text).toBe('start "2027-03-14T02:30" does not exist in America/New_York: on 2027-03-14 the clocks jump from 02:00 to 03:00 (daylight saving time). Give a time before 02:00 or from 03:00 on.');
    const token = await sandbox.graphAs(ADELE);
    const none = await graph(sandbox, token, `/me/events?$filter=subject eq 'Gap test'&$select=id`);
    expect(none.body.value).toHaveLength(0);
    // As advised: 03:00 exists.
    const saved = await ok<{ start: string }>(adele, 'calendar_create_event', { ...args, start: '2027-03-14T03:00' });
    expect(saved.start).toMatch(/^2027-03-14T03:00/);
  });

  it('books a time the clocks show twice (autumn) as the second, says so, and the advised way books the first', async () => {
    const token = await sandbox.graphAs(ADELE);
    const startUtc = async (subject: string) => {
      const r = await graph(sandbox, token, `/me/events?$filter=subject eq '${subject}'&$select=start`, { headers: { Prefer: 'outlook.timezone="UTC"' } });
      return (r.body.value as { start: { dateTime: string } }[]).map((e) => e.start.dateTime.slice(0, 16));
    };
    const args = { subject: 'Overlap test', end: '2027-11-07T03:00', timeZone: 'America/New_York' };
    const saved = await ok<{ start: string; note?: string }>(adele, 'calendar_create_event', { ...args, start: '2027-11-07T01:30' });
    expect(saved.note).toBe(
      'start 2027-11-07T01:30 occurs twice in America/New_York (the clocks go back that night): booked as the second, 01:30 UTC-05:00 (standard time). For the first, 01:30 UTC-04:00, give timeZone UTC and start 2027-11-07T05:30.',
    );
    // What the note says is what was booked: 01:30 EST is 06:30 UTC.
    expect(await startUtc('Overlap test')).toEqual(['2027-11-07T06:30']);
    // The first 01:30 given as an instant cannot be booked in the zone: refused, nothing booked, with the way that works.
    const refused = await fails(adele, 'calendar_create_event', { ...args, subject: 'Overlap first', start: '2027-11-07T01:30-04:00' });
    expect(refused).toMatch(/is the first of two 01:30s .*give timeZone UTC and start 2027-11-07T05:30\.$/);
    expect(await startUtc('Overlap first')).toEqual([]);
    const first = await ok<{ start: string; note?: string }>(adele, 'calendar_create_event', { subject: 'Overlap first', start: '2027-11-07T05:30', end: '2027-11-07T07:00', timeZone: 'UTC' });
    expect(first.note).toBeUndefined();
    expect(await startUtc('Overlap first')).toEqual(['2027-11-07T05:30']);
  });
});
