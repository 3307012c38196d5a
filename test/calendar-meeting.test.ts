// Scheduling a meeting across time zones, as four people of the demo tenant, each with their own server
// signed in on the sandbox's device-login page: Adele (Redmond, Pacific) finds 45 minutes next week that suit
// Lee (Redmond), Alex (New York) and Christie (London) within working hours, books it with a Teams link; each
// attendee sees the invitation; Christie declines and Adele sees it. Plus free/busy and a search without a slot.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, type Connected, ok, upn, useSandbox } from './fixtures.js';

type Suggestion = { start: string; end: string; confidence: number; organizer: string; free: string[]; notFree: string[] };
type Found = { timeZone: string; suggestions: Suggestion[]; noSuggestionsReason?: string };
type Ev = { id: string; subject: string; start: string; end: string; myResponse?: string; teamsJoinUrl?: string; organizer?: string };

/** Monday and Friday of next week (the seed's "next week"). */
let monday: string;
let friday: string;
const ATTENDEES = [upn('lee.gu'), upn('alex.wilber'), upn('christie.cline')];

const sandbox = useSandbox();
const people: Record<string, Connected> = {};

beforeAll(async () => {
  monday = sandbox.nextWeek;
  friday = addDays(monday, 4);
  const names = ['adele.vance', 'lee.gu', 'alex.wilber', 'christie.cline'];
  const connected = await Promise.all(names.map((n) => sandbox.as(upn(n))));
  names.forEach((n, i) => (people[n] = connected[i]));
}, 60_000);

/** Minutes since midnight of a "YYYY-MM-DDTHH:mm" local time. */
const minutes = (t: string) => Number(t.slice(11, 13)) * 60 + Number(t.slice(14, 16));

describe('scheduling a meeting across three time zones', () => {
  let booked: Ev & { attendees: string[] };

  it('finds 45 minutes next week within everyone\'s working hours, best first, with who is free', async () => {
    const found = await ok<Found>(people['adele.vance'], 'calendar_find_meeting_times', {
      attendees: ATTENDEES, durationMinutes: 45, start: monday, end: friday, timeZone: 'Pacific Standard Time',
    });
    expect(found.suggestions.length, found.textBlock).toBeGreaterThan(0);
    for (const s of found.suggestions) {
      expect(minutes(s.end) - minutes(s.start)).toBe(45);
      expect(s.start >= monday && s.start <= `${friday}T23:59`).toBe(true);
      // Pacific 08:00-17:00, Eastern 09:00-17:30, London 09:00-17:30: in winter only 08:00-09:30 Pacific is shared.
      expect(minutes(s.start)).toBeGreaterThanOrEqual(8 * 60);
      expect(minutes(s.end)).toBeLessThanOrEqual(9 * 60 + 30);
      // Tentative and working elsewhere count as available, as in Graph; they are not listed as free.
      expect(['free', 'tentative', 'workingElsewhere']).toContain(s.organizer);
      expect([...s.free, ...s.notFree.map((n) => n.split(' ')[0])].sort()).toEqual([...ATTENDEES].sort());
    }
    // The best: everyone free (Adele is at the Retail Expo on Monday: working elsewhere, so still available).
    expect([...found.suggestions[0].free].sort()).toEqual([...ATTENDEES].sort());
    expect(found.textBlock).toMatch(/suggestion\(s\), best first, times in Pacific Standard Time/);

    const best = found.suggestions[0];
    const created = await ok<Ev & { attendees: string[] }>(people['adele.vance'], 'calendar_create_event', {
      subject: 'Spring campaign kickoff', start: best.start, end: best.end, timeZone: 'Pacific Standard Time',
      attendees: ATTENDEES, teamsMeeting: true, body: 'Agenda: goals, owners, dates.',
    });
    expect(created.teamsJoinUrl).toMatch(/^https:\/\//);
    expect(created.attendees).toHaveLength(3);
    booked = created;
  });

  it('each attendee sees the invitation in their own calendar and time zone', async () => {
    const day = booked.start.slice(0, 10);
    const zones: Record<string, string> = { 'lee.gu': 'Pacific Standard Time', 'alex.wilber': 'Eastern Standard Time', 'christie.cline': 'GMT Standard Time' };
    const offsets: Record<string, number> = { 'lee.gu': 0, 'alex.wilber': 3 * 60, 'christie.cline': 8 * 60 };
    for (const who of Object.keys(zones)) {
      const v = await ok<{ timeZone: string; events: Ev[] }>(people[who], 'calendar_list_events', { start: day, end: addDays(day, 1) });
      expect(v.timeZone).toBe(zones[who]);
      const invite = v.events.find((e) => e.subject === 'Spring campaign kickoff');
      expect(invite, `${who} has the invitation`).toBeDefined();
      expect(invite).toMatchObject({ myResponse: 'notResponded', organizer: upn('adele.vance') });
      expect(invite!.teamsJoinUrl).toBe(booked.teamsJoinUrl);
      expect(minutes(invite!.start)).toBe(minutes(booked.start) + offsets[who]);
      // and the meeting request in their inbox, once.
      const inbox = await ok<{ messages: { subject: string; from?: string }[] }>(people[who], 'mail_list_messages', { limit: 10 });
      expect(inbox.messages.filter((m) => m.subject === 'Spring campaign kickoff' && m.from === `Adele Vance <${upn('adele.vance')}>`)).toHaveLength(1);
    }
  });

  it('Christie declines with a comment, Lee accepts; Adele sees both answers', async () => {
    const day = booked.start.slice(0, 10);
    for (const [who, response] of [['christie.cline', 'decline'], ['lee.gu', 'accept']] as const) {
      const v = await ok<{ events: Ev[] }>(people[who], 'calendar_list_events', { start: day, end: addDays(day, 1) });
      const invite = v.events.find((e) => e.subject === 'Spring campaign kickoff')!;
      const r = await ok<{ response: string }>(people[who], 'calendar_respond_event', { eventId: invite.id, response, comment: response === 'decline' ? 'On leave that week, sorry.' : undefined });
      expect(r.response).toBe(response);
    }
    const d = await ok<{ attendees: { address: string; response: string }[] }>(people['adele.vance'], 'calendar_get_event', { eventId: booked.id });
    const answer = Object.fromEntries(d.attendees.map((a) => [a.address, a.response]));
    expect(answer).toEqual({ [upn('christie.cline')]: 'declined', [upn('lee.gu')]: 'accepted', [upn('alex.wilber')]: 'none' });
    // The answers reached her inbox as meeting responses, the comment with them.
    const inbox = await ok<{ messages: { subject: string; from?: string; preview?: string }[] }>(people['adele.vance'], 'mail_list_messages', { limit: 10 });
    expect(inbox.messages).toEqual(expect.arrayContaining([
      expect.objectContaining({ subject: 'Declined: Spring campaign kickoff', from: `Christie Cline <${upn('christie.cline')}>`, preview: 'On leave that week, sorry.' }),
      expect.objectContaining({ subject: 'Accepted: Spring campaign kickoff', from: `Lee Gu <${upn('lee.gu')}>` }),
    ]));
  });

  it('Alex proposes a new time with a tentative answer', async () => {
    const day = booked.start.slice(0, 10);
    const v = await ok<{ events: Ev[] }>(people['alex.wilber'], 'calendar_list_events', { start: day, end: addDays(day, 1), timeZone: 'America/New_York' });
    const invite = v.events.find((e) => e.subject === 'Spring campaign kickoff')!;
    const r = await ok<{ proposed?: { start: string; end: string } }>(people['alex.wilber'], 'calendar_respond_event', {
      eventId: invite.id, response: 'tentative', proposedStart: `${addDays(day, 1)}T12:00`, proposedEnd: `${addDays(day, 1)}T12:45`, timeZone: 'America/New_York',
    });
    expect(r.proposed).toEqual({ start: `${addDays(day, 1)}T12:00`, end: `${addDays(day, 1)}T12:45` });
    const d = await ok<{ attendees: { address: string; response: string }[] }>(people['adele.vance'], 'calendar_get_event', { eventId: booked.id });
    expect(d.attendees.find((a) => a.address === upn('alex.wilber'))?.response).toBe('tentative');
  });

  it('cancelling the meeting tells the attendees', async () => {
    const r = await ok<{ outcome: string; notified: number }>(people['adele.vance'], 'calendar_delete_event', { eventId: booked.id, comment: 'Moving this to next month.' });
    expect(r).toMatchObject({ outcome: 'cancelled', notified: 3 });
    const day = booked.start.slice(0, 10);
    const v = await ok<{ events: (Ev & { cancelled?: boolean })[] }>(people['lee.gu'], 'calendar_list_events', { start: day, end: addDays(day, 1) });
    // Lee's copy stays, marked cancelled, until he removes it; the cancellation with the comment is in his inbox.
    const copy = v.events.find((e) => e.subject.endsWith('Spring campaign kickoff'));
    expect(copy).toMatchObject({ subject: 'Canceled: Spring campaign kickoff', cancelled: true });
    const inbox = await ok<{ messages: { subject: string; preview?: string }[] }>(people['lee.gu'], 'mail_list_messages', { limit: 5 });
    expect(inbox.messages).toEqual(expect.arrayContaining([expect.objectContaining({ subject: 'Canceled: Spring campaign kickoff', preview: expect.stringContaining('Moving this to next month.') })]));
    const removed = await ok<{ outcome: string; notified: number }>(people['lee.gu'], 'calendar_delete_event', { eventId: copy!.id });
    expect(removed).toMatchObject({ outcome: 'deleted', notified: 0 });
  });
});

describe('free/busy and searches without a slot', () => {
  it('free/busy of several people with their working hours', async () => {
    const r = await ok<{ schedules: { person: string; busy: { start: string; status: string }[]; workingHours?: string }[] }>(people['adele.vance'], 'calendar_get_schedule', {
      people: [upn('christie.cline'), upn('alex.wilber')], start: monday, end: friday, timeZone: 'Europe/London',
    });
    const christie = r.schedules.find((s) => s.person === upn('christie.cline'))!;
    expect(christie.workingHours).toMatch(/mon,tue,wed,thu,fri 09:00-17:30 GMT Standard Time/);
    expect(christie.busy.some((b) => b.status === 'oof' && b.start.startsWith(friday))).toBe(true);
    const alex = r.schedules.find((s) => s.person === upn('alex.wilber'))!;
    expect(alex.busy.some((b) => b.status === 'workingElsewhere')).toBe(true);
  });

  it('Tokyo, London and Redmond share no working hours: no suggestion, and the reason in words', async () => {
    const found = await ok<Found>(people['adele.vance'], 'calendar_find_meeting_times', {
      attendees: [upn('hiroshi.tanaka'), upn('christie.cline')], durationMinutes: 30, start: monday, end: friday,
    });
    expect(found.suggestions).toEqual([]);
    expect(found.noSuggestionsReason).toMatch(/^No time found: too few attendees are free at the same time/);
    expect(found.noSuggestionsReason).toMatch(/workingHoursOnly false/);
    expect(found.textBlock).toBe(found.noSuggestionsReason);
    // Any time of day finds one.
    const anyTime = await ok<Found>(people['adele.vance'], 'calendar_find_meeting_times', {
      attendees: [upn('hiroshi.tanaka'), upn('christie.cline')], durationMinutes: 30, start: monday, end: friday, workingHoursOnly: false,
    });
    expect(anyTime.suggestions.length).toBeGreaterThan(0);
  });
});
