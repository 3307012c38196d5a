// /me/todo/lists/{id}/tasks through the collection engine: To Do's rules on top of it. A new task is notStarted and
// of normal importance, its reminder on when it has a reminder time; completing it stamps completedDateTime (and
// reopening clears it); completing a recurring task makes the series' next task, due on the pattern's next date;
// checklist items and linked resources may come inline with a create. The flagged-email list mirrors flagged mail
// (flagged.ts): it takes no new tasks, and its tasks' status sets their message's flag.

import { collectionRoutes, type CollectionDecl } from '../../../odata/collection.js';
import { bookOf, listOf, nowIso, ownerContext, removeFrom, todoScopes, type Ctx } from './access.js';
import { flaggedTasks, patchFlaggedTask, removeFlaggedTask } from './flagged.js';
import { taskEntity } from './entity.js';
import { flaggedListIsReadOnly, nestedOnCreateOnly, notNullable } from './errors.js';
import { taskId } from './ids.js';
import { blankTask, type StoredTask, type TodoState } from './model.js';
import { nextOccurrence } from './recurrence-next.js';
import { innerStamp, TASK_CREATE_ONLY, TASK_IGNORED, TASK_NON_NULLABLE, TASK_SETTERS } from './task-input.js';
import { taskStyle } from './style.js';

/** The owner's directory id (bookOf has checked the caller may open the book). */
const ownerOf = (ctx: Ctx) => ctx.directory.findUser(ctx.params.id)!.id;
const isFlagged = (ctx: Ctx) => listOf(ctx).wellknownListName === 'flaggedEmails';

function checkNulls(fields: Record<string, unknown>): void {
  for (const p of TASK_NON_NULLABLE) if (p in fields && fields[p] === null) throw notNullable(p);
}

/** A reminder time given without isReminderOn turns the reminder on (or off, when cleared). */
function reminderFollows(task: StoredTask, fields: Record<string, unknown>): void {
  if ('reminderDateTime' in fields && !('isReminderOn' in fields)) task.isReminderOn = fields.reminderDateTime !== null;
}

/** The next task of a recurring series, made when one is completed; the completed one leaves the series. */
function continueSeries(ctx: Ctx, done: StoredTask): void {
  if (!done.recurrence || !done.dueDateTime) return;
  const next = nextOccurrence(done.dueDateTime, done.recurrence);
  done.recurrence = null;
  if (!next) return;
  const shift = (w: StoredTask['reminderDateTime']) => (w ? { ms: w.ms + next.due.ms - done.dueDateTime!.ms, zone: w.zone } : null);
  const at = nowIso();
  bookOf(ctx).tasks.push({
    ...done,
    ...innerStamp(at),
    id: taskId(),
    status: 'notStarted',
    completedDateTime: null,
    dueDateTime: next.due,
    startDateTime: shift(done.startDateTime),
    reminderDateTime: shift(done.reminderDateTime),
    recurrence: next.recurrence,
    categories: [...done.categories],
    checklistItems: done.checklistItems.map((c) => ({ ...c, ...innerStamp(at), isChecked: false, checkedDateTime: null })),
    linkedResources: done.linkedResources.map((r) => ({ ...r, ...innerStamp(at) })),
  });
}

const tasksDecl: CollectionDecl<TodoState, StoredTask> = {
  path: '/users/{id}/todo/lists/{listId}/tasks',
  itemParam: 'taskId',
  typeName: taskEntity.name,
  scopes: { read: todoScopes('read'), write: todoScopes('write') },
  items: (ctx) => {
    const book = bookOf(ctx);
    const list = listOf(ctx, book);
    if (list.wellknownListName === 'flaggedEmails') return flaggedTasks(ctx.state, ownerOf(ctx), list);
    return book.tasks.filter((t) => t.listId === list.id);
  },
  add: (ctx, task) => bookOf(ctx).tasks.push(task),
  remove: (ctx, task) => (isFlagged(ctx) ? removeFlaggedTask(ctx.state, ownerOf(ctx), task) : removeFrom(bookOf(ctx).tasks, task)),
  context: (ctx) => `${ownerContext(ctx)}/todo/lists('${ctx.params.listId}')/tasks`,
  style: taskStyle(),
  writable: TASK_SETTERS,
  ignored: TASK_IGNORED,
  newId: () => taskId(),
  create: (ctx, fields, stamp) => {
    if (listOf(ctx).wellknownListName === 'flaggedEmails') throw flaggedListIsReadOnly();
    checkNulls(fields);
    const task: StoredTask = { ...blankTask(ctx.params.listId, stamp), ...(fields as Partial<StoredTask>) };
    reminderFollows(task, fields);
    return task;
  },
  apply: (ctx, task, fields) => {
    checkNulls(fields);
    if (isFlagged(ctx)) return patchFlaggedTask(ctx.state, ownerOf(ctx), task, fields);
    const nested = TASK_CREATE_ONLY.find((p) => p in fields);
    if (nested) throw nestedOnCreateOnly(nested);
    const wasDone = task.status === 'completed';
    Object.assign(task, fields);
    if ('body' in fields) task.bodyLastModifiedDateTime = nowIso();
    reminderFollows(task, fields);
    if (!wasDone && task.status === 'completed') continueSeries(ctx, task);
  },
  // Completion and its time go together: completed without a time is completed now; any other status has none.
  changed: (task) => {
    if (task.status !== 'completed') task.completedDateTime = null;
    else task.completedDateTime ??= { ms: Date.now(), zone: 'UTC' };
  },
};

export const taskRoutes = collectionRoutes(tasksDecl);
