// Who may do what in Planner: the delegated permissions each route takes (Tasks.Read/Tasks.ReadWrite, or the
// Group ones, as the docs list them), and the rule behind them: a plan belongs to its group, and only the
// group's members see and change the plan, its buckets and tasks (Planner's 403 for anyone else). A person's
// own task and plan lists are theirs alone.

import type { GroupRecord } from '../../directory/directory.js';
import type { RouteContext, ScopeRule } from '../../graph/types.js';
import { plannerForbidden, plannerNotFound } from './errors.js';
import type { PlannerState, StoredBucket, StoredPlan, StoredTask } from './model.js';

export type Ctx = RouteContext<PlannerState>;

export const READ_SCOPES = ['Tasks.Read', 'Tasks.ReadWrite', 'Group.Read.All', 'Group.ReadWrite.All'] as const;
export const WRITE_SCOPES = ['Tasks.ReadWrite', 'Group.ReadWrite.All'] as const;
export const plannerScopes = (access: 'read' | 'write'): ScopeRule<PlannerState> => (access === 'read' ? READ_SCOPES : WRITE_SCOPES);

/** The group a plan lives in, if the caller is one of its members. */
export function memberGroup(ctx: Ctx, groupId: string): GroupRecord {
  const group = ctx.directory.findGroup(groupId);
  if (!group) throw plannerNotFound();
  if (!ctx.directory.isGroupMember(ctx.principal.user, group)) throw plannerForbidden();
  return group;
}

export const canSee = (ctx: Ctx, plan: StoredPlan) => {
  const group = ctx.directory.findGroup(plan.groupId);
  return !!group && ctx.directory.isGroupMember(ctx.principal.user, group);
};

export function authorizePlan(ctx: Ctx, plan: StoredPlan): StoredPlan {
  memberGroup(ctx, plan.groupId);
  return plan;
}

export function planById(ctx: Ctx, id: string): StoredPlan {
  const plan = ctx.state.plans.find((p) => p.id === id);
  if (!plan) throw plannerNotFound();
  return authorizePlan(ctx, plan);
}

export function bucketById(ctx: Ctx, id: string): StoredBucket {
  const bucket = ctx.state.buckets.find((b) => b.id === id);
  if (!bucket) throw plannerNotFound();
  planById(ctx, bucket.planId);
  return bucket;
}

export function taskById(ctx: Ctx, id: string): StoredTask {
  const task = ctx.state.tasks.find((t) => t.id === id);
  if (!task) throw plannerNotFound();
  planById(ctx, task.planId);
  return task;
}

/** The person a /users/{id}/planner path names: only oneself (Planner's 403 for a colleague's lists). */
export function selfOnly(ctx: Ctx): string {
  const user = ctx.directory.findUser(ctx.params.id);
  if (!user || user.id !== ctx.principal.user.id) throw plannerForbidden();
  return user.id;
}

export const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
