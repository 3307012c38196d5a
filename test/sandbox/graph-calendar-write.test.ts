// Writing calendars over real HTTP, with several people in one tenant: a meeting's fan-out (a copy in each
// internal attendee's calendar, an invitation in their inbox), answers that update the organizer's copy,
// proposals of new times, reschedules and cancellations reaching attendees, Exchange's rules on all-day
// events and recurrence, one occurrence becoming an exception, and delegates writing in a shared calendar.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, graph, type GraphAs, hm, PACIFIC, send, upn, useSandbox, view } from '../fixtures.js';

const cs = useSandbox();
const T: Record<string, GraphAs> = {};
beforeAll(async () => {
  for (const who of ['adele.vance', 'lee.gu', 'christie.cline', 'alex.wilber', 'ben.walters']) T[who] = await cs.graphAs(upn(who));
}, 30_000);

const pt = (date: string, time: string) => ({ dateTime: `${date}T${time}:00`, timeZone: 'Pacific Standard Time' });
const inbox = async (who: string, subject: string) =>
  (await graph(cs, T[who], `/me/mailFolders/inbox/messages?$filter=${encodeURIComponent(`subject eq '${subject.replace(/'/g, "''")}'`)}`)).body.value as any[];
/** The copy of a meeting in someone's calendar, by iCalUId. */
const copyOf = async (who: string, iCalUId: string) =>
  (await graph(cs, T[who], `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${iCalUId}'`)}`, { headers: PACIFIC })).body.value[0];

describe('a meeting across offices', () => {
  let meeting: any;
  const subject = 'Holiday campaign review';

  it('creates it (201) with a Teams link, and each internal attendee gets a copy and an invitation', async () => {
    const day = addDays(cs.nextWeek, 2);
    const r = await send(cs, T['adele.vance'], 'POST', '/me/events', {
      subject, body: { contentType: 'HTML', content: '<p>Numbers first, then creative.</p>' },
      start: pt(day, '07:00'), end: pt(day, '07:45'), location: { displayName: 'Conf Room 18/2002' },
      attendees: [
        { type: 'required', emailAddress: { address: upn('lee.gu'), name: 'Lee Gu' } },
        { type: 'required', emailAddress: { address: upn('christie.cline') } },
        { type: 'optional', emailAddress: { address: 'buyer@fabrikam.example', name: 'Fabrikam buyer' } },
      ],
      isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness',
    }, PACIFIC);
    expect(r.status).toBe(201);
    meeting = r.body;
    expect(meeting).toMatchObject({
      subject, type: 'singleInstance', isOrganizer: true, responseStatus: { response: 'organizer' }, showAs: 'busy',
      start: { dateTime: `${day}T07:00:00.0000000`, timeZone: 'Pacific Standard Time' }, originalStartTimeZone: 'Pacific Standard Time',
      isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', location: { displayName: 'Conf Room 18/2002' },
    });
    expect(meeting.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(meeting.attendees.map((a: any) => a.status.response)).toEqual(['none', 'none', 'none']);
    expect(meeting.attendees[1].emailAddress.name).toBe(upn('christie.cline'));

    for (const who of ['lee.gu', 'christie.cline']) {
      const copy = await copyOf(who, meeting.iCalUId);
      expect(copy).toMatchObject({ subject, isOrganizer: false, showAs: 'tentative', responseStatus: { response: 'notResponded' }, organizer: { emailAddress: { address: upn('adele.vance') } } });
      expect(copy.id).not.toBe(meeting.id);
      expect(copy.onlineMeeting.joinUrl).toBe(meeting.onlineMeeting.joinUrl);
      const mail = await inbox(who, subject);
      expect(mail).toHaveLength(1);
      expect(mail[0].from.emailAddress.address).toBe(upn('adele.vance'));
    }
    // Christie sees it in London time.
    const london = await graph(cs, T['christie.cline'], `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${meeting.iCalUId}'`)}`, { headers: { Prefer: 'outlook.timezone="Europe/London"' } });
    expect(london.body.value[0].start.timeZone).toBe('Europe/London');
  });

  it('Lee accepts with a comment: his copy is busy, the organizer sees "accepted", the answer is in her inbox', async () => {
    const mine = await copyOf('lee.gu', meeting.iCalUId);
    const r = await send(cs, T['lee.gu'], 'POST', `/me/events/${mine.id}/accept`, { comment: 'Works for me.', sendResponse: true });
    expect(r.status).toBe(202);
    expect(r.text).toBe('');
    expect(await copyOf('lee.gu', meeting.iCalUId)).toMatchObject({ responseStatus: { response: 'accepted' }, showAs: 'busy' });
    const organizer = await graph(cs, T['adele.vance'], `/me/events/${meeting.id}`);
    const lee = organizer.body.attendees.find((a: any) => a.emailAddress.address === upn('lee.gu'));
    expect(lee.status.response).toBe('accepted');
    expect(lee.status.time).not.toBe('0001-01-01T00:00:00Z');
    expect((await inbox('adele.vance', `Accepted: ${subject}`))[0].bodyPreview).toBe('Works for me.');
  });

  it('Christie proposes a new time with a tentative answer; accept cannot carry one, nor can a silent answer', async () => {
    const mine = await copyOf('christie.cline', meeting.iCalUId);
    const day = addDays(cs.nextWeek, 3);
    const proposal = { start: pt(day, '08:00'), end: pt(day, '08:45') };
    const onAccept = await send(cs, T['christie.cline'], 'POST', `/me/events/${mine.id}/accept`, { proposedNewTime: proposal });
    expect(onAccept.status).toBe(400);
    const silent = await send(cs, T['christie.cline'], 'POST', `/me/events/${mine.id}/tentativelyAccept`, { proposedNewTime: proposal, sendResponse: false });
    expect(silent.status).toBe(400);
    const r = await send(cs, T['christie.cline'], 'POST', `/me/events/${mine.id}/tentativelyAccept`, { comment: 'Thursday suits me better.', proposedNewTime: proposal });
    expect(r.status).toBe(202);
    expect(await copyOf('christie.cline', meeting.iCalUId)).toMatchObject({ responseStatus: { response: 'tentativelyAccepted' }, showAs: 'tentative' });
    const organizer = await graph(cs, T['adele.vance'], `/me/events/${meeting.id}`);
    const christie = organizer.body.attendees.find((a: any) => a.emailAddress.address === upn('christie.cline'));
    expect(christie.status.response).toBe('tentativelyAccepted');
    expect(christie.proposedNewTime.start).toEqual({ dateTime: `${day}T08:00:00.0000000`, timeZone: 'Pacific Standard Time' });
    expect(await inbox('adele.vance', `New Time Proposed: ${subject}`)).toHaveLength(1);
  });

  it('the organizer cannot answer her own meeting', async () => {
    const r = await send(cs, T['adele.vance'], 'POST', `/me/events/${meeting.id}/accept`, {});
    expect(r.status).toBe(400);
  });

  it('moving the meeting moves every copy and asks everybody to answer again', async () => {
    const day = addDays(cs.nextWeek, 3);
    const r = await send(cs, T['adele.vance'], 'PATCH', `/me/events/${meeting.id}`, { start: pt(day, '08:00'), end: pt(day, '08:45') }, PACIFIC);
    expect(r.status).toBe(200);
    expect(hm(r.body.start)).toBe(`${day}T08:00`);
    expect(r.body.attendees.every((a: any) => a.status.response === 'none')).toBe(true);
    const lee = await copyOf('lee.gu', meeting.iCalUId);
    expect(lee).toMatchObject({ responseStatus: { response: 'notResponded' }, showAs: 'tentative', start: { dateTime: `${day}T08:00:00.0000000` } });
  });

  it('a decline without a response leaves the calendar and tells the organizer nothing', async () => {
    const mine = await copyOf('christie.cline', meeting.iCalUId);
    const r = await send(cs, T['christie.cline'], 'POST', `/me/events/${mine.id}/decline`, { sendResponse: false });
    expect(r.status).toBe(202);
    expect((await graph(cs, T['christie.cline'], `/me/events/${mine.id}`)).status).toBe(404);
    const organizer = await graph(cs, T['adele.vance'], `/me/events/${meeting.id}`);
    expect(organizer.body.attendees.find((a: any) => a.emailAddress.address === upn('christie.cline')).status.response).toBe('none');
    expect(await inbox('adele.vance', `Declined: ${subject}`)).toHaveLength(0);
  });

  it('cancelling with a comment removes it from the organizer and marks the attendees\' copies cancelled', async () => {
    const r = await send(cs, T['adele.vance'], 'POST', `/me/events/${meeting.id}/cancel`, { comment: 'Moving this to the new year.' });
    expect(r.status).toBe(202);
    expect((await graph(cs, T['adele.vance'], `/me/events/${meeting.id}`)).status).toBe(404);
    expect(await copyOf('lee.gu', meeting.iCalUId)).toMatchObject({ isCancelled: true, subject: `Canceled: ${subject}` });
    const mail = await inbox('lee.gu', `Canceled: ${subject}`);
    expect(mail[0].bodyPreview).toBe('Moving this to the new year.');
  });

  it('only the organizer may cancel', async () => {
    const seeded = (await view(cs, T['lee.gu'], 'me', cs.nextWeek, addDays(cs.nextWeek, 7))).find((e) => e.subject === 'Executive staff meeting')!;
    const r = await send(cs, T['lee.gu'], 'POST', `/me/events/${seeded.id}/cancel`, { comment: 'no' });
    expect(r.status).toBe(400);
  });
});

describe('Exchange\'s rules on times', () => {
  it('all-day events run from midnight to midnight; anything else is a 400', async () => {
    const day = addDays(cs.nextWeek, 4);
    const bad = await send(cs, T['adele.vance'], 'POST', '/me/events', { subject: 'Offsite', isAllDay: true, start: pt(day, '09:00'), end: pt(addDays(day, 1), '09:00') });
    expect(bad.status).toBe(400);
    const ok = await send(cs, T['adele.vance'], 'POST', '/me/events', { subject: 'Offsite', isAllDay: true, showAs: 'oof', start: pt(day, '00:00'), end: pt(addDays(day, 1), '00:00') });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ isAllDay: true, start: { dateTime: `${day}T00:00:00.0000000`, timeZone: 'UTC' }, end: { dateTime: `${addDays(day, 1)}T00:00:00.0000000` } });
  });

  it('an end before the start, or an unknown zone, is refused', async () => {
    const day = addDays(cs.nextWeek, 4);
    const backwards = await send(cs, T['adele.vance'], 'POST', '/me/events', { subject: 'x', start: pt(day, '10:00'), end: pt(day, '09:00') });
    expect(backwards.status).toBe(400);
    const zone = await send(cs, T['adele.vance'], 'POST', '/me/events', { subject: 'x', start: { dateTime: `${day}T10:00:00`, timeZone: 'Atlantis' }, end: pt(day, '11:00') });
    expect(zone.body.error.code).toBe('TimeZoneNotSupportedException');
  });
});

describe('a series of her own', () => {
  let master: any;
  const start = () => addDays(cs.nextWeek, 7); // the Monday after next

  it('creates a weekly series (Monday and Wednesday, six times) and lists its occurrences', async () => {
    const r = await send(cs, T['adele.vance'], 'POST', '/me/events', {
      subject: 'Window display planning', start: pt(start(), '15:00'), end: pt(start(), '15:30'),
      recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'] }, range: { type: 'numbered', startDate: start(), numberOfOccurrences: 6 } },
    }, PACIFIC);
    expect(r.status).toBe(201);
    master = r.body;
    expect(master).toMatchObject({ type: 'seriesMaster', recurrence: { pattern: { firstDayOfWeek: 'sunday', index: 'first', month: 0, dayOfMonth: 0 }, range: { endDate: '0001-01-01', recurrenceTimeZone: 'Pacific Standard Time' } } });
    const inst = await graph(cs, T['adele.vance'], `/me/events/${master.id}/instances?startDateTime=${start()}T00:00:00Z&endDateTime=${addDays(start(), 28)}T00:00:00Z`, { headers: PACIFIC });
    expect(inst.body.value.map((e: any) => hm(e.start))).toEqual([0, 2, 7, 9, 14, 16].map((n) => `${addDays(start(), n)}T15:00`));
  });

  it('changing one occurrence makes it an exception with the same id; deleting another cancels just that one', async () => {
    const list = async () => (await graph(cs, T['adele.vance'], `/me/events/${master.id}/instances?startDateTime=${start()}T00:00:00Z&endDateTime=${addDays(start(), 28)}T00:00:00Z`, { headers: PACIFIC })).body.value;
    const [, second, third] = await list();
    const moved = await send(cs, T['adele.vance'], 'PATCH', `/me/events/${second.id}`, { subject: 'Window display planning (with visual team)', start: pt(addDays(start(), 2), '16:00'), end: pt(addDays(start(), 2), '16:45') }, PACIFIC);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: second.id, type: 'exception', seriesMasterId: master.id, start: { dateTime: `${addDays(start(), 2)}T16:00:00.0000000` } });
    expect((await send(cs, T['adele.vance'], 'DELETE', `/me/events/${third.id}`)).status).toBe(204);
    const after = await list();
    expect(after.map((e: any) => e.type)).toEqual(['occurrence', 'exception', 'occurrence', 'occurrence', 'occurrence']);
    expect((await graph(cs, T['adele.vance'], `/me/events/${third.id}`)).status).toBe(404);
    const m = await graph(cs, T['adele.vance'], `/me/events/${master.id}?$select=cancelledOccurrences`);
    expect(m.body.cancelledOccurrences).toHaveLength(1);
    const recurring = await send(cs, T['adele.vance'], 'PATCH', `/me/events/${second.id}`, { recurrence: { pattern: { type: 'daily' }, range: { type: 'noEnd', startDate: start() } } });
    expect(recurring.status).toBe(400);
  });

  it('monthly patterns: the last Friday, and day 31 on the last day of shorter months', async () => {
    const mk = (subject: string, pattern: object, from: string) =>
      send(cs, T['adele.vance'], 'POST', '/me/events', { subject, start: pt(from, '12:00'), end: pt(from, '12:30'), recurrence: { pattern, range: { type: 'endDate', startDate: from, endDate: '2027-06-30' } } });
    const last = await mk('Inventory count', { type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' }, '2027-01-01');
    const day31 = await mk('Pay rent', { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 }, '2027-01-01');
    const dates = async (id: string) => (await graph(cs, T['adele.vance'], `/me/events/${id}/instances?startDateTime=2027-01-01T00:00:00Z&endDateTime=2027-07-01T00:00:00Z`, { headers: PACIFIC })).body.value.map((e: any) => e.start.dateTime.slice(0, 10));
    expect(await dates(last.body.id)).toEqual(['2027-01-29', '2027-02-26', '2027-03-26', '2027-04-30', '2027-05-28', '2027-06-25']);
    expect(await dates(day31.body.id)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31', '2027-06-30']);
    expect(last.body.start.dateTime.slice(0, 10)).toBe('2027-01-29'); // the master starts at its first occurrence
  });

  it('a daily series through the 2027 DST switches keeps its local time; an exception in the switch week stays put', async () => {
    const r = await send(cs, T['adele.vance'], 'POST', '/me/events', {
      subject: 'Morning huddle', start: pt('2027-03-10', '09:00'), end: pt('2027-03-10', '09:15'),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'endDate', startDate: '2027-03-10', endDate: '2027-03-31' } },
    });
    const instances = async () => (await graph(cs, T['adele.vance'], `/me/events/${r.body.id}/instances?startDateTime=2027-03-12T00:00:00Z&endDateTime=2027-03-30T00:00:00Z&$top=50`)).body.value;
    const utc = (list: any[], day: string) => hm(list.find((e) => e.start.dateTime.startsWith(day)).start);
    // US switch on 14 March: 09:00 Pacific is 17:00 UTC before, 16:00 after; the EU switch (28 March) changes nothing here.
    const before = await instances();
    expect([utc(before, '2027-03-13'), utc(before, '2027-03-14'), utc(before, '2027-03-28')]).toEqual(['2027-03-13T17:00', '2027-03-14T16:00', '2027-03-28T16:00']);
    const monday = before.find((e: any) => e.start.dateTime.startsWith('2027-03-15'));
    await send(cs, T['adele.vance'], 'PATCH', `/me/events/${monday.id}`, { start: pt('2027-03-15', '10:30'), end: pt('2027-03-15', '10:45') });
    const after = await instances();
    expect(after.find((e: any) => e.id === monday.id)).toMatchObject({ type: 'exception', start: { dateTime: '2027-03-15T17:30:00.0000000', timeZone: 'UTC' } });
    expect(after).toHaveLength(before.length);
  });

  it('yearly patterns: absolute (14 February) and relative (fourth Thursday of November)', async () => {
    const mk = (subject: string, pattern: object) =>
      send(cs, T['adele.vance'], 'POST', '/me/events', { subject, isAllDay: true, start: pt('2027-01-01', '00:00'), end: pt('2027-01-02', '00:00'), recurrence: { pattern, range: { type: 'numbered', startDate: '2027-01-01', numberOfOccurrences: 3 } } });
    const valentine = await mk('Valentine window display', { type: 'absoluteYearly', interval: 1, month: 2, dayOfMonth: 14 });
    const thanksgiving = await mk('Thanksgiving', { type: 'relativeYearly', interval: 1, month: 11, daysOfWeek: ['thursday'], index: 'fourth' });
    const dates = async (id: string) => (await graph(cs, T['adele.vance'], `/me/events/${id}/instances?startDateTime=2027-01-01T00:00:00Z&endDateTime=2031-01-01T00:00:00Z`, { headers: PACIFIC })).body.value.map((e: any) => e.start.dateTime.slice(0, 10));
    expect(await dates(valentine.body.id)).toEqual(['2027-02-14', '2028-02-14', '2029-02-14']);
    expect(await dates(thanksgiving.body.id)).toEqual(['2027-11-25', '2028-11-23', '2029-11-22']);
  });

  it('a weekly pattern without days is refused', async () => {
    const r = await send(cs, T['adele.vance'], 'POST', '/me/events', { subject: 'x', start: pt(start(), '09:00'), end: pt(start(), '09:30'), recurrence: { pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd', startDate: start() } } });
    expect(r.status).toBe(400);
  });
});

describe('delegates', () => {
  it('Adele may write in Ben\'s calendar (write share): the event is Ben\'s; in Alex\'s (read share) she may not', async () => {
    const day = addDays(cs.nextWeek, 1);
    const shared = await cs.graphAs(upn('adele.vance'), 'Calendars.ReadWrite.Shared');
    const r = await send(cs, shared, 'POST', `/users/${upn('ben.walters')}/calendar/events`, { subject: 'Store walk with Ben', start: pt(day, '13:00'), end: pt(day, '13:30') });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ isOrganizer: true, organizer: { emailAddress: { address: upn('ben.walters') } } });
    expect((await graph(cs, T['ben.walters'], `/me/events/${r.body.id}`)).body.subject).toBe('Store walk with Ben');
    const refused = await send(cs, shared, 'POST', `/users/${upn('alex.wilber')}/events`, { subject: 'x', start: pt(day, '13:00'), end: pt(day, '13:30') });
    expect(refused.status).toBe(403);
    const readOnly = await cs.graphAs(upn('adele.vance'), 'Calendars.Read.Shared');
    expect((await send(cs, readOnly, 'POST', `/users/${upn('ben.walters')}/events`, { subject: 'x', start: pt(day, '13:00'), end: pt(day, '13:30') })).status).toBe(403);
  });
});
