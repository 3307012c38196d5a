// To Do's own refusals, beside Exchange's (../errors.ts): its lists are Exchange task folders, so the default list
// and the flagged-email list are distinguished folders that cannot be deleted, and the flagged-email list shows
// flagged mail rather than taking tasks of its own.

import { GraphError } from '../../../graph/types.js';
import { invalidRequest } from '../errors.js';

export const distinguishedList = () => new GraphError(400, 'ErrorDeleteDistinguishedFolder', 'Distinguished folders cannot be deleted.');
export const flaggedListIsReadOnly = () => invalidRequest('Tasks cannot be created in the flagged email list; flag a message instead.');
export const flaggedTaskChangesOnlyStatus = () => invalidRequest('A flagged email task changes with its message: only its status can be set.');
export const notNullable = (prop: string) => invalidRequest(`The property '${prop}' cannot be null.`);
export const nestedOnCreateOnly = (prop: string) =>
  invalidRequest(`The property '${prop}' can only be given when the task is created; use the task's ${prop} collection to change it.`);
