// OneNote's ids: notebooks, section groups and sections `1-{guid}`, pages `1-{32 hex}!{n}-{guid}`, resources
// `1-{32 hex}!1-{guid}`. Seeded entities take theirs from a stable name, so every start has the same ids; new ones
// are random. An id of none of these forms is OneNote's 400 (20112), a well-formed unknown one its 404 (20102).

import { createHash, randomUUID } from 'node:crypto';

/** A GUID derived from a name (seeds) or random (new entities). */
export function guid(name?: string): string {
  const hex = name === undefined ? randomUUID().replace(/-/g, '') : createHash('sha256').update(`onenote:${name}`).digest('hex').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const hex32 = (name?: string) => guid(name).replace(/-/g, '');

export const hierarchyId = (name?: string) => `1-${guid(name)}`;
export const pageId = (name?: string) => `1-${hex32(name)}!${1 + (parseInt(hex32(name && `${name}/n`).slice(0, 4), 16) % 97)}-${guid(name && `${name}/g`)}`;
export const resourceId = (name?: string) => `1-${hex32(name)}!1-${guid(name && `${name}/g`)}`;

const ID_FORM = /^\d-(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}!\d+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export const wellFormedId = (id: string) => ID_FORM.test(id);
