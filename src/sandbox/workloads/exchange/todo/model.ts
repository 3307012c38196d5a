// Microsoft To Do as Exchange keeps it: per mailbox, task lists (the default "Tasks", "Flagged email" and the
// lists the person makes) and the tasks in them, each task with its checklist items and linked resources (the
// mail or file it came from), as Graph's todoTaskList, todoTask, checklistItem and linkedResource hold them.

import type { Stamp } from '../../../odata/collection.js';
import type { FlaggedMail } from '../flagged-mail.js';
import type { ItemBody, PatternedRecurrence } from '../items.js';

export type WellknownListName = 'none' | 'defaultList' | 'flaggedEmails';
export type TaskStatus = 'notStarted' | 'inProgress' | 'completed' | 'waitingOnOthers' | 'deferred';
export type Importance = 'low' | 'normal' | 'high';

export interface StoredTaskList extends Stamp {
  displayName: string;
  wellknownListName: WellknownListName;
  isOwner: boolean;
  isShared: boolean;
}

/** A point in time as a client gave it: the instant, and the zone it was written in (a recurring task's next
 *  due date keeps its wall-clock time there). */
export interface StoredWhen {
  ms: number;
  zone: string;
}

export interface StoredChecklistItem extends Stamp {
  displayName: string;
  isChecked: boolean;
  /** ISO instant, set when the item is checked. */
  checkedDateTime: string | null;
}

export interface StoredLinkedResource extends Stamp {
  webUrl: string | null;
  applicationName: string | null;
  displayName: string | null;
  externalId: string | null;
}

export interface StoredTask extends Stamp {
  listId: string;
  title: string;
  body: ItemBody;
  bodyLastModifiedDateTime: string;
  importance: Importance;
  status: TaskStatus;
  isReminderOn: boolean;
  categories: string[];
  dueDateTime: StoredWhen | null;
  startDateTime: StoredWhen | null;
  reminderDateTime: StoredWhen | null;
  completedDateTime: StoredWhen | null;
  recurrence: PatternedRecurrence | null;
  checklistItems: StoredChecklistItem[];
  linkedResources: StoredLinkedResource[];
}

/** What a task holds before anyone sets anything: Graph's defaults for a new todoTask. */
export const blankTask = (listId: string, stamp: Stamp): StoredTask => ({
  ...stamp,
  listId,
  title: '',
  body: { contentType: 'text', content: '' },
  bodyLastModifiedDateTime: stamp.createdDateTime,
  importance: 'normal',
  status: 'notStarted',
  isReminderOn: false,
  categories: [],
  dueDateTime: null,
  startDateTime: null,
  reminderDateTime: null,
  completedDateTime: null,
  recurrence: null,
  checklistItems: [],
  linkedResources: [],
});

export interface TodoBook {
  lists: StoredTaskList[];
  tasks: StoredTask[];
}

export interface TodoState {
  /** By mailbox owner's directory id. */
  books: Map<string, TodoBook>;
  /** Mail's flagged messages (the FlaggedMail port, wired at start). */
  flaggedMail: FlaggedMail;
  /** The tasks of each person's "Flagged email" list, by owner id and message id: mirrors of the flagged messages
   *  that keep their own ids and change keys between requests. */
  flagged: Map<string, Map<string, StoredTask>>;
}
