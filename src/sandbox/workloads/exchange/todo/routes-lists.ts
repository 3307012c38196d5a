// /me/todo/lists through the collection engine: a person's task lists, the default "Tasks" and "Flagged email"
// among them (distinguished: they cannot be deleted), lists the person makes (owned, not shared), renamed by
// PATCH; deleting a list deletes its tasks.

import { collectionRoutes, type CollectionDecl } from '../../../odata/collection.js';
import { invalidRequest } from '../errors.js';
import { outlookStyle } from '../outlook-style.js';
import { bookOf, ownerContext, removeFrom, todoScopes } from './access.js';
import { taskListEntity } from './entity.js';
import { distinguishedList } from './errors.js';
import { listId } from './ids.js';
import type { StoredTaskList, TodoState } from './model.js';
import { text } from './task-input.js';

const listsDecl: CollectionDecl<TodoState, StoredTaskList> = {
  path: '/users/{id}/todo/lists',
  itemParam: 'listId',
  typeName: taskListEntity.name,
  scopes: { read: todoScopes('read'), write: todoScopes('write') },
  items: (ctx) => bookOf(ctx).lists,
  add: (ctx, list) => bookOf(ctx).lists.push(list),
  remove: (ctx, list) => {
    if (list.wellknownListName !== 'none') throw distinguishedList();
    const book = bookOf(ctx);
    removeFrom(book.lists, list);
    book.tasks = book.tasks.filter((t) => t.listId !== list.id);
  },
  context: (ctx) => `${ownerContext(ctx)}/todo/lists`,
  style: outlookStyle(taskListEntity, true),
  writable: { displayName: text },
  ignored: ['id', 'isOwner', 'isShared', 'wellknownListName'],
  newId: () => listId(),
  create: (_ctx, fields, stamp) => {
    const name = typeof fields.displayName === 'string' ? fields.displayName.trim() : '';
    if (!name) throw invalidRequest('A task list needs a displayName.');
    return { ...stamp, displayName: name, wellknownListName: 'none', isOwner: true, isShared: false };
  },
  apply: (_ctx, list, fields) => {
    if ('displayName' in fields && !(typeof fields.displayName === 'string' && fields.displayName.trim())) throw invalidRequest('A task list needs a displayName.');
    Object.assign(list, fields);
  },
};

export const listRoutes = collectionRoutes(listsDecl);
