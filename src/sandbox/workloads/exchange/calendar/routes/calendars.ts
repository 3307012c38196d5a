// Calendars of a mailbox and their sharing: list (only what the caller can see; for the owner, followed by the
// calendars others shared with them), get, the default calendar, create, rename/recolour, delete (never the
// default; a shared calendar's entry only leaves its recipient's list), and calendarPermissions (who sees what).

import { badRequest, GraphError } from '../../../../graph/types.js';
import { authorize, calendarScopes, roleOn, visibleCalendars } from '../access.js';
import { accessDenied, itemNotFound } from '../../errors.js';
import { newChangeKey, newKey } from '../../ids/calendar.js';
import { INTERNAL_ROLES, type CalendarMailbox, type CalendarRole, type StoredCalendar } from '../model.js';
import { listOutlook, projectOutlook } from '../../outlook-query.js';
import { calendarEntity, renderCalendar, renderPermission, renderSharedEntry, type RenderedCalendar } from '../render/calendar.js';
import { changeSharedView, sharedEntries, type SharedEntry } from '../sharing.js';
import { defaultCalendar, routeMailbox } from '../store.js';
import { readOptions } from '../../../../odata/options.js';
import { parseSelect } from '../../../../odata/select.js';
import { METADATA } from '../../../../odata/query.js';
import { lookupCalendar, usersContext } from './common.js';
import type { CalendarContext, CalendarRoute } from '../route-types.js';

const COLORS = ['auto', 'lightBlue', 'lightGreen', 'lightOrange', 'lightGray', 'lightYellow', 'lightTeal', 'lightPink', 'lightBrown', 'lightRed'];

const isOwner = (ctx: CalendarContext, mb: CalendarMailbox) => mb.owner.id === ctx.principal.user.id;
const rendered = (ctx: CalendarContext, mb: CalendarMailbox, c: StoredCalendar) => renderCalendar(mb, c, roleOn(ctx, mb, c), isOwner(ctx, mb));
const src = { entity: calendarEntity, etag: (c: RenderedCalendar) => String(c.json['@odata.etag']), id: (c: RenderedCalendar) => String(c.json.id) };

function one(ctx: CalendarContext, mb: CalendarMailbox, c: StoredCalendar, status = 200) {
  authorize(ctx, mb, c, 'read');
  return entity(ctx, mb, rendered(ctx, mb, c), status);
}

function entity(ctx: CalendarContext, home: CalendarMailbox, c: RenderedCalendar, status = 200) {
  const select = parseSelect(readOptions(ctx.req).get('$select'), calendarEntity);
  return { status, body: { '@odata.context': `${METADATA}#${usersContext(home, 'calendars')}/$entity`, ...projectOutlook(src, c, select) } };
}

/** The route's {calendarId}: a calendar of the mailbox, or the entry of one shared with its owner. */
function addressed(ctx: CalendarContext): { mb: CalendarMailbox; calendar: StoredCalendar; entry?: SharedEntry } {
  const mb = routeMailbox(ctx);
  return { mb, ...lookupCalendar(ctx, mb, ctx.params.calendarId) };
}

function permissionsOf(ctx: CalendarContext): { mb: CalendarMailbox; calendar: StoredCalendar } {
  const home = routeMailbox(ctx);
  const found = ctx.params.calendarId ? lookupCalendar(ctx, home, ctx.params.calendarId) : { calendar: defaultCalendar(home) };
  // Through a shared calendar's entry, its owner's permissions: the same rule as at the owner's address.
  const mb = found.entry?.owner ?? home;
  const calendar = found.calendar;
  // Only the owner (or a full-access delegate) manages sharing.
  if (roleOn(ctx, mb, calendar) !== 'delegateWithPrivateEventAccess') throw accessDenied();
  return { mb, calendar };
}

function readRole(v: unknown, allowed: CalendarRole[]): CalendarRole {
  const role = allowed.find((r) => typeof v === 'string' && r.toLowerCase() === v.toLowerCase());
  if (!role) throw badRequest(`The role '${String(v)}' cannot be given here; allowed: ${allowed.join(', ')}.`, 'ErrorInvalidRequest');
  return role;
}

const PERMISSION_BASES = ['/users/{id}/calendar', '/users/{id}/calendars/{calendarId}'];

export const calendarRoutes: CalendarRoute[] = [
  {
    method: 'GET',
    path: '/users/{id}/calendars',
    scopes: calendarScopes('read'),
    handler: (ctx) => {
      const mb = routeMailbox(ctx);
      const calendars = visibleCalendars(ctx, mb);
      if (calendars.length === 0) throw accessDenied();
      // Listing reads the caller's own mailbox, entries included: no .Shared permission is needed for them.
      const shared = isOwner(ctx, mb) ? sharedEntries(ctx.state, mb).map(renderSharedEntry) : [];
      return listOutlook(ctx, { ...src, items: [...calendars.map((c) => rendered(ctx, mb, c)), ...shared], context: usersContext(mb, 'calendars') });
    },
  },
  { method: 'GET', path: '/users/{id}/calendar', scopes: calendarScopes('read'), handler: (ctx) => one(ctx, routeMailbox(ctx), defaultCalendar(routeMailbox(ctx))) },
  {
    method: 'GET',
    path: '/users/{id}/calendars/{calendarId}',
    scopes: calendarScopes('read'),
    handler: (ctx) => {
      const { mb, calendar, entry } = addressed(ctx);
      // The entry itself is in the caller's mailbox, readable like the list; its items are another matter.
      return entry ? entity(ctx, mb, renderSharedEntry(entry)) : one(ctx, mb, calendar);
    },
  },
  {
    method: 'POST',
    path: '/users/{id}/calendars',
    scopes: calendarScopes('write'),
    handler: (ctx) => {
      const mb = routeMailbox(ctx);
      authorize(ctx, mb, defaultCalendar(mb), 'write');
      const b = (ctx.req.body ?? {}) as { name?: unknown; color?: unknown };
      if (typeof b.name !== 'string' || b.name.trim() === '') throw badRequest('A calendar needs a name.', 'ErrorInvalidRequest');
      if (mb.calendars.some((c) => c.name.toLowerCase() === String(b.name).trim().toLowerCase())) {
        throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
      }
      const cal: StoredCalendar = { key: newKey(), name: b.name.trim(), color: COLORS.includes(String(b.color)) ? String(b.color) : 'auto', hexColor: '', isDefault: false, changeKey: newChangeKey(), permissions: [] };
      mb.calendars.push(cal);
      return one(ctx, mb, cal, 201);
    },
  },
  {
    method: 'PATCH',
    path: '/users/{id}/calendars/{calendarId}',
    scopes: calendarScopes('write'),
    handler: (ctx) => {
      const { mb, calendar: cal, entry } = addressed(ctx);
      const b = (ctx.req.body ?? {}) as { name?: unknown; color?: unknown };
      if (entry) {
        // A recipient may rename or recolour their entry (Graph: "updating the calendar name for sharees").
        const name = typeof b.name === 'string' && b.name.trim() !== '' ? b.name.trim() : entry.view.name;
        changeSharedView(mb, entry, { name, color: COLORS.includes(String(b.color)) ? String(b.color) : entry.view.color });
        return entity(ctx, mb, renderSharedEntry(entry));
      }
      if (roleOn(ctx, mb, cal) !== 'delegateWithPrivateEventAccess') throw accessDenied();
      if (typeof b.name === 'string' && b.name.trim() !== '') cal.name = b.name.trim();
      if (b.color !== undefined) cal.color = COLORS.includes(String(b.color)) ? String(b.color) : cal.color;
      cal.changeKey = newChangeKey();
      return one(ctx, mb, cal);
    },
  },
  {
    method: 'DELETE',
    path: '/users/{id}/calendars/{calendarId}',
    scopes: calendarScopes('write'),
    handler: (ctx) => {
      const { mb, calendar: cal, entry } = addressed(ctx);
      if (entry) {
        changeSharedView(mb, entry, { removed: true });
        return { status: 204 };
      }
      if (roleOn(ctx, mb, cal) !== 'delegateWithPrivateEventAccess') throw accessDenied();
      if (cal.isDefault) throw new GraphError(400, 'ErrorDeleteDistinguishedFolder', 'Distinguished folders cannot be deleted.');
      mb.calendars.splice(mb.calendars.indexOf(cal), 1);
      for (const [k, e] of mb.events) if (e.calendarKey === cal.key) mb.events.delete(k);
      return { status: 204 };
    },
  },
  ...PERMISSION_BASES.flatMap((base): CalendarRoute[] => [
    {
      method: 'GET',
      path: `${base}/calendarPermissions`,
      scopes: calendarScopes('read'),
      handler: (ctx) => {
        const { mb, calendar } = permissionsOf(ctx);
        return { status: 200, body: { '@odata.context': `${METADATA}#${usersContext(mb, 'calendar/calendarPermissions')}`, value: calendar.permissions.map(renderPermission) } };
      },
    },
    {
      method: 'GET',
      path: `${base}/calendarPermissions/{permissionId}`,
      scopes: calendarScopes('read'),
      handler: (ctx) => {
        const { mb, calendar } = permissionsOf(ctx);
        const p = calendar.permissions.find((x) => x.id === ctx.params.permissionId);
        if (!p) throw itemNotFound();
        return { status: 200, body: { '@odata.context': `${METADATA}#${usersContext(mb, 'calendar/calendarPermissions')}/$entity`, ...renderPermission(p) } };
      },
    },
    {
      method: 'POST',
      path: `${base}/calendarPermissions`,
      scopes: calendarScopes('write'),
      handler: (ctx) => {
        const { mb, calendar } = permissionsOf(ctx);
        const b = (ctx.req.body ?? {}) as { emailAddress?: { address?: unknown }; role?: unknown };
        const who = typeof b.emailAddress?.address === 'string' ? ctx.directory.findUser(b.emailAddress.address) : undefined;
        if (!who) throw badRequest('The calendar can be shared only with people of the organization (emailAddress.address).', 'ErrorInvalidRequest');
        if (calendar.permissions.some((p) => p.userId === who.id)) throw new GraphError(409, 'ErrorItemAlreadyExists', 'The calendar is already shared with this user.');
        const p = {
          id: Buffer.from(`ExchangePublishedUser.${who.mail}`).toString('base64'),
          emailAddress: { name: who.displayName, address: who.mail ?? who.userPrincipalName },
          role: readRole(b.role ?? 'read', INTERNAL_ROLES), isInsideOrganization: true, isRemovable: true, allowedRoles: INTERNAL_ROLES, userId: who.id,
        };
        calendar.permissions.push(p);
        return { status: 201, body: { '@odata.context': `${METADATA}#${usersContext(mb, 'calendar/calendarPermissions')}/$entity`, ...renderPermission(p) } };
      },
    },
    {
      method: 'PATCH',
      path: `${base}/calendarPermissions/{permissionId}`,
      scopes: calendarScopes('write'),
      handler: (ctx) => {
        const { mb, calendar } = permissionsOf(ctx);
        const p = calendar.permissions.find((x) => x.id === ctx.params.permissionId);
        if (!p) throw itemNotFound();
        p.role = readRole((ctx.req.body as { role?: unknown } | undefined)?.role, p.allowedRoles);
        return { status: 200, body: { '@odata.context': `${METADATA}#${usersContext(mb, 'calendar/calendarPermissions')}/$entity`, ...renderPermission(p) } };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/calendarPermissions/{permissionId}`,
      scopes: calendarScopes('write'),
      handler: (ctx) => {
        const { calendar } = permissionsOf(ctx);
        const p = calendar.permissions.find((x) => x.id === ctx.params.permissionId);
        if (!p) throw itemNotFound();
        if (!p.isRemovable) throw badRequest('The default permission of the organization cannot be removed; set its role to none instead.', 'ErrorInvalidRequest');
        calendar.permissions.splice(calendar.permissions.indexOf(p), 1);
        return { status: 204 };
      },
    },
  ]),
];
