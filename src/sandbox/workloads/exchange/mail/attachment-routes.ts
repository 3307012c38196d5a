// Attachments of a message: list and get (fileAttachment with contentBytes), the raw bytes at $value, adding a
// file of up to 3 MB in one POST, deleting one, and creating an upload session for larger files (upload.ts).
// Mail.ReadBasic does not reach attachments.

import { parseAttachmentId } from '../ids/mail.js';
import type { Mailbox, StoredAttachment, StoredMessage } from './model.js';
import { readOptions } from '../../../odata/options.js';
import { METADATA } from '../../../odata/query.js';
import { GraphError, type GraphResponse } from '../../../graph/types.js';
import { EXCHANGE_DECIDES, nowIso, openMailbox } from './access.js';
import { idMalformed, itemNotFound } from '../errors.js';
import { readAttachment } from './message-input.js';
import { attachmentJson, resolveAttachmentProperty } from './message-json.js';
import { bothPaths, messageOf } from './message-routes.js';
import { createUploadSession } from './upload.js';
import type { MailContext, MailRoute } from './route-types.js';

/** The largest file Graph accepts in one POST; larger ones go through an upload session. */
export const INLINE_ATTACHMENT_LIMIT = 3 * 1024 * 1024;

function attachmentOf(ctx: MailContext, m: StoredMessage): StoredAttachment {
  const parsed = parseAttachmentId(ctx.params.aid);
  if (!parsed) throw idMalformed();
  const a = parsed.messageId === m.id ? m.attachments.find((x) => x.id === ctx.params.aid) : undefined;
  if (!a) throw itemNotFound();
  return a;
}

function openForAttachments(ctx: MailContext, write: boolean): { box: Mailbox; m: StoredMessage } {
  const { box } = openMailbox(ctx, write ? 'write' : 'read');
  return { box, m: messageOf(ctx, box) };
}

const context = (ctx: MailContext) => `${METADATA}#users('${ctx.params.id}')/messages('${ctx.params.mid}')/attachments`;

const selectOf = (ctx: MailContext) => {
  const raw = readOptions(ctx.req).get('$select');
  return raw === undefined || raw.trim() === '' ? undefined : raw.split(',').filter((s) => s.trim()).map(resolveAttachmentProperty);
};

function list(ctx: MailContext): GraphResponse {
  const { m } = openForAttachments(ctx, false);
  const select = selectOf(ctx);
  return { status: 200, body: { '@odata.context': `${context(ctx)}${select ? `(${select.join(',')})` : ''}`, value: m.attachments.map((a) => attachmentJson(a, select)) } };
}

function add(ctx: MailContext): GraphResponse {
  const { box, m } = openForAttachments(ctx, true);
  const input = readAttachment(ctx.req.body);
  if (input.bytes.length > INLINE_ATTACHMENT_LIMIT) {
    throw new GraphError(413, 'ErrorRequestEntityTooLarge', 'The attachment is larger than 3 MB. Use createUploadSession to attach files of 3 MB to 150 MB.');
  }
  const now = nowIso();
  const a = box.addAttachment(m, { ...input, lastModifiedDateTime: now });
  box.touch(m, now);
  return { status: 201, body: { '@odata.context': `${context(ctx)}/$entity`, ...attachmentJson(a) } };
}

export const attachmentRoutes: MailRoute[] = [
  ...bothPaths('/{mid}/attachments', { method: 'GET', scopes: EXCHANGE_DECIDES, handler: list }),
  ...bothPaths('/{mid}/attachments', { method: 'POST', scopes: EXCHANGE_DECIDES, handler: add }),
  ...bothPaths('/{mid}/attachments/{aid}', {
    method: 'GET',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { m } = openForAttachments(ctx, false);
      return { status: 200, body: { '@odata.context': `${context(ctx)}/$entity`, ...attachmentJson(attachmentOf(ctx, m), selectOf(ctx)) } };
    },
  }),
  ...bothPaths('/{mid}/attachments/{aid}/$value', {
    method: 'GET',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { m } = openForAttachments(ctx, false);
      const a = attachmentOf(ctx, m);
      return { status: 200, headers: { 'Content-Type': a.contentType }, body: a.bytes };
    },
  }),
  ...bothPaths('/{mid}/attachments/{aid}', {
    method: 'DELETE',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box, m } = openForAttachments(ctx, true);
      const a = attachmentOf(ctx, m);
      m.attachments = m.attachments.filter((x) => x !== a);
      box.touch(m, nowIso());
      return { status: 204 };
    },
  }),
  ...bothPaths('/{mid}/attachments/createUploadSession', {
    method: 'POST',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box, m } = openForAttachments(ctx, true);
      return createUploadSession(ctx, box, m);
    },
  }),
];
