// Exchange-shaped identifiers for the sandbox's mail: opaque base64 strings that look and behave like the ids
// Graph hands out for Outlook items. Clients must treat them as opaque, but they notice their shape (the
// `AAMkA...` of items, the `AQMkA...` of well-known folders, `AAQkA...` of conversations) and their rules:
// an id names one mailbox, a moved item gets a new id, and a string that is not an id at all is "malformed"
// (400) rather than "not found" (404). Everything derives from the mailbox's GUID and a per-mailbox sequence
// number, so the same seed yields the same ids on every start and every machine.
//
// Layout (bytes, before base64): a 4-byte type prefix, the mailbox GUID as ASCII (as Exchange embeds it), a
// kind marker, a 16-byte key derived from the mailbox, the sequence number and a 2-byte check. Graph's REST ids
// use '-' and '_' where base64 has '/' and '+', and keep the '=' padding.

import { createHash } from 'node:crypto';

export type ItemKind = 'message' | 'folder';

const ITEM_PREFIX = Buffer.from([0x00, 0x03, 0x24, 0x00]); // "AAMkA..."
const WELL_KNOWN_PREFIX = Buffer.from([0x01, 0x03, 0x24, 0x00]); // "AQMkA..."
const CONVERSATION_PREFIX = Buffer.from([0x00, 0x04, 0x24, 0x00]); // "AAQkA..."
const KIND_MARKER: Record<ItemKind, number> = { message: 0x46, folder: 0x2e };
const GUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const sha = (text: string) => createHash('sha256').update(text).digest();

/** A 16-byte key standing for the mailbox's store, repeated in every id of the mailbox. */
export const mailboxKey = (guid: string): Buffer => sha(`mailbox:${guid.toLowerCase()}`).subarray(0, 16);

export const toRestId = (bytes: Buffer): string => bytes.toString('base64').replace(/\//g, '-').replace(/\+/g, '_');

function fromRestId(id: string): Buffer | null {
  if (!/^[A-Za-z0-9\-_+/]+={0,2}$/.test(id) || id.length % 4 !== 0) return null;
  return Buffer.from(id.replace(/-/g, '/').replace(/_/g, '+'), 'base64');
}

const check = (guid: string, kind: string, seq: number) => sha(`${guid}:${kind}:${seq}`).subarray(0, 2);

/** The id of a message or a (non-well-known) folder: the n-th item the mailbox has ever held. */
export function itemId(mailboxGuid: string, kind: ItemKind, seq: number): string {
  const guid = mailboxGuid.toLowerCase();
  const seqBytes = Buffer.alloc(4);
  seqBytes.writeUInt32BE(seq);
  return toRestId(
    Buffer.concat([
      ITEM_PREFIX,
      Buffer.from(guid, 'ascii'),
      Buffer.from([0x00, KIND_MARKER[kind], 0x00, 0x00, 0x00, 0x00]),
      mailboxKey(guid),
      Buffer.from([0x07, 0x00]),
      seqBytes,
      check(guid, kind, seq),
      Buffer.from([0x00, 0x00]),
    ]),
  );
}

export interface ParsedItemId {
  mailboxGuid: string;
  kind: ItemKind;
  seq: number;
}

const ITEM_ID_BYTES = 4 + 36 + 6 + 16 + 2 + 4 + 2 + 2;

/** The parts of an item id, or null when the string is not one (Graph's ErrorInvalidIdMalformed). */
export function parseItemId(id: string): ParsedItemId | null {
  const b = fromRestId(id);
  if (!b || b.length !== ITEM_ID_BYTES || !b.subarray(0, 4).equals(ITEM_PREFIX)) return null;
  const guid = b.subarray(4, 40).toString('ascii');
  if (!GUID_TEXT.test(guid)) return null;
  const kind = (Object.keys(KIND_MARKER) as ItemKind[]).find((k) => KIND_MARKER[k] === b[41]);
  if (!kind || !b.subarray(46, 62).equals(mailboxKey(guid))) return null;
  const seq = b.readUInt32BE(64);
  if (!b.subarray(68, 70).equals(check(guid, kind, seq))) return null;
  return { mailboxGuid: guid, kind, seq };
}

/** Exchange's ids of distinguished folders carry the folder's well-known code instead of a sequence. */
export function wellKnownFolderId(mailboxGuid: string, code: number): string {
  return toRestId(
    Buffer.concat([WELL_KNOWN_PREFIX, Buffer.from(mailboxGuid.toLowerCase(), 'ascii'), Buffer.from([0x00, 0x00, 0x02, 0x01, code, 0x00, 0x00, 0x00])]),
  );
}

export function parseWellKnownFolderId(id: string): { mailboxGuid: string; code: number } | null {
  const b = fromRestId(id);
  if (!b || b.length !== 48 || !b.subarray(0, 4).equals(WELL_KNOWN_PREFIX)) return null;
  const guid = b.subarray(4, 40).toString('ascii');
  if (!GUID_TEXT.test(guid) || b[42] !== 0x02 || b[43] !== 0x01) return null;
  return { mailboxGuid: guid, code: b[44] };
}

/** An attachment id extends its message's id, as Exchange's do; it stays valid only while the message keeps its id. */
export function attachmentId(messageId: string, n: number): string {
  const base = fromRestId(messageId)!;
  const tail = Buffer.alloc(9);
  tail.set([0x01, 0x12, 0x00, 0x10, 0x00]);
  tail.writeUInt32BE(n, 5);
  return toRestId(Buffer.concat([base, tail]));
}

/** The message id and number inside an attachment id, or null when malformed. */
export function parseAttachmentId(id: string): { messageId: string; n: number } | null {
  const b = fromRestId(id);
  if (!b || b.length !== ITEM_ID_BYTES + 9 || b[ITEM_ID_BYTES] !== 0x01 || b[ITEM_ID_BYTES + 1] !== 0x12) return null;
  const messageId = toRestId(b.subarray(0, ITEM_ID_BYTES));
  if (!parseItemId(messageId)) return null;
  return { messageId, n: b.readUInt32BE(ITEM_ID_BYTES + 5) };
}

/** A conversation as one mailbox sees it: the mailbox plus the thread's 16-byte GUID from the conversation index. */
export function conversationId(mailboxGuid: string, thread: Buffer): string {
  return toRestId(Buffer.concat([CONVERSATION_PREFIX, Buffer.from(mailboxGuid.toLowerCase(), 'ascii'), Buffer.from([0x00, 0x10, 0x00]), thread]));
}

/** Exchange's changeKey: a store marker and the item's change number; base64 as is (it is not a REST id). */
export function changeKey(mailboxGuid: string, changeNumber: number): string {
  const n = Buffer.alloc(4);
  n.writeUInt32BE(changeNumber);
  return Buffer.concat([Buffer.from([0x09, 0, 0, 0, 0x16, 0, 0, 0]), mailboxKey(mailboxGuid), n]).toString('base64');
}

/** A stable 16-byte thread GUID for a seeded conversation, or any other deterministic key. */
export const stableBytes = (key: string, length = 16): Buffer => sha(`stable:${key}`).subarray(0, length);
