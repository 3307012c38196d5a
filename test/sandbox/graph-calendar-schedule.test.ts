// Scheduling over real HTTP: getSchedule's availabilityView digits and what its items reveal to whom, and
// findMeetingTimes for people in different offices and zones (inside everyone's working hours, never over a
// busy item), its confidence rule, ordering, options, and each emptySuggestionsReason.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, PACIFIC, prefer, send, upn, useSandbox } from '../fixtures.js';

const cs = useSandbox();

const pt = (date: string, time: string) => ({ dateTime: `${date}T${time}:00`, timeZone: 'Pacific Standard Time' });
const utc = (date: string) => ({ dateTime: `${date}T00:00:00`, timeZone: 'UTC' });
const people = (...who: string[]) => who.map((w) => ({ type: 'required', emailAddress: { address: w.includes('@') ? w : upn(w) } }));

async function schedule(as: string, schedules: string[], start: object, end: object, interval?: number) {
  return send(cs, await cs.graphAs(upn(as)), 'POST', '/me/calendar/getSchedule', { schedules, startTime: start, endTime: end, availabilityViewInterval: interval }, PACIFIC);
}

describe('getSchedule', () => {
  it('one digit per half hour: busy 2, working elsewhere 4; her own items with subjects', async () => {
    const r = await schedule('adele.vance', [upn('adele.vance')], pt(cs.nextWeek, '08:00'), pt(cs.nextWeek, '12:00'));
    expect(r.status).toBe(200);
    expect(r.headers.get('preference-applied')).toBe('outlook.timezone="Pacific Standard Time"');
    const [adele] = r.body.value;
    // 08:00 check-in and leadership sync, the Retail Expo all day, 10:00 support triage.
    expect(adele.availabilityView).toBe('24442444');
    expect(adele.scheduleItems.map((i: any) => [i.status, i.subject])).toEqual([
      ['workingElsewhere', 'Retail Expo (Las Vegas)'], ['busy', 'Store opening check-in'], ['busy', 'Sales leadership sync'], ['busy', 'Weekly support triage'],
    ]);
    expect(adele.scheduleItems[2]).toMatchObject({ isPrivate: false, start: { dateTime: `${cs.nextWeek}T08:00:00.0000000`, timeZone: 'Pacific Standard Time' } });
    expect(adele.workingHours).toEqual({ daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'Pacific Standard Time' } });
  });

  it('tentative is 1 and out of office 3; a private item shows only its status', async () => {
    const thu = addDays(cs.thisWeek, 3);
    const r = await schedule('adele.vance', [upn('adele.vance'), upn('megan.bowen')], pt(thu, '11:00'), pt(thu, '12:00'), 60);
    expect(r.body.value.map((s: any) => s.availabilityView)).toEqual(['1', '3']);
    const fri = addDays(cs.nextWeek, 4);
    const dentist = (await schedule('adele.vance', [upn('adele.vance')], pt(fri, '15:00'), pt(fri, '16:00'), 60)).body.value[0];
    expect(dentist.availabilityView).toBe('2');
    expect(dentist.scheduleItems).toEqual([{ status: 'busy', start: { dateTime: `${fri}T15:00:00.0000000`, timeZone: 'Pacific Standard Time' }, end: { dateTime: `${fri}T16:00:00.0000000`, timeZone: 'Pacific Standard Time' } }]);
  });

  it('subjects only where the calendar is shared with the caller; unknown addresses get an error entry', async () => {
    const r = await schedule('adele.vance', [upn('alex.wilber'), upn('christie.cline'), upn('nobody')], pt(cs.nextWeek, '00:00'), pt(addDays(cs.nextWeek, 5), '00:00'), 1440);
    const [alex, christie, nobody] = r.body.value;
    expect(alex.availabilityView).toHaveLength(5);
    expect(alex.scheduleItems.every((i: any) => typeof i.subject === 'string')).toBe(true);
    expect(christie.scheduleItems.length).toBeGreaterThan(0);
    expect(christie.scheduleItems.some((i: any) => 'subject' in i || 'location' in i)).toBe(false);
    expect(christie.workingHours.timeZone.name).toBe('GMT Standard Time');
    expect(nobody).toMatchObject({ scheduleId: upn('nobody'), availabilityView: '', error: { responseCode: 'ErrorMailRecipientNotFound' } });
  });

  it('refuses an interval under 5 minutes, a period of 62 days or more, and a token without calendar access', async () => {
    expect((await schedule('adele.vance', [upn('lee.gu')], pt(cs.nextWeek, '08:00'), pt(cs.nextWeek, '09:00'), 4)).status).toBe(400);
    expect((await schedule('adele.vance', [upn('lee.gu')], pt(cs.nextWeek, '08:00'), pt(addDays(cs.nextWeek, 62), '08:00'))).status).toBe(400);
    const noCalendar = await cs.graphAs(upn('adele.vance'), 'User.Read');
    const r = await send(cs, noCalendar, 'POST', '/me/calendar/getSchedule', { schedules: [upn('lee.gu')], startTime: pt(cs.nextWeek, '08:00'), endTime: pt(cs.nextWeek, '09:00') });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('ErrorAccessDenied');
  });
});

/** Working hours of the seed's offices, to check suggestions against. */
const HOURS: Record<string, [string, number, number]> = {
  'alex.wilber': ['America/New_York', 9 * 60, 17 * 60 + 30],
  'lidia.holloway': ['America/New_York', 9 * 60, 17 * 60 + 30],
  'christie.cline': ['Europe/London', 9 * 60, 17 * 60 + 30],
  'henrietta.mueller': ['Europe/Berlin', 8 * 60, 16 * 60 + 30],
};

describe('findMeetingTimes', () => {
  const find = async (as: string, body: object, headers: Record<string, string> = {}) => send(cs, await cs.graphAs(upn(as)), 'POST', '/me/findMeetingTimes', body, headers);
  const nextWeekWork = () => ({ activityDomain: 'work', timeSlots: [{ start: utc(cs.nextWeek), end: utc(addDays(cs.nextWeek, 5)) }] });

  it('four people in three zones: only times inside everyone\'s working hours, where no one is busy', async () => {
    const attendees = ['lidia.holloway', 'christie.cline', 'henrietta.mueller'];
    const r = await find('alex.wilber', { attendees: people(...attendees), timeConstraint: nextWeekWork(), meetingDuration: 'PT1H', minimumAttendeePercentage: 100, returnSuggestionReasons: true }, prefer('Eastern Standard Time'));
    expect(r.status).toBe(200);
    expect(r.headers.get('preference-applied')).toBe('outlook.timezone="Eastern Standard Time"');
    expect(r.body.emptySuggestionsReason).toBe('');
    const list = r.body.meetingTimeSuggestions;
    expect(list.length).toBeGreaterThan(0);
    const sched = await send(cs, await cs.graphAs(upn('alex.wilber')), 'POST', '/me/calendar/getSchedule', {
      schedules: ['alex.wilber', ...attendees].map(upn), startTime: utc(cs.nextWeek), endTime: utc(addDays(cs.nextWeek, 5)),
    });
    const busy = sched.body.value.flatMap((s: any) => s.scheduleItems.filter((i: any) => i.status !== 'workingElsewhere').map((i: any) => [Date.parse(`${i.start.dateTime.slice(0, 19)}Z`), Date.parse(`${i.end.dateTime.slice(0, 19)}Z`)]));
    for (const [i, s] of list.entries()) {
      expect(s).toMatchObject({ confidence: 100, order: i + 1, suggestionReason: 'Suggested because it is one of the nearest times when all attendees are available.' });
      expect(s.attendeeAvailability.map((a: any) => [a.attendee.emailAddress.address, a.availability])).toEqual(attendees.map((a) => [upn(a), 'free']));
      const start = DateTime.fromISO(s.meetingTimeSlot.start.dateTime, { zone: 'America/New_York' });
      const end = DateTime.fromISO(s.meetingTimeSlot.end.dateTime, { zone: 'America/New_York' });
      expect(end.diff(start, 'minutes').minutes).toBe(60);
      for (const [who, [zone, from, to]] of Object.entries(HOURS)) {
        const local = start.setZone(zone);
        const minutes = local.hour * 60 + local.minute;
        expect(local.weekday, `${who} ${local.toISO()}`).toBeLessThanOrEqual(5);
        expect(minutes >= from && minutes + 60 <= to, `${who} at ${local.toISO()}`).toBe(true);
      }
      expect(busy.some(([b, e]: number[]) => b < end.toMillis() && e > start.toMillis()), s.meetingTimeSlot.start.dateTime).toBe(false);
    }
    // Christie is out of office next Friday: nothing then.
    expect(list.some((s: any) => s.meetingTimeSlot.start.dateTime.startsWith(addDays(cs.nextWeek, 4)))).toBe(false);
    const starts = list.map((s: any) => s.meetingTimeSlot.start.dateTime);
    expect(starts).toEqual([...starts].sort());
  });

  it('Redmond, Tokyo and Munich share no working hour: no suggestion at 100%, AttendeesUnavailable', async () => {
    const body = { attendees: people('hiroshi.tanaka', 'johanna.lorenz'), timeConstraint: nextWeekWork(), meetingDuration: 'PT30M' };
    const none = await find('adele.vance', { ...body, minimumAttendeePercentage: 100 });
    expect(none.body).toMatchObject({ emptySuggestionsReason: 'AttendeesUnavailable', meetingTimeSuggestions: [] });
    // With the default 50%, times when one of the two attendees can come back, at 50% (the organizer is not counted).
    const some = await find('adele.vance', body, PACIFIC);
    expect(some.body.meetingTimeSuggestions.length).toBeGreaterThan(0);
    for (const s of some.body.meetingTimeSuggestions) {
      expect(s.confidence).toBe(50);
      expect(s.attendeeAvailability.map((a: any) => a.availability).sort()).toEqual(['busy', 'free']);
      expect('suggestionReason' in s).toBe(false);
    }
  });

  it('an organizer out of office: OrganizerUnavailable, unless the organizer is optional', async () => {
    const friday = addDays(cs.nextWeek, 4);
    const body = { attendees: people('henrietta.mueller'), timeConstraint: { timeSlots: [{ start: utc(friday), end: utc(addDays(friday, 1)) }] }, meetingDuration: 'PT30M' };
    const r = await find('christie.cline', body);
    expect(r.body).toMatchObject({ emptySuggestionsReason: 'OrganizerUnavailable', meetingTimeSuggestions: [] });
    const optional = await find('christie.cline', { ...body, isOrganizerOptional: true, maxCandidates: 3 });
    expect(optional.body.meetingTimeSuggestions).toHaveLength(3);
    expect(optional.body.meetingTimeSuggestions.every((s: any) => s.organizerAvailability === 'oof' && s.confidence === 100)).toBe(true);
  });

  it('someone outside the organization counts 49%: AttendeesUnavailableOrUnknown at 100%, suggestions at 49%', async () => {
    const body = { attendees: people('buyer@fabrikam.example'), timeConstraint: nextWeekWork(), maxCandidates: 2 };
    const r = await find('adele.vance', { ...body, minimumAttendeePercentage: 100 });
    expect(r.body.emptySuggestionsReason).toBe('AttendeesUnavailableOrUnknown');
    const low = await find('adele.vance', { ...body, minimumAttendeePercentage: 49 });
    expect(low.body.meetingTimeSuggestions).toHaveLength(2);
    expect(low.body.meetingTimeSuggestions[0]).toMatchObject({ confidence: 49, attendeeAvailability: [{ availability: 'unknown' }] });
  });

  it('the documented example: free, unknown and out of office average to 49.66', async () => {
    const friday = addDays(cs.nextWeek, 4);
    const r = await find('adele.vance', {
      attendees: people('lee.gu', 'buyer@fabrikam.example', 'christie.cline'), minimumAttendeePercentage: 0,
      timeConstraint: { timeSlots: [{ start: pt(friday, '10:00'), end: pt(friday, '11:00') }] }, meetingDuration: 'PT1H',
    });
    expect(r.body.meetingTimeSuggestions).toHaveLength(1);
    expect(r.body.meetingTimeSuggestions[0]).toMatchObject({
      confidence: 49.66, attendeeAvailability: [{ availability: 'free' }, { availability: 'unknown' }, { availability: 'oof' }],
    });
  });

  it('orders by confidence, then fewer tentative people, then time; locations echo the constraint', async () => {
    const r = await find('adele.vance', {
      attendees: people('lee.gu', 'ben.walters'), timeConstraint: nextWeekWork(), meetingDuration: 'PT30M', minimumAttendeePercentage: 0,
      locationConstraint: { isRequired: false, suggestLocation: false, locations: [{ displayName: 'Conf Room 18/2002' }] },
    });
    const list = r.body.meetingTimeSuggestions;
    expect(list.length).toBeGreaterThan(10);
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      expect(a.confidence >= b.confidence).toBe(true);
      if (a.confidence === b.confidence && a.organizerAvailability === b.organizerAvailability && a.attendeeAvailability.every((x: any, k: number) => x.availability === b.attendeeAvailability[k].availability)) {
        expect(a.meetingTimeSlot.start.dateTime < b.meetingTimeSlot.start.dateTime).toBe(true);
      }
    }
    expect(list[0].locations).toEqual([{ displayName: 'Conf Room 18/2002' }]);
    expect(list[0].meetingTimeSlot.start.timeZone).toBe('UTC');
  });

  it('needs Calendars.Read.Shared or ReadWrite.Shared, as Graph documents', async () => {
    const own = await cs.graphAs(upn('adele.vance'), 'Calendars.ReadWrite');
    const r = await send(cs, own, 'POST', '/me/findMeetingTimes', { attendees: people('lee.gu') });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('ErrorAccessDenied');
    const shared = await cs.graphAs(upn('adele.vance'), 'Calendars.Read.Shared');
    const ok = await send(cs, shared, 'POST', '/me/findMeetingTimes', { attendees: people('lee.gu'), maxCandidates: 1 });
    expect(ok.status).toBe(200);
    // Without time slots: the coming week, never in the past.
    for (const s of ok.body.meetingTimeSuggestions) expect(Date.parse(`${s.meetingTimeSlot.start.dateTime.slice(0, 19)}Z`)).toBeGreaterThanOrEqual(Date.now() - 60_000);
  });

  it('a bad duration or activity domain is a 400', async () => {
    expect((await find('adele.vance', { meetingDuration: 'one hour' })).status).toBe(400);
    expect((await find('adele.vance', { timeConstraint: { activityDomain: 'leisure' } })).status).toBe(400);
  });
});
