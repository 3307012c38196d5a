// Planner plans and buckets as a user names them ("Spring retail launch", "Doing") or by id: the plans of the
// user's groups, a plan's buckets in board order; an error naming the choices when nothing fits.
import type { GraphReader } from '../../graph/client.js';
import { GraphError } from '../../graph/errors.js';
import { seg } from '../../graph/odata.js';
import { ToolError } from '../define-tool.js';

export interface Plan {
  id: string;
  title: string;
  owner?: string;
}
export interface Bucket {
  id: string;
  name: string;
  orderHint: string;
}

/** Planner's order: by the ordinal values of the hints' characters. */
export const byHint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The plans shared with the user: those of their Microsoft 365 groups. */
export async function myPlans(graph: GraphReader, signal: AbortSignal): Promise<Plan[]> {
  return (await graph.get<{ value: Plan[] }>('/me/planner/plans', { query: { $select: 'id,title,owner' }, signal })).value;
}

/** The plan named `key` (or with that id). */
export async function planNamed(graph: GraphReader, key: string, signal: AbortSignal): Promise<Plan> {
  const plans = await myPlans(graph, signal);
  const byId = plans.find((p) => p.id === key);
  if (byId) return byId;
  const titled = plans.filter((p) => p.title.toLowerCase() === key.toLowerCase());
  if (titled.length === 1) return titled[0];
  if (titled.length > 1) throw new ToolError(`Several of your plans are called "${key}": ${titled.map((p) => p.id).join(', ')}. Give the id of the one you mean.`);
  if (/^[A-Za-z0-9_-]{20,40}$/.test(key)) {
    try {
      return await graph.get<Plan>(`/planner/plans/${seg(key)}`, { query: { $select: 'id,title,owner' }, signal });
    } catch (e) {
      if (e instanceof GraphError && e.status === 403) throw new ToolError(`The plan ${key} belongs to a group you are not a member of: only its members see it.`);
      if (!(e instanceof GraphError && e.status === 404)) throw e;
    }
  }
  throw new ToolError(`You have no plan "${key}". Your plans: ${plans.map((p) => p.title).join(', ') || 'none'}.`);
}

/** A plan's buckets in board order. */
export async function bucketsOf(graph: GraphReader, planId: string, signal: AbortSignal): Promise<Bucket[]> {
  const r = await graph.get<{ value: Bucket[] }>(`/planner/plans/${seg(planId)}/buckets`, { query: { $select: 'id,name,orderHint' }, signal });
  return r.value.sort((a, b) => byHint(a.orderHint, b.orderHint));
}

/** The bucket named `key` (or with that id) among a plan's buckets. */
export function bucketNamed(buckets: Bucket[], key: string, plan: string): Bucket {
  const found = buckets.find((b) => b.id === key) ?? buckets.find((b) => b.name.toLowerCase() === key.toLowerCase());
  if (found) return found;
  throw new ToolError(`The plan ${plan} has no bucket "${key}". Its buckets: ${buckets.map((b) => b.name).join(', ') || 'none'}.`);
}
