// Mail actions: sendMail (202), sending a draft (202; the draft leaves Drafts, its sent copy lands in Sent
// Items), reply / replyAll / forward (202) and their create* variants that save a draft instead (201), move and
// copy (201 with the message under its new id: Exchange gives an item a new id in every folder it lands in).

import type { Mailbox, StoredMessage } from './model.js';
import { newInternetMessageId } from './store.js';
import type { GraphResponse } from '../../../graph/types.js';
import { EXCHANGE_DECIDES, findFolder, nowIso, openMailbox } from './access.js';
import { bodyRead, invalidRequest } from '../errors.js';
import { readMessageInput } from './message-input.js';
import { messageResponse } from './message-query.js';
import { bothPaths, messageOf } from './message-routes.js';
import { composeReply, readReplyRequest, saveAsDraft, type ReplyKind } from './reply.js';
import { submit, type Submission } from './submit.js';
import type { MailContext, MailRoute } from './route-types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sendMail(ctx: MailContext): GraphResponse {
  const { box } = openMailbox(ctx, 'send');
  const body = ctx.req.body;
  if (!isObject(body) || !isObject(body.message)) throw bodyRead("The request body must be a JSON object with a 'message' property.");
  const save = body.saveToSentItems;
  if (save !== undefined && typeof save !== 'boolean' && !/^(true|false)$/i.test(String(save))) {
    throw bodyRead("Cannot convert a primitive value to the expected type 'Edm.Boolean'. (parameter 'saveToSentItems')");
  }
  const input = readMessageInput(body.message);
  const now = nowIso();
  const s: Submission = {
    subject: input.subject ?? '',
    body: input.body ?? { contentType: 'text', content: '' },
    uniqueBody: null,
    toRecipients: input.toRecipients ?? [],
    ccRecipients: input.ccRecipients ?? [],
    bccRecipients: input.bccRecipients ?? [],
    replyTo: input.replyTo ?? [],
    from: input.from ?? null,
    importance: input.importance ?? 'normal',
    isDeliveryReceiptRequested: input.isDeliveryReceiptRequested ?? false,
    isReadReceiptRequested: input.isReadReceiptRequested ?? false,
    categories: input.categories ?? [],
    attachments: (input.attachments ?? []).map((a) => ({ ...a, lastModifiedDateTime: now })),
  };
  submit(ctx, box, s, { saveToSentItems: save === undefined ? true : String(save).toLowerCase() === 'true', now });
  return { status: 202 };
}

function draftAsSubmission(m: StoredMessage): Submission {
  return {
    subject: m.subject,
    body: m.body,
    uniqueBody: m.uniqueBody,
    toRecipients: m.toRecipients,
    ccRecipients: m.ccRecipients,
    bccRecipients: m.bccRecipients,
    replyTo: m.replyTo,
    from: m.from,
    importance: m.importance,
    isDeliveryReceiptRequested: m.isDeliveryReceiptRequested,
    isReadReceiptRequested: m.isReadReceiptRequested,
    categories: m.categories,
    attachments: m.attachments.map(({ id: _id, ...rest }) => rest),
    internetMessageId: m.internetMessageId,
    thread: m.thread,
    conversationIndex: m.conversationIndex,
  };
}

function sendDraft(ctx: MailContext): GraphResponse {
  const { box } = openMailbox(ctx, 'send');
  const m = messageOf(ctx, box);
  if (!m.isDraft) throw invalidRequest('Only a draft message can be sent.');
  submit(ctx, box, draftAsSubmission(m), { saveToSentItems: true, now: nowIso() });
  box.messages.delete(m.id);
  return { status: 202 };
}

function replyAction(kind: ReplyKind) {
  return (ctx: MailContext): GraphResponse => {
    const { box } = openMailbox(ctx, 'send');
    const original = messageOf(ctx, box);
    const now = nowIso();
    submit(ctx, box, composeReply(box, original, kind, readReplyRequest(ctx.req.body), now), { saveToSentItems: true, now });
    return { status: 202 };
  };
}

function createReplyDraft(kind: ReplyKind) {
  return (ctx: MailContext): GraphResponse => {
    const { box } = openMailbox(ctx, 'write');
    const original = messageOf(ctx, box);
    const now = nowIso();
    const draft = saveAsDraft(box, composeReply(box, original, kind, readReplyRequest(ctx.req.body), now), now, newInternetMessageId(box.owner.mail));
    return messageResponse(ctx, box, draft, false, 201);
  };
}

function destination(ctx: MailContext, box: Mailbox) {
  const body = ctx.req.body;
  const id = isObject(body) ? body.destinationId : undefined;
  if (typeof id !== 'string' || id.trim() === '') throw invalidRequest("The parameter 'destinationId' is required: a folder id or a well-known folder name.");
  return findFolder(box, id.trim());
}

function moveOrCopy(copy: boolean) {
  return (ctx: MailContext): GraphResponse => {
    const { box } = openMailbox(ctx, 'write');
    const m = messageOf(ctx, box);
    const target = destination(ctx, box);
    const now = nowIso();
    if (copy) return messageResponse(ctx, box, box.copyMessage(m, target.id, now), false, 201);
    // Moving within the same folder changes nothing; anywhere else the item is re-created under a new id.
    if (m.folderId !== target.id) box.reassignId(m);
    m.folderId = target.id;
    box.touch(m, now);
    const result = m;
    return messageResponse(ctx, box, result, false, 201);
  };
}

const action = (method: 'POST', suffix: string, params: readonly string[], handler: (ctx: MailContext) => GraphResponse) => bothPaths(suffix, { method, scopes: EXCHANGE_DECIDES, params, handler });
// Each action's parameters, as Graph declares them.
const REPLY = ['comment', 'message'];
const FORWARD = ['comment', 'toRecipients', 'message'];

export const actionRoutes: MailRoute[] = [
  { method: 'POST', path: '/users/{id}/sendMail', scopes: EXCHANGE_DECIDES, params: ['message', 'saveToSentItems'], handler: sendMail },
  ...action('POST', '/{mid}/send', [], sendDraft),
  ...action('POST', '/{mid}/reply', REPLY, replyAction('reply')),
  ...action('POST', '/{mid}/replyAll', REPLY, replyAction('replyAll')),
  ...action('POST', '/{mid}/forward', FORWARD, replyAction('forward')),
  ...action('POST', '/{mid}/createReply', REPLY, createReplyDraft('reply')),
  ...action('POST', '/{mid}/createReplyAll', REPLY, createReplyDraft('replyAll')),
  ...action('POST', '/{mid}/createForward', FORWARD, createReplyDraft('forward')),
  ...action('POST', '/{mid}/move', ['destinationId'], moveOrCopy(false)),
  ...action('POST', '/{mid}/copy', ['destinationId'], moveOrCopy(true)),
];
