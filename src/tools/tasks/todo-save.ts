// Changing To Do: one tool creates a task (title, notes, due day and reminder in the user's zone, importance,
// recurrence, checklist, the link to the mail or file it came from) or changes one by id (only the fields given;
// checklist items and links are added), completes or reopens it; another deletes one after saying which.
import { z } from 'zod';
import type { GraphWriter } from '../../graph/client.js';
import { seg } from '../../graph/odata.js';
import { defineTool, ToolError } from '../define-tool.js';
import { toRecurrence } from '../recurrence.js';
import { List, Text } from '../shapes.js';
import { listForNew, listOfTask, taskPath } from './todo-lists.js';
import { type GraphTodoTask, summarize, TaskOut, taskLine, withParts } from './todo-shapes.js';
import { dayIn, preferZone, timeIn, toGraph, userZone, type Zone } from './zone.js';

export const TaskId = Text(512).refine((v) => /^[A-Za-z0-9_=+\/-]+$/.test(v), 'must be a task id from tasks_list');
const Url = Text(2048).refine((v) => /^https?:\/\/[^\s]+$/i.test(v), 'must be a web address (https://...), e.g. the webLink of a message');
const STATUS = { open: 'notStarted', inProgress: 'inProgress', done: 'completed' } as const;
const NONE = /^none$/i;
/** To Do's own choices of recurrence, as the recurrence helper takes them. */
const REPEATS = {
  daily: { every: 'day', interval: 1 },
  weekdays: { every: 'week', interval: 1, days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] },
  weekly: { every: 'week', interval: 1 },
  monthly: { every: 'month', interval: 1 },
  yearly: { every: 'year', interval: 1 },
} as const;

/** Which application a link opens in, as To Do shows it beside the task. */
function appOf(url: string): string {
  const host = new URL(url).hostname.toLowerCase();
  if (/(^|\.)outlook\.(office|office365|live)\.com$/.test(host)) return 'Outlook';
  if (/-my\.sharepoint\.com$/.test(host)) return 'OneDrive';
  if (/\.sharepoint\.com$/.test(host)) return 'SharePoint';
  return host;
}

const Input = z.object({
  id: TaskId.optional().describe('Task to change, from tasks_list; omit to create'),
  list: Text(255).optional().describe('List name or id for a new task (made if new); default: Tasks'),
  title: Text(255).optional().describe('Title'),
  notes: Text(4000).optional().describe('Notes'),
  due: Text(40).optional().describe('Day like 2026-11-12 in your zone; "none" clears'),
  reminder: Text(40).optional().describe('Local time like 2026-11-12T09:00; "none" clears'),
  importance: z.enum(['low', 'normal', 'high']).optional().describe('Importance'),
  repeat: z.enum(['daily', 'weekdays', 'weekly', 'monthly', 'yearly']).optional().describe('Repeats from the due day'),
  checklist: List(Text(255), 20).optional().describe('Checklist items to add'),
  link: Url.optional().describe('Source: a message webLink or file webUrl'),
  linkTitle: Text(255).optional().describe('Its title'),
  status: z.enum(['open', 'inProgress', 'done']).optional().describe('done completes, open reopens'),
});
type In = z.output<typeof Input>;

/** The task fields a call sets (checklist and link aside). `due` is the day a recurrence starts from. */
function fieldsOf(a: In, zone: Zone, due: string | undefined): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (a.title !== undefined) f.title = a.title;
  if (a.notes !== undefined) f.body = { content: a.notes, contentType: 'text' };
  if (a.importance) f.importance = a.importance;
  if (a.status) f.status = STATUS[a.status];
  if (a.due !== undefined) f.dueDateTime = NONE.test(a.due) ? null : toGraph(dayIn(a.due, zone, 'due'), zone);
  if (a.reminder !== undefined) {
    f.reminderDateTime = NONE.test(a.reminder) ? null : toGraph(timeIn(a.reminder, zone, 'reminder'), zone);
    f.isReminderOn = !NONE.test(a.reminder);
  }
  if (a.repeat) {
    if (!due) throw new ToolError('repeat needs a due day to start from: give due too.');
    const r = REPEATS[a.repeat];
    f.recurrence = toRecurrence({ ...r, days: 'days' in r ? [...r.days] : undefined }, dayIn(due, zone, 'due'), zone);
  }
  return f;
}

const linkOf = (a: In) => (a.link ? { webUrl: a.link, applicationName: appOf(a.link), displayName: a.linkTitle ?? a.title ?? a.link } : undefined);

/** Adds the checklist items and the link the task does not have yet: a call repeated after a lost answer adds
 *  nothing twice. */
async function addParts(graph: GraphWriter, path: string, a: In, signal: AbortSignal): Promise<void> {
  const link = linkOf(a);
  if (!a.checklist?.length && !link) return;
  const [items, links] = await Promise.all([
    graph.get<{ value: { displayName?: string }[] }>(`${path}/checklistItems`, { signal }),
    graph.get<{ value: { webUrl?: string }[] }>(`${path}/linkedResources`, { signal }),
  ]);
  const have = new Set(items.value.map((i) => (i.displayName ?? '').trim().toLowerCase()));
  // One by one, in order: To Do shows checklist items in the order they were made.
  for (const item of a.checklist ?? []) if (!have.has(item.toLowerCase())) await graph.post(`${path}/checklistItems`, { displayName: item }, { signal });
  if (link && !links.value.some((l) => l.webUrl === link.webUrl)) await graph.post(`${path}/linkedResources`, link, { signal });
}

export const saveTask = defineTool({
  name: 'tasks_save',
  title: 'Save a To Do task',
  description: 'Creates a To Do task, or with id changes only the fields given, completes (status done) or reopens it. Times in your zone.',
  group: 'tasks',
  kind: 'write',
  scopes: ['Tasks.ReadWrite'],
  input: Input,
  output: TaskOut.extend({ created: z.boolean(), listMade: z.boolean().optional() }),
  handler: async (a, ctx) => {
    const { graph, signal } = ctx;
    if (a.linkTitle && !a.link) throw new ToolError('linkTitle goes with link: give the link too, or leave it out.');
    const zone = await userZone(ctx);
    const headers = preferZone(zone);
    if (!a.id) {
      if (!a.title) throw new ToolError('A new task needs a title.');
      if (a.status === 'done') throw new ToolError('A new task cannot start done: leave out status, then complete it with tasks_save and its id.');
      const fields = fieldsOf(a, zone, a.due && !NONE.test(a.due) ? a.due : undefined);
      const { list, made } = await listForNew(graph, a.list, signal);
      const link = linkOf(a);
      const body = { ...fields, ...(a.checklist?.length ? { checklistItems: a.checklist.map((displayName) => ({ displayName })) } : {}), ...(link ? { linkedResources: [link] } : {}) };
      const task = await graph.post<GraphTodoTask>(`/me/todo/lists/${seg(list.id)}/tasks`, body, { headers, signal });
      await withParts(graph, [{ task, listId: list.id }], signal);
      return { ...(await summarize(task, list.displayName, zone)), created: true, ...(made ? { listMade: true } : {}) };
    }
    if (a.list) throw new ToolError('list applies to new tasks only; leave it out when changing one.');
    const list = await listOfTask(graph, a.id, signal);
    const path = taskPath(list.id, a.id);
    let due = a.due && !NONE.test(a.due) ? a.due : undefined;
    if (a.repeat && !due) {
      const current = await graph.get<GraphTodoTask>(path, { headers, signal });
      due = current.dueDateTime?.dateTime?.slice(0, 10);
    }
    const fields = fieldsOf(a, zone, due);
    if (!Object.keys(fields).length && !a.checklist?.length && !a.link) throw new ToolError('Nothing to change: give the fields to change with id.');
    if (Object.keys(fields).length) await graph.patch(path, fields, { headers, signal });
    await addParts(graph, path, a, signal);
    const task = await graph.get<GraphTodoTask>(path, { headers, signal });
    await withParts(graph, [{ task, listId: list.id }], signal);
    return { ...(await summarize(task, list.displayName, zone)), created: false };
  },
  text: (r) => `${r.created ? 'created' : 'updated'}${r.listMade ? ` (new list ${r.list})` : ''}\n${taskLine(r)}`,
});

export const deleteTask = defineTool({
  name: 'tasks_delete',
  title: 'Delete a To Do task',
  description: 'Deletes a To Do task; these tools cannot bring it back.',
  group: 'tasks',
  kind: 'destructive',
  scopes: ['Tasks.ReadWrite'],
  input: z.object({ id: TaskId.describe('Task id from tasks_list') }),
  output: z.object({ deleted: z.string() }),
  confirm: async ({ id }, { graph, signal }) => {
    const list = await listOfTask(graph, id, signal);
    const t = await graph.get<GraphTodoTask>(taskPath(list.id, id), { query: { $select: 'title' }, signal });
    return `Delete the To Do task "${t.title ?? ''}" from ${list.displayName}. It cannot be restored with these tools.`;
  },
  handler: async ({ id }, { graph, signal }) => {
    const list = await listOfTask(graph, id, signal);
    await graph.delete(taskPath(list.id, id), { signal });
    return { deleted: id };
  },
  text: (r) => `deleted ${r.deleted}`,
});

export default [saveTask, deleteTask];
