// Planner's entity sets through the collection engine: /planner/plans, /planner/buckets and /planner/tasks, each
// item reached by id by the members of its plan's group (403 for others), made by POST (the container, plan or
// bucket named in the body), changed by PATCH and removed by DELETE with If-Match (412 without or with a stale
// one), a PATCH answering 204 unless `Prefer: return=representation`. Deleting a plan or a bucket removes what is
// in it. The sets themselves are not listed whole.

import { collectionRoutes, newChangeKey, type CollectionDecl } from '../../odata/collection.js';
import { authorizePlan, memberGroup, planById, plannerScopes, type Ctx } from './access.js';
import { plannerBadRequest, plannerListUnsupported } from './errors.js';
import { guidLikeId } from './ids.js';
import type { PlannerState, StoredBucket, StoredPlan, StoredTask } from './model.js';
import { lastOf, resolveOrderHint } from './order-hint.js';
import { BUCKET, PLAN, TASK } from './renderings.js';
import { plannerStyle } from './style.js';
import { createTask, updateTask } from './task-rules.js';
import { TASK_IGNORED, TASK_SETTERS, text } from './task-input.js';

/** The entity sets are reached item by item; listing one whole is refused, and a POST checks in its create. */
const byIdOnly = (_ctx: Ctx, access: 'read' | 'write') => {
  if (access === 'read') throw plannerListUnsupported();
  return [];
};
const scopes = { read: plannerScopes('read'), write: plannerScopes('write') };

/** The group a new plan goes into: `container` (by url or containerId) or the older `owner`. */
function containerGroup(ctx: Ctx, fields: Record<string, unknown>): string {
  const c = fields.container as { url?: unknown; containerId?: unknown; type?: unknown } | undefined;
  const fromUrl = typeof c?.url === 'string' ? /\/groups\/([^/?]+)/i.exec(c.url)?.[1] : undefined;
  const id = fromUrl ?? (typeof c?.containerId === 'string' ? c.containerId : typeof fields.owner === 'string' ? fields.owner : undefined);
  if (!id) throw plannerBadRequest('A plan needs a container: the group it belongs to.');
  if (c?.type !== undefined && c.type !== 'group') throw plannerBadRequest('Plans can be created in groups only here.');
  return memberGroup(ctx, id).id;
}

const plansDecl: CollectionDecl<PlannerState, StoredPlan> = {
  path: '/planner/plans',
  itemParam: 'planId',
  typeName: PLAN.entity.name,
  scopes,
  items: byIdOnly,
  addressable: (ctx) => ctx.state.plans,
  authorize: (ctx, plan) => void authorizePlan(ctx, plan),
  add: (ctx, plan) => ctx.state.plans.push(plan),
  remove: (ctx, plan) => {
    ctx.state.plans = ctx.state.plans.filter((p) => p !== plan);
    ctx.state.buckets = ctx.state.buckets.filter((b) => b.planId !== plan.id);
    ctx.state.tasks = ctx.state.tasks.filter((t) => t.planId !== plan.id);
  },
  context: () => 'planner/plans',
  style: plannerStyle(PLAN),
  writable: { title: text, container: (v) => v, owner: text },
  ignored: ['id', 'createdDateTime', 'createdBy'],
  newId: () => guidLikeId(),
  create: (ctx, fields, stamp) => {
    const groupId = containerGroup(ctx, fields);
    if (typeof fields.title !== 'string' || !fields.title.trim()) throw plannerBadRequest('A plan needs a title.');
    return { ...stamp, title: fields.title, groupId, createdBy: { userId: ctx.principal.user.id, appId: ctx.principal.appId }, details: { changeKey: newChangeKey(), categoryDescriptions: {}, sharedWith: {} } };
  },
  apply: (_ctx, plan, fields) => {
    if ('container' in fields || 'owner' in fields) throw plannerBadRequest("A plan's container cannot be changed.");
    if ('title' in fields) {
      if (typeof fields.title !== 'string' || !fields.title.trim()) throw plannerBadRequest('A plan needs a title.');
      plan.title = fields.title;
    }
  },
};

const bucketsDecl: CollectionDecl<PlannerState, StoredBucket> = {
  path: '/planner/buckets',
  itemParam: 'bucketId',
  typeName: BUCKET.entity.name,
  scopes,
  items: byIdOnly,
  addressable: (ctx) => ctx.state.buckets,
  authorize: (ctx, bucket) => void planById(ctx, bucket.planId),
  add: (ctx, bucket) => ctx.state.buckets.push(bucket),
  // A bucket's tasks go with it, as in Planner.
  remove: (ctx, bucket) => {
    ctx.state.buckets = ctx.state.buckets.filter((b) => b !== bucket);
    ctx.state.tasks = ctx.state.tasks.filter((t) => t.bucketId !== bucket.id);
  },
  context: () => 'planner/buckets',
  style: plannerStyle(BUCKET),
  writable: { name: text, planId: text, orderHint: text },
  ignored: ['id'],
  newId: () => guidLikeId(),
  create: (ctx, fields, stamp) => {
    if (typeof fields.planId !== 'string') throw plannerBadRequest('A bucket needs the planId of its plan.');
    const plan = planById(ctx, fields.planId);
    if (typeof fields.name !== 'string' || !fields.name.trim()) throw plannerBadRequest('A bucket needs a name.');
    const others = ctx.state.buckets.filter((b) => b.planId === plan.id).map((b) => b.orderHint);
    // Without a hint a new bucket goes last, as Planner adds it to the board's end.
    const orderHint = resolveOrderHint(typeof fields.orderHint === 'string' ? fields.orderHint : `${lastOf(others)} !`, others);
    return { ...stamp, name: fields.name, planId: plan.id, orderHint };
  },
  apply: (ctx, bucket, fields) => {
    if ('planId' in fields && fields.planId !== bucket.planId) throw plannerBadRequest('The planId of a bucket cannot be changed.');
    if ('name' in fields) {
      if (typeof fields.name !== 'string' || !fields.name.trim()) throw plannerBadRequest('A bucket needs a name.');
      bucket.name = fields.name;
    }
    if (typeof fields.orderHint === 'string') {
      const others = ctx.state.buckets.filter((b) => b.planId === bucket.planId && b !== bucket).map((b) => b.orderHint);
      bucket.orderHint = resolveOrderHint(fields.orderHint, others);
    }
  },
};

const tasksDecl: CollectionDecl<PlannerState, StoredTask> = {
  path: '/planner/tasks',
  itemParam: 'taskId',
  typeName: TASK.entity.name,
  scopes,
  items: byIdOnly,
  addressable: (ctx) => ctx.state.tasks,
  authorize: (ctx, task) => void planById(ctx, task.planId),
  add: (ctx, task) => ctx.state.tasks.push(task),
  remove: (ctx, task) => {
    ctx.state.tasks = ctx.state.tasks.filter((t) => t !== task);
  },
  context: () => 'planner/tasks',
  style: plannerStyle(TASK),
  writable: TASK_SETTERS,
  ignored: TASK_IGNORED,
  newId: () => guidLikeId(),
  create: createTask,
  apply: updateTask,
};

export const itemRoutes = [...collectionRoutes(plansDecl), ...collectionRoutes(bucketsDecl), ...collectionRoutes(tasksDecl)];
