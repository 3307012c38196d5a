// Reading events: /events (single instances and series masters of a calendar), /calendarView (everything that
// happens in a time window, series expanded into occurrences and exceptions, cancelled occurrences left out),
// one event (item or occurrence) by id, and a series' /instances in a window. Times come in the zone of
// `Prefer: outlook.timezone` (UTC without it) and Preference-Applied says so.

import { readOptions } from '../../../../odata/options.js';
import { METADATA } from '../../../../odata/query.js';
import { parseSelect } from '../../../../odata/select.js';
import type { GraphResponse } from '../../../../graph/types.js';
import { authorize, calendarScopes } from '../access.js';
import { invalidParameter } from '../../errors.js';
import { instancesInWindow, viewItems, type ViewItem } from '../instances.js';
import { eventEntity, eventPaths } from '../odata/event-entity.js';
import { listOutlook, projectOutlook } from '../../outlook-query.js';
import { renderViewItem, type RenderedEvent } from '../render/event.js';
import { defaultCalendar, eventsOf, findEvent } from '../store.js';
import { parseQueryDateTime } from '../../time/datetime.js';
import { preferenceApplied } from '../../time/prefer.js';
import { assertVisible, renderSettings, routeTarget, underEveryCalendar, usersContext, visible } from './common.js';
import type { CalendarContext, CalendarRoute } from '../route-types.js';

/** Events as an Outlook collection: what $select, $filter and the default property set read. */
export const eventSource = { entity: eventEntity, paths: eventPaths, etag: (e: RenderedEvent) => String(e.json['@odata.etag']), id: (e: RenderedEvent) => String(e.json.id) };

/** startDateTime and endDateTime (any case) as instants, or Exchange's 400. */
export function readWindow(ctx: CalendarContext): { fromMs: number; toMs: number } {
  const get = (name: string) => [...ctx.req.url.searchParams].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  const start = get('startDateTime');
  const end = get('endDateTime');
  if (start === undefined || end === undefined) {
    throw invalidParameter('This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
  }
  const fromMs = parseQueryDateTime(start);
  if (fromMs === undefined) throw invalidParameter(`The value '${start}' of parameter 'StartDateTime' is invalid.`);
  const toMs = parseQueryDateTime(end);
  if (toMs === undefined) throw invalidParameter(`The value '${end}' of parameter 'EndDateTime' is invalid.`);
  return { fromMs, toMs };
}

function listView(ctx: CalendarContext, items: (rc: ReturnType<typeof renderSettings>['rc']) => RenderedEvent[], context: string, access: ReturnType<typeof authorize>): GraphResponse {
  const { rc, prefs } = renderSettings(ctx, access);
  return listOutlook(ctx, {
    ...eventSource,
    items: items(rc),
    context,
    pageSizeOverride: prefs.maxPageSize,
    headers: preferenceApplied(prefs, { zone: true, body: true, pageSize: true }),
  });
}

/** The event a route's {eventId} names, with the caller's access to its calendar; 403/404 as Exchange answers. */
function readableEvent(ctx: CalendarContext) {
  const { home, mb, calendar } = routeTarget(ctx, 'read');
  const ref = findEvent(mb, ctx.params.eventId, calendar);
  const item = ref.kind === 'item' ? ref.event : ref.instance.master;
  const access = authorize(ctx, mb, mb.calendars.find((c) => c.key === item.calendarKey)!, 'read');
  assertVisible(access, item);
  return { home, ref, item, access };
}

export const eventReadRoutes: CalendarRoute[] = [
  ...underEveryCalendar('/events', () => ({
    method: 'GET',
    scopes: calendarScopes('read'),
    handler: (ctx) => {
      const { home, mb, calendar = defaultCalendar(mb) } = routeTarget(ctx, 'read');
      const access = authorize(ctx, mb, calendar, 'read');
      const events = eventsOf(mb, calendar).filter(visible(access));
      return listView(ctx, (rc) => events.map((event) => renderViewItem({ kind: 'item', event }, rc)), usersContext(home, 'events'), access);
    },
  })),
  ...underEveryCalendar('/calendarView', () => ({
    method: 'GET',
    scopes: calendarScopes('read'),
    handler: (ctx) => {
      const { home, mb, calendar = defaultCalendar(mb) } = routeTarget(ctx, 'read');
      const access = authorize(ctx, mb, calendar, 'read');
      const { fromMs, toMs } = readWindow(ctx);
      const items: ViewItem[] = toMs <= fromMs ? [] : viewItems(eventsOf(mb, calendar), fromMs, toMs).filter(visible(access));
      return listView(ctx, (rc) => items.map((i) => renderViewItem(i, rc)), usersContext(home, 'calendarView'), access);
    },
  })),
  ...underEveryCalendar('/events/{eventId}', () => ({
    method: 'GET',
    scopes: calendarScopes('read'),
    handler: (ctx) => {
      const { home, ref, item, access } = readableEvent(ctx);
      const { rc, prefs } = renderSettings(ctx, access);
      const select = parseSelect(readOptions(ctx.req).get('$select'), eventEntity);
      const rendered = renderViewItem(ref.kind === 'item' ? ref : { kind: 'instance', instance: ref.instance }, rc);
      return {
        status: 200,
        headers: preferenceApplied(prefs),
        body: { '@odata.context': `${METADATA}#${usersContext(home, 'events')}${select ? `(${select.join(',')})` : ''}/$entity`, ...projectOutlook(eventSource, rendered, select) },
      };
    },
  })),
  ...underEveryCalendar('/events/{eventId}/instances', () => ({
    method: 'GET',
    scopes: calendarScopes('read'),
    handler: (ctx) => {
      const { home, ref, item, access } = readableEvent(ctx);
      const { fromMs, toMs } = readWindow(ctx);
      const instances = ref.kind === 'item' && item.type === 'seriesMaster' && toMs > fromMs ? instancesInWindow(item, fromMs, toMs) : [];
      const context = usersContext(home, `events('${encodeURIComponent(ctx.params.eventId)}')/instances`);
      return listView(ctx, (rc) => instances.map((instance) => renderViewItem({ kind: 'instance', instance }, rc)), context, access);
    },
  })),
];
