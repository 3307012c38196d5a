// How the OData machinery sees To Do: task lists, tasks (rendered first, so that $select and $filter see what the
// client sees, date-times in its zone), checklist items and linked resources; what each filters and sorts on,
// including the `dueDateTime/dateTime` paths clients use for "due this week".

import type { EntityType, PropSpec } from '../../../odata/entity.js';
import { outlookDialect } from '../outlook-query.js';
import type { StoredChecklistItem, StoredLinkedResource, StoredTaskList } from './model.js';
import { DATE_TIMES, type RenderedTask } from './task-json.js';

const TEXT: PropSpec = { type: 'string', filter: 'eq ne startsWith contains', orderby: 'default' };
const ENUM: PropSpec = { type: 'string', filter: 'eq ne in', orderby: 'default' };
const FLAG: PropSpec = { type: 'boolean', filter: 'eq ne', orderby: 'default' };
const WHEN: PropSpec = { type: 'datetime', filter: 'eq ne gt ge lt le', orderby: 'default' };
const OBJECT: PropSpec = { type: 'object' };
const PAGES = { default: 10, max: 1000 };

export const taskListEntity: EntityType<StoredTaskList> = {
  name: 'microsoft.graph.todoTaskList',
  properties: { id: { type: 'string', filter: 'eq' }, displayName: TEXT, isOwner: FLAG, isShared: FLAG, wellknownListName: ENUM },
  defaultSelect: ['displayName', 'isOwner', 'isShared', 'wellknownListName'],
  pageSize: PAGES,
  dialect: outlookDialect,
};

export const taskEntity: EntityType<RenderedTask> = {
  name: 'microsoft.graph.todoTask',
  properties: {
    id: { type: 'string', filter: 'eq ne' },
    importance: ENUM,
    isReminderOn: FLAG,
    status: ENUM,
    title: TEXT,
    createdDateTime: WHEN,
    lastModifiedDateTime: WHEN,
    bodyLastModifiedDateTime: WHEN,
    hasAttachments: FLAG,
    categories: { type: 'string[]', filter: 'any eq' },
    body: OBJECT,
    completedDateTime: OBJECT,
    dueDateTime: OBJECT,
    startDateTime: OBJECT,
    reminderDateTime: OBJECT,
    recurrence: OBJECT,
  },
  defaultSelect: ['importance', 'isReminderOn', 'status', 'title', 'createdDateTime', 'lastModifiedDateTime', 'hasAttachments', 'categories', 'body', 'bodyLastModifiedDateTime', 'completedDateTime', 'dueDateTime', 'startDateTime', 'reminderDateTime', 'recurrence', 'linkedResources'],
  get: (r, p) => (p in r.utc ? r.utc[p] : r.json[p]),
  pageSize: PAGES,
  dialect: outlookDialect,
};

/** `dueDateTime/dateTime` and its siblings: text compared against the UTC value, as Exchange compares it; `ne null`
 *  finds the tasks that have one. */
export const TASK_PATHS: Record<string, PropSpec> = Object.fromEntries(
  DATE_TIMES.map((p) => [`${p}/dateTime`, { type: 'string', filter: 'eq ne gt ge lt le null', orderby: 'default' } satisfies PropSpec]),
);

export const checklistItemEntity: EntityType<StoredChecklistItem> = {
  name: 'microsoft.graph.checklistItem',
  properties: { id: { type: 'string', filter: 'eq' }, displayName: TEXT, isChecked: FLAG, checkedDateTime: WHEN, createdDateTime: WHEN },
  defaultSelect: ['displayName', 'createdDateTime', 'checkedDateTime', 'isChecked'],
  // An unchecked item has no checkedDateTime in Graph's answers.
  get: (i, p) => (p === 'checkedDateTime' && !i.checkedDateTime ? undefined : (i as unknown as Record<string, unknown>)[p]),
  pageSize: PAGES,
  dialect: outlookDialect,
};

export const linkedResourceEntity: EntityType<StoredLinkedResource> = {
  name: 'microsoft.graph.linkedResource',
  properties: { id: { type: 'string', filter: 'eq' }, webUrl: TEXT, applicationName: TEXT, displayName: TEXT, externalId: TEXT },
  defaultSelect: ['webUrl', 'applicationName', 'displayName', 'externalId'],
  pageSize: PAGES,
  dialect: outlookDialect,
};
