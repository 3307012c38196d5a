// The lists Planner serves under other resources: a person's tasks (assigned to them) and plans (of their groups),
// a group's plans, a plan's buckets and tasks, a bucket's tasks. Each is read whole, by a member of the group the
// plans belong to; another person's lists and another group's plans are refused with Planner's 403.

import { resourceNotFound, type RouteDef } from '../../graph/types.js';
import { bucketById, canSee, planById, plannerScopes, selfOnly, type Ctx } from './access.js';
import type { PlannerState } from './model.js';
import { BUCKET, PLAN, TASK } from './renderings.js';
import { plannerList } from './style.js';
import { plannerForbidden } from './errors.js';

const read = plannerScopes('read');

function groupPlans(ctx: Ctx) {
  const group = ctx.directory.findGroup(ctx.params.groupId);
  if (!group) throw resourceNotFound(ctx.params.groupId);
  if (!ctx.directory.isGroupMember(ctx.principal.user, group)) throw plannerForbidden();
  return plannerList(ctx, PLAN, ctx.state.plans.filter((p) => p.groupId === group.id), `groups('${group.id}')/planner/plans`);
}

export const listRoutes: RouteDef<PlannerState>[] = [
  {
    method: 'GET',
    path: '/users/{id}/planner/tasks',
    scopes: read,
    handler: (ctx) => {
      const me = selfOnly(ctx);
      // Tasks still assigned to someone who has left the plan's group stay out of their list.
      const visible = new Set(ctx.state.plans.filter((p) => canSee(ctx, p)).map((p) => p.id));
      const mine = ctx.state.tasks.filter((t) => me in t.assignments && visible.has(t.planId));
      return plannerList(ctx, TASK, mine, `users('${me}')/planner/tasks`);
    },
  },
  {
    method: 'GET',
    path: '/users/{id}/planner/plans',
    scopes: read,
    handler: (ctx) => {
      const me = selfOnly(ctx);
      return plannerList(ctx, PLAN, ctx.state.plans.filter((p) => canSee(ctx, p)), `users('${me}')/planner/plans`);
    },
  },
  { method: 'GET', path: '/groups/{groupId}/planner/plans', scopes: read, handler: groupPlans },
  {
    method: 'GET',
    path: '/planner/plans/{planId}/buckets',
    scopes: read,
    handler: (ctx) => {
      const plan = planById(ctx, ctx.params.planId);
      return plannerList(ctx, BUCKET, ctx.state.buckets.filter((b) => b.planId === plan.id), `planner/plans('${plan.id}')/buckets`);
    },
  },
  {
    method: 'GET',
    path: '/planner/plans/{planId}/tasks',
    scopes: read,
    handler: (ctx) => {
      const plan = planById(ctx, ctx.params.planId);
      return plannerList(ctx, TASK, ctx.state.tasks.filter((t) => t.planId === plan.id), `planner/plans('${plan.id}')/tasks`);
    },
  },
  {
    method: 'GET',
    path: '/planner/buckets/{bucketId}/tasks',
    scopes: read,
    handler: (ctx) => {
      const bucket = bucketById(ctx, ctx.params.bucketId);
      return plannerList(ctx, TASK, ctx.state.tasks.filter((t) => t.bucketId === bucket.id), `planner/buckets('${bucket.id}')/tasks`);
    },
  },
];
