// Reading Planner: the plans of your groups; a plan's tasks in board order (bucket by bucket) with assignees,
// progress and due days; the tasks assigned to you across plans; or one task with its description and checklist.
import { z } from 'zod';
import type { GraphReader } from '../../graph/client.js';
import { seg } from '../../graph/odata.js';
import { defineTool } from '../define-tool.js';
import { Text } from '../shapes.js';
import { namesOf } from './people.js';
import { type Bucket, bucketsOf, byHint, myPlans, planNamed } from './planner-find.js';
import { type GraphPlannerTask, type GraphTaskDetails, type Names, PlannerTaskOut, plannerLine, summarize } from './planner-shapes.js';
import { userZone } from './zone.js';

const TASK_SELECT = 'id,planId,bucketId,title,orderHint,percentComplete,dueDateTime,assignments';
const KEEP = { open: (p = 0) => p < 100, done: (p = 0) => p >= 100, all: () => true } as const;

/** The buckets of these plans ($batch), by id, in board order. */
async function bucketsByPlan(graph: GraphReader, planIds: string[], signal: AbortSignal): Promise<Bucket[]> {
  const answers = await graph.batchRead(planIds.map((id) => ({ method: 'GET' as const, url: `/planner/plans/${seg(id)}/buckets?$select=id,name,orderHint` })), { signal });
  return answers.flatMap((a) => (a.status === 200 ? ((a.body as { value: Bucket[] }).value ?? []) : [])).sort((a, b) => byHint(a.orderHint, b.orderHint));
}

export const listPlanner = defineTool({
  name: 'tasks_planner_list',
  title: 'List Planner plans and tasks',
  description: "Planner: your groups' plans; a plan's tasks by bucket; tasks assigned to you (mine); or one task with its description and checklist.",
  group: 'tasks',
  kind: 'read',
  scopes: ['Tasks.Read', 'User.Read.All'],
  orgOnly: true,
  input: z.object({
    plan: Text(255).optional().describe('Plan name or id'),
    mine: z.boolean().optional().describe('Only tasks assigned to you'),
    status: z.enum(['open', 'done', 'all']).default('open').describe('Which tasks'),
    task: Text(100).optional().describe('A task id: that task in full'),
  }),
  output: z.object({ plans: z.array(z.object({ id: z.string(), title: z.string() })).optional(), buckets: z.array(z.string()).optional(), tasks: z.array(PlannerTaskOut), timeZone: z.string() }),
  handler: async (a, ctx) => {
    const { graph, signal } = ctx;
    const zone = await userZone(ctx);
    if (a.task) {
      const [task, details] = await Promise.all([
        graph.get<GraphPlannerTask>(`/planner/tasks/${seg(a.task)}`, { signal }),
        graph.get<GraphTaskDetails>(`/planner/tasks/${seg(a.task)}/details`, { signal }),
      ]);
      const [plan, buckets, people] = await Promise.all([
        graph.get<{ title: string }>(`/planner/plans/${seg(task.planId)}`, { query: { $select: 'title' }, signal }),
        bucketsOf(graph, task.planId, signal),
        namesOf(graph, Object.keys(task.assignments ?? {}), signal),
      ]);
      const names: Names = { plans: new Map([[task.planId, plan.title]]), buckets: new Map(buckets.map((b) => [b.id, b.name])), people };
      return { tasks: [summarize(task, names, zone, details)], timeZone: zone.label };
    }
    if (!a.plan && !a.mine) {
      const plans = await myPlans(graph, signal);
      return { plans: plans.map((p) => ({ id: p.id, title: p.title })), tasks: [], timeZone: zone.label };
    }
    const plan = a.plan ? await planNamed(graph, a.plan, signal) : undefined;
    const [tasks, plans] = await Promise.all([
      graph.get<{ value: GraphPlannerTask[] }>(a.mine ? '/me/planner/tasks' : `/planner/plans/${seg(plan!.id)}/tasks`, { query: { $select: TASK_SELECT }, signal }),
      plan ? [plan] : myPlans(graph, signal),
    ]);
    const kept = tasks.value.filter((t) => (!plan || t.planId === plan.id) && KEEP[a.status](t.percentComplete));
    const buckets = await bucketsByPlan(graph, plan ? [plan.id] : [...new Set(kept.map((t) => t.planId))], signal);
    const names: Names = {
      plans: new Map(plans.map((p) => [p.id, p.title])),
      buckets: new Map(buckets.map((b) => [b.id, b.name])),
      people: await namesOf(graph, kept.flatMap((t) => Object.keys(t.assignments ?? {})), signal),
    };
    // Board order: plan, then bucket, then the task's place in its bucket.
    const place = new Map(buckets.map((b, i) => [b.id, i]));
    kept.sort((x, y) => (names.plans.get(x.planId) ?? '').localeCompare(names.plans.get(y.planId) ?? '') || (place.get(x.bucketId ?? '') ?? -1) - (place.get(y.bucketId ?? '') ?? -1) || byHint(x.orderHint ?? '', y.orderHint ?? ''));
    return { ...(plan ? { buckets: buckets.map((b) => b.name) } : {}), tasks: kept.map((t) => summarize(t, names, zone)), timeZone: zone.label };
  },
  text: (r) => {
    if (r.plans) return `${r.plans.length} plan(s)\n${r.plans.map((p) => `- ${p.title} | id: ${p.id}`).join('\n')}`;
    const head = `${r.tasks.length} task(s), days in ${r.timeZone}${r.buckets ? `; buckets: ${r.buckets.join(' | ')}` : ''}`;
    return `${head}${r.tasks.length ? '\n' : ''}${r.tasks.map(plannerLine).join('\n')}`;
  },
});

export default [listPlanner];
