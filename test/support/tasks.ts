// To Do and Planner reads for the tests: a person's To Do lists by kind, a group's seeded plan with its buckets in
// board order and its tasks, Planner's order-hint sort, and an assignment as Planner takes it.
import { demoDirectory } from '../../src/sandbox/testing.js';
import { graph, type GraphAs } from './graph.js';

/** A person's To Do lists: all of them, the default one, the flagged-email one, and the first list of their own. */
export async function todoLists(sandbox: { url: string }, who: GraphAs) {
  const r = await graph(sandbox, who, '/me/todo/lists');
  if (r.status !== 200) throw new Error(`/me/todo/lists: ${r.status} ${r.text}`);
  const by = (f: (l: any) => boolean) => r.body.value.find(f);
  return { all: r.body.value, tasks: by((l: any) => l.wellknownListName === 'defaultList'), flagged: by((l: any) => l.wellknownListName === 'flaggedEmails'), mine: by((l: any) => l.wellknownListName === 'none') };
}

const GROUPS = demoDirectory().groups;
/** The object id of a seeded group by display name ('Sales', 'Retail Launch'). */
export function groupIdOf(name: string): string {
  const group = GROUPS.find((g) => g.displayName === name);
  if (!group) throw new Error(`the seed has no group ${name}`);
  return group.id;
}

/** Planner's order: by the ordinal values of the hints' characters. */
export const byOrderHint = (a: { orderHint: string }, b: { orderHint: string }) => (a.orderHint < b.orderHint ? -1 : a.orderHint > b.orderHint ? 1 : 0);

/** An assignment as a PATCH or POST of a task carries it. */
export const plannerAssignment = (orderHint = ' !') => ({ '@odata.type': '#microsoft.graph.plannerAssignment', orderHint });

/** A group's one seeded plan, its buckets in board order and its tasks. */
export async function groupPlan(sandbox: { url: string }, who: GraphAs, group: string) {
  const plans = await graph(sandbox, who, `/groups/${groupIdOf(group)}/planner/plans`);
  if (plans.status !== 200) throw new Error(`plans of ${group}: ${plans.status} ${plans.text}`);
  const [plan] = plans.body.value;
  const buckets = (await graph(sandbox, who, `/planner/plans/${plan.id}/buckets`)).body.value.sort(byOrderHint);
  const tasks = (await graph(sandbox, who, `/planner/plans/${plan.id}/tasks`)).body.value;
  return { plan, buckets, tasks };
}
