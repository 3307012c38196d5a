// A Planner task as the planner tools answer it: title, plan and bucket by name, assignees by name, progress in
// words, due day in the user's zone; with its details (description, checklist in order) when one task is read.
import { z } from 'zod';
import { byHint } from './planner-find.js';
import { instantDay, type Zone } from './zone.js';

export interface GraphPlannerTask {
  id: string;
  '@odata.etag'?: string;
  planId: string;
  bucketId?: string | null;
  title: string;
  orderHint?: string;
  percentComplete?: number;
  dueDateTime?: string | null;
  assignments?: Record<string, unknown>;
}
export interface GraphTaskDetails {
  '@odata.etag'?: string;
  description?: string | null;
  checklist?: Record<string, { title?: string; isChecked?: boolean; orderHint?: string } | null>;
}

export const PlannerTaskOut = z.object({
  id: z.string(),
  title: z.string(),
  plan: z.string(),
  bucket: z.string().optional(),
  assignees: z.array(z.string()),
  progress: z.string(),
  due: z.string().optional(),
  description: z.string().optional(),
  checklist: z.array(z.string()).optional(),
});
export type PlannerTaskOutT = z.output<typeof PlannerTaskOut>;

/** Planner's three states, as its board shows them (percentComplete 0, 1-99, 100). */
export const progressOf = (percent = 0) => (percent >= 100 ? 'done' : percent > 0 ? 'inProgress' : 'notStarted');
export const PERCENT = { notStarted: 0, inProgress: 50, done: 100 } as const;

export interface Names {
  plans: Map<string, string>;
  buckets: Map<string, string>;
  people: Map<string, string>;
}

export function summarize(t: GraphPlannerTask, names: Names, zone: Zone, details?: GraphTaskDetails): PlannerTaskOutT {
  const due = instantDay(t.dueDateTime, zone);
  const bucket = t.bucketId ? names.buckets.get(t.bucketId) : undefined;
  const items = Object.values(details?.checklist ?? {}).filter((c) => c !== null).sort((a, b) => byHint(a!.orderHint ?? '', b!.orderHint ?? ''));
  return {
    id: t.id,
    title: t.title,
    plan: names.plans.get(t.planId) ?? t.planId,
    ...(bucket ? { bucket } : {}),
    assignees: Object.keys(t.assignments ?? {}).map((id) => names.people.get(id) ?? id),
    progress: progressOf(t.percentComplete),
    ...(due ? { due } : {}),
    ...(details?.description ? { description: details.description } : {}),
    ...(items.length ? { checklist: items.map((c) => `${c!.isChecked ? '[x]' : '[ ]'} ${c!.title ?? ''}`) } : {}),
  };
}

export function plannerLine(t: PlannerTaskOutT): string {
  const bits = [t.progress, t.due && `due ${t.due}`, t.assignees.length ? `assigned to ${t.assignees.join(', ')}` : 'unassigned'].filter(Boolean);
  const lines = [`- ${t.title} [${t.plan}${t.bucket ? ` / ${t.bucket}` : ''}] ${bits.join(', ')}`];
  if (t.description) lines.push(`  description: ${t.description.replace(/\s*\n\s*/g, ' / ')}`);
  if (t.checklist) lines.push(`  checklist: ${t.checklist.join('; ')}`);
  lines.push(`  id: ${t.id}`);
  return lines.join('\n');
}
