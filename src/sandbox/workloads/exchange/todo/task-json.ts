// microsoft.graph.todoTask as To Do writes it: the properties in Graph's order, dateTimeTimeZone values in the
// zone the client asked for (Prefer: outlook.timezone, UTC without it), the date-times nobody set left out, and
// the task's linked resources inline when it has some (as the documented answers show them).

import { etagOf } from '../../../odata/collection.js';
import { toDateTimeTimeZone, instantToWall } from '../time/datetime.js';
import { UTC, type Zone } from '../time/zones.js';
import type { StoredLinkedResource, StoredTask, StoredWhen } from './model.js';

/** What the OData layer works on: the JSON, and the UTC values $filter and $orderby compare. */
export interface RenderedTask {
  id: string;
  etag: string;
  json: Record<string, unknown>;
  /** `dueDateTime/dateTime` and friends as Exchange compares them: the UTC wall-clock text, or null. */
  utc: Record<string, string | null>;
}

export const DATE_TIMES = ['dueDateTime', 'startDateTime', 'reminderDateTime', 'completedDateTime'] as const;

export function linkedResourceJson(r: StoredLinkedResource): Record<string, unknown> {
  return { id: r.id, webUrl: r.webUrl, applicationName: r.applicationName, displayName: r.displayName, externalId: r.externalId };
}

export function renderTask(t: StoredTask, zone: Zone): RenderedTask {
  const when = (w: StoredWhen | null) => (w ? toDateTimeTimeZone(w.ms, zone) : undefined);
  const json: Record<string, unknown> = {
    importance: t.importance,
    isReminderOn: t.isReminderOn,
    status: t.status,
    title: t.title,
    createdDateTime: t.createdDateTime,
    lastModifiedDateTime: t.lastModifiedDateTime,
    hasAttachments: false,
    categories: [...t.categories],
    id: t.id,
    body: { ...t.body },
    bodyLastModifiedDateTime: t.bodyLastModifiedDateTime,
    completedDateTime: when(t.completedDateTime),
    dueDateTime: when(t.dueDateTime),
    startDateTime: when(t.startDateTime),
    reminderDateTime: when(t.reminderDateTime),
    recurrence: t.recurrence ? structuredClone(t.recurrence) : undefined,
    linkedResources: t.linkedResources.length ? t.linkedResources.map(linkedResourceJson) : undefined,
  };
  const utc: Record<string, string | null> = {};
  for (const p of DATE_TIMES) utc[`${p}/dateTime`] = t[p] ? instantToWall(t[p]!.ms, UTC) : null;
  return { id: t.id, etag: etagOf(t), json, utc };
}
