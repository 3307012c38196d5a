// Finding To Do tasks: open (default), done or all, due by a day (overdue included) or important, in one list or
// across every list, sorted by due day, a page at a time; or the lists themselves. Each list is asked with its
// own $filter, the answers merged here, so the cursor is a position in the merged list.
import { z } from 'zod';
import { andFilter, odataString, seg } from '../../graph/odata.js';
import { isOffset, Limit, moreLine, positionCursor, readPositionCursor } from '../content/paging.js';
import { defineTool } from '../define-tool.js';
import { Text } from '../shapes.js';
import { allLists, listNamed, type TodoList } from './todo-lists.js';
import { type GraphTodoTask, summarize, TaskOut, taskLine, withParts } from './todo-shapes.js';
import { dayIn, preferZone, userZone } from './zone.js';

/** The most tasks one list is read for (To Do lists rarely hold more open ones). */
const READ_AT_MOST = 1000;
const STATUS_FILTER = { open: "status ne 'completed'", done: "status eq 'completed'", all: undefined } as const;

export const listTasks = defineTool({
  name: 'tasks_list',
  title: 'List To Do tasks',
  description: 'Your To Do tasks, soonest due first, across all lists or one: open ones unless status says otherwise; or your lists.',
  group: 'tasks',
  kind: 'read',
  scopes: ['Tasks.Read'],
  input: z.object({
    list: Text(255).optional().describe('List name or id; default: all'),
    status: z.enum(['open', 'done', 'all']).default('open').describe('Which tasks'),
    dueBy: Text(40).optional().describe('Due on or before this day (overdue too), e.g. Sunday for this week'),
    important: z.boolean().optional().describe('Only high importance'),
    lists: z.boolean().default(false).describe('List the task lists instead'),
    limit: Limit(100, 25),
    cursor: Text(500).optional().describe('nextCursor of the previous page'),
  }),
  output: z.object({
    tasks: z.array(TaskOut),
    lists: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
    total: z.number(),
    timeZone: z.string(),
    nextCursor: z.string().optional(),
  }),
  handler: async (a, ctx) => {
    const { graph, signal } = ctx;
    const zone = await userZone(ctx);
    if (a.lists) {
      const lists = await allLists(graph, signal);
      return { tasks: [], lists: lists.map((l) => ({ id: l.id, name: l.displayName })), total: lists.length, timeZone: zone.label };
    }
    const key = JSON.stringify([a.list ?? '', a.status, a.dueBy ?? '', !!a.important]);
    const offset = readPositionCursor(a.cursor, key, isOffset, 'question', 'list, status, dueBy and important') ?? 0;
    // "Due by Friday" takes in all of Friday in the user's zone: due before the next day starts there.
    const before = a.dueBy ? dayIn(a.dueBy, zone, 'dueBy').plus({ days: 1 }).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss") : undefined;
    const filter = andFilter([STATUS_FILTER[a.status], a.important && "importance eq 'high'", before && `dueDateTime/dateTime lt ${odataString(before)}`]);
    const lists: TodoList[] = a.list ? [await listNamed(graph, a.list, signal)] : await allLists(graph, signal);
    const pages = await Promise.all(lists.map((l) => graph.list<GraphTodoTask>(`/me/todo/lists/${seg(l.id)}/tasks`, { query: { $filter: filter, $top: 100 }, headers: preferZone(zone), limit: READ_AT_MOST, signal })));
    const found = pages.flatMap((p, i) => p.items.map((task) => ({ task, listId: lists[i].id, list: lists[i].displayName })));
    // Soonest due first, undated last; then by title.
    const dueKey = (t: GraphTodoTask) => t.dueDateTime?.dateTime ?? '\uffff';
    found.sort((x, y) => dueKey(x.task).localeCompare(dueKey(y.task)) || (x.task.title ?? '').localeCompare(y.task.title ?? ''));
    const page = found.slice(offset, offset + a.limit);
    await withParts(graph, page, signal);
    const tasks = await Promise.all(page.map((f) => summarize(f.task, f.list, zone)));
    return { tasks, total: found.length, timeZone: zone.label, ...(offset + a.limit < found.length ? { nextCursor: positionCursor(key, offset + a.limit) } : {}) };
  },
  text: (r) =>
    r.lists
      ? `${r.lists.length} list(s)\n${r.lists.map((l) => `- ${l.name} | id: ${l.id}`).join('\n')}`
      : `${r.tasks.length} of ${r.total} task(s), times in ${r.timeZone}${r.tasks.length ? '\n' : ''}${r.tasks.map(taskLine).join('\n')}${moreLine(r.nextCursor)}`,
});

export default [listTasks];
