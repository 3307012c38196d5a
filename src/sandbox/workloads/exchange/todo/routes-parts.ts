// A task's checklist items and linked resources (the mail or file the task came from), each a collection of its
// own through the collection engine. Checking an item stamps checkedDateTime; any change to either touches the
// task (a new change key and lastModifiedDateTime), as Exchange keeps them inside the task item.

import { collectionRoutes, newChangeKey, type CollectionDecl, type Setter } from '../../../odata/collection.js';
import { invalidRequest } from '../errors.js';
import { outlookStyle } from '../outlook-style.js';
import { nowIso, ownerContext, removeFrom, taskOf, todoScopes, type Ctx } from './access.js';
import { checklistItemEntity, linkedResourceEntity } from './entity.js';
import { guid } from './ids.js';
import type { StoredChecklistItem, StoredLinkedResource, StoredTask, TodoState } from './model.js';
import { CHECKLIST_SETTERS, LINK_SETTERS } from './task-input.js';

const touch = (task: StoredTask) => Object.assign(task, { changeKey: newChangeKey(), lastModifiedDateTime: nowIso() });
const taskContext = (ctx: Ctx) => `${ownerContext(ctx)}/todo/lists('${ctx.params.listId}')/tasks('${ctx.params.taskId}')`;

/** The parts common to both collections: where they live, who may use them, and the touch on the task. */
function partsOf<T extends StoredChecklistItem | StoredLinkedResource>(name: 'checklistItems' | 'linkedResources', itemParam: string, writable: Record<string, Setter>) {
  const list = (ctx: Ctx) => taskOf(ctx)[name] as T[];
  return {
    path: `/users/{id}/todo/lists/{listId}/tasks/{taskId}/${name}`,
    itemParam,
    scopes: { read: todoScopes('read'), write: todoScopes('write') },
    items: (ctx: Ctx) => list(ctx),
    add: (ctx: Ctx, item: T) => {
      list(ctx).push(item);
      touch(taskOf(ctx));
    },
    remove: (ctx: Ctx, item: T) => {
      removeFrom(list(ctx), item);
      touch(taskOf(ctx));
    },
    context: (ctx: Ctx) => `${taskContext(ctx)}/${name}`,
    writable,
    ignored: ['id', 'createdDateTime'],
    newId: () => guid(),
  };
}

const checklistDecl: CollectionDecl<TodoState, StoredChecklistItem> = {
  ...partsOf<StoredChecklistItem>('checklistItems', 'checklistItemId', CHECKLIST_SETTERS),
  typeName: checklistItemEntity.name,
  style: outlookStyle(checklistItemEntity, false),
  ignored: ['id', 'createdDateTime', 'checkedDateTime'],
  create: (_ctx, fields, stamp) => {
    if (typeof fields.displayName !== 'string' || !fields.displayName.trim()) throw invalidRequest('A checklist item needs a displayName.');
    return { ...stamp, displayName: fields.displayName, isChecked: fields.isChecked === true, checkedDateTime: null };
  },
  apply: (ctx, item, fields) => {
    Object.assign(item, fields);
    touch(taskOf(ctx));
  },
  changed: (item) => {
    item.isChecked = item.isChecked === true;
    item.checkedDateTime = item.isChecked ? (item.checkedDateTime ?? nowIso()) : null;
  },
};

const linkedDecl: CollectionDecl<TodoState, StoredLinkedResource> = {
  ...partsOf<StoredLinkedResource>('linkedResources', 'linkedResourceId', LINK_SETTERS),
  typeName: linkedResourceEntity.name,
  style: outlookStyle(linkedResourceEntity, false),
  create: (_ctx, fields, stamp) => ({ ...stamp, webUrl: null, applicationName: null, displayName: null, externalId: null, ...(fields as Partial<StoredLinkedResource>) }),
  apply: (ctx, item, fields) => {
    Object.assign(item, fields);
    touch(taskOf(ctx));
  },
};

export const taskPartRoutes = [...collectionRoutes(checklistDecl), ...collectionRoutes(linkedDecl)];
