// Planner's rules for making and changing a task: it belongs to a plan one is a member of and to a bucket of that
// plan (a PATCH of bucketId moves it; its plan never changes); its order hints are resolved among the plan's other
// tasks, an assignment's among the assignee's other tasks; assignments and categories merge key by key (null or
// false removes); percentComplete 100 completes it (completedDateTime and completedBy), less reopens it; it cannot
// start after it is due.

import { newChangeKey, type Stamp } from '../../odata/collection.js';
import { nowIso, planById, type Ctx } from './access.js';
import { plannerBadRequest } from './errors.js';
import type { StoredAssignment, StoredTask } from './model.js';
import { resolveOrderHint } from './order-hint.js';

const bucketOfPlan = (ctx: Ctx, bucketId: unknown, planId: string) => {
  if (bucketId === null || bucketId === undefined) return null;
  const bucket = ctx.state.buckets.find((b) => b.id === bucketId);
  if (!bucket || bucket.planId !== planId) throw plannerBadRequest(`The bucket '${String(bucketId)}' is not a bucket of the plan '${planId}'.`);
  return bucket.id;
};

const siblings = (ctx: Ctx, task: { id: string; planId: string }) => ctx.state.tasks.filter((t) => t.planId === task.planId && t.id !== task.id);

function mergeAssignments(ctx: Ctx, task: StoredTask, changes: Record<string, Record<string, unknown> | null>): void {
  for (const [key, value] of Object.entries(changes)) {
    const user = ctx.directory.findUser(key);
    if (!user) throw plannerBadRequest(`The user '${key}' cannot be assigned: no such user in the tenant.`);
    if (value === null) {
      delete task.assignments[user.id];
      continue;
    }
    const others = ctx.state.tasks.filter((t) => t.id !== task.id).flatMap((t) => (t.assignments[user.id] ? [t.assignments[user.id].orderHint] : []));
    const orderHint = resolveOrderHint(value.orderHint as string, others);
    const current = task.assignments[user.id];
    task.assignments[user.id] = current ? { ...current, orderHint } : ({ assignedBy: ctx.principal.user.id, assignedDateTime: nowIso(), orderHint } satisfies StoredAssignment);
  }
}

function mergeCategories(task: StoredTask, changes: Record<string, boolean | null>): void {
  for (const [key, on] of Object.entries(changes)) {
    if (on) task.appliedCategories[key] = true;
    else delete task.appliedCategories[key];
  }
}

/** Everything but the plan and the merged maps, in the order that lets later checks see earlier changes. */
function applyFields(ctx: Ctx, task: StoredTask, fields: Record<string, unknown>): void {
  if ('bucketId' in fields) task.bucketId = bucketOfPlan(ctx, fields.bucketId, task.planId);
  if (typeof fields.title === 'string') {
    if (!fields.title.trim()) throw plannerBadRequest('A task needs a title.');
    task.title = fields.title;
  } else if ('title' in fields) throw plannerBadRequest('A task needs a title.');
  const others = siblings(ctx, task);
  if (typeof fields.orderHint === 'string') task.orderHint = resolveOrderHint(fields.orderHint, others.map((t) => t.orderHint));
  if (typeof fields.assigneePriority === 'string') task.assigneePriority = resolveOrderHint(fields.assigneePriority, others.map((t) => t.assigneePriority));
  for (const p of ['startDateTime', 'dueDateTime', 'conversationThreadId'] as const) if (p in fields) task[p] = fields[p] as string | null;
  if (typeof fields.priority === 'number') task.priority = fields.priority;
  if (typeof fields.previewType === 'string') task.previewType = fields.previewType as StoredTask['previewType'];
  if (fields.assignments) mergeAssignments(ctx, task, fields.assignments as Record<string, Record<string, unknown> | null>);
  if (fields.appliedCategories) mergeCategories(task, fields.appliedCategories as Record<string, boolean | null>);
  if (typeof fields.percentComplete === 'number') {
    const wasDone = task.percentComplete === 100;
    task.percentComplete = fields.percentComplete;
    if (task.percentComplete === 100 && !wasDone) Object.assign(task, { completedDateTime: nowIso(), completedBy: ctx.principal.user.id });
    if (task.percentComplete < 100) Object.assign(task, { completedDateTime: null, completedBy: null });
  }
  if (task.startDateTime && task.dueDateTime && task.startDateTime > task.dueDateTime) throw plannerBadRequest('The start date of a task cannot be after its due date.');
}

export function createTask(ctx: Ctx, fields: Record<string, unknown>, stamp: Stamp): StoredTask {
  if (typeof fields.planId !== 'string') throw plannerBadRequest('A task needs the planId of its plan.');
  const plan = planById(ctx, fields.planId);
  if (typeof fields.title !== 'string') throw plannerBadRequest('A task needs a title.');
  const task: StoredTask = {
    ...stamp,
    planId: plan.id,
    bucketId: null,
    title: '',
    orderHint: '',
    assigneePriority: '',
    percentComplete: 0,
    priority: 5,
    startDateTime: null,
    dueDateTime: null,
    completedDateTime: null,
    completedBy: null,
    createdBy: { userId: ctx.principal.user.id, appId: ctx.principal.appId },
    conversationThreadId: null,
    previewType: 'automatic',
    appliedCategories: {},
    assignments: {},
    details: { changeKey: newChangeKey(), description: '', previewType: 'automatic', checklist: {}, references: {} },
  };
  // New tasks go first, as Planner shows them, unless the client says where.
  applyFields(ctx, task, { orderHint: ' !', assigneePriority: ' !', ...fields });
  return task;
}

export function updateTask(ctx: Ctx, task: StoredTask, fields: Record<string, unknown>): void {
  if ('planId' in fields && fields.planId !== task.planId) throw plannerBadRequest('The planId of a task cannot be changed.');
  applyFields(ctx, task, fields);
}
