// Planner's resources as Graph writes them, in its property order, each with its @odata.etag: plans (with their
// group as container), buckets, tasks (assignments keyed by user id, each a plannerAssignment), and the details
// resources beside plans and tasks (checklist items and references keyed by id and URL).

import { etagOf } from '../../odata/collection.js';
import type { Actor, StoredBucket, StoredPlan, StoredTask } from './model.js';

/** A plannerTaskDetails or plannerPlanDetails ETag: the details' own change key. */
export const detailsEtag = (d: { changeKey: string }) => `W/"${d.changeKey}"`;

export function identitySet(a: Actor): Record<string, unknown> {
  return { ...(a.appId ? { application: { displayName: null, id: a.appId } } : {}), user: { displayName: null, id: a.userId } };
}

export function planJson(p: StoredPlan): Record<string, unknown> {
  return {
    '@odata.etag': etagOf(p),
    createdDateTime: p.createdDateTime,
    owner: p.groupId,
    title: p.title,
    id: p.id,
    createdBy: identitySet(p.createdBy),
    container: { '@odata.type': '#microsoft.graph.plannerPlanContainer', containerId: p.groupId, type: 'group', url: `https://graph.microsoft.com/v1.0/groups/${p.groupId}` },
  };
}

export function planDetailsJson(p: StoredPlan): Record<string, unknown> {
  return {
    '@odata.etag': detailsEtag(p.details),
    sharedWith: { ...p.details.sharedWith },
    categoryDescriptions: { ...p.details.categoryDescriptions },
    id: p.id,
  };
}

export function bucketJson(b: StoredBucket): Record<string, unknown> {
  return { '@odata.etag': etagOf(b), name: b.name, planId: b.planId, orderHint: b.orderHint, id: b.id };
}

export function taskJson(t: StoredTask): Record<string, unknown> {
  const checklist = Object.values(t.details.checklist);
  return {
    '@odata.etag': etagOf(t),
    planId: t.planId,
    bucketId: t.bucketId,
    title: t.title,
    orderHint: t.orderHint,
    assigneePriority: t.assigneePriority,
    percentComplete: t.percentComplete,
    startDateTime: t.startDateTime,
    createdDateTime: t.createdDateTime,
    dueDateTime: t.dueDateTime,
    hasDescription: t.details.description !== '',
    previewType: t.previewType,
    completedDateTime: t.completedDateTime,
    completedBy: t.completedBy ? identitySet({ userId: t.completedBy }) : null,
    referenceCount: Object.keys(t.details.references).length,
    checklistItemCount: checklist.length,
    activeChecklistItemCount: checklist.filter((c) => !c.isChecked).length,
    conversationThreadId: t.conversationThreadId,
    priority: t.priority,
    id: t.id,
    createdBy: identitySet(t.createdBy),
    appliedCategories: { ...t.appliedCategories },
    assignments: Object.fromEntries(
      Object.entries(t.assignments).map(([userId, a]) => [
        userId,
        { '@odata.type': '#microsoft.graph.plannerAssignment', assignedDateTime: a.assignedDateTime, orderHint: a.orderHint, assignedBy: identitySet({ userId: a.assignedBy }) },
      ]),
    ),
  };
}

export function taskDetailsJson(t: StoredTask): Record<string, unknown> {
  const d = t.details;
  const by = (userId: string) => identitySet({ userId });
  return {
    '@odata.etag': detailsEtag(d),
    description: d.description,
    previewType: d.previewType,
    id: t.id,
    references: Object.fromEntries(
      Object.entries(d.references).map(([url, r]) => [
        url,
        { '@odata.type': '#microsoft.graph.plannerExternalReference', alias: r.alias, type: r.type, previewPriority: r.previewPriority, lastModifiedDateTime: r.lastModifiedDateTime, lastModifiedBy: by(r.lastModifiedBy) },
      ]),
    ),
    checklist: Object.fromEntries(
      Object.entries(d.checklist).map(([id, c]) => [
        id,
        { '@odata.type': '#microsoft.graph.plannerChecklistItem', isChecked: c.isChecked, title: c.title, orderHint: c.orderHint, lastModifiedDateTime: c.lastModifiedDateTime, lastModifiedBy: by(c.lastModifiedBy) },
      ]),
    ),
  };
}
