// Identifiers in Exchange's style. Graph ids of Outlook items are opaque base64 strings starting "AAMkA"; the
// sandbox packs its own key into them, and for an occurrence of a series the master's key plus the original
// start of the occurrence, so an occurrence keeps its id when it becomes an exception (as in Exchange).
// Seeded items take their key from a hash of a stable name, so every start of the sandbox has the same ids.

import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'AAMkAG';
const KEY_CHARS = 22; // 16 bytes, base64url without padding

/** A fresh key, or a stable one derived from `seed`. */
export function newKey(seed?: string): string {
  const bytes = seed === undefined ? randomBytes(16) : createHash('sha256').update(seed).digest().subarray(0, 16);
  return bytes.toString('base64url');
}

export const eventId = (key: string) => `${PREFIX}E${key}AAA=`;
export const calendarId = (key: string) => `${PREFIX}C${key}AAA=`;

export function occurrenceId(masterKey: string, originalStartMs: number): string {
  const when = Buffer.alloc(8);
  when.writeBigInt64BE(BigInt(originalStartMs));
  return `${PREFIX}O${masterKey}${when.toString('base64url')}AAA=`;
}

export type ParsedId =
  | { kind: 'event'; key: string }
  | { kind: 'occurrence'; masterKey: string; originalStartMs: number }
  | { kind: 'calendar'; key: string };

/** What an id names, or undefined when it is not one of ours (Exchange: ErrorInvalidIdMalformed). */
export function parseId(id: string): ParsedId | undefined {
  if (!id.startsWith(PREFIX) || !id.endsWith('AAA=')) return undefined;
  const body = id.slice(PREFIX.length, -4);
  const kind = body[0];
  const key = body.slice(1, 1 + KEY_CHARS);
  if (key.length !== KEY_CHARS) return undefined;
  if (kind === 'E' && body.length === 1 + KEY_CHARS) return { kind: 'event', key };
  if (kind === 'C' && body.length === 1 + KEY_CHARS) return { kind: 'calendar', key };
  if (kind === 'O') {
    const when = Buffer.from(body.slice(1 + KEY_CHARS), 'base64url');
    if (when.length !== 8) return undefined;
    return { kind: 'occurrence', masterKey: key, originalStartMs: Number(when.readBigInt64BE()) };
  }
  return undefined;
}

/** A change key (and @odata.etag) that differs after every change. */
export const newChangeKey = (seed?: string) =>
  (seed === undefined ? randomBytes(16) : createHash('sha256').update(`ck:${seed}`).digest().subarray(0, 16)).toString('base64');

/** Outlook's iCalUId: the fixed Outlook global-object-id header, then the item's own 16 bytes. */
export function newICalUId(key: string): string {
  return `040000008200E00074C5B7101A82E00800000000${'0'.repeat(24)}10000000${Buffer.from(key, 'base64url').toString('hex').toUpperCase()}`;
}

export const webLink = (id: string) => `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`;
