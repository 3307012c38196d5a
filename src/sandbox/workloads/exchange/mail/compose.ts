// How Outlook threads a reply or a forward: the subject gets one "RE: " or "FW: " in front of the conversation
// topic, the conversation index grows by five bytes, and the body is the new text above a separator, a header
// block (From, Sent, To, Cc, Subject) and the original body. Used by the seed and by Graph's reply actions alike.

import type { Mailbox, Recipient, StoredMessage } from './model.js';
import { escapeHtml, innerBody, textToHtml, wrapHtml } from '../html.js';

// Prefixes clients put in front of a topic: English, German (AW/WG), French (TR), and Japanese/Chinese variants.
const PREFIX = /^\s*((re|fw|fwd|aw|wg|tr|回复|転送|返信)\s*[:：]\s*)+/i;

/** The conversation topic: the subject without any reply or forward prefixes. */
export const conversationTopic = (subject: string): string => subject.replace(PREFIX, '');

export const replySubject = (subject: string): string => `RE: ${conversationTopic(subject)}`;
export const forwardSubject = (subject: string): string => `FW: ${conversationTopic(subject)}`;

/** 100-nanosecond intervals since 1601 (FILETIME), which conversation indexes are made of. */
const fileTime = (iso: string): bigint => BigInt(Date.parse(iso)) * 10_000n + 116_444_736_000_000_000n;

/** The index of a conversation's first message: a reserved byte, the time's high 40 bits, the thread GUID. */
export function rootConversationIndex(thread: Buffer, iso: string): Buffer {
  const head = Buffer.alloc(6);
  head[0] = 0x01;
  const t = fileTime(iso) >> 24n;
  for (let i = 0; i < 5; i++) head[1 + i] = Number((t >> BigInt(8 * (4 - i))) & 0xffn);
  return Buffer.concat([head, thread]);
}

/** A reply's index: the parent's plus a five-byte block derived from the time elapsed since the root. */
export function childConversationIndex(parent: Buffer, iso: string): Buffer {
  const block = Buffer.alloc(5);
  const delta = (fileTime(iso) >> 18n) & 0xffffffffn;
  block.writeUInt32BE(Number(delta), 0);
  block[4] = parent.length & 0xff;
  return Buffer.concat([parent, block]);
}

const who = (r: Recipient) => `${escapeHtml(r.emailAddress.name)} &lt;${escapeHtml(r.emailAddress.address)}&gt;`;

/** "Monday, November 16, 2026 9:14 AM", the way Outlook writes the Sent line (in UTC here). */
export function outlookDate(iso: string): string {
  const d = new Date(iso);
  const date = d.toLocaleDateString('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const time = d.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  return `${date} ${time}`;
}

/** The separator and header block Outlook puts above the quoted original. */
export function quoteHeader(original: StoredMessage): string {
  const lines = [
    `<b>From:</b> ${original.from ? who(original.from) : ''}`,
    `<b>Sent:</b> ${outlookDate(original.sentDateTime ?? original.createdDateTime)}`,
    `<b>To:</b> ${original.toRecipients.map(who).join('; ')}`,
    ...(original.ccRecipients.length ? [`<b>Cc:</b> ${original.ccRecipients.map(who).join('; ')}`] : []),
    `<b>Subject:</b> ${escapeHtml(original.subject)}`,
  ];
  return `<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">${lines.join('<br>\r\n')}</font><div>&nbsp;</div></div>`;
}

/** The body of a reply or forward: the new text (HTML fragment) above the quoted original. */
export function quotedBody(commentHtml: string, original: StoredMessage): string {
  const originalHtml = original.body.contentType === 'html' ? innerBody(original.body.content) : innerBody(textToHtml(original.body.content));
  return wrapHtml(`<div dir="ltr">${commentHtml}</div>\r\n<div id="appendonsend"></div>\r\n${quoteHeader(original)}\r\n<div>${originalHtml}</div>`);
}

const sameAddress = (a: Recipient, address: string) => a.emailAddress.address.toLowerCase() === address.toLowerCase();

/** Who a reply goes to: the original's Reply-To when set, else its sender. */
export function replyRecipients(original: StoredMessage): Recipient[] {
  const to = original.replyTo.length ? original.replyTo : original.from ? [original.from] : [];
  return to.map((r) => ({ emailAddress: { ...r.emailAddress } }));
}

/** Reply all: the sender plus the original To and Cc, without the replying mailbox itself and without duplicates. */
export function replyAllRecipients(original: StoredMessage, box: Mailbox): { to: Recipient[]; cc: Recipient[] } {
  const seen = new Set<string>([box.owner.mail.toLowerCase()]);
  const keep = (list: Recipient[]) =>
    list.filter((r) => {
      const a = r.emailAddress.address.toLowerCase();
      if (seen.has(a)) return false;
      seen.add(a);
      return true;
    });
  const base = replyRecipients(original);
  // Replying to one's own sent message goes to its recipients, as Outlook does.
  const mine = base.length > 0 && base.every((r) => sameAddress(r, box.owner.mail));
  const to = keep(mine ? original.toRecipients : [...base, ...original.toRecipients]);
  const cc = keep(original.ccRecipients);
  return { to: to.map((r) => ({ emailAddress: { ...r.emailAddress } })), cc: cc.map((r) => ({ emailAddress: { ...r.emailAddress } })) };
}
