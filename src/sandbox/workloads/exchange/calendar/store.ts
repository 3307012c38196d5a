// Finding things in the calendar state: a route's mailbox, calendar and event, with Exchange's 404s and 400s.

import type { DirectoryUser } from '../../../directory/directory.js';
import { idMalformed, invalidUser, itemNotFound } from '../errors.js';
import { calendarId, newChangeKey, parseId } from '../ids/calendar.js';
import { findInstance, type Instance } from './instances.js';
import type { CalendarMailbox, CalendarState, StoredCalendar, StoredEvent } from './model.js';
import type { CalendarContext } from './route-types.js';

/** The mailbox of the route's {id} (object id or UPN), or Exchange's ErrorInvalidUser. */
export function routeMailbox(ctx: CalendarContext): CalendarMailbox {
  const user = ctx.directory.findUser(ctx.params.id);
  const mb = user && ctx.state.mailboxes.get(user.id);
  if (!mb) throw invalidUser(ctx.params.id);
  return mb;
}

/** A mailbox by SMTP address (attendees, schedules), if it is one of the tenant's. */
export function mailboxByAddress(state: CalendarState, address: string): CalendarMailbox | undefined {
  const a = address.trim().toLowerCase();
  for (const mb of state.mailboxes.values()) if (mb.owner.mail?.toLowerCase() === a || mb.owner.userPrincipalName.toLowerCase() === a) return mb;
  return undefined;
}

export const defaultCalendar = (mb: CalendarMailbox): StoredCalendar => mb.calendars.find((c) => c.isDefault)!;

export function findCalendar(mb: CalendarMailbox, id: string): StoredCalendar {
  const parsed = parseId(id);
  if (!parsed) throw idMalformed();
  const cal = parsed.kind === 'calendar' ? mb.calendars.find((c) => c.key === parsed.key) : undefined;
  if (!cal) throw itemNotFound();
  return cal;
}

export const calendarIdOf = (c: StoredCalendar) => calendarId(c.key);

/** What an event id names in a mailbox: a stored item (single, master) or an occurrence/exception of a series. */
export type EventRef = { kind: 'item'; event: StoredEvent } | { kind: 'instance'; instance: Instance };

export function findEvent(mb: CalendarMailbox, id: string, calendar?: StoredCalendar): EventRef {
  const parsed = parseId(id);
  if (!parsed || parsed.kind === 'calendar') throw idMalformed();
  if (parsed.kind === 'event') {
    const event = mb.events.get(parsed.key);
    if (!event || (calendar && event.calendarKey !== calendar.key)) throw itemNotFound();
    return { kind: 'item', event };
  }
  const master = mb.events.get(parsed.masterKey);
  if (!master || (calendar && master.calendarKey !== calendar.key)) throw itemNotFound();
  const instance = findInstance(master, parsed.originalStartMs);
  if (!instance) throw itemNotFound();
  return { kind: 'instance', instance };
}

/** Events of one calendar, or of the whole mailbox. */
export function eventsOf(mb: CalendarMailbox, calendar?: StoredCalendar): StoredEvent[] {
  return [...mb.events.values()].filter((e) => !calendar || e.calendarKey === calendar.key);
}

/** Records a change: new lastModifiedDateTime and change key. */
export function touch(event: StoredEvent, now: number): void {
  event.modifiedMs = now;
  event.changeKey = newChangeKey();
}

/** The copies of a meeting (same iCalUId) in other mailboxes, with their mailbox. */
export function meetingCopies(state: CalendarState, iCalUId: string, except?: CalendarMailbox): { mailbox: CalendarMailbox; event: StoredEvent }[] {
  const out: { mailbox: CalendarMailbox; event: StoredEvent }[] = [];
  for (const mailbox of state.mailboxes.values()) {
    if (mailbox === except) continue;
    for (const event of mailbox.events.values()) if (event.iCalUId === iCalUId) out.push({ mailbox, event });
  }
  return out;
}

export const emailOf = (u: DirectoryUser) => ({ name: u.displayName, address: u.mail ?? u.userPrincipalName });
