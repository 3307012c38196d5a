// $search on messages as Exchange's mailbox search reads it, over the sandbox's KQL engine (../../../kql): bare
// words and "phrases" look in from, subject and body; restrictions name from:, to:, cc:, bcc:, recipients:,
// participants:, subject:, body:, attachment:, hasattachments:, importance:, category:, received>=, sent<, size>.

import { compareDates, compareNumbers, evaluateKql, type KqlSubject, matchesAny, parseKql } from '../../../kql/kql.js';
import { htmlToText } from '../html.js';
import type { Recipient, StoredMessage } from './model.js';

export function compileMessageSearch(raw: string): (m: StoredMessage) => boolean {
  const tree = parseKql(unwrap(raw), (name) => PROPERTIES.has(name));
  return tree ? (m) => evaluateKql(tree, subjectOf(m)) : () => true;
}

/** $search="..." arrives with its outer quotes; inner quotes are escaped as \". */
function unwrap(raw: string): string {
  const s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"') && !/(?<!\\)"/.test(s.slice(1, -1))) return s.slice(1, -1).replace(/\\"/g, '"');
  return s.replace(/\\"/g, '"');
}

const people = (rs: (Recipient | null)[]) => rs.filter((r): r is Recipient => !!r).flatMap((r) => [r.emailAddress.name, r.emailAddress.address]);
const bodyText = (m: StoredMessage) => (m.body.contentType === 'html' ? htmlToText(m.body.content) : m.body.content);

const TEXT_PROPERTIES: Record<string, (m: StoredMessage) => string[]> = {
  from: (m) => people([m.from]),
  to: (m) => people(m.toRecipients),
  cc: (m) => people(m.ccRecipients),
  bcc: (m) => people(m.bccRecipients),
  recipients: (m) => people([...m.toRecipients, ...m.ccRecipients, ...m.bccRecipients]),
  participants: (m) => people([m.from, ...m.toRecipients, ...m.ccRecipients, ...m.bccRecipients]),
  subject: (m) => [m.subject],
  body: (m) => [bodyText(m)],
  attachment: (m) => m.attachments.map((a) => a.name),
  attachments: (m) => m.attachments.map((a) => a.name),
  category: (m) => m.categories,
  categories: (m) => m.categories,
};
const PROPERTIES = new Set([...Object.keys(TEXT_PROPERTIES), 'hasattachment', 'hasattachments', 'importance', 'kind', 'received', 'sent', 'size', 'isread']);

/** A message as KQL sees it: bare words in subject, body and sender. */
const subjectOf = (m: StoredMessage): KqlSubject => ({
  defaults: [m.subject, bodyText(m), ...people([m.from])],
  restriction: (prop, op, value, phrase) => restriction({ prop, op, value, phrase }, m),
});

function restriction(n: { prop: string; op: string; value: string; phrase: boolean }, m: StoredMessage): boolean {
  const v = n.value.toLowerCase();
  const text = TEXT_PROPERTIES[n.prop];
  if (text) return matchesAny(text(m), n.value, n.phrase);
  switch (n.prop) {
    case 'hasattachment':
    case 'hasattachments':
      return m.attachments.some((a) => !a.isInline) === (v === 'true' || v === 'yes');
    case 'isread':
      return m.isRead === (v === 'true' || v === 'yes');
    case 'importance':
      return m.importance === (v === 'medium' ? 'normal' : v);
    case 'kind':
      return v === 'email' || v === 'emails';
    case 'size':
      return compareNumbers(m.attachments.reduce((s, a) => s + a.bytes.length, Buffer.byteLength(m.body.content)), n.op, Number(v));
    case 'received':
    case 'sent':
      return compareDates(n.prop === 'received' ? m.receivedDateTime : m.sentDateTime, n.op, v);
  }
  return false;
}
