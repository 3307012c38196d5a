// Messages as resources: list and count (the whole mailbox or one folder), get (also as MIME at $value), create a
// draft, update, delete. Every route exists both under /messages and under /mailFolders/{fid}/messages, as in
// Graph. DELETE moves a
// message out of sight into Recoverable Items (Deletions), as Exchange's soft delete does; permanentDelete
// removes it for good.

import { randomBytes } from 'node:crypto';
import { rootConversationIndex } from './compose.js';
import type { Mailbox } from './model.js';
import { newInternetMessageId } from './store.js';
import type { GraphResponse } from '../../../graph/types.js';
import { EXCHANGE_DECIDES, findFolder, findMessage, nowIso, openMailbox } from './access.js';
import { itemNotFound } from '../errors.js';
import { applyMessageInput, readMessageInput } from './message-input.js';
import { countMessages, listMessages, messageResponse, type MessageCollection } from './message-query.js';
import { toMime } from './mime.js';
import type { MailContext, MailRoute } from './route-types.js';

/** A route under /messages/... and the same under /mailFolders/{fid}/messages/... */
export function bothPaths(suffix: string, def: Omit<MailRoute, 'path'>): MailRoute[] {
  return [
    { ...def, path: `/users/{id}/messages${suffix}` },
    { ...def, path: `/users/{id}/mailFolders/{fid}/messages${suffix}` },
  ];
}

/** The message a route names; a folder in the path must exist, as Graph resolves it first. */
export function messageOf(ctx: MailContext, box: Mailbox) {
  if (ctx.params.fid !== undefined) findFolder(box, ctx.params.fid);
  const m = findMessage(box, ctx.params.mid);
  // A deleted message (in Recoverable Items, outside the folder tree) is gone for /messages/{id}: Graph answers
  // 404 to reading or deleting it again. Only its folder's own path still reaches it.
  if (ctx.params.fid === undefined && !box.isUnderRoot(m.folderId)) throw itemNotFound();
  return m;
}

function collection(ctx: MailContext, nested: boolean): MessageCollection {
  const { box, basicOnly } = openMailbox(ctx, 'readBasic');
  const user = `users('${ctx.params.id}')`;
  if (ctx.params.fid === undefined) {
    const items = [...box.messages.values()].filter((m) => box.isUnderRoot(m.folderId));
    return { box, items, contextPath: `${user}/messages`, basicOnly };
  }
  const parent = findFolder(box, ctx.params.fid);
  const folder = nested ? findFolder(box, ctx.params.cid) : parent;
  const contextPath = nested ? `${user}/mailFolders('${ctx.params.fid}')/childFolders('${ctx.params.cid}')/messages` : `${user}/mailFolders('${ctx.params.fid}')/messages`;
  return { box, items: box.messagesIn(folder.id), contextPath, basicOnly };
}

function createDraft(ctx: MailContext): GraphResponse {
  const { box } = openMailbox(ctx, 'write');
  const folder = ctx.params.fid === undefined ? box.wellKnown('drafts') : findFolder(box, ctx.params.fid);
  const input = readMessageInput(ctx.req.body);
  const now = nowIso();
  const thread = randomBytes(16);
  const m = box.blankMessage(folder.id, now, thread, rootConversationIndex(thread, now), newInternetMessageId(box.owner.mail));
  applyMessageInput(ctx.state, box, m, input, now);
  return messageResponse(ctx, box, m, false, 201);
}

export const messageRoutes: MailRoute[] = [
  { method: 'GET', path: '/users/{id}/messages', scopes: EXCHANGE_DECIDES, handler: (ctx) => listMessages(ctx, collection(ctx, false)) },
  { method: 'GET', path: '/users/{id}/messages/$count', scopes: EXCHANGE_DECIDES, handler: (ctx) => countMessages(ctx, collection(ctx, false)) },
  { method: 'GET', path: '/users/{id}/mailFolders/{fid}/messages', scopes: EXCHANGE_DECIDES, handler: (ctx) => listMessages(ctx, collection(ctx, false)) },
  {
    method: 'GET',
    path: '/users/{id}/mailFolders/{fid}/messages/$count',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => countMessages(ctx, collection(ctx, false)),
  },
  {
    method: 'GET',
    path: '/users/{id}/mailFolders/{fid}/childFolders/{cid}/messages',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => listMessages(ctx, collection(ctx, true)),
  },
  { method: 'POST', path: '/users/{id}/messages', scopes: EXCHANGE_DECIDES, handler: createDraft },
  { method: 'POST', path: '/users/{id}/mailFolders/{fid}/messages', scopes: EXCHANGE_DECIDES, handler: createDraft },
  ...bothPaths('/{mid}', {
    method: 'GET',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box, basicOnly } = openMailbox(ctx, 'readBasic');
      return messageResponse(ctx, box, messageOf(ctx, box), basicOnly);
    },
  }),
  ...bothPaths('/{mid}/$value', {
    method: 'GET',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box } = openMailbox(ctx, 'read');
      return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: toMime(messageOf(ctx, box)) };
    },
  }),
  ...bothPaths('/{mid}', {
    method: 'PATCH',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box } = openMailbox(ctx, 'write');
      const m = messageOf(ctx, box);
      applyMessageInput(ctx.state, box, m, readMessageInput(ctx.req.body), nowIso());
      return messageResponse(ctx, box, m, false);
    },
  }),
  ...bothPaths('/{mid}', {
    method: 'DELETE',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box } = openMailbox(ctx, 'write');
      const m = messageOf(ctx, box);
      m.folderId = box.wellKnown('recoverableitemsdeletions').id;
      box.touch(m, nowIso());
      return { status: 204 };
    },
  }),
  ...bothPaths('/{mid}/permanentDelete', {
    method: 'POST',
    scopes: EXCHANGE_DECIDES,
    handler: (ctx) => {
      const { box } = openMailbox(ctx, 'write');
      box.messages.delete(messageOf(ctx, box).id);
      return { status: 204 };
    },
  }),
];
