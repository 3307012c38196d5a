// A channel's messages through Graph v1.0: the thread starters newest first ($top up to 50, $skiptoken pages,
// $expand=replies with each thread's reply count), one message, a thread's replies, and posting a message or a
// reply (mentions checked against who can see the channel; Graph's send limits applied before anything is stored).
// The export API over every channel (getAllMessages) takes application permissions, which the sandbox never issues.

import type { GraphResponse, RouteContext, RouteDef } from '../../graph/types.js';
import { readOptions } from '../../odata/options.js';
import { listCollection, METADATA } from '../../odata/query.js';
import { canSeeChannel, channel, rootMessage, SCOPES } from './access.js';
import { applicationOnly, messageNotFound } from './errors.js';
import { messageEntity, renderMessage, repliesOf, type Place } from './json-message.js';
import { readMessageInput } from './message-input.js';
import { isRoot, type StoredChannel, type StoredMessage, type StoredTeam, type TeamsState } from './model.js';
import { allowOptions } from './query.js';
import { postMessage } from './send.js';
import { channelSendWindows } from './throttle.js';

type Ctx = RouteContext<TeamsState>;
type Rec = Record<string, unknown>;

const newestFirst = (a: StoredMessage, b: StoredMessage) => b.createdMs - a.createdMs;
const placeOf = (t: StoredTeam, c: StoredChannel): Place => ({ teamId: t.id, channelId: c.id });
const messagesSet = (t: StoredTeam, c: StoredChannel) => `teams('${t.id}')/channels('${encodeURIComponent(c.id)}')/messages`;
const repliesTo = (c: StoredChannel, root: StoredMessage) => c.messages.filter((m) => m.replyToId === root.id).sort(newestFirst);

function listThreads(ctx: Ctx): GraphResponse {
  const { team: t, channel: c } = channel(ctx);
  allowOptions(ctx, ['$top', '$expand']);
  const place = placeOf(t, c);
  const counts = new Map<string, number>();
  const roots = c.messages.filter(isRoot).sort(newestFirst).map((m) => {
    const rendered = renderMessage(ctx.state, place, m);
    const replies = repliesTo(c, m);
    counts.set(m.id, replies.length);
    repliesOf.set(rendered, replies.map((r) => renderMessage(ctx.state, place, r)));
    return rendered;
  });
  const res = listCollection(ctx, { entity: messageEntity, items: roots, entitySet: messagesSet(t, c) });
  // Graph says how many replies each expanded thread has beside them.
  if (/\breplies\b/i.test(readOptions(ctx.req).get('$expand') ?? '')) {
    const body = res.body as { value: Rec[] };
    body.value = body.value.map((m) => ({ ...m, 'replies@odata.count': counts.get(m.id as string) ?? 0 }));
  }
  return res;
}

function one(ctx: Ctx, place: Place, m: StoredMessage, set: string): GraphResponse {
  allowOptions(ctx, []);
  return { status: 200, body: { '@odata.context': `${METADATA}#${set}/$entity`, ...renderMessage(ctx.state, place, m) } };
}

function send(ctx: Ctx, replyTo: StoredMessage | null): GraphResponse {
  const { team: t, channel: c } = channel(ctx);
  const input = readMessageInput(ctx.req.body, { findUser: ctx.directory.findUser, canSee: (u) => canSeeChannel(ctx, t, c, u) }, replyTo === null);
  const m = postMessage(ctx, input, channelSendWindows(ctx.principal.appId, c.id), replyTo?.id ?? null, (stored) => c.messages.push(stored));
  const set = replyTo ? `${messagesSet(t, c)}('${replyTo.id}')/replies` : messagesSet(t, c);
  return { status: 201, body: { '@odata.context': `${METADATA}#${set}/$entity`, ...renderMessage(ctx.state, placeOf(t, c), m) } };
}

const base = '/teams/{teamId}/channels/{channelId}/messages';

export const channelMessageRoutes: RouteDef<TeamsState>[] = [
  { method: 'GET', path: base, scopes: SCOPES.channelMessagesRead, handler: listThreads },
  {
    method: 'GET', path: `${base}/{messageId}`, scopes: SCOPES.channelMessagesRead,
    handler: (ctx) => {
      const { team: t, channel: c } = channel(ctx);
      return one(ctx, placeOf(t, c), rootMessage(ctx, c), messagesSet(t, c));
    },
  },
  {
    method: 'GET', path: `${base}/{messageId}/replies`, scopes: SCOPES.channelMessagesRead,
    handler: (ctx) => {
      const { team: t, channel: c } = channel(ctx);
      const root = rootMessage(ctx, c);
      allowOptions(ctx, ['$top']);
      const replies = repliesTo(c, root).map((r) => renderMessage(ctx.state, placeOf(t, c), r));
      return listCollection(ctx, { entity: messageEntity, items: replies, entitySet: `${messagesSet(t, c)}('${root.id}')/replies` });
    },
  },
  {
    method: 'GET', path: `${base}/{messageId}/replies/{replyId}`, scopes: SCOPES.channelMessagesRead,
    handler: (ctx) => {
      const { team: t, channel: c } = channel(ctx);
      const root = rootMessage(ctx, c);
      const reply = c.messages.find((m) => m.replyToId === root.id && m.id === ctx.params.replyId);
      if (!reply) throw messageNotFound();
      return one(ctx, placeOf(t, c), reply, `${messagesSet(t, c)}('${root.id}')/replies`);
    },
  },
  { method: 'POST', path: base, scopes: SCOPES.channelMessagesSend, handler: (ctx) => send(ctx, null) },
  {
    method: 'POST', path: `${base}/{messageId}/replies`, scopes: SCOPES.channelMessagesSend,
    handler: (ctx) => send(ctx, rootMessage(ctx, channel(ctx).channel)),
  },
  {
    // Delegated tokens cannot call the export API: every caller passes the permission gate and meets Graph's refusal.
    method: 'GET', path: '/teams/{teamId}/channels/getAllMessages', scopes: (ctx) => ctx.principal.scopes,
    handler: () => {
      throw applicationOnly('ChannelMessage.Read.All');
    },
  },
];
