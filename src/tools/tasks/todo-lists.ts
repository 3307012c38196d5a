// To Do lists by name as a person names them ("Groceries") or by id, found or made; and a task found by its id
// alone, in whichever list holds it (Graph reaches a task only through its list), so a model passes one id.
import type { GraphReader, GraphWriter } from '../../graph/client.js';
import { seg } from '../../graph/odata.js';
import { ToolError } from '../define-tool.js';

export interface TodoList {
  id: string;
  displayName: string;
  wellknownListName?: string;
}

/** Every list of the signed-in user. */
export async function allLists(graph: GraphReader, signal: AbortSignal): Promise<TodoList[]> {
  const page = await graph.list<TodoList>('/me/todo/lists', { query: { $select: 'id,displayName,wellknownListName', $top: 100 }, limit: 1000, signal });
  return page.items;
}

const named = (lists: TodoList[], key: string) => lists.find((l) => l.id === key) ?? lists.find((l) => l.displayName.toLowerCase() === key.toLowerCase());

/** The list named `key` (or with that id); an error naming the lists there are when none is. */
export async function listNamed(graph: GraphReader, key: string, signal: AbortSignal): Promise<TodoList> {
  const lists = await allLists(graph, signal);
  const found = named(lists, key);
  if (found) return found;
  throw new ToolError(`There is no To Do list "${key}". Lists: ${lists.map((l) => l.displayName).join(', ')}; leave out list for all of them.`);
}

/** Where a new task goes: the list named (made when there is none yet), else the default "Tasks" list. */
export async function listForNew(graph: GraphWriter, key: string | undefined, signal: AbortSignal): Promise<{ list: TodoList; made: boolean }> {
  const lists = await allLists(graph, signal);
  const found = key ? named(lists, key) : (lists.find((l) => l.wellknownListName === 'defaultList') ?? lists[0]);
  if (found) return { list: found, made: false };
  if (!key) throw new ToolError('You have no To Do list to add to: give list, a name for a new one.');
  const made = await graph.post<TodoList>('/me/todo/lists', { displayName: key }, { signal });
  return { list: made, made: true };
}

/** The list holding task `id`, by asking every list at once ($batch); an error when none does. */
export async function listOfTask(graph: GraphReader, id: string, signal: AbortSignal): Promise<TodoList> {
  const lists = await allLists(graph, signal);
  const answers = await graph.batchRead(lists.map((l) => ({ method: 'GET' as const, url: `/me/todo/lists/${seg(l.id)}/tasks/${seg(id)}?$select=id` })), { signal });
  const i = answers.findIndex((a) => a.status === 200);
  if (i >= 0) return lists[i];
  const refused = answers.find((a) => a.status !== 404 && a.status !== 400);
  if (refused) throw new ToolError(`Could not look for the task: Graph answered ${refused.status}. Try again, or pass list with the id.`);
  throw new ToolError(`No To Do task has the id ${id}: take ids from tasks_list.`);
}

/** A task's path in its list. */
export const taskPath = (listId: string, taskId: string) => `/me/todo/lists/${seg(listId)}/tasks/${seg(taskId)}`;
