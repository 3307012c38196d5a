// Each Planner resource's rendering for the collection style: its $select-able properties (Graph's, from the CSDL
// tables) and its JSON; a task and a plan may inline their details on $expand=details.

import { bucketJson, planDetailsJson, planJson, taskDetailsJson, taskJson } from './json.js';
import type { StoredBucket, StoredPlan, StoredTask } from './model.js';
import { plannerEntity, type PlannerRendering } from './style.js';

export const PLAN: PlannerRendering<StoredPlan> = {
  entity: plannerEntity('microsoft.graph.plannerPlan', ['createdDateTime', 'owner', 'title', 'id', 'createdBy', 'container']),
  json: planJson,
  expand: { details: planDetailsJson },
};

export const BUCKET: PlannerRendering<StoredBucket> = {
  entity: plannerEntity('microsoft.graph.plannerBucket', ['name', 'planId', 'orderHint', 'id']),
  json: bucketJson,
};

export const TASK: PlannerRendering<StoredTask> = {
  entity: plannerEntity('microsoft.graph.plannerTask', [
    'planId', 'bucketId', 'title', 'orderHint', 'assigneePriority', 'percentComplete', 'startDateTime', 'createdDateTime', 'dueDateTime',
    'hasDescription', 'previewType', 'completedDateTime', 'completedBy', 'referenceCount', 'checklistItemCount', 'activeChecklistItemCount',
    'conversationThreadId', 'priority', 'id', 'createdBy', 'appliedCategories', 'assignments',
  ]),
  json: taskJson,
  expand: { details: taskDetailsJson },
};
