// Pieces every calendar route shares: the calendar a path names, the render settings a request implies, and
// the same route under each of Graph's event paths (/events, /calendar/events, /calendars/{id}/events).

import type { RouteContext, RouteDef } from '../../types.js';
import { accessDenied } from '../errors.js';
import type { Access } from '../access.js';
import type { CalendarMailbox, StoredCalendar, StoredEvent } from '../model.js';
import type { RenderContext } from '../render/event.js';
import type { ViewItem } from '../instances.js';
import { itemEvent } from '../instances.js';
import { defaultCalendar, findCalendar } from '../store.js';
import { readPreferences, type OutlookPreferences } from '../time/prefer.js';

/** `/users/{id}` followed by each way Graph addresses a calendar's events. */
export const EVENT_BASES = ['/users/{id}', '/users/{id}/calendar', '/users/{id}/calendars/{calendarId}'] as const;

/** The same route under every base: `/events/{eventId}` becomes /users/{id}/events/{eventId}, ... */
export function underEveryCalendar(suffix: string, make: (path: string) => Omit<RouteDef, 'path'>): RouteDef[] {
  return EVENT_BASES.map((base) => ({ ...make(`${base}${suffix}`), path: `${base}${suffix}` }));
}

/** The calendar a route names: /calendars/{calendarId}, else the default calendar. */
export function routeCalendar(ctx: RouteContext, mb: CalendarMailbox): StoredCalendar {
  return ctx.params.calendarId ? findCalendar(mb, ctx.params.calendarId) : defaultCalendar(mb);
}

/** Only when the path names a calendar is an event looked up in that calendar alone. */
export const calendarScope = (ctx: RouteContext, mb: CalendarMailbox) => (ctx.params.calendarId ? findCalendar(mb, ctx.params.calendarId) : undefined);

export function renderSettings(ctx: RouteContext, access: Access): { rc: RenderContext; prefs: OutlookPreferences } {
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
