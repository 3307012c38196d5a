// Reacting to a message through Graph v1.0: setReaction and unsetReaction on a channel message, a reply, and a chat
// message (204, the reaction a Unicode emoji or one of Teams' named ones). Reacting needs the send permission of
// the place (ChannelMessage.Send, ChatMessage.Send) and changes the message's lastModifiedDateTime, as Teams does.

import type { GraphResponse, RouteContext, RouteDef } from '../../graph/types.js';
import { channel, chat, rootMessage, SCOPES } from './access.js';
import { badRequest, messageNotFound } from './errors.js';
import type { StoredMessage, TeamsState } from './model.js';

type Ctx = RouteContext<TeamsState>;

function react(ctx: Ctx, message: StoredMessage, set: boolean): GraphResponse {
  const body = ctx.req.body as { reactionType?: unknown } | undefined;
  const type = typeof body?.reactionType === 'string' ? body.reactionType.trim() : '';
  if (!type) throw badRequest('reactionType is required.');
  if (message.deletedMs !== null || message.messageType !== 'message') throw messageNotFound();
  const me = ctx.principal.user.id;
  const mine = message.reactions.findIndex((r) => r.userId === me && r.reactionType === type);
  const now = Date.now();
  if (set && mine < 0) message.reactions.push({ reactionType: type, displayName: null, createdMs: now, userId: me });
  if (!set && mine >= 0) message.reactions.splice(mine, 1);
  message.modifiedMs = Math.max(now, message.modifiedMs);
  return { status: 204 };
}

const channelReply = (ctx: Ctx) => {
  const c = channel(ctx).channel;
  const root = rootMessage(ctx, c);
  const reply = c.messages.find((m) => m.replyToId === root.id && m.id === ctx.params.replyId);
  if (!reply) throw messageNotFound();
  return reply;
};

const chatMessage = (ctx: Ctx) => {
  const m = chat(ctx).messages.find((x) => x.id === ctx.params.messageId);
  if (!m) throw messageNotFound();
  return m;
};

const base = '/teams/{teamId}/channels/{channelId}/messages/{messageId}';

export const reactionRoutes: RouteDef<TeamsState>[] = (['setReaction', 'unsetReaction'] as const).flatMap((action): RouteDef<TeamsState>[] => {
  const set = action === 'setReaction';
  return [
    { method: 'POST', path: `${base}/${action}`, scopes: SCOPES.channelMessagesSend, params: ['reactionType'], handler: (ctx) => react(ctx, rootMessage(ctx, channel(ctx).channel), set) },
    { method: 'POST', path: `${base}/replies/{replyId}/${action}`, scopes: SCOPES.channelMessagesSend, params: ['reactionType'], handler: (ctx) => react(ctx, channelReply(ctx), set) },
    { method: 'POST', path: `/chats/{chatId}/messages/{messageId}/${action}`, scopes: SCOPES.chatMessagesSend, params: ['reactionType'], handler: (ctx) => react(ctx, chatMessage(ctx), set) },
    { method: 'POST', path: `/users/{id}/chats/{chatId}/messages/{messageId}/${action}`, scopes: SCOPES.chatMessagesSend, params: ['reactionType'], handler: (ctx) => react(ctx, chatMessage(ctx), set) },
  ];
});
