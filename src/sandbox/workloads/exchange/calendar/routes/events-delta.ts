// Delta query over a calendar view of the primary calendar (GET /users/{id}/calendarView/delta, the two paths
// Graph v1.0 documents): the first call names the window (startDateTime, endDateTime; the tokens carry it after
// that), the first round pages out what calendarView shows in it (single events, occurrences and exceptions of
// series), and a deltaLink then answers only what changed: new and changed items in full as calendarView writes
// them, and as removed those deleted, cancelled by their organizer, moved out of the window, or occurrences taken
// out of a series. An event created outside the window never appears. As documented, $select, $expand, $filter,
// $orderby and $search do not apply here; `Prefer: odata.maxpagesize` and `outlook.timezone` do.

import { badRequest, type GraphResponse } from '../../../../graph/types.js';
import { readOptions } from '../../../../odata/options.js';
import { projectOutlook } from '../../outlook-query.js';
import { deltaResponse } from '../../delta/delta-response.js';
import { authorize, calendarScopes } from '../access.js';
import { itemEnd, itemStart, viewItems } from '../instances.js';
import { renderViewItem } from '../render/event.js';
import { defaultCalendar, eventsOf } from '../store.js';
import { preferenceApplied } from '../../time/prefer.js';
import { eventSource, readWindow } from './events-read.js';
import { renderSettings, routeTarget, visible } from './common.js';
import type { CalendarContext, CalendarRoute } from '../route-types.js';

/** Exchange's page of events unless `Prefer: odata.maxpagesize` asks for another. */
const PAGE_SIZE = 10;
const NOT_WITH_DELTA = ['$select', '$expand', '$filter', '$orderby', '$search'] as const;

function calendarViewDelta(ctx: CalendarContext): GraphResponse {
  const { mb } = routeTarget(ctx, 'read');
  const calendar = defaultCalendar(mb);
  const access = authorize(ctx, mb, calendar, 'read');
  const round = ctx.state.syncStates.open(ctx.req, `calendarView:${mb.owner.id}:${calendar.key}`);
  const req = round.request;
  const opts = readOptions(req);
  for (const option of NOT_WITH_DELTA) {
    if (opts.get(option) !== undefined) throw badRequest(`The query parameter ${option} is not supported with delta.`, 'ErrorInvalidUrlQuery');
  }
  const { fromMs, toMs } = readWindow({ ...ctx, req });
  const { rc, prefs } = renderSettings(ctx, access);
  const items = toMs <= fromMs ? [] : viewItems(eventsOf(mb, calendar), fromMs, toMs).filter(visible(access));
  const tracked = items.map((i) => {
    const rendered = renderViewItem(i, rc);
    // The change key covers the item's own changes, the times an occurrence's move within its series.
    return { id: eventSource.id(rendered), stamp: `${eventSource.etag(rendered)}|${itemStart(i)}|${itemEnd(i)}`, item: rendered };
  });
  const pageSize = prefs.maxPageSize ?? PAGE_SIZE;
  return deltaResponse(ctx, round.page(tracked, pageSize), {
    type: 'event',
    render: (rendered) => projectOutlook(eventSource, rendered, undefined),
    headers: preferenceApplied(prefs, { zone: true, body: true, pageSize: true }),
  });
}

export const eventDeltaRoutes: CalendarRoute[] = [
  { method: 'GET', path: '/users/{id}/calendarView/delta', scopes: calendarScopes('read'), handler: calendarViewDelta },
];
