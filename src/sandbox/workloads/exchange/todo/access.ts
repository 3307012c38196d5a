// Whose To Do a request reaches and what it may do there: Tasks.Read or Tasks.ReadWrite for one's own lists (a
// token without them meets Exchange's ErrorAccessDenied); another person's lists are not shared through Graph, so
// they are refused the same way. Then the addressed list and task of a path, or Exchange's ErrorItemNotFound.

import type { RouteContext, ScopeRule } from '../../../graph/types.js';
import { accessDenied, invalidUser, itemNotFound } from '../errors.js';
import { flaggedTasks } from './flagged.js';
import type { StoredTask, StoredTaskList, TodoBook, TodoState } from './model.js';

export type Ctx = RouteContext<TodoState>;
export type Access = 'read' | 'write';

const GRANTS: Record<Access, string[]> = { read: ['tasks.read', 'tasks.readwrite'], write: ['tasks.readwrite'] };

export const todoScopes = (access: Access): ScopeRule<TodoState> => (ctx) => {
  if (!ctx.principal.scopes.some((s) => GRANTS[access].includes(s.toLowerCase()))) throw accessDenied();
  return ctx.principal.scopes;
};

/** The addressed person's lists and tasks: one's own only. */
export function bookOf(ctx: Ctx): TodoBook {
  const owner = ctx.directory.findUser(ctx.params.id);
  const book = owner && ctx.state.books.get(owner.id);
  if (!owner || !book) throw invalidUser(ctx.params.id);
  if (owner.id !== ctx.principal.user.id) throw accessDenied();
  return book;
}

export function listOf(ctx: Ctx, book = bookOf(ctx)): StoredTaskList {
  const list = book.lists.find((l) => l.id === ctx.params.listId);
  if (!list) throw itemNotFound();
  return list;
}

export function taskOf(ctx: Ctx, book = bookOf(ctx)): StoredTask {
  const list = listOf(ctx, book);
  const tasks = list.wellknownListName === 'flaggedEmails' ? flaggedTasks(ctx.state, ctx.directory.findUser(ctx.params.id)!.id, list) : book.tasks;
  const task = tasks.find((t) => t.id === ctx.params.taskId && t.listId === list.id);
  if (!task) throw itemNotFound();
  return task;
}

/** `users('{id}')` as @odata.context names the owner. */
export const ownerContext = (ctx: Ctx) => `users('${ctx.directory.findUser(ctx.params.id)?.id ?? ctx.params.id}')`;

export const removeFrom = <T>(list: T[], item: T) => void list.splice(list.indexOf(item), 1);

export const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
