// A To Do task as the tasks tools answer it: title, list, status, due day and reminder in the user's zone,
// importance, recurrence in words, notes, checklist and links; never Graph's whole record.
import { z } from 'zod';
import type { GraphReader } from '../../graph/client.js';
import { clip } from '../content/text.js';
import { htmlToText } from '../content/text.js';
import { describeRecurrence } from '../recurrence.js';
import type { GraphDateTime } from '../time-zones.js';
import { taskPath } from './todo-lists.js';
import { dayOut, timeOut, type Zone } from './zone.js';

export interface GraphTodoTask {
  id: string;
  title?: string;
  status?: string;
  importance?: string;
  body?: { content?: string; contentType?: string };
  dueDateTime?: GraphDateTime;
  reminderDateTime?: GraphDateTime;
  isReminderOn?: boolean;
  completedDateTime?: GraphDateTime;
  recurrence?: Parameters<typeof describeRecurrence>[0];
  linkedResources?: GraphLink[];
  checklistItems?: { displayName?: string; isChecked?: boolean }[];
}
type GraphLink = { webUrl?: string | null; displayName?: string | null };

export const TaskOut = z.object({
  id: z.string(),
  title: z.string(),
  list: z.string(),
  status: z.string(),
  importance: z.string().optional(),
  due: z.string().optional(),
  reminder: z.string().optional(),
  completed: z.string().optional(),
  repeats: z.string().optional(),
  notes: z.string().optional(),
  checklist: z.array(z.string()).optional(),
  links: z.array(z.string()).optional(),
});
export type TaskOutT = z.output<typeof TaskOut>;

const NOTES_MAX = 1000;

export async function summarize(t: GraphTodoTask, list: string, zone: Zone): Promise<TaskOutT> {
  const raw = t.body?.content ?? '';
  const notes = clip((t.body?.contentType?.toLowerCase() === 'html' ? await htmlToText(raw) : raw).trim(), NOTES_MAX).text;
  const links = (t.linkedResources ?? []).flatMap((l) => (l.webUrl ? [l.webUrl] : []));
  const due = dayOut(t.dueDateTime, zone);
  const reminder = t.isReminderOn === false ? undefined : timeOut(t.reminderDateTime, zone);
  const completed = t.status === 'completed' ? dayOut(t.completedDateTime, zone) : undefined;
  const repeats = describeRecurrence(t.recurrence);
  return {
    id: t.id,
    title: t.title ?? '',
    list,
    status: t.status ?? 'notStarted',
    ...(t.importance && t.importance !== 'normal' ? { importance: t.importance } : {}),
    ...(due ? { due } : {}),
    ...(reminder ? { reminder } : {}),
    ...(completed ? { completed } : {}),
    ...(repeats ? { repeats } : {}),
    ...(notes ? { notes } : {}),
    // "[x] done item", "[ ] open item": the way a checklist reads.
    ...(t.checklistItems?.length ? { checklist: t.checklistItems.map((c) => `${c.isChecked ? '[x]' : '[ ]'} ${c.displayName ?? ''}`) } : {}),
    ...(links.length ? { links } : {}),
  };
}

/** The checklist items and links of these tasks, read in $batch (a list of tasks carries neither). */
export async function withParts(graph: GraphReader, tasks: { task: GraphTodoTask; listId: string }[], signal: AbortSignal): Promise<void> {
  const requests = tasks.flatMap(({ task, listId }) => [
    { method: 'GET' as const, url: `${taskPath(listId, task.id)}/checklistItems` },
    { method: 'GET' as const, url: `${taskPath(listId, task.id)}/linkedResources` },
  ]);
  if (!requests.length) return;
  const answers = await graph.batchRead(requests, { signal });
  tasks.forEach(({ task }, i) => {
    const items = answers[2 * i];
    const links = answers[2 * i + 1];
    if (items?.status === 200) task.checklistItems = (items.body as { value?: GraphTodoTask['checklistItems'] }).value ?? [];
    if (links?.status === 200) task.linkedResources = (links.body as { value?: GraphLink[] }).value ?? [];
  });
}

const STATUS_WORD: Record<string, string> = { notStarted: 'open', inProgress: 'in progress', completed: 'done', waitingOnOthers: 'waiting', deferred: 'deferred' };

export function taskLine(t: TaskOutT): string {
  const bits = [
    STATUS_WORD[t.status] ?? t.status,
    t.due && `due ${t.due}`,
    t.importance && `${t.importance} importance`,
    t.reminder && `reminder ${t.reminder}`,
    t.completed && `done ${t.completed}`,
    t.repeats && `repeats ${t.repeats}`,
  ].filter(Boolean);
  const lines = [`- ${t.title} [${t.list}] ${bits.join(', ')}`];
  if (t.notes) lines.push(`  notes: ${t.notes.replace(/\s*\n\s*/g, ' / ')}`);
  if (t.checklist) lines.push(`  checklist: ${t.checklist.join('; ')}`);
  if (t.links) lines.push(`  links: ${t.links.join(' ')}`);
  lines.push(`  id: ${t.id}`);
  return lines.join('\n');
}
