// Reading calendars over real HTTP: the seeded weeks (a daily series with one moved and one cancelled
// occurrence), Prefer: outlook.timezone with Windows and IANA names, both 2026 DST switches, OData options and
// paging on calendarView, /events and /instances, Graph's 400s, and who may read whose calendar.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, graph, type GraphAs, hm, PACIFIC, prefer, upn, useSandbox, view } from '../fixtures.js';

const cs = useSandbox();
let adele: GraphAs;
beforeAll(async () => {
  adele = await cs.graphAs(upn('adele.vance'));
}, 30_000);

/** Adele's items of next week, read in Pacific time, keyed by their local start. */
async function nextWeekPacific(token = adele, who = 'me') {
  const all = await view(cs, token, who, addDays(cs.nextWeek, -1), addDays(cs.nextWeek, 8), '', PACIFIC);
  return all.filter((e) => e.start.dateTime.slice(0, 10) >= cs.nextWeek && e.start.dateTime.slice(0, 10) <= addDays(cs.nextWeek, 6));
}

describe('calendars', () => {
  it('lists the default calendar and the extra ones, and reads the default one', async () => {
    const r = await graph(cs, adele, '/me/calendars');
    expect(r.status).toBe(200);
    // Her own calendars, then those Alex and Ben shared with her (graph-calendar-shared.test.ts).
    expect(r.body.value.map((c: any) => c.name)).toEqual(['Calendar', 'Personal', 'Retail launches', 'Alex Wilber', 'Ben Walters']);
    expect(r.body.value[0]).toMatchObject({ isDefaultCalendar: true, canEdit: true, canShare: true, isRemovable: false, owner: { address: upn('adele.vance') } });
    const d = await graph(cs, adele, '/me/calendar');
    expect(d.body).toMatchObject({ id: r.body.value[0].id, name: 'Calendar', isDefaultCalendar: true });
    const one = await graph(cs, adele, `/me/calendars/${r.body.value[1].id}?$select=name`);
    expect(one.body).toMatchObject({ name: 'Personal' });
    expect(Object.keys(one.body).filter((k) => !k.startsWith('@'))).toEqual(['id', 'name']);
  });

  it('the shared mailbox has calendars too, for its delegates', async () => {
    const ben = await cs.graphAs(upn('ben.walters'));
    const r = await graph(cs, ben, `/users/${upn('support')}/calendars`);
    expect(r.status).toBe(200);
    expect(r.body.value.map((c: any) => c.name)).toEqual(['Calendar', 'Support rota']);
  });
});

describe('the seeded week', () => {
  it('expands the daily series: moved on Wednesday (an exception), cancelled on Friday', async () => {
    const opening = (await nextWeekPacific()).filter((e) => e.subject.startsWith('Store opening check-in'));
    const d = (n: number) => addDays(cs.nextWeek, n);
    expect(opening.map((e) => hm(e.start))).toEqual([`${d(0)}T08:00`, `${d(1)}T08:00`, `${d(2)}T09:00`, `${d(3)}T08:00`, `${d(5)}T08:00`, `${d(6)}T08:00`]);
    expect(opening.map((e) => e.type)).toEqual(['occurrence', 'occurrence', 'exception', 'occurrence', 'occurrence', 'occurrence']);
    expect(opening[2]).toMatchObject({ subject: 'Store opening check-in (late delivery)', end: { dateTime: `${d(2)}T09:15:00.0000000`, timeZone: 'Pacific Standard Time' } });
    expect(new Set(opening.map((e) => e.seriesMasterId)).size).toBe(1);
    expect(opening[0].recurrence).toBeNull();

    const master = await graph(cs, adele, `/me/events/${opening[0].seriesMasterId}?$select=subject,type,recurrence,cancelledOccurrences`);
    expect(master.body).toMatchObject({ type: 'seriesMaster', recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', recurrenceTimeZone: 'Pacific Standard Time' } } });
    expect(master.body.cancelledOccurrences).toHaveLength(1);
    const one = await graph(cs, adele, `/me/events/${opening[2].id}`, { headers: PACIFIC });
    expect(one.body).toMatchObject({ id: opening[2].id, type: 'exception', seriesMasterId: opening[0].seriesMasterId });
  });

  it('shows all-day, out-of-office, working-elsewhere, tentative and private items as seeded', async () => {
    const next = await nextWeekPacific();
    expect(next.find((e) => e.subject === 'Retail Expo (Las Vegas)')).toMatchObject({
      isAllDay: true, showAs: 'workingElsewhere',
      start: { dateTime: `${cs.nextWeek}T00:00:00.0000000`, timeZone: 'Pacific Standard Time' }, end: { dateTime: `${addDays(cs.nextWeek, 2)}T00:00:00.0000000` },
    });
    expect(next.find((e) => e.subject === 'Dentist')).toMatchObject({ sensitivity: 'private', isOrganizer: true });
    expect(next.find((e) => e.subject === 'Contoso all hands')).toMatchObject({
      isOrganizer: false, showAs: 'tentative', responseStatus: { response: 'notResponded' }, organizer: { emailAddress: { address: upn('patti.fernandez') } },
      isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness',
    });
    const thisWeek = await view(cs, adele, 'me', cs.thisWeek, addDays(cs.thisWeek, 7), '', PACIFIC);
    expect(thisWeek.find((e) => e.subject === 'Vendor webinar: spring collection')?.showAs).toBe('tentative');
    const megan = await view(cs, await cs.graphAs(upn('megan.bowen')), 'me', cs.thisWeek, addDays(cs.thisWeek, 7));
    expect(megan.find((e) => e.subject === 'Vacation')).toMatchObject({ isAllDay: true, showAs: 'oof' });
  });

  it('the same meeting in the organizer\'s and an attendee\'s calendar: one iCalUId, each with its own answer', async () => {
    const mine = (await nextWeekPacific()).find((e) => e.subject === 'Sales leadership sync')!;
    const alex = await cs.graphAs(upn('alex.wilber'));
    const his = (await nextWeekPacific(alex)).find((e) => e.subject === 'Sales leadership sync')!;
    expect(mine.iCalUId).toBe(his.iCalUId);
    expect(mine.id).not.toBe(his.id);
    expect(his).toMatchObject({ isOrganizer: true, responseStatus: { response: 'organizer' } });
    expect(mine).toMatchObject({ isOrganizer: false, responseStatus: { response: 'accepted' }, showAs: 'busy' });
    expect(his.attendees.find((a: any) => a.emailAddress.address === upn('adele.vance')).status.response).toBe('accepted');
  });

  it('/events lists single items and series masters, not occurrences; /instances expands one series', async () => {
    const r = await graph(cs, adele, '/me/events?$top=100&$select=subject,type');
    expect(r.body.value.every((e: any) => e.type === 'singleInstance' || e.type === 'seriesMaster')).toBe(true);
    const master = r.body.value.find((e: any) => e.subject === 'Store opening check-in');
    expect(master.type).toBe('seriesMaster');
    expect(r.body.value.some((e: any) => e.subject === 'Yoga class')).toBe(false); // another calendar
    const inst = await graph(cs, adele, `/me/events/${master.id}/instances?startDateTime=${cs.nextWeek}T00:00:00Z&endDateTime=${addDays(cs.nextWeek, 7)}T00:00:00Z&$top=20`);
    expect(inst.body.value).toHaveLength(6);
    expect(inst.body.value.every((e: any) => e.seriesMasterId === master.id)).toBe(true);
    const missing = await graph(cs, adele, `/me/events/${master.id}/instances`);
    expect(missing.status).toBe(400);
  });
});

describe('time zones', () => {
  it('answers in UTC by default, and in the zone Prefer names (Windows or IANA), saying so', async () => {
    const q = `/me/calendarView?startDateTime=${cs.nextWeek}T00:00:00Z&endDateTime=${addDays(cs.nextWeek, 7)}T00:00:00Z&$filter=subject eq 'Sales leadership sync'`;
    const utc = await graph(cs, adele, q);
    expect(utc.headers.get('preference-applied')).toBeNull();
    expect(utc.body.value[0].start.timeZone).toBe('UTC');
    const iana = await graph(cs, adele, q, { headers: prefer('America/New_York') });
    const windows = await graph(cs, adele, q, { headers: prefer('Eastern Standard Time') });
    expect(iana.headers.get('preference-applied')).toBe('outlook.timezone="America/New_York"');
    expect(windows.headers.get('preference-applied')).toBe('outlook.timezone="Eastern Standard Time"');
    expect(iana.body.value[0].start).toEqual({ dateTime: `${cs.nextWeek}T11:00:00.0000000`, timeZone: 'America/New_York' });
    expect(windows.body.value[0].start).toEqual({ dateTime: `${cs.nextWeek}T11:00:00.0000000`, timeZone: 'Eastern Standard Time' });
    expect(iana.body.value[0].originalStartTimeZone).toBe('Eastern Standard Time');
    const bad = await graph(cs, adele, q, { headers: prefer('Mars/Olympus') });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'TimeZoneNotSupportedException', message: expect.stringContaining("'Mars/Olympus'") });
  });

  it('keeps local times across the US switch (8 March 2026) and the EU switch (29 March 2026)', async () => {
    // Adele's 08:00 Pacific check-in, seen in London: 16:00 until the US switch, 15:00 for three weeks, 16:00 again.
    const march = await view(cs, adele, 'me', '2026-03-06', '2026-04-01', `&$filter=${encodeURIComponent("subject eq 'Store opening check-in'")}`, prefer('Europe/London'));
    const at = (d: string) => hm(march.find((e) => e.start.dateTime.startsWith(d))!.start);
    expect([at('2026-03-07'), at('2026-03-08'), at('2026-03-28'), at('2026-03-29')]).toEqual(['2026-03-07T16:00', '2026-03-08T15:00', '2026-03-28T15:00', '2026-03-29T16:00']);
    // Christie's 16:00 London meeting, in Alex's calendar in New York time: 11:00, then 12:00 between the switches.
    const alex = await view(cs, await cs.graphAs(upn('adele.vance'), 'Calendars.Read.Shared'), upn('alex.wilber'), '2026-03-01', '2026-04-05', `&$filter=${encodeURIComponent("subject eq 'EMEA sales weekly'")}`, prefer('Eastern Standard Time'));
    expect(alex.map((e) => hm(e.start))).toEqual(['2026-03-04T11:00', '2026-03-11T12:00', '2026-03-18T12:00', '2026-03-25T12:00', '2026-04-01T11:00']);
    expect(alex.map((e) => hm(e.end).slice(11))).toEqual(['11:45', '12:45', '12:45', '12:45', '11:45']);
  });
});

describe('OData on calendarView', () => {
  const range = () => `startDateTime=${cs.nextWeek}T00:00:00Z&endDateTime=${addDays(cs.nextWeek, 7)}T00:00:00Z`;

  it('pages by 10 by default and by $top, with $skip nextLinks that cover everything once', async () => {
    const all = await graph(cs, adele, `/me/calendarView?${range()}&$top=100`);
    const first = await graph(cs, adele, `/me/calendarView?${range()}`);
    expect(first.body.value).toHaveLength(10);
    expect(first.body['@odata.nextLink']).toMatch(/\$skip=10$/);
    const paged = await view(cs, adele, 'me', cs.nextWeek, addDays(cs.nextWeek, 7), '&$top=7');
    expect(paged.map((e) => e.id)).toEqual(all.body.value.map((e: any) => e.id));
    const counted = await graph(cs, adele, `/me/calendarView?${range()}&$count=true&$top=1`);
    expect(counted.body['@odata.count']).toBe(all.body.value.length);
  });

  it('$select keeps id and @odata.etag; $filter and $orderby take start/dateTime and subject', async () => {
    const sel = await graph(cs, adele, `/me/calendarView?${range()}&$select=subject&$top=1`);
    expect(Object.keys(sel.body.value[0])).toEqual(['@odata.etag', 'id', 'subject']);
    expect(sel.body['@odata.context']).toMatch(/calendarView\(subject\)$/);
    const later = `${addDays(cs.nextWeek, 4)}T00:00:00`;
    const f = await graph(cs, adele, `/me/calendarView?${range()}&$top=100&$filter=${encodeURIComponent(`start/dateTime ge '${later}'`)}&$orderby=start/dateTime desc`);
    expect(f.body.value.length).toBeGreaterThan(0);
    expect(f.body.value.every((e: any) => e.start.dateTime >= later)).toBe(true);
    const starts = f.body.value.map((e: any) => e.start.dateTime);
    expect(starts).toEqual([...starts].sort().reverse());
    const dentist = await graph(cs, adele, `/me/calendarView?${range()}&$filter=${encodeURIComponent("subject eq 'Dentist'")}`);
    expect(dentist.body.value).toHaveLength(1);
    const bad = await graph(cs, adele, `/me/calendarView?${range()}&$select=nonsense`);
    expect(bad.status).toBe(400);
  });

  it('refuses a missing or malformed window as Exchange does', async () => {
    const none = await graph(cs, adele, '/me/calendarView');
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ code: 'ErrorInvalidParameter', message: 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.' });
    // An unencoded "+" arrives as a space: the classic mistake, refused.
    const plus = await graph(cs, adele, `/me/calendarView?startDateTime=2026-03-01T00:00:00+01:00&endDateTime=2026-03-02T00:00:00Z`);
    expect(plus.status).toBe(400);
    expect(plus.body.error.message).toMatch(/StartDateTime/);
    const offset = await graph(cs, adele, `/me/calendarView?startDateTime=${encodeURIComponent(`${cs.nextWeek}T00:00:00-08:00`)}&endDateTime=${encodeURIComponent(`${cs.nextWeek}T23:59:59-08:00`)}`);
    expect(offset.status).toBe(200);
  });
});

describe('who may read whose calendar', () => {
  it('someone who shared nothing with you: 403 ErrorAccessDenied, though free/busy still works', async () => {
    const shared = await cs.graphAs(upn('adele.vance'), 'Calendars.Read.Shared');
    const patti = await graph(cs, shared, `/users/${upn('patti.fernandez')}/calendarView?startDateTime=${cs.nextWeek}T00:00:00Z&endDateTime=${addDays(cs.nextWeek, 1)}T00:00:00Z`);
    expect(patti.status).toBe(403);
    expect(patti.body.error.code).toBe('ErrorAccessDenied');
    expect((await graph(cs, shared, `/users/${upn('patti.fernandez')}/events`)).status).toBe(403);
    expect((await graph(cs, shared, `/users/${upn('alex.wilber')}/events`)).status).toBe(200);
  });

  it('another person\'s calendar needs a .Shared permission even when it is shared with you', async () => {
    const own = await cs.graphAs(upn('adele.vance'), 'Calendars.ReadWrite');
    const r = await graph(cs, own, `/users/${upn('alex.wilber')}/calendar`);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('ErrorAccessDenied');
    expect((await graph(cs, own, '/me/calendar')).status).toBe(200);
  });

  it('the shared mailbox: its delegates read it, others are refused', async () => {
    const ben = await cs.graphAs(upn('ben.walters'), 'Calendars.Read.Shared');
    const pradeep = await cs.graphAs(upn('pradeep.gupta'), 'Calendars.Read.Shared');
    const path = `/users/${upn('support')}/calendarView?startDateTime=${cs.nextWeek}T00:00:00Z&endDateTime=${addDays(cs.nextWeek, 7)}T00:00:00Z`;
    const ok = await graph(cs, ben, path);
    expect(ok.status).toBe(200);
    expect(ok.body.value.map((e: any) => e.subject)).toEqual(expect.arrayContaining(['Weekly support triage', 'Holiday coverage planning']));
    expect((await graph(cs, pradeep, path)).status).toBe(403);
  });

  it('limited read: items without bodies, and never the private ones', async () => {
    const ben = await cs.graphAs(upn('ben.walters'), 'Calendars.Read.Shared');
    const items = await view(cs, ben, upn('adele.vance'), cs.nextWeek, addDays(cs.nextWeek, 7));
    expect(items.length).toBeGreaterThan(5);
    expect(items.some((e) => 'body' in e)).toBe(false);
    expect(items.some((e) => e.subject === 'Dentist')).toBe(false);
  });

  it('mailbox settings: own working hours and zone; someone else\'s are refused', async () => {
    const r = await graph(cs, adele, '/me/mailboxSettings');
    expect(r.body).toMatchObject({ timeZone: 'Pacific Standard Time', workingHours: { startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'Pacific Standard Time' } } });
    const wh = await graph(cs, await cs.graphAs(upn('kenji.watanabe')), '/me/mailboxSettings/workingHours');
    expect(wh.body).toMatchObject({ daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '09:00:00.0000000', timeZone: { name: 'Tokyo Standard Time' } });
    expect((await graph(cs, adele, `/users/${upn('christie.cline')}/mailboxSettings`)).status).toBe(403);
  });
});
