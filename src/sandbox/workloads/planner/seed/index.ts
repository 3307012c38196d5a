// The Planner side of the demo tenant: the plans of plans.ts in their groups, with buckets in order, tasks assigned
// to members and dated from the seed clock's Monday (due at 17:00 UTC), details with descriptions, checklists and
// references, label names in each plan's details. Ids and ETags come from stable names: the same on every start.

import type { Directory } from '../../../directory/directory.js';
import type { Stamp } from '../../../odata/collection.js';
import { calendarAnchorWeek, shiftDate } from '../../../seed-clock.js';
import { guidLikeId, stableGuid } from '../ids.js';
import type { PlannerState, StoredTask } from '../model.js';
import { hintBetween } from '../order-hint.js';
import { SEED_PLANS, type SeedPlan, type SeedPlannerTask } from './plans.js';

const SEEDED_AT = '2026-09-01T08:00:00Z';

export function createPlannerState(directory: Directory, nowMs: number): PlannerState {
  const monday = calendarAnchorWeek(nowMs);
  const state: PlannerState = { plans: [], buckets: [], tasks: [] };
  /** Each assignee's last assignment hint: their tasks in seed order. */
  const lastHintOf = new Map<string, string>();
  for (const p of SEED_PLANS) seedPlan(state, directory, p, monday, lastHintOf);
  return state;
}

function seedPlan(state: PlannerState, directory: Directory, p: SeedPlan, monday: string, lastHintOf: Map<string, string>): void {
  const group = directory.groups.find((g) => g.displayName === p.group);
  if (!group) throw new Error(`seed: no group ${p.group} for the plan ${p.title}`);
  const userId = (key: string) => {
    const user = directory.findUser(`${key}@${directory.domain}`);
    if (!user || !directory.isGroupMember(user, group)) throw new Error(`seed: ${key} is not a member of ${p.group}`);
    return user.id;
  };
  const owner = userId(group.owners[0].split('@')[0]);
  const key = (suffix: string) => `planner/${group.id}/${p.title}/${suffix}`;
  const stamp = (suffix: string) => ({ id: guidLikeId(key(suffix)), changeKey: guidLikeId(`${key(suffix)}/etag`).slice(0, 24), createdDateTime: SEEDED_AT, lastModifiedDateTime: SEEDED_AT });
  const plan = {
    ...stamp('plan'),
    title: p.title,
    groupId: group.id,
    createdBy: { userId: owner },
    details: { changeKey: guidLikeId(key('plan/details')).slice(0, 24), categoryDescriptions: Object.fromEntries(Object.entries(p.labels).map(([n, name]) => [`category${n}`, name])), sharedWith: {} },
  };
  state.plans.push(plan);
  let hint = '';
  const buckets = p.buckets.map((name) => {
    hint = hintBetween(hint, '');
    const bucket = { ...stamp(`bucket/${name}`), name, planId: plan.id, orderHint: hint };
    state.buckets.push(bucket);
    return bucket;
  });
  // Seed order is board order: each task's hint sorts after the one before.
  let taskHint = '';
  for (const t of p.tasks) {
    taskHint = hintBetween(taskHint, '');
    state.tasks.push(seedTask(t, { stamp: stamp(`task/${t.title}`), planId: plan.id, bucketId: buckets[t.bucket].id, orderHint: taskHint, owner, userId, monday, lastHintOf, key: key(`task/${t.title}`) }));
  }
}

interface Place {
  stamp: Stamp;
  planId: string;
  bucketId: string;
  orderHint: string;
  owner: string;
  userId: (key: string) => string;
  monday: string;
  lastHintOf: Map<string, string>;
  key: string;
}

function seedTask(t: SeedPlannerTask, w: Place): StoredTask {
  const due = (day: number) => `${shiftDate(w.monday, day)}T17:00:00Z`;
  const assignments = Object.fromEntries(
    t.assignees.map((k) => {
      const id = w.userId(k);
      const orderHint = hintBetween(w.lastHintOf.get(id) ?? '', '');
      w.lastHintOf.set(id, orderHint);
      return [id, { assignedBy: w.owner, assignedDateTime: SEEDED_AT, orderHint }];
    }),
  );
  let checkHint = '';
  const checklist = Object.fromEntries(
    (t.checklist ?? []).map(([title, isChecked]) => {
      checkHint = hintBetween(checkHint, '');
      return [stableGuid(`${w.key}/check/${title}`), { title, isChecked, orderHint: checkHint, lastModifiedBy: w.owner, lastModifiedDateTime: SEEDED_AT }];
    }),
  );
  const references = t.reference
    ? { [encodeReferenceUrl(t.reference[0])]: { alias: t.reference[1], type: 'Other', previewPriority: hintBetween('', ''), lastModifiedBy: w.owner, lastModifiedDateTime: SEEDED_AT } }
    : {};
  const done = t.percent === 100;
  return {
    ...w.stamp,
    planId: w.planId,
    bucketId: w.bucketId,
    title: t.title,
    orderHint: w.orderHint,
    assigneePriority: w.orderHint,
    percentComplete: t.percent ?? 0,
    priority: t.priority ?? 5,
    startDateTime: null,
    dueDateTime: t.due === undefined ? null : due(t.due),
    completedDateTime: done && t.due !== undefined ? due(t.due - 1) : null,
    completedBy: done ? w.userId(t.assignees[0]) : null,
    createdBy: { userId: w.owner },
    conversationThreadId: null,
    previewType: 'automatic',
    appliedCategories: Object.fromEntries((t.categories ?? []).map((n) => [`category${n}`, true])),
    assignments,
    details: { changeKey: guidLikeId(`${w.key}/details`).slice(0, 24), description: t.description ?? '', previewType: 'automatic', checklist, references },
  };
}

/** A URL as Planner keys a reference: %, ., :, @ and # escaped. */
export const encodeReferenceUrl = (url: string) => url.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/:/g, '%3A').replace(/@/g, '%40').replace(/#/g, '%23');
