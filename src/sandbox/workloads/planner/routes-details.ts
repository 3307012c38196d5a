// The details beside a task and a plan: separate resources with their own ETags, read by GET and changed by PATCH
// with If-Match (Planner's 412 without it or with a stale one; a task's ETag does not do). A task's description,
// preview type, checklist (items keyed by an id the client picks, null removes one) and references (keyed by their
// URL, encoded as Planner demands: . : @ # and % escaped); a plan's category names and who it is shared with.
// A change that shows on the task (its checklist and reference counts, hasDescription) changes the task's ETag too.

import { checkIfMatch, newChangeKey, prefersRepresentation, type Setter } from '../../odata/collection.js';
import { METADATA } from '../../odata/query.js';
import type { GraphResponse, RouteDef } from '../../graph/types.js';
import { nowIso, planById, plannerScopes, taskById, type Ctx } from './access.js';
import { ifMatchMissing, ifMatchStale, plannerBadRequest } from './errors.js';
import { detailsEtag, planDetailsJson, taskDetailsJson, taskJson } from './json.js';
import type { PlannerState, StoredTask } from './model.js';
import { lastOf, resolveOrderHint } from './order-hint.js';
import { CATEGORY, openMap, previewType, text } from './task-input.js';

const PRECONDITION = { stale: ifMatchStale, ifMatchRequired: ifMatchMissing };
const isUserId = (k: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(k);
/** A reference's key is its URL with Planner's escapes: no bare . : @ or #. */
const isEncodedUrl = (k: string) => k.length > 0 && !/[.:@#]/.test(k);

/** The body's fields through their setters, or Planner's 400 for anything else. */
function readBody(ctx: Ctx, setters: Record<string, Setter>, type: string): Record<string, unknown> {
  const body = ctx.req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw plannerBadRequest('The request body must be a JSON object.');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.') || key === 'id') continue;
    const setter = setters[key];
    if (!setter) throw plannerBadRequest(`The property '${key}' does not exist on type '${type}' or cannot be set.`);
    out[key] = value === null ? null : setter(value, (why) => {
      throw plannerBadRequest(`Cannot convert the value of '${key}': ${why}`);
    });
  }
  return out;
}

function answer(ctx: Ctx, etag: string, context: string, json: Record<string, unknown>, status = 200): GraphResponse {
  return { status, headers: { ETag: etag }, body: { '@odata.context': `${METADATA}#${context}/$entity`, ...json } };
}
const changed = (ctx: Ctx, etag: string, context: string, json: () => Record<string, unknown>): GraphResponse =>
  prefersRepresentation(ctx) ? answer(ctx, etag, context, json()) : { status: 204 };

const TASK_DETAILS: Record<string, Setter> = {
  description: text,
  previewType,
  checklist: openMap('plannerChecklistItem', (k) => k.length > 0, 'a checklist item id'),
  references: openMap('plannerExternalReference', isEncodedUrl, 'an encoded URL (escape . : @ # and %)'),
};

function patchTaskDetails(ctx: Ctx, task: StoredTask, fields: Record<string, unknown>): void {
  const d = task.details;
  const me = ctx.principal.user.id;
  const at = nowIso();
  if ('description' in fields) d.description = (fields.description as string | null) ?? '';
  if (typeof fields.previewType === 'string') d.previewType = fields.previewType as StoredTask['previewType'];
  for (const [id, v] of Object.entries((fields.checklist ?? {}) as Record<string, Record<string, unknown> | null>)) {
    if (v === null) {
      delete d.checklist[id];
      continue;
    }
    const current = d.checklist[id];
    if (!current && typeof v.title !== 'string') throw plannerBadRequest(`The new checklist item '${id}' needs a title.`);
    const others = Object.entries(d.checklist).filter(([k]) => k !== id).map(([, c]) => c.orderHint);
    d.checklist[id] = {
      title: typeof v.title === 'string' ? v.title : current.title,
      isChecked: typeof v.isChecked === 'boolean' ? v.isChecked : (current?.isChecked ?? false),
      orderHint: typeof v.orderHint === 'string' ? resolveOrderHint(v.orderHint, others) : (current?.orderHint ?? resolveOrderHint(`${lastOf(others)} !`, others)),
      lastModifiedBy: me,
      lastModifiedDateTime: at,
    };
  }
  for (const [url, v] of Object.entries((fields.references ?? {}) as Record<string, Record<string, unknown> | null>)) {
    if (v === null) {
      delete d.references[url];
      continue;
    }
    const current = d.references[url];
    const others = Object.entries(d.references).filter(([k]) => k !== url).map(([, r]) => r.previewPriority);
    d.references[url] = {
      alias: typeof v.alias === 'string' ? v.alias : (current?.alias ?? null),
      type: typeof v.type === 'string' ? v.type : (current?.type ?? null),
      previewPriority: typeof v.previewPriority === 'string' ? resolveOrderHint(v.previewPriority, others) : (current?.previewPriority ?? resolveOrderHint(' !', others)),
      lastModifiedBy: me,
      lastModifiedDateTime: at,
    };
  }
}

/** What of the task its details decide: when it changes, so does the task. */
const shownOnTask = (t: StoredTask) => {
  const j = taskJson(t);
  return JSON.stringify([j.hasDescription, j.referenceCount, j.checklistItemCount, j.activeChecklistItemCount]);
};

const PLAN_DETAILS: Record<string, Setter> = {
  categoryDescriptions: (v, fail) => {
    if (typeof v !== 'object' || v === null) return fail('an object of category names is expected');
    for (const [k, x] of Object.entries(v)) if (!CATEGORY.test(k) || (x !== null && typeof x !== 'string')) return fail(`'${k}' is not a category (category1 to category25) with a name`);
    return v;
  },
  sharedWith: openMap(null, isUserId, "a user's id"),
};

export const detailRoutes: RouteDef<PlannerState>[] = [
  {
    method: 'GET',
    path: '/planner/tasks/{taskId}/details',
    scopes: plannerScopes('read'),
    handler: (ctx) => {
      const task = taskById(ctx, ctx.params.taskId);
      return answer(ctx, detailsEtag(task.details), `planner/tasks('${task.id}')/details`, taskDetailsJson(task));
    },
  },
  {
    method: 'PATCH',
    path: '/planner/tasks/{taskId}/details',
    scopes: plannerScopes('write'),
    handler: (ctx) => {
      const task = taskById(ctx, ctx.params.taskId);
      checkIfMatch(ctx, task.details, PRECONDITION);
      const before = shownOnTask(task);
      patchTaskDetails(ctx, task, readBody(ctx, TASK_DETAILS, 'microsoft.graph.plannerTaskDetails'));
      task.details.changeKey = newChangeKey();
      if (shownOnTask(task) !== before) task.changeKey = newChangeKey();
      return changed(ctx, detailsEtag(task.details), `planner/tasks('${task.id}')/details`, () => taskDetailsJson(task));
    },
  },
  {
    method: 'GET',
    path: '/planner/plans/{planId}/details',
    scopes: plannerScopes('read'),
    handler: (ctx) => {
      const plan = planById(ctx, ctx.params.planId);
      return answer(ctx, detailsEtag(plan.details), `planner/plans('${plan.id}')/details`, planDetailsJson(plan));
    },
  },
  {
    method: 'PATCH',
    path: '/planner/plans/{planId}/details',
    scopes: plannerScopes('write'),
    handler: (ctx) => {
      const plan = planById(ctx, ctx.params.planId);
      checkIfMatch(ctx, plan.details, PRECONDITION);
      const fields = readBody(ctx, PLAN_DETAILS, 'microsoft.graph.plannerPlanDetails');
      for (const [k, name] of Object.entries((fields.categoryDescriptions ?? {}) as Record<string, string | null>)) plan.details.categoryDescriptions[k] = name;
      for (const [userId, on] of Object.entries((fields.sharedWith ?? {}) as Record<string, boolean | null>)) {
        if (on) plan.details.sharedWith[userId] = true;
        else delete plan.details.sharedWith[userId];
      }
      plan.details.changeKey = newChangeKey();
      return changed(ctx, detailsEtag(plan.details), `planner/plans('${plan.id}')/details`, () => planDetailsJson(plan));
    },
  },
];
