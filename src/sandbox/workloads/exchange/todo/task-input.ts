// The properties a client may set on a task, a checklist item and a linked resource, checked as To Do checks them:
// enum values in any letter case, dateTimeTimeZone values in a zone Exchange knows (Windows or IANA names), a
// body as itemBody, recurrence as patternedRecurrence; a task created with its checklist items and linked
// resources inline (Graph's deep insert) gets them all at once.

import type { Setter, Stamp } from '../../../odata/collection.js';
import { readDateTimeTimeZone } from '../time/datetime.js';
import { zoneOrThrow } from '../time/zones.js';
import { readRecurrence } from '../recurrence-input.js';
import { guid } from './ids.js';
import type { StoredChecklistItem, StoredLinkedResource, StoredWhen } from './model.js';

const oneOf = (allowed: readonly string[], type: string): Setter => (v, fail) =>
  allowed.find((a) => typeof v === 'string' && a.toLowerCase() === v.toLowerCase()) ?? fail(`'${String(v)}' is not a member of microsoft.graph.${type}`);

export const text: Setter = (v, fail) => (typeof v === 'string' ? v : fail('a string is expected'));
export const flag: Setter = (v, fail) => (typeof v === 'boolean' ? v : fail('a Boolean is expected'));
const texts: Setter = (v, fail) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? [...v] : fail('an array of strings is expected'));

const when = (property: string): Setter => (v): StoredWhen => {
  const read = readDateTimeTimeZone(v, property, zoneOrThrow);
  return { ms: read.ms, zone: read.zone.name };
};

const body: Setter = (v, fail) => {
  const b = v as { content?: unknown; contentType?: unknown };
  if (typeof b !== 'object' || typeof b.content !== 'string') return fail('an itemBody with content is expected');
  const type = b.contentType === undefined ? 'text' : oneOf(['text', 'html'], 'bodyType')(b.contentType, fail);
  return { contentType: type, content: b.content };
};

/** A stamp for an item made inside another (deep insert, or the next occurrence of a recurring task). */
export const innerStamp = (at: string): Stamp => ({ id: guid(), changeKey: guid().slice(0, 8), createdDateTime: at, lastModifiedDateTime: at });

const checklist: Setter = (v, fail) => {
  if (!Array.isArray(v)) return fail('an array of checklistItem is expected');
  const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return v.map((c): StoredChecklistItem => {
    if (typeof c !== 'object' || c === null || typeof c.displayName !== 'string') return fail('each checklistItem needs a displayName');
    const checked = c.isChecked === true;
    return { ...innerStamp(at), displayName: c.displayName, isChecked: checked, checkedDateTime: checked ? at : null };
  });
};

const links: Setter = (v, fail) => {
  if (!Array.isArray(v)) return fail('an array of linkedResource is expected');
  const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return v.map((r): StoredLinkedResource => {
    if (typeof r !== 'object' || r === null) return fail('each linkedResource must be an object');
    const s = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : null);
    return { ...innerStamp(at), webUrl: s('webUrl'), applicationName: s('applicationName'), displayName: s('displayName'), externalId: s('externalId') };
  });
};

export const TASK_SETTERS: Record<string, Setter> = {
  title: text,
  body,
  importance: oneOf(['low', 'normal', 'high'], 'importance'),
  status: oneOf(['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred'], 'taskStatus'),
  isReminderOn: flag,
  categories: texts,
  dueDateTime: when('dueDateTime'),
  startDateTime: when('startDateTime'),
  reminderDateTime: when('reminderDateTime'),
  completedDateTime: when('completedDateTime'),
  recurrence: (v) => readRecurrence(v),
  checklistItems: checklist,
  linkedResources: links,
};

/** Properties Graph defines as non-nullable on a task. */
export const TASK_NON_NULLABLE = ['importance', 'status', 'isReminderOn', 'categories', 'title', 'body'];
/** Navigation properties a create may carry inline; a PATCH must use their collections. */
export const TASK_CREATE_ONLY = ['checklistItems', 'linkedResources'];
/** What the service keeps and ignores when a client echoes it back. */
export const TASK_IGNORED = ['id', 'createdDateTime', 'lastModifiedDateTime', 'bodyLastModifiedDateTime', 'hasAttachments'];

export const CHECKLIST_SETTERS: Record<string, Setter> = { displayName: text, isChecked: flag };
export const LINK_SETTERS: Record<string, Setter> = { webUrl: text, applicationName: text, displayName: text, externalId: text };
