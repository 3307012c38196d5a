// Changing events: create (201, with invitations to internal attendees), update (an occurrence becomes an
// exception; the organizer's changes reach attendees), delete (the organizer's delete of a meeting cancels it),
// cancel (organizer only, with a comment), and the invitee's accept / tentativelyAccept / decline (202).
// Writing in someone else's calendar needs Calendars.ReadWrite.Shared and a write or delegate share; an event
// a delegate creates there is organized by the calendar's owner, as in Outlook.

import { readOptions } from '../../../../odata/options.js';
import { METADATA } from '../../../../odata/query.js';
import { parseSelect } from '../../../../odata/select.js';
import type { GraphResponse } from '../../../../graph/types.js';
import { authorize, calendarScopes } from '../access.js';
import { readEventChanges } from '../event-input.js';
import { findInstance } from '../instances.js';
import { removeEvent } from '../meetings/cancel.js';
import { buildEvent } from '../meetings/create.js';
import { invite } from '../meetings/invite.js';
import { readResponseBody, respond, type ResponseAction } from '../meetings/respond.js';
import { updateEvent } from '../meetings/update.js';
import type { CalendarMailbox } from '../model.js';
import { eventEntity } from '../odata/event-entity.js';
import { projectOutlook } from '../../outlook-query.js';
import { renderViewItem, type RenderedEvent } from '../render/event.js';
import { defaultCalendar, emailOf, findEvent, type EventRef } from '../store.js';
import { preferenceApplied } from '../../time/prefer.js';
import { assertVisible, renderSettings, routeTarget, underEveryCalendar, usersContext } from './common.js';
import type { CalendarContext, CalendarRoute } from '../route-types.js';

const source = { entity: eventEntity, etag: (e: RenderedEvent) => String(e.json['@odata.etag']), id: (e: RenderedEvent) => String(e.json.id) };

function eventResponse(ctx: CalendarContext, home: CalendarMailbox, ref: EventRef, status: number, access: ReturnType<typeof authorize>): GraphResponse {
  const { rc, prefs } = renderSettings(ctx, access);
  const select = parseSelect(readOptions(ctx.req).get('$select'), eventEntity);
  const rendered = renderViewItem(ref.kind === 'item' ? ref : { kind: 'instance', instance: ref.instance }, rc);
  return {
    status,
    headers: preferenceApplied(prefs),
    body: { '@odata.context': `${METADATA}#${usersContext(home, 'events')}/$entity`, ...projectOutlook(source, rendered, select) },
  };
}

/** The addressed event with write access checked on its calendar; `home` is the route's mailbox. */
function writable(ctx: CalendarContext): { home: CalendarMailbox; mb: CalendarMailbox; ref: EventRef; access: ReturnType<typeof authorize> } {
  const { home, mb, calendar } = routeTarget(ctx, 'write');
  const ref = findEvent(mb, ctx.params.eventId, calendar);
  const item = ref.kind === 'item' ? ref.event : ref.instance.master;
  const access = authorize(ctx, mb, mb.calendars.find((c) => c.key === item.calendarKey)!, 'write');
  assertVisible(access, item);
  return { home, mb, ref, access };
}

const RESPONSES: ResponseAction[] = ['accept', 'tentativelyAccept', 'decline'];

export const eventWriteRoutes: CalendarRoute[] = [
  ...underEveryCalendar('/events', () => ({
    method: 'POST',
    scopes: calendarScopes('write'),
    handler: (ctx) => {
      const { home, mb, calendar = defaultCalendar(mb) } = routeTarget(ctx, 'write');
      const access = authorize(ctx, mb, calendar, 'write');
      const state = ctx.state;
      const changes = readEventChanges(ctx.req.body, true);
      // transactionId makes a client's retry harmless: the event it already created answers, with nothing sent twice.
      const earlier = changes.transactionId ? [...mb.events.values()].find((e) => e.transactionId === changes.transactionId) : undefined;
      if (earlier) {
        ctx.log('calendar: event creation repeated with the same transactionId; the existing event answers');
        return eventResponse(ctx, home, { kind: 'item', event: earlier }, 201, access);
      }
      const now = state.now();
      const event = buildEvent(mb, calendar, changes, { now, organizer: emailOf(mb.owner) });
      mb.events.set(event.key, event);
      invite(state, mb, event, { now });
      ctx.log(`calendar: event created in a mailbox calendar (${event.attendees.length} attendees)`);
      return eventResponse(ctx, home, { kind: 'item', event }, 201, access);
    },
  })),
  ...underEveryCalendar('/events/{eventId}', () => ({
    method: 'PATCH',
    scopes: calendarScopes('write'),
    handler: (ctx) => {
      const { home, mb, ref, access } = writable(ctx);
      const state = ctx.state;
      const updated = updateEvent(state, mb, ref, readEventChanges(ctx.req.body, false));
      if (ref.kind === 'item') return eventResponse(ctx, home, { kind: 'item', event: updated }, 200, access);
      const instance = findInstance(ref.instance.master, ref.instance.originalStartMs)!;
      return eventResponse(ctx, home, { kind: 'instance', instance }, 200, access);
    },
  })),
  ...underEveryCalendar('/events/{eventId}', () => ({
    method: 'DELETE',
    scopes: calendarScopes('write'),
    handler: (ctx) => {
      const { mb, ref } = writable(ctx);
      removeEvent(ctx.state, mb, ref, { cancel: false });
      return { status: 204 };
    },
  })),
  ...underEveryCalendar('/events/{eventId}/cancel', () => ({
    method: 'POST',
    scopes: calendarScopes('write'),
    params: ['comment'],
    handler: (ctx) => {
      const { mb, ref } = writable(ctx);
      const body = (ctx.req.body ?? {}) as { comment?: unknown };
      removeEvent(ctx.state, mb, ref, { cancel: true, comment: String(body.comment ?? '') });
      return { status: 202 };
    },
  })),
  ...RESPONSES.flatMap((action) =>
    underEveryCalendar(`/events/{eventId}/${action}`, () => ({
      method: 'POST',
      scopes: calendarScopes('write'),
      params: ['comment', 'sendResponse', 'proposedNewTime'],
      handler: (ctx) => {
        const { mb, ref } = writable(ctx);
        respond(ctx.state, mb, ref, action, readResponseBody(ctx.req.body, action));
        return { status: 202 };
      },
    })),
  ),
];
