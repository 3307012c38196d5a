// Reading a message from a request body (create a draft, update, sendMail, the `message` of reply and forward):
// each property checked for its JSON type as Graph's OData reader does (RequestBodyRead on a mismatch), enum
// values in any letter case, file attachments decoded from base64. What the caller may change depends on
// whether the message is still a draft (applyMessageInput).

import { wrapHtml } from '../html.js';
import type { FollowupFlag, Importance, ItemBody, Mailbox, Recipient, StoredMessage } from './model.js';
import type { MailStore } from './store.js';
import { bodyRead, sentMessageReadOnly } from '../errors.js';

export interface NewAttachment {
  name: string;
  contentType: string;
  bytes: Buffer;
  isInline: boolean;
  contentId: string | null;
}

export interface MessageInput {
  subject?: string;
  body?: ItemBody;
  toRecipients?: Recipient[];
  ccRecipients?: Recipient[];
  bccRecipients?: Recipient[];
  replyTo?: Recipient[];
  from?: Recipient | null;
  importance?: Importance;
  isRead?: boolean;
  isDeliveryReceiptRequested?: boolean;
  isReadReceiptRequested?: boolean;
  inferenceClassification?: 'focused' | 'other';
  categories?: string[];
  flag?: { flagStatus: FollowupFlag['flagStatus']; dueDateTime?: FollowupFlag['dueDateTime']; startDateTime?: FollowupFlag['startDateTime'] };
  attachments?: NewAttachment[];
  internetMessageHeaders?: { name: string; value: string }[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function enumValue<T extends string>(v: unknown, allowed: readonly T[], type: string): T {
  const hit = typeof v === 'string' ? allowed.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
  if (!hit) throw bodyRead(`Cannot convert the literal '${String(v)}' to the expected type '${type}'.`);
  return hit;
}

function typed<T>(v: unknown, check: (x: unknown) => boolean, edm: string, prop: string): T {
  if (!check(v)) throw bodyRead(`Cannot convert a primitive value to the expected type '${edm}'. See the inner exception for more details. (property '${prop}')`);
  return v as T;
}

export function readRecipient(v: unknown, prop: string): Recipient {
  if (!isObject(v) || !isObject(v.emailAddress)) throw bodyRead(`The property '${prop}' must hold recipients of the form {"emailAddress": {"address": "..."}}.`);
  const address = v.emailAddress.address ?? '';
  const name = v.emailAddress.name ?? '';
  if (typeof address !== 'string' || typeof name !== 'string') throw bodyRead(`Cannot convert a primitive value to the expected type 'Edm.String'. (property '${prop}')`);
  return { emailAddress: { name, address: address.trim() } };
}

export function readRecipients(v: unknown, prop: string): Recipient[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw bodyRead(`A node of type 'StartObject' was read from the JSON reader when trying to read the start of an array; '${prop}' is a collection.`);
  return v.map((r) => readRecipient(r, prop));
}

export function readAttachment(v: unknown): NewAttachment {
  if (!isObject(v)) throw bodyRead('An attachment must be a JSON object.');
  const type = String(v['@odata.type'] ?? '').replace(/^#/, '').toLowerCase();
  if (type !== 'microsoft.graph.fileattachment') {
    throw bodyRead(`The sandbox accepts only '#microsoft.graph.fileAttachment' attachments; got '${String(v['@odata.type'] ?? '(none)')}'.`);
  }
  const name = typed<string>(v.name, (x) => typeof x === 'string' && x.length > 0, 'Edm.String', 'name');
  const b64 = typed<string>(v.contentBytes, (x) => typeof x === 'string', 'Edm.Binary', 'contentBytes');
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}$/.test(b64)) throw bodyRead("The value of the property 'contentBytes' is not valid base64.");
  return {
    name,
    contentType: typeof v.contentType === 'string' && v.contentType ? v.contentType : 'application/octet-stream',
    bytes: Buffer.from(b64, 'base64'),
    isInline: v.isInline === true,
    contentId: typeof v.contentId === 'string' ? v.contentId : null,
  };
}

export function readMessageInput(raw: unknown): MessageInput {
  if (raw === undefined) return {};
  if (!isObject(raw)) throw bodyRead('The request body must be a JSON object describing a message.');
  const out: MessageInput = {};
  const str = (k: string) => typed<string>(raw[k], (x) => typeof x === 'string', 'Edm.String', k);
  const bool = (k: string) => typed<boolean>(raw[k], (x) => typeof x === 'boolean', 'Edm.Boolean', k);
  if ('subject' in raw) out.subject = raw.subject === null ? '' : str('subject');
  if ('body' in raw && raw.body !== null) {
    const b = raw.body;
    if (!isObject(b)) throw bodyRead("The property 'body' must be an itemBody object.");
    const contentType = b.contentType === undefined ? 'text' : enumValue(b.contentType, ['text', 'html'] as const, 'microsoft.graph.bodyType');
    const content = typed<string>(b.content ?? '', (x) => typeof x === 'string', 'Edm.String', 'content');
    // Exchange stores HTML as a whole document; a fragment gets its <html><head><body> around it.
    out.body = { contentType, content: contentType === 'html' && !/<html[\s>]/i.test(content) ? wrapHtml(content) : content };
  }
  for (const k of ['toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo'] as const) if (k in raw) out[k] = readRecipients(raw[k], k);
  if ('from' in raw) out.from = raw.from === null ? null : readRecipient(raw.from, 'from');
  if ('importance' in raw) out.importance = enumValue(raw.importance, ['low', 'normal', 'high'] as const, 'microsoft.graph.importance');
  if ('inferenceClassification' in raw) {
    out.inferenceClassification = enumValue(raw.inferenceClassification, ['focused', 'other'] as const, 'microsoft.graph.inferenceClassificationType');
  }
  for (const k of ['isRead', 'isDeliveryReceiptRequested', 'isReadReceiptRequested'] as const) if (k in raw) out[k] = bool(k);
  if ('categories' in raw) {
    out.categories = typed<string[]>(raw.categories, (x) => Array.isArray(x) && x.every((c) => typeof c === 'string'), 'Collection(Edm.String)', 'categories');
  }
  if ('flag' in raw) {
    const f = raw.flag;
    if (!isObject(f)) throw bodyRead("The property 'flag' must be a followupFlag object.");
    out.flag = {
      flagStatus: enumValue(f.flagStatus ?? 'notFlagged', ['notFlagged', 'flagged', 'complete'] as const, 'microsoft.graph.followupFlagStatus'),
      dueDateTime: isObject(f.dueDateTime) ? (f.dueDateTime as unknown as FollowupFlag['dueDateTime']) : undefined,
      startDateTime: isObject(f.startDateTime) ? (f.startDateTime as unknown as FollowupFlag['startDateTime']) : undefined,
    };
  }
  if ('attachments' in raw) {
    if (!Array.isArray(raw.attachments)) throw bodyRead("The property 'attachments' is a collection.");
    out.attachments = raw.attachments.map(readAttachment);
  }
  if ('internetMessageHeaders' in raw) {
    const hs = raw.internetMessageHeaders;
    if (!Array.isArray(hs) || !hs.every((h) => isObject(h) && typeof h.name === 'string' && typeof h.value === 'string')) {
      throw bodyRead("The property 'internetMessageHeaders' must be a collection of {name, value}.");
    }
    out.internetMessageHeaders = hs as { name: string; value: string }[];
  }
  return out;
}

/** Properties Exchange lets a client change on a message that is no longer a draft. */
const ALWAYS_UPDATABLE = new Set(['isRead', 'categories', 'flag', 'importance', 'inferenceClassification', 'isDeliveryReceiptRequested', 'isReadReceiptRequested']);

/** Flag dates as Exchange fills them when a client only sets the status. */
export function flagOf(input: NonNullable<MessageInput['flag']>, now: string): FollowupFlag {
  const today = { dateTime: `${now.slice(0, 10)}T00:00:00.0000000`, timeZone: 'UTC' };
  if (input.flagStatus === 'flagged') return { flagStatus: 'flagged', startDateTime: input.startDateTime ?? today, dueDateTime: input.dueDateTime ?? today };
  if (input.flagStatus === 'complete') return { flagStatus: 'complete', completedDateTime: { dateTime: `${now.slice(0, 19)}.0000000`, timeZone: 'UTC' } };
  return { flagStatus: 'notFlagged' };
}

export function applyMessageInput(store: MailStore, box: Mailbox, m: StoredMessage, input: MessageInput, now: string): void {
  if (!m.isDraft && Object.keys(input).some((k) => !ALWAYS_UPDATABLE.has(k))) throw sentMessageReadOnly();
  const norm = (rs: Recipient[]) => rs.map((r) => (r.emailAddress.address ? store.normalize(r.emailAddress) : r));
  if (input.subject !== undefined) m.subject = input.subject;
  if (input.body) {
    m.body = input.body;
    m.uniqueBody = null;
  }
  for (const k of ['toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo'] as const) if (input[k]) m[k] = norm(input[k]!);
  if (input.from !== undefined) m.from = input.from && input.from.emailAddress.address ? store.normalize(input.from.emailAddress) : null;
  if (input.importance) m.importance = input.importance;
  if (input.inferenceClassification) m.inferenceClassification = input.inferenceClassification;
  if (input.isRead !== undefined) m.isRead = input.isRead;
  if (input.isDeliveryReceiptRequested !== undefined) m.isDeliveryReceiptRequested = input.isDeliveryReceiptRequested;
  if (input.isReadReceiptRequested !== undefined) m.isReadReceiptRequested = input.isReadReceiptRequested;
  if (input.categories) m.categories = [...input.categories];
  if (input.flag) m.flag = flagOf(input.flag, now);
  if (input.internetMessageHeaders) m.internetMessageHeaders = input.internetMessageHeaders.map((h) => ({ ...h }));
  for (const a of input.attachments ?? []) box.addAttachment(m, { ...a, lastModifiedDateTime: now });
  box.touch(m, now);
}
