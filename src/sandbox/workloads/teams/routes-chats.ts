// Chats through Graph v1.0, at /chats and at /me/chats (/users/{id}/chats for the signed-in person): the person's
// one-on-one, group and meeting chats ($expand=members,lastMessagePreview; newest first; $top up to 50), one chat,
// its members, its messages (newest first; $orderby and a date $filter as chat-list-messages documents them) and
// sending a message, under Graph's chat send limit.

import type { GraphResponse, RouteContext, RouteDef } from '../../graph/types.js';
import { readOptions } from '../../odata/options.js';
import { getEntity, listCollection, METADATA } from '../../odata/query.js';
import { chat, chatsOf, requireSelf, SCOPES } from './access.js';
import { applicationOnly, badRequest, memberNotFound, messageNotFound } from './errors.js';
import { chatEntity, chatUpdatedMs, renderChat, renderChatMembers } from './json-chat.js';
import { messageEntity, renderMessage } from './json-message.js';
import { MEMBER_TYPE, memberEntity } from './json-team.js';
import { readMessageInput } from './message-input.js';
import type { StoredChat, StoredMessage, TeamsState } from './model.js';
import { allowOptions, withoutOptions } from './query.js';
import { postMessage } from './send.js';
import { chatSendWindows } from './throttle.js';

type Ctx = RouteContext<TeamsState>;

/** A chat route at /chats/... and at /users/{id}/chats/... (which /me/chats/... reaches). */
const both = (path: string, def: Omit<RouteDef<TeamsState>, 'path'>): RouteDef<TeamsState>[] => [
  { ...def, path: `/chats${path}` },
  { ...def, path: `/users/{id}/chats${path}` },
];

const chatSet = (c: StoredChat) => `chats('${encodeURIComponent(c.id)}')`;

/** An expanded lastMessagePreview of a chat nobody wrote in is null (the engine leaves an empty single out). */
function withPreviews(ctx: Ctx, res: GraphResponse): GraphResponse {
  if (!/\blastMessagePreview\b/i.test(readOptions(ctx.req).get('$expand') ?? '')) return res;
  const body = res.body as Record<string, unknown> & { value?: Record<string, unknown>[] };
  for (const chat of body.value ?? [body]) if (!('lastMessagePreview' in chat)) chat.lastMessagePreview = null;
  return res;
}

function listChats(ctx: Ctx): GraphResponse {
  if (ctx.params.id !== undefined) requireSelf(ctx);
  allowOptions(ctx, ['$expand', '$top', '$filter', '$orderby']);
  const orderby = readOptions(ctx.req).get('$orderby');
  if (orderby !== undefined && !/^\s*lastMessagePreview\/createdDateTime\s+desc\s*$/i.test(orderby)) {
    throw badRequest('Only lastMessagePreview/createdDateTime desc is supported in $orderby.');
  }
  const mine = chatsOf(ctx).sort((a, b) => chatUpdatedMs(b) - chatUpdatedMs(a)).map((c) => renderChat(ctx.state, c, ctx.principal.user.id));
  return withPreviews(ctx, listCollection(ctx, { entity: chatEntity, items: mine, entitySet: 'chats' }));
}

/** What the viewer may read of a chat: the messages since their history starts. */
function visibleMessages(ctx: Ctx, c: StoredChat): StoredMessage[] {
  const since = Date.parse(c.members.find((m) => m.userId === ctx.principal.user.id)!.visibleHistoryStartDateTime);
  return c.messages.filter((m) => m.createdMs >= since);
}

const SORTABLE = ['lastModifiedDateTime', 'createdDateTime'];

function listMessages(ctx: Ctx): GraphResponse {
  const c = chat(ctx);
  allowOptions(ctx, ['$top', '$orderby', '$filter']);
  const opts = readOptions(ctx.req);
  const orderby = opts.get('$orderby');
  const m = orderby === undefined ? null : /^\s*(\w+)\s+desc\s*$/i.exec(orderby);
  const sortProp = m ? SORTABLE.find((p) => p.toLowerCase() === m[1].toLowerCase()) : undefined;
  if (orderby !== undefined && !sortProp) throw badRequest('Only lastModifiedDateTime desc and createdDateTime desc are supported in $orderby.');
  // Graph filters only on the property the request also sorts by, and ignores the $filter otherwise.
  const filter = opts.get('$filter');
  const filtered = (filter?.match(/\b[a-z]\w*DateTime\b/gi) ?? []).map((p) => p.toLowerCase());
  const honoured = filter !== undefined && sortProp !== undefined && filtered.length > 0 && filtered.every((p) => p === sortProp.toLowerCase());
  const items = visibleMessages(ctx, c)
    .sort((a, b) => b.modifiedMs - a.modifiedMs)
    .map((x) => renderMessage(ctx.state, { chatId: c.id }, x));
  return listCollection(honoured ? ctx : withoutOptions(ctx, ['$filter']), { entity: messageEntity, items, entitySet: `${chatSet(c)}/messages` });
}

export const chatRoutes: RouteDef<TeamsState>[] = [
  ...both('', { method: 'GET', scopes: SCOPES.chats, handler: listChats }),
  ...both('/{chatId}', {
    method: 'GET', scopes: SCOPES.chats,
    handler: (ctx) => {
      const c = chat(ctx);
      allowOptions(ctx, ['$expand']);
      return withPreviews(ctx, getEntity(ctx, chatEntity, renderChat(ctx.state, c, ctx.principal.user.id), 'chats'));
    },
  }),
  ...both('/{chatId}/members', {
    method: 'GET', scopes: SCOPES.chatMembers,
    handler: (ctx) => {
      const c = chat(ctx);
      allowOptions(ctx, []);
      return listCollection(ctx, { entity: memberEntity, items: renderChatMembers(ctx.state, c), entitySet: `${chatSet(c)}/members`, odataType: MEMBER_TYPE });
    },
  }),
  ...both('/{chatId}/members/{memberId}', {
    method: 'GET', scopes: SCOPES.chatMembers,
    handler: (ctx) => {
      const c = chat(ctx);
      allowOptions(ctx, []);
      const member = renderChatMembers(ctx.state, c).find((x) => x.id === ctx.params.memberId);
      if (!member) throw memberNotFound();
      return getEntity(ctx, memberEntity, member, `${chatSet(c)}/members`, MEMBER_TYPE);
    },
  }),
  ...both('/{chatId}/messages', { method: 'GET', scopes: SCOPES.chatMessagesRead, handler: listMessages }),
  ...both('/{chatId}/messages/{messageId}', {
    method: 'GET', scopes: SCOPES.chatMessagesRead,
    handler: (ctx) => {
      const c = chat(ctx);
      allowOptions(ctx, []);
      const m = visibleMessages(ctx, c).find((x) => x.id === ctx.params.messageId);
      if (!m) throw messageNotFound();
      return { status: 200, body: { '@odata.context': `${METADATA}#${chatSet(c)}/messages/$entity`, ...renderMessage(ctx.state, { chatId: c.id }, m) } };
    },
  }),
  ...both('/{chatId}/messages', {
    method: 'POST', scopes: SCOPES.chatMessagesSend,
    handler: (ctx) => {
      const c = chat(ctx);
      const audience = { findUser: ctx.directory.findUser, canSee: (u: { id: string }) => c.members.some((m) => m.userId === u.id) };
      const input = readMessageInput(ctx.req.body, audience, false);
      const m = postMessage(ctx, input, chatSendWindows(ctx.principal.appId), null, (stored) => c.messages.push(stored));
      // Whoever writes has read the chat up to their own message.
      c.lastRead.set(ctx.principal.user.id, m.createdMs);
      return { status: 201, body: { '@odata.context': `${METADATA}#${chatSet(c)}/messages/$entity`, ...renderMessage(ctx.state, { chatId: c.id }, m) } };
    },
  }),
  {
    method: 'GET', path: '/users/{id}/chats/getAllMessages', scopes: (ctx) => ctx.principal.scopes,
    handler: () => {
      throw applicationOnly('Chat.Read.All');
    },
  },
];
