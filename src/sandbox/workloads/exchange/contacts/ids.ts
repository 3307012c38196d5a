// Contact and contact-folder ids in Exchange's style (opaque "AAMkAG..." strings), random for new items and
// derived from a stable name for seeded ones, so that every start of the sandbox has the same ids.

import { newKey } from '../ids/calendar.js';

export const stableKey = (name: string) => newKey(name);
export const freshKey = () => newKey();
/** kind: C a contact, F a folder. */
export const contactItemId = (kind: 'C' | 'F', key: string) => `AAMkAGK${kind}${key}AAA=`;
