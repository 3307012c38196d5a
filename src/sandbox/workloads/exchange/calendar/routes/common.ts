// Pieces every calendar route shares: the calendar a path names (one of the mailbox's own, or a calendar
// others shared with its owner, by the entry in their list), the render settings a request implies, and the
// same route under each of Graph's event paths (/events, /calendar/events, /calendars/{id}/events).

import { accessDenied } from '../../errors.js';
import { requireSharedScopes, type Access, type Operation } from '../access.js';
import type { CalendarMailbox, StoredCalendar, StoredEvent } from '../model.js';
import type { RenderContext } from '../render/event.js';
import type { ViewItem } from '../instances.js';
import { itemEvent } from '../instances.js';
import { findSharedEntry, type SharedEntry } from '../sharing.js';
import { findCalendar, routeMailbox } from '../store.js';
import { readPreferences, type OutlookPreferences } from '../../time/prefer.js';
import type { CalendarContext, CalendarRoute } from '../route-types.js';

/** `/users/{id}` followed by each way Graph addresses a calendar's events. */
export const EVENT_BASES = ['/users/{id}', '/users/{id}/calendar', '/users/{id}/calendars/{calendarId}'] as const;

/** The same route under every base: `/events/{eventId}` becomes /users/{id}/events/{eventId}, ... */
export function underEveryCalendar(suffix: string, make: (path: string) => Omit<CalendarRoute, 'path'>): CalendarRoute[] {
  return EVENT_BASES.map((base) => ({ ...make(`${base}${suffix}`), path: `${base}${suffix}` }));
}

/** A calendar id in a mailbox: one of its calendars, or, for its owner only, the entry of one shared with them. */
export function lookupCalendar(ctx: CalendarContext, home: CalendarMailbox, id: string): { calendar: StoredCalendar; entry?: SharedEntry } {
  try {
    return { calendar: findCalendar(home, id) };
  } catch (e) {
    // An entry lives in its recipient's list; nobody else (not even a delegate of that mailbox) gets it by id.
    const entry = home.owner.id === ctx.principal.user.id ? findSharedEntry(ctx.state, home, id) : undefined;
    if (!entry) throw e;
    return { calendar: entry.calendar, entry };
  }
}

/** Where a route's items live: `home` is the {id} mailbox (responses are described from it), `mb` holds the items. */
export interface RouteTarget {
  home: CalendarMailbox;
  mb: CalendarMailbox;
  /** The calendar the path names; without /calendars/{calendarId}, none (the default one, or any for an event id). */
  calendar?: StoredCalendar;
}

/** The route's mailbox and calendar; a shared entry leads to its owner's mailbox, behind the .Shared permissions. */
export function routeTarget(ctx: CalendarContext, op: Operation): RouteTarget {
  const home = routeMailbox(ctx);
  if (!ctx.params.calendarId) return { home, mb: home };
  const { calendar, entry } = lookupCalendar(ctx, home, ctx.params.calendarId);
  if (!entry) return { home, mb: home, calendar };
  requireSharedScopes(ctx, op);
  return { home, mb: entry.owner, calendar };
}

export function renderSettings(ctx: CalendarContext, access: Access): { rc: RenderContext; prefs: OutlookPreferences } {
  const prefs = readPreferences(ctx.req);
  return { prefs, rc: { zone: prefs.zone, bodyType: prefs.bodyContentType, withoutBody: access.withoutBody } };
}

/** Graph's context path of a mailbox's collection: users('id')/... */
export const usersContext = (mb: CalendarMailbox, rest: string) => `users('${mb.owner.id}')/${rest}`;

/** Private items stay out of sight of those without private access, as Exchange filters them. */
export function visible(access: Access): (e: StoredEvent | ViewItem) => boolean {
  return (e) => access.seesPrivate || ('kind' in e ? itemEvent(e) : e).sensitivity !== 'private';
}

export function assertVisible(access: Access, e: StoredEvent): void {
  if (!access.seesPrivate && e.sensitivity === 'private') throw accessDenied();
}
