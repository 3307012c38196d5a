// The calendar side of the demo tenant: one mailbox per directory user (people and the shared support
// mailbox) with its time zone, working hours, calendars and shares, filled with the meetings of meetings.ts.
//
// Dates are deterministic relative to one documented anchor: ANCHOR WEEK = the Monday (a UTC calendar date) of
// the week containing the moment the sandbox starts. "This week" rows fall in that week, "next week" rows in
// the week after, on their weekday at their wall-clock time in their organizer's zone. Recurring series start
// on SERIES_START (Monday 2026-01-05, or four weeks before the anchor week if that is earlier) and never end,
// so any week a client or test asks about, including both 2026 DST switches (US 8 March, EU 29 March), has
// them. Tests compute the same dates with calendarAnchorWeek(Date.now()).

import { SyncStates } from '../../delta/sync-states.js';
import { newChangeKey, newKey } from '../../ids/calendar.js';
import { findInstance } from '../instances.js';
import { buildEvent } from '../meetings/create.js';
import { attendeeShowAs, invite } from '../meetings/invite.js';
import { cancelOccurrence, exceptionFor } from '../meetings/occurrences.js';
import type { CalendarMailbox, CalendarState, DayOfWeek, StoredCalendar, StoredEvent } from '../model.js';
import { DAYS, INTERNAL_ROLES, ORGANIZATION_ROLES } from '../model.js';
import { addDays, isoUtc, wallToInstant } from '../../time/datetime.js';
import { calendarAnchorWeek } from '../../time/seed-clock.js';
import { zoneOrThrow } from '../../time/zones.js';
import { CALENDAR_SHARES, EXTRA_CALENDARS, workingHoursOf } from './people.js';
import { SEED_MEETINGS, type SeedAttendee, type SeedMeeting } from './meetings.js';
import type { DirectoryUser, SharedMailbox } from '../../../../directory/directory.js';

export const SERIES_EPOCH = '2026-01-05';

/** The first day of every seeded series. */
export function seriesStart(anchorWeek: string): string {
  const early = addDays(anchorWeek, -28);
  return early < SERIES_EPOCH ? early : SERIES_EPOCH;
}

export function createCalendarState(users: DirectoryUser[], shared: SharedMailbox[], nowMs: number): CalendarState {
  const anchorWeek = calendarAnchorWeek(nowMs);
  const state: CalendarState = {
    anchorWeek,
    mailboxes: new Map(),
    deliver: (m) => state.undelivered.push(m),
    undelivered: [],
    now: () => Date.now(),
    syncStates: new SyncStates(),
  };
  for (const u of users) state.mailboxes.set(u.id, newMailbox(u, shared));
  const byNick = new Map([...state.mailboxes.values()].map((mb) => [mb.owner.mailNickname, mb]));
  for (const [owner, grantee, role] of CALENDAR_SHARES) {
    const who = byNick.get(grantee)!.owner;
    defaultCal(byNick.get(owner)!).permissions.push({
      id: Buffer.from(`ExchangePublishedUser.${who.mail}`).toString('base64'),
      emailAddress: { name: who.displayName, address: who.mail ?? who.userPrincipalName },
      role, isInsideOrganization: true, isRemovable: true, allowedRoles: INTERNAL_ROLES, userId: who.id,
    });
  }
  for (const m of SEED_MEETINGS) seedMeeting(state, byNick, m);
  return state;
}

const defaultCal = (mb: CalendarMailbox) => mb.calendars.find((c) => c.isDefault)!;

function newCalendar(owner: string, name: string, color: string, hexColor: string, isDefault: boolean): StoredCalendar {
  return {
    key: newKey(`calendar:${owner}:${name}`),
    name, color, hexColor, isDefault,
    changeKey: newChangeKey(`calendar:${owner}:${name}`),
    permissions: isDefault
      ? [{ id: Buffer.from('Default').toString('base64'), emailAddress: { name: 'My Organization' }, role: 'freeBusyRead', isInsideOrganization: true, isRemovable: false, allowedRoles: ORGANIZATION_ROLES }]
      : [],
  };
}

function newMailbox(u: DirectoryUser, shared: SharedMailbox[]): CalendarMailbox {
  const extras = EXTRA_CALENDARS[u.mailNickname] ?? [];
  const delegates = shared.find((s) => s.userId === u.id)?.delegates ?? [];
  return {
    owner: u,
    timeZone: u.timeZone,
    workingHours: workingHoursOf(u),
    calendars: [newCalendar(u.mailNickname, 'Calendar', 'auto', '', true), ...extras.map(([n, c, h]) => newCalendar(u.mailNickname, n, c, h, false))],
    events: new Map(),
    // Resolved to ids once the directory is known: the shared mailbox's delegates by UPN.
    fullAccess: new Set(delegates.map((d) => d.toLowerCase())),
  };
}

/** The calendar date of a one-off row, or the first day of a series. */
const dateOf = (state: CalendarState, m: SeedMeeting) => (m.recurrence ? seriesStart(state.anchorWeek) : addDays(state.anchorWeek, 7 * (m.week ?? 0) + m.day - 1));

function seedMeeting(state: CalendarState, byNick: Map<string, CalendarMailbox>, m: SeedMeeting): void {
  const mb = byNick.get(m.organizer)!;
  const zone = zoneOrThrow(m.zone ?? mb.timeZone);
  const date = dateOf(state, m);
  const [from, to] = m.time ?? ['00:00', '00:00'];
  const endDate = m.time ? date : addDays(date, m.allDayDays ?? 1);
  const at = (d: string, t: string) => ({ ms: wallToInstant(`${d}T${t}:00`, zone)!, zone: zone.name, wall: `${d}T${t}:00.0000000` });
  const created = Date.parse(`${addDays(m.recurrence ? date : state.anchorWeek, -7)}T16:00:00Z`);
  const calendar = mb.calendars.find((c) => c.name === (m.calendar ?? 'Calendar'))!;
  const attendees: SeedAttendee[] = m.attendees === 'everyone'
    ? [...byNick.values()].filter((x) => x !== mb && x.owner.accountEnabled).map((x) => [x.owner.mailNickname, 'notResponded'])
    : (m.attendees ?? []);
  const event = buildEvent(mb, calendar, {
    subject: m.subject,
    body: m.body ? { contentType: 'html', content: `<p>${m.body}</p>` } : undefined,
    start: at(date, from),
    end: at(endDate, to),
    isAllDay: !m.time,
    showAs: m.showAs,
    sensitivity: m.sensitivity,
    importance: m.importance,
    categories: m.categories,
    location: m.location ? { displayName: m.location, locationType: 'default', uniqueId: m.location, uniqueIdType: 'private' } : undefined,
    isOnlineMeeting: m.online,
    attendees: attendees.map(([nick, , optional]) => ({ type: optional ?? 'required', emailAddress: addressOf(byNick.get(nick)!) })),
    recurrence: m.recurrence ? recurrenceOf(m, date, zone.name) : undefined,
  }, { now: created, organizer: addressOf(mb), key: newKey(`event:${m.name}`) });
  mb.events.set(event.key, event);
  for (const x of m.exceptions ?? []) applyException(state, event, zone, x, from);

  const answered = Date.parse(`${addDays(m.recurrence ? date : state.anchorWeek, -6)}T17:00:00Z`);
  const respondedAt = isoUtc(answered);
  for (const [nick, response] of attendees) {
    if (response === 'notResponded') continue;
    const address = addressOf(byNick.get(nick)!).address.toLowerCase();
    for (const item of [event, ...event.exceptions.values()]) {
      const a = item.attendees.find((x) => x.emailAddress.address.toLowerCase() === address);
      if (a) a.status = { response, time: respondedAt };
    }
  }
  const copies = invite(state, mb, event, { now: created, silent: true, keyFor: (att) => newKey(`event:${m.name}:${att.owner.mailNickname}`) });
  for (const { mailbox, event: copy } of copies) {
    const response = attendees.find(([nick]) => nick === mailbox.owner.mailNickname)?.[1] ?? 'notResponded';
    if (response === 'declined') mailbox.events.delete(copy.key);
    else if (response !== 'notResponded') for (const item of [copy, ...copy.exceptions.values()]) answer(item, response, respondedAt, event.showAs);
  }
}

function answer(item: StoredEvent, response: 'accepted' | 'tentativelyAccepted', time: string, organizerShowAs: StoredEvent['showAs']): void {
  item.responseStatus = { response, time };
  item.showAs = attendeeShowAs(organizerShowAs, response);
}

function applyException(state: CalendarState, master: StoredEvent, zone: ReturnType<typeof zoneOrThrow>, x: NonNullable<SeedMeeting['exceptions']>[number], from: string): void {
  const date = addDays(state.anchorWeek, 7 * x.week + x.day - 1);
  const original = wallToInstant(`${date}T${from}:00`, zone)!;
  const instance = findInstance(master, original);
  if (!instance) throw new Error(`seed: ${master.subject} has no occurrence on ${date}`);
  if (x.cancel) return cancelOccurrence(master, original);
  const exception = exceptionFor(instance);
  if (x.subject) exception.subject = x.subject;
  if (x.move) {
    exception.startMs = wallToInstant(`${date}T${x.move[0]}:00`, zone)!;
    exception.endMs = wallToInstant(`${date}T${x.move[1]}:00`, zone)!;
  }
}

function recurrenceOf(m: SeedMeeting, startDate: string, zone: string) {
  const r = m.recurrence!;
  const days: DayOfWeek[] = (r.days ?? []).map((d) => DAYS[d % 7]);
  return {
    pattern: { type: r.type, interval: r.interval ?? 1, month: 0, dayOfMonth: r.dayOfMonth ?? 0, daysOfWeek: days, firstDayOfWeek: 'sunday' as const, index: r.index ?? ('first' as const) },
    range: { type: 'noEnd' as const, startDate, endDate: '0001-01-01', recurrenceTimeZone: zone, numberOfOccurrences: 0 },
  };
}

const addressOf = (mb: CalendarMailbox) => ({ name: mb.owner.displayName, address: mb.owner.mail ?? mb.owner.userPrincipalName });
