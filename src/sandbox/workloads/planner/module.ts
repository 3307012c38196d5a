// Microsoft Planner as a sandbox workload: plans in the directory's Microsoft 365 groups, their buckets and tasks,
// and the details beside plans and tasks, served through Graph v1.0 (/planner/..., /groups/{id}/planner/plans,
// /me/planner/...) with Planner's ETag discipline, over a PlannerState seeded from seed/.

import { workload } from '../../workload.js';
import type { PlannerState } from './model.js';
import { detailRoutes } from './routes-details.js';
import { itemRoutes } from './routes-items.js';
import { listRoutes } from './routes-lists.js';
import { createPlannerState } from './seed/index.js';

export const plannerWorkload = workload<PlannerState>({
  name: 'planner',
  create: (directory) => createPlannerState(directory, Date.now()),
  routes: [...itemRoutes, ...listRoutes, ...detailRoutes],
});
