// Composing replies and forwards from Graph's action bodies ({comment, message, toRecipients}): recipients as
// Outlook picks them, "RE: "/"FW: " on the conversation topic, the comment above the quoted original, the same
// conversation (thread GUID, index one level deeper). A forward carries the original's attachments; a reply
// keeps only inline ones (the pictures its quoted body shows).

import { childConversationIndex, forwardSubject, quotedBody, replyAllRecipients, replyRecipients, replySubject } from './compose.js';
import { escapeHtml, innerBody, wrapHtml } from '../html.js';
import type { Mailbox, Recipient, StoredMessage } from './model.js';
import { bodyRead } from '../errors.js';
import { readMessageInput, readRecipients, type MessageInput } from './message-input.js';
import type { Submission } from './submit.js';

export type ReplyKind = 'reply' | 'replyAll' | 'forward';

export interface ReplyRequest {
  comment?: string;
  message?: MessageInput;
  toRecipients?: Recipient[];
}

export function readReplyRequest(raw: unknown): ReplyRequest {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bodyRead('The request body must be a JSON object.');
  const b = raw as Record<string, unknown>;
  const out: ReplyRequest = {};
  if (b.comment !== undefined && b.comment !== null) {
    if (typeof b.comment !== 'string') throw bodyRead("Cannot convert a primitive value to the expected type 'Edm.String'. (parameter 'comment')");
    out.comment = b.comment;
  }
  if (b.message !== undefined && b.message !== null) out.message = readMessageInput(b.message);
  if (b.toRecipients !== undefined) out.toRecipients = readRecipients(b.toRecipients, 'toRecipients');
  return out;
}

/** The new text as an HTML fragment: the comment (plain text) or the body of the given message. */
function newText(req: ReplyRequest): string {
  if (req.comment !== undefined) return escapeHtml(req.comment).replace(/\r?\n/g, '<br>');
  const body = req.message?.body;
  if (!body) return '';
  return body.contentType === 'html' ? innerBody(body.content) : escapeHtml(body.content).replace(/\r?\n/g, '<br>');
}

export function composeReply(box: Mailbox, original: StoredMessage, kind: ReplyKind, req: ReplyRequest, now: string): Submission {
  const msg = req.message ?? {};
  let to: Recipient[];
  let cc: Recipient[] = [];
  if (kind === 'reply') to = replyRecipients(original);
  else if (kind === 'replyAll') ({ to, cc } = replyAllRecipients(original, box));
  else to = req.toRecipients ?? [];
  const fragment = newText(req);
  return {
    subject: msg.subject ?? (kind === 'forward' ? forwardSubject : replySubject)(original.subject),
    body: { contentType: 'html', content: quotedBody(fragment, original) },
    uniqueBody: { contentType: 'html', content: wrapHtml(fragment) },
    toRecipients: msg.toRecipients ?? to,
    ccRecipients: msg.ccRecipients ?? cc,
    bccRecipients: msg.bccRecipients ?? [],
    replyTo: msg.replyTo ?? [],
    from: msg.from ?? null,
    importance: msg.importance ?? 'normal',
    isDeliveryReceiptRequested: msg.isDeliveryReceiptRequested ?? false,
    isReadReceiptRequested: msg.isReadReceiptRequested ?? false,
    categories: msg.categories ?? [],
    attachments: [
      ...original.attachments.filter((a) => kind === 'forward' || a.isInline).map(({ id: _id, ...rest }) => ({ ...rest, lastModifiedDateTime: now })),
      ...(msg.attachments ?? []).map((a) => ({ ...a, lastModifiedDateTime: now })),
    ],
    thread: original.thread,
    conversationIndex: childConversationIndex(original.conversationIndex, now),
  };
}

/** A submission saved as a draft in Drafts (createReply, createReplyAll, createForward). */
export function saveAsDraft(box: Mailbox, s: Submission, now: string, internetMessageId: string): StoredMessage {
  const m = box.blankMessage(box.wellKnown('drafts').id, now, s.thread!, s.conversationIndex!, internetMessageId);
  Object.assign(m, {
    subject: s.subject,
    body: s.body,
    uniqueBody: s.uniqueBody,
    toRecipients: s.toRecipients,
    ccRecipients: s.ccRecipients,
    bccRecipients: s.bccRecipients,
    replyTo: s.replyTo,
    importance: s.importance,
    categories: s.categories,
  });
  for (const a of s.attachments) box.addAttachment(m, { ...a, lastModifiedDateTime: now });
  return m;
}
