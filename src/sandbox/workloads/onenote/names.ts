// Names of notebooks, section groups and sections as OneNote takes them: given (20152), not starting with a space
// (20154), without the characters it refuses (notebooks: ? * \ / : < > | ' " (20115); the others also & # % ~,
// (20153)), at most 128 characters for a notebook and 50 for the rest (20155), and unique among their siblings
// whatever the letter case (20117). And the name OneNote gives a work account's default notebook.

import type { Directory, DirectoryUser } from '../../directory/directory.js';
import { badJson, nameInvalid, nameInvalidNotebook, nameLeadingSpace, nameMissing, nameTaken, nameTooLong } from './errors.js';

const NOTEBOOK_REFUSED = /[?*\\/:<>|'"]/;
const OTHER_REFUSED = /[?*\\/:<>|&#"%~]/;

/** The displayName of a create request's JSON body, checked. */
export function newName(body: unknown, kind: 'notebook' | 'section' | 'sectionGroup', siblings: readonly { displayName: string }[]): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badJson('a JSON object with a displayName is expected.');
  const raw = (body as Record<string, unknown>).displayName;
  if (raw !== undefined && raw !== null && typeof raw !== 'string') throw badJson('displayName must be a string.');
  return checkName(raw ?? '', kind, siblings);
}

export function checkName(name: string, kind: 'notebook' | 'section' | 'sectionGroup', siblings: readonly { displayName: string }[]): string {
  if (name.trim() === '') throw nameMissing();
  if (name.startsWith(' ')) throw nameLeadingSpace();
  if (kind === 'notebook' ? NOTEBOOK_REFUSED.test(name) : OTHER_REFUSED.test(name)) throw kind === 'notebook' ? nameInvalidNotebook() : nameInvalid();
  const max = kind === 'notebook' ? 128 : 50;
  if (name.length > max) throw nameTooLong(max);
  if (siblings.some((s) => s.displayName.toLowerCase() === name.toLowerCase())) throw nameTaken();
  return name;
}

/** A work account's default notebook: "{Given} @ {Company}" (Contoso Ltd. gives "Contoso"). */
export const defaultNotebookName = (directory: Directory, u: DirectoryUser) => `${u.givenName ?? u.displayName} @ ${String(directory.organization.displayName).split(' ')[0]}`;
