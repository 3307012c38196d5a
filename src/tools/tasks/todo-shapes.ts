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
  status: z.string().describe('notStarted, inProgress, completed, waitingOnOthers or deferred'),
  importance: z.string().optional().describe('high or low; normal left out'),
  due: z.string().optional().describe('Day, your zone'),
  reminder: z.string().optional().describe('Local time, your zone'),
  completed: z.string().optional(),
  repeats: z.string().optional(),
  notes: z.string().optional(),
  checklist: z.array(z.object({ item: z.string(), done: z.boolean() })).optional(),
  links: z.array(z.object({ url: z.string(), title: z.string().optional() })).optional(),
});
export type TaskOutT = z.output<typeof TaskOut>;

const NOTES_MAX = 1000;

export async function summarize(t: GraphTodoTask, list: string, zone: Zone): Promise<TaskOutT> {
  const raw = t.body?.content ?? '';
  const notes = clip((t.body?.contentType?.toLowerCase() === 'html' ? await htmlToText(raw) : raw).trim(), NOTES_MAX).text;
  const links = (t.linkedResources ?? []).filter((l) => l.webUrl).map((l) => ({ url: l.webUrl!, ...(l.displayName ? { title: l.displayName } : {}) }));
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
    ...(t.checklistItems?.length ? { checklist: t.checklistItems.map((c) => ({ item: c.displayName ?? '', done: !!c.isChecked })) } : {}),
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
  if (t.checklist) lines.push(`  checklist: ${t.checklist.map((c) => `${c.done ? '[x]' : '[ ]'} ${c.item}`).join('; ')}`);
  if (t.links) lines.push(`  links: ${t.links.map((l) => (l.title ? `${l.title} ${l.url}` : l.url)).join('; ')}`);
  lines.push(`  id: ${t.id}`);
  return lines.join('\n');
}
