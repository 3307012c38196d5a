// Each Planner resource's rendering for the collection style: its $select-able properties (Graph's, from the CSDL
// via graph-properties.ts) and its JSON; a task and a plan may inline their details on $expand=details.

import { bucketJson, planDetailsJson, planJson, taskDetailsJson, taskJson } from './json.js';
import type { StoredBucket, StoredPlan, StoredTask } from './model.js';
import { plannerEntity, type PlannerRendering } from './style.js';

export const PLAN: PlannerRendering<StoredPlan> = {
  entity: plannerEntity('microsoft.graph.plannerPlan'),
  json: planJson,
  expand: { details: planDetailsJson },
};

export const BUCKET: PlannerRendering<StoredBucket> = {
  entity: plannerEntity('microsoft.graph.plannerBucket'),
  json: bucketJson,
};

export const TASK: PlannerRendering<StoredTask> = {
  entity: plannerEntity('microsoft.graph.plannerTask'),
  json: taskJson,
  expand: { details: taskDetailsJson },
};
