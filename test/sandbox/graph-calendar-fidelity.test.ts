// The calendar side of the sandbox against Microsoft's own description of Graph v1.0: every property it returns
// for events, calendars, calendar permissions, schedules, meeting suggestions and mailbox settings exists on the
// CSDL type with the right JSON type, and responses have the status codes and keys of the documented samples.
import { beforeAll, describe, expect, it } from 'vitest';
import { Csdl, findSample, loadSamples, type DocSample } from './csdl.js';
import { addDays, graph, type GraphAs, PACIFIC, send, upn, useSandbox, view } from '../fixtures.js';

const csdl = Csdl.load();
const samples = loadSamples();
const cs = useSandbox();
let adele: GraphAs;
beforeAll(async () => {
  adele = await cs.graphAs(upn('adele.vance'));
}, 30_000);

const problems = (type: string, obj: Record<string, unknown>) => csdl.problems(type, obj);
const sample = (method: string, url: string): DocSample => findSample(samples, method, url);
const keys = (o: object) => Object.keys(o).filter((k) => !k.startsWith('@odata.')).sort();
/** Documented keys that v1.0's CSDL knows (samples sometimes show beta-only members such as occurrenceId). */
const documented = (type: string, o: object) => keys(o).filter((k) => csdl.properties(type).has(k));

describe('properties against the CSDL', () => {
  it('events of every kind (single, occurrence, exception, master, all-day, online) in UTC and in a zone', async () => {
    const items = [
      ...(await view(cs, adele, 'me', cs.thisWeek, addDays(cs.thisWeek, 14))),
      ...(await view(cs, adele, 'me', cs.thisWeek, addDays(cs.thisWeek, 14), '', PACIFIC)),
    ];
    expect(new Set(items.map((e) => e.type))).toEqual(new Set(['singleInstance', 'occurrence', 'exception']));
    for (const e of items) expect(problems('microsoft.graph.event', e), e.subject).toEqual([]);
    const masters = await graph(cs, adele, '/me/events?$top=100&$select=subject,recurrence,cancelledOccurrences,type,onlineMeeting,attendees');
    for (const e of masters.body.value) expect(problems('microsoft.graph.event', e), e.subject).toEqual([]);
  });

  it('a created meeting, with a proposal on the organizer\'s copy', async () => {
    const day = addDays(cs.nextWeek, 1);
    const created = await send(cs, adele, 'POST', '/me/events', {
      subject: 'Fidelity check', start: { dateTime: `${day}T09:00:00`, timeZone: 'Pacific Standard Time' }, end: { dateTime: `${day}T09:30:00`, timeZone: 'Pacific Standard Time' },
      attendees: [{ emailAddress: { address: upn('lee.gu') } }], isOnlineMeeting: true,
    });
    expect(problems('microsoft.graph.event', created.body)).toEqual([]);
    const lee = await cs.graphAs(upn('lee.gu'));
    const copy = (await graph(cs, lee, `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${created.body.iCalUId}'`)}`)).body.value[0];
    await send(cs, lee, 'POST', `/me/events/${copy.id}/tentativelyAccept`, { proposedNewTime: { start: { dateTime: `${day}T10:00:00`, timeZone: 'UTC' }, end: { dateTime: `${day}T10:30:00`, timeZone: 'UTC' } } });
    const after = await graph(cs, adele, `/me/events/${created.body.id}`);
    expect(after.body.attendees[0].proposedNewTime).toBeDefined();
    expect(problems('microsoft.graph.event', after.body)).toEqual([]);
  });

  it('calendars, calendar permissions and mailbox settings', async () => {
    for (const c of (await graph(cs, adele, '/me/calendars')).body.value) expect(problems('microsoft.graph.calendar', c)).toEqual([]);
    const perms = await graph(cs, adele, '/me/calendar/calendarPermissions');
    expect(perms.body.value.length).toBeGreaterThan(1);
    for (const p of perms.body.value) expect(problems('microsoft.graph.calendarPermission', p)).toEqual([]);
    const settings = await graph(cs, adele, '/me/mailboxSettings');
    expect(problems('microsoft.graph.mailboxSettings', settings.body)).toEqual([]);
  });

  it('scheduleInformation and meetingTimeSuggestionsResult', async () => {
    const s = await send(cs, adele, 'POST', '/me/calendar/getSchedule', {
      schedules: [upn('adele.vance'), upn('christie.cline'), 'nobody@contoso.sandbox'],
      startTime: { dateTime: `${cs.nextWeek}T00:00:00`, timeZone: 'UTC' }, endTime: { dateTime: `${addDays(cs.nextWeek, 5)}T00:00:00`, timeZone: 'UTC' },
    }, PACIFIC);
    for (const info of s.body.value) expect(problems('microsoft.graph.scheduleInformation', info)).toEqual([]);
    const f = await send(cs, adele, 'POST', '/me/findMeetingTimes', {
      attendees: [{ type: 'required', emailAddress: { address: upn('lee.gu') } }, { type: 'required', emailAddress: { address: 'buyer@fabrikam.example' } }],
      returnSuggestionReasons: true, minimumAttendeePercentage: 40, locationConstraint: { locations: [{ displayName: 'Cafe 34' }] },
    });
    expect(f.body.meetingTimeSuggestions.length).toBeGreaterThan(0);
    expect(problems('microsoft.graph.meetingTimeSuggestionsResult', f.body)).toEqual([]);
  });
});

describe('responses against the documented samples', () => {
  it('calendarView: status and the sample\'s keys', async () => {
    const doc = sample('GET', '/me/calendarView?startdatetime=*&enddatetime=*');
    const r = await graph(cs, adele, `/me/calendarView?startdatetime=${cs.nextWeek}T00:00:00Z&enddatetime=${addDays(cs.nextWeek, 1)}T00:00:00Z`);
    expect(r.status).toBe(doc.response.statusCode);
    const docEvent = (doc.response.body as any).value[0];
    expect(keys(r.body.value[0])).toEqual(expect.arrayContaining(keys(docEvent)));
  });

  it('create event: 201 and the documented keys', async () => {
    const doc = sample('POST', '/me/calendars/*/events');
    const cal = (await graph(cs, adele, '/me/calendar')).body.id;
    const r = await send(cs, adele, 'POST', `/me/calendars/${cal}/events`, {
      subject: "Let's go for lunch", body: { contentType: 'HTML', content: 'Does mid month work for you?' },
      start: { dateTime: `${cs.nextWeek}T12:00:00`, timeZone: 'Pacific Standard Time' }, end: { dateTime: `${cs.nextWeek}T14:00:00`, timeZone: 'Pacific Standard Time' },
      location: { displayName: "Harry's Bar" }, attendees: [{ emailAddress: { address: upn('megan.bowen'), name: 'Megan Bowen' }, type: 'required' }],
    }, PACIFIC);
    expect(r.status).toBe(doc.response.statusCode);
    // This (older) sample predates allowNewTimeProposals; the newer /me/events sample has every key we write.
    expect(keys(r.body)).toEqual(expect.arrayContaining(documented('microsoft.graph.event', doc.response.body as object)));
    expect(r.body.location).toEqual((doc.response.body as any).location);
    expect(r.body.body.content).toBe('<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\nDoes mid month work for you?\r\n</body>\r\n</html>\r\n');
    expect(keys(r.body.attendees[0])).toEqual(keys((doc.response.body as any).attendees[0]));
    const newer = sample('POST', '/me/events');
    expect(keys(r.body)).toEqual(documented('microsoft.graph.event', newer.response.body as object));
  });

  it('accept: 202 without a body', async () => {
    const doc = sample('POST', '/me/events/*/accept');
    const lee = await cs.graphAs(upn('lee.gu'));
    const staff = (await view(cs, lee, 'me', cs.nextWeek, addDays(cs.nextWeek, 7))).find((e) => e.subject === 'Contoso all hands')!;
    const r = await send(cs, lee, 'POST', `/me/events/${staff.id}/accept`, { comment: 'See you there', sendResponse: true });
    expect(r.status).toBe(doc.response.statusCode);
    expect(r.text).toBe('');
  });

  it('getSchedule and findMeetingTimes: the documented keys and context', async () => {
    const gs = sample('POST', '/me/calendar/getSchedule');
    const s = await send(cs, adele, 'POST', '/me/calendar/getSchedule', {
      schedules: [upn('adele.vance')], startTime: { dateTime: `${cs.nextWeek}T09:00:00`, timeZone: 'Pacific Standard Time' }, endTime: { dateTime: `${cs.nextWeek}T18:00:00`, timeZone: 'Pacific Standard Time' }, availabilityViewInterval: 60,
    }, PACIFIC);
    const docGs = gs.response.body as any;
    expect(s.status).toBe(gs.response.statusCode);
    expect(s.body['@odata.context']).toBe(docGs['@odata.context']);
    expect(keys(s.body.value[0])).toEqual(keys(docGs.value[0]));
    expect(keys(s.body.value[0].scheduleItems[1])).toEqual(keys(docGs.value[0].scheduleItems[0]));
    expect(s.body.value[0].availabilityView).toHaveLength(9);

    const fm = sample('POST', '/me/findMeetingTimes');
    const f = await send(cs, adele, 'POST', '/me/findMeetingTimes', {
      attendees: [{ type: 'required', emailAddress: { name: 'Alex Wilber', address: upn('alex.wilber') } }],
      locationConstraint: { isRequired: false, suggestLocation: false, locations: [{ resolveAvailability: false, displayName: 'Conf room Hood' }] },
      timeConstraint: { activityDomain: 'work', timeSlots: [{ start: { dateTime: `${cs.nextWeek}T09:00:00`, timeZone: 'Pacific Standard Time' }, end: { dateTime: `${addDays(cs.nextWeek, 2)}T17:00:00`, timeZone: 'Pacific Standard Time' } }] },
      isOrganizerOptional: 'false', meetingDuration: 'PT1H', returnSuggestionReasons: 'true', minimumAttendeePercentage: '100',
    }, PACIFIC);
    const docFm = fm.response.body as any;
    expect(f.status).toBe(fm.response.statusCode);
    expect(f.headers.get('preference-applied')).toBe(fm.response.headers!.find((h) => h.name === 'Preference-Applied')!.value);
    expect(f.body['@odata.context']).toBe(docFm['@odata.context']);
    expect(keys(f.body)).toEqual(keys(docFm));
    expect(keys(f.body.meetingTimeSuggestions[0])).toEqual(keys(docFm.meetingTimeSuggestions[0]));
    expect(f.body.meetingTimeSuggestions[0].locations).toEqual(docFm.meetingTimeSuggestions[0].locations);
    expect(f.body.meetingTimeSuggestions[0].meetingTimeSlot.start.timeZone).toBe('Pacific Standard Time');
  });

  it('calendars, calendar permissions and mailbox settings: the documented keys', async () => {
    const cals = sample('GET', '/me/calendars');
    const c = await graph(cs, adele, '/me/calendars');
    expect(keys(c.body.value[0]).filter((k) => k !== 'isDefaultCalendar')).toEqual(keys((cals.response.body as any).value[0]));
    const perms = sample('GET', '/users/*/calendar/calendarPermissions');
    const p = await graph(cs, adele, `/users/${upn('adele.vance')}/calendar/calendarPermissions`);
    expect(keys(p.body.value[0])).toEqual(keys((perms.response.body as any).value[0]));
    expect(p.body.value[0]).toMatchObject({ id: 'RGVmYXVsdA==', role: 'freeBusyRead', emailAddress: { name: 'My Organization' }, isRemovable: false });
    const ms = sample('GET', '/me/mailboxSettings');
    const m = await graph(cs, adele, '/me/mailboxSettings');
    expect(keys(m.body)).toEqual(expect.arrayContaining(keys(ms.response.body as object)));
    const wh = sample('GET', '/me/mailboxSettings/workingHours');
    expect(keys((await graph(cs, adele, '/me/mailboxSettings/workingHours')).body)).toEqual(keys(wh.response.body as object));
  });
});
