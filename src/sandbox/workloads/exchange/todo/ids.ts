// To Do ids in Exchange's style: task lists and tasks are opaque Outlook item ids, random for new ones and
// derived from a stable name for seeded ones (same ids on every start); checklist items and linked resources
// carry GUIDs, as Graph shows them.

import { createHash, randomUUID } from 'node:crypto';
import { newKey } from '../ids/calendar.js';

export const listId = (key = newKey()) => `AAMkAGL${key}AAA=`;
export const taskId = (key = newKey()) => `AAkALgAAAAAAHYQDT${key}AAA=`;
export const stableKey = (name: string) => newKey(name);

/** A GUID: random, or derived from a stable name for seeded items. */
export function guid(seed?: string): string {
  if (seed === undefined) return randomUUID();
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
