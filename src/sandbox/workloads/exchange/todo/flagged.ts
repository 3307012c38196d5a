// The "Flagged email" list: a task for every message its owner flagged (mail's FlaggedMail port), titled with the
// subject, due when the flag is due, completed when the flag is, linked to the message (Outlook's webLink, the
// message id as externalId). Each task is a mirror kept between requests, so its id and ETag hold still until its
// message changes. Only the status of such a task can be set, and it sets the flag; deleting the task clears it.

import { newChangeKey } from '../../../odata/collection.js';
import type { FlaggedMessage } from '../flagged-mail.js';
import type { DateTimeTimeZone } from '../items.js';
import { wallToInstant } from '../time/datetime.js';
import { findZone, UTC } from '../time/zones.js';
import { flaggedTaskChangesOnlyStatus } from './errors.js';
import { guid, stableKey, taskId } from './ids.js';
import { blankTask, type StoredTask, type StoredTaskList, type StoredWhen, type TodoState } from './model.js';

const when = (d: DateTimeTimeZone | undefined): StoredWhen | null => {
  const zone = d ? (findZone(d.timeZone) ?? UTC) : UTC;
  const ms = d ? wallToInstant(d.dateTime, zone) : undefined;
  return ms === undefined ? null : { ms, zone: zone.name };
};

/** What a flagged message decides about its task. */
function mirror(m: FlaggedMessage): Partial<StoredTask> {
  return {
    title: m.subject,
    importance: m.importance,
    categories: [...m.categories],
    status: m.flag.flagStatus === 'complete' ? 'completed' : 'notStarted',
    startDateTime: when(m.flag.startDateTime),
    dueDateTime: when(m.flag.dueDateTime),
    completedDateTime: when(m.flag.completedDateTime),
  };
}
const same = (t: StoredTask, mirrored: Partial<StoredTask>) => Object.entries(mirrored).every(([k, v]) => JSON.stringify(t[k as keyof StoredTask]) === JSON.stringify(v));

/** The tasks of an owner's flagged-email list, made or refreshed from their messages. */
export function flaggedTasks(state: TodoState, ownerId: string, list: StoredTaskList): StoredTask[] {
  const mirrors = state.flagged.get(ownerId) ?? new Map<string, StoredTask>();
  state.flagged.set(ownerId, mirrors);
  const messages = state.flaggedMail.flagged(ownerId);
  for (const id of mirrors.keys()) if (!messages.some((m) => m.id === id)) mirrors.delete(id);
  return messages.map((m) => {
    const mirrored = mirror(m);
    const task = mirrors.get(m.id);
    if (task) {
      if (!same(task, mirrored)) Object.assign(task, mirrored, { changeKey: newChangeKey(), lastModifiedDateTime: m.lastModifiedDateTime });
      return task;
    }
    const key = stableKey(`${ownerId}/flagged/${m.id}`);
    const made: StoredTask = {
      ...blankTask(list.id, { id: taskId(key), changeKey: newChangeKey(), createdDateTime: m.receivedDateTime, lastModifiedDateTime: m.lastModifiedDateTime }),
      title: m.subject,
      linkedResources: [{ id: guid(`${key}/link`), changeKey: key.slice(0, 8), createdDateTime: m.receivedDateTime, lastModifiedDateTime: m.receivedDateTime, webUrl: m.webLink, applicationName: 'Outlook', displayName: m.subject, externalId: m.id }],
      ...mirrored,
    };
    mirrors.set(m.id, made);
    return made;
  });
}

/** A PATCH of a flagged-email task: its status sets the message's flag, and the task mirrors the message again. */
export function patchFlaggedTask(state: TodoState, ownerId: string, task: StoredTask, fields: Record<string, unknown>): void {
  if (Object.keys(fields).some((k) => k !== 'status')) throw flaggedTaskChangesOnlyStatus();
  const messageId = task.linkedResources[0].externalId!;
  if (typeof fields.status === 'string') state.flaggedMail.setFlag(ownerId, messageId, fields.status === 'completed' ? 'complete' : 'flagged');
  const m = state.flaggedMail.flagged(ownerId).find((x) => x.id === messageId);
  if (m) Object.assign(task, mirror(m), { lastModifiedDateTime: m.lastModifiedDateTime });
}

/** Deleting a flagged-email task clears its message's flag. */
export function removeFlaggedTask(state: TodoState, ownerId: string, task: StoredTask): void {
  const messageId = task.linkedResources[0].externalId!;
  state.flaggedMail.setFlag(ownerId, messageId, 'notFlagged');
  state.flagged.get(ownerId)?.delete(messageId);
}
