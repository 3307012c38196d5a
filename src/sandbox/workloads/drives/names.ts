// OneDrive's rules for names (the characters, dots and length it refuses) and the MIME type it gives a file by its
// extension: what every route that names or creates an item checks and shows.

import { invalidRequest } from './errors.js';

const BAD_NAME = /["*:<>?/\\|\u0000-\u001f]/;

/** Names OneDrive and SharePoint keep for themselves: Windows' device names, lock and settings files, Office's owner
 *  files (~$...), and anything with _vti_ (FrontPage's folders) in it. */
const RESERVED_NAME = /^(\.lock|CON|PRN|AUX|NUL|COM\d|LPT\d|desktop\.ini)$|^~\$|_vti_/i;

/** OneDrive's naming rules: no reserved characters or names, not only dots, no trailing dot or space, at most 400. */
export function checkName(name: unknown): string {
  if (typeof name !== 'string' || !name.trim()) throw invalidRequest('The name of the item is missing.');
  if (BAD_NAME.test(name) || /^\.+$/.test(name) || /[. ]$/.test(name) || name.length > 400) {
    throw invalidRequest(`The provided name cannot contain any illegal characters ("*:<>?/\\|), end in a dot or a space, or be longer than 400 characters: ${name}`);
  }
  if (RESERVED_NAME.test(name)) throw invalidRequest(`The name ${name} is reserved: .lock, CON, PRN, AUX, NUL, COM0-9, LPT0-9, desktop.ini, names starting with ~$ and names containing _vti_ are not allowed.`);
  return name;
}

const TYPES: Record<string, string> = {
  txt: 'text/plain', csv: 'text/csv', md: 'text/markdown', html: 'text/html', htm: 'text/html', json: 'application/json', pdf: 'application/pdf',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  potx: 'application/vnd.openxmlformats-officedocument.presentationml.template',
  doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint', rtf: 'application/rtf',
};
/** The MIME type OneDrive gives a file, by its extension. */
export const mimeOf = (name: string) => TYPES[name.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
