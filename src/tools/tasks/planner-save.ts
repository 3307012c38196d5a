// Changing Planner: one tool creates a task in a plan (bucket, assignees found in the directory, due day in the
// user's zone, progress, description and checklist) or changes one by id: moves it to another bucket, assigns and
// unassigns, sets the due day, progress or title, adds checklist items. Every change goes through
// planner-etag.ts, so the model never handles an ETag and a colleague's change meanwhile is never overwritten.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { GraphWriter } from '../../graph/client.js';
import { seg } from '../../graph/odata.js';
import { defineTool, ToolError } from '../define-tool.js';
import { List, Text } from '../shapes.js';
import { findPeople, namesOf, type Person } from './people.js';
import { patchGuarded, type Versioned } from './planner-etag.js';
import { type Bucket, bucketNamed, bucketsOf, planNamed } from './planner-find.js';
import { type GraphPlannerTask, type GraphTaskDetails, PERCENT, PlannerTaskOut, plannerLine, progressOf, summarize } from './planner-shapes.js';
import { dayIn, instantDay, userZone, type Zone } from './zone.js';

const NONE = /^none$/i;
/** Planner's field names in the words of this tool's parameters. */
const PARAM: Record<string, string> = { bucketId: 'bucket', percentComplete: 'progress', dueDateTime: 'due', assignments: 'assignees', title: 'title' };
const assignment = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' };

const Input = z.object({
  id: Text(100).optional().describe('Task to change; omit to create'),
  plan: Text(255).optional().describe('Plan name or id, for a new task'),
  bucket: Text(255).optional().describe('Bucket name or id; moves a task'),
  title: Text(255).optional().describe('Title'),
  assign: List(Text(320), 10).optional().describe('People to assign: names, addresses or ids'),
  unassign: List(Text(320), 10).optional().describe('People to unassign'),
  due: Text(40).optional().describe('Day like 2026-11-12; "none" clears'),
  progress: z.enum(['notStarted', 'inProgress', 'done']).optional().describe('done completes'),
  description: Text(8000).optional().describe('Description'),
  checklist: List(Text(100), 20).optional().describe('Checklist items to add'),
});
type In = z.output<typeof Input>;

/** Due, progress and title as Planner's task fields, where they differ from the task's. */
function plainFields(a: In, zone: Zone, task?: GraphPlannerTask): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (a.title !== undefined && a.title !== task?.title) f.title = a.title;
  if (a.due !== undefined) f.dueDateTime = NONE.test(a.due) ? null : dayIn(a.due, zone, 'due').toUTC().toISO({ suppressMilliseconds: true });
  if (a.progress && (!task || progressOf(task.percentComplete) !== a.progress)) f.percentComplete = PERCENT[a.progress];
  return f;
}

/** The description and the checklist items the task does not have yet (a repeated call adds none twice), as a
 *  change of the task's details. */
function detailFields(a: In, current?: GraphTaskDetails): Record<string, unknown> {
  const have = new Set(Object.values(current?.checklist ?? {}).map((c) => (c?.title ?? '').trim().toLowerCase()));
  const checklist = Object.fromEntries((a.checklist ?? []).filter((t) => !have.has(t.toLowerCase())).map((title) => [randomUUID(), { '@odata.type': '#microsoft.graph.plannerChecklistItem', title, isChecked: false }]));
  return { ...(a.description !== undefined ? { description: a.description } : {}), ...(Object.keys(checklist).length ? { checklist } : {}) };
}

/** The other person's change, in words, for the refusal. */
function describer(buckets: Bucket[], people: Map<string, string>, zone: Zone) {
  return (fields: string[], now: Versioned) => {
    const words = fields.map((f) => {
      if (f === 'bucketId') return `its bucket (now ${buckets.find((b) => b.id === now.bucketId)?.name ?? 'none'})`;
      if (f === 'dueDateTime') return `its due day (now ${instantDay(now.dueDateTime as string | null, zone) ?? 'none'})`;
      if (f === 'percentComplete') return `its progress (now ${progressOf(now.percentComplete as number)})`;
      if (f === 'title') return `its title (now "${String(now.title)}")`;
      if (f.startsWith('assignments.')) return `the assignment of ${people.get(f.slice(12)) ?? f.slice(12)}`;
      return f.startsWith('checklist.') ? 'its checklist' : `its ${f}`;
    });
    return [...new Set(words)].join(', ');
  };
}

async function saveDetails(graph: GraphWriter, taskId: string, a: In, describe: ReturnType<typeof describer>, signal: AbortSignal): Promise<GraphTaskDetails> {
  const path = `/planner/tasks/${seg(taskId)}/details`;
  const before = await graph.get<Versioned>(path, { signal });
  const body = detailFields(a, before as GraphTaskDetails);
  return Object.keys(body).length ? (await patchGuarded(graph, { path, before, body, describe }, signal)) as GraphTaskDetails : before as GraphTaskDetails;
}

export const savePlannerTask = defineTool({
  name: 'tasks_planner_save',
  title: 'Save a Planner task',
  description: 'Creates a Planner task, or with id changes only what is given: moves it to a bucket, assigns, sets due day or progress (done completes).',
  group: 'tasks',
  kind: 'write',
  scopes: ['Tasks.ReadWrite', 'User.Read.All'],
  orgOnly: true,
  input: Input,
  output: PlannerTaskOut.extend({ created: z.boolean() }),
  handler: async (a, ctx) => {
    const { graph, signal } = ctx;
    const zone = await userZone(ctx);
    const [toAssign, toUnassign] = await Promise.all([findPeople(graph, a.assign ?? [], signal), findPeople(graph, a.unassign ?? [], signal)]);
    const people = new Map([...toAssign, ...toUnassign].map((p: Person) => [p.id, p.name]));
    let task: GraphPlannerTask;
    let details: GraphTaskDetails | undefined;
    let buckets: Bucket[];
    let planTitle: string;
    if (!a.id) {
      if (!a.plan) throw new ToolError("A new task needs plan: the plan's name or id (tasks_planner_list lists yours).");
      if (!a.title) throw new ToolError('A new task needs a title.');
      if (toUnassign.length) throw new ToolError('unassign applies to existing tasks: give assign only for a new one.');
      const plan = await planNamed(graph, a.plan, signal);
      planTitle = plan.title;
      buckets = await bucketsOf(graph, plan.id, signal);
      // Without a bucket a task would be on no column of the board: the first one, as Planner's "Add task" does.
      const bucket = a.bucket ? bucketNamed(buckets, a.bucket, plan.title) : buckets[0];
      const assignments = Object.fromEntries(toAssign.map((p) => [p.id, assignment]));
      task = await graph.post<GraphPlannerTask>('/planner/tasks', { planId: plan.id, ...(bucket ? { bucketId: bucket.id } : {}), ...plainFields(a, zone), assignments }, { signal });
      if (Object.keys(detailFields(a)).length) details = await saveDetails(graph, task.id, a, describer(buckets, people, zone), signal);
    } else {
      if (a.plan) throw new ToolError('plan applies to new tasks only: a task stays in its plan. Leave it out.');
      const path = `/planner/tasks/${seg(a.id)}`;
      const before = await graph.get<GraphPlannerTask>(path, { signal });
      const [plan, planBuckets] = await Promise.all([graph.get<{ title: string }>(`/planner/plans/${seg(before.planId)}`, { query: { $select: 'title' }, signal }), bucketsOf(graph, before.planId, signal)]);
      planTitle = plan.title;
      buckets = planBuckets;
      const body = plainFields(a, zone, before);
      if (a.bucket) {
        const bucket = bucketNamed(buckets, a.bucket, plan.title);
        if (bucket.id !== before.bucketId) body.bucketId = bucket.id;
      }
      const assigned = before.assignments ?? {};
      const assignments = { ...Object.fromEntries(toAssign.filter((p) => !assigned[p.id]).map((p) => [p.id, assignment])), ...Object.fromEntries(toUnassign.filter((p) => assigned[p.id]).map((p) => [p.id, null])) };
      if (Object.keys(assignments).length) body.assignments = assignments;
      const asked = Object.keys(plainFields(a, zone)).length + (a.bucket ? 1 : 0) + toAssign.length + toUnassign.length + Object.keys(detailFields(a)).length;
      if (!asked) throw new ToolError('Nothing to change: give what to change with id (bucket, assign, due, progress, title, description, checklist).');
      const describe = describer(buckets, people, zone);
      task = Object.keys(body).length ? ((await patchGuarded(graph, { path, before: before as unknown as Versioned, body, describe }, signal)) as unknown as GraphPlannerTask) : before;
      // The details are a resource of their own: when they clash, what was saved of the task itself is said too.
      if (Object.keys(detailFields(a)).length) {
        details = await saveDetails(graph, task.id, a, describe, signal).catch((e: unknown) => {
          throw e instanceof ToolError && Object.keys(body).length ? new ToolError(`The task's own changes (${Object.keys(body).map((k) => PARAM[k] ?? k).join(', ')}) were saved; its description and checklist were not. ${e.message}`) : e;
        });
      }
    }
    details ??= await graph.get<GraphTaskDetails>(`/planner/tasks/${seg(task.id)}/details`, { signal });
    const names = { plans: new Map([[task.planId, planTitle]]), buckets: new Map(buckets.map((b) => [b.id, b.name])), people: await namesOf(graph, Object.keys(task.assignments ?? {}), signal) };
    return { ...summarize(task, names, zone, details), created: !a.id };
  },
  text: (r) => `${r.created ? 'created' : 'updated'}\n${plannerLine(r)}`,
});

export default [savePlannerTask];
