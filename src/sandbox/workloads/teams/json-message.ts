// chatMessage as Graph shows it (properties in the order of its documented responses): who wrote it as a
// teamworkUserIdentity, its body, mentions, reference and card attachments, reactions, the thread it belongs to and
// its web link; the chatMessageInfo a chat previews its last message with; and how the OData engine sees messages.

import { SANDBOX_TENANT_ID } from '../../contract.js';
import type { EntityType, PropSpec } from '../../odata/entity.js';
import type { RouteContext } from '../../graph/types.js';
import type { StoredMessage, TeamsState } from './model.js';
import { teamsDialect, MAX_TOP } from './query.js';

type Rec = Record<string, unknown>;

export const iso = (ms: number) => new Date(ms).toISOString();

/** A person as Teams names them in from, mentions and event details. */
export function userIdentity(state: TeamsState, userId: string, named = true): Rec {
  const user = state.directory.findUser(userId);
  return {
    '@odata.type': '#microsoft.graph.teamworkUserIdentity',
    id: userId,
    displayName: named ? (user?.displayName ?? null) : null,
    userIdentityType: 'aadUser',
    tenantId: SANDBOX_TENANT_ID,
  };
}

export const identitySet = (user: Rec | null, application: Rec | null = null): Rec => ({ application, device: null, user });

function fromOf(state: TeamsState, m: StoredMessage): Rec | null {
  if (m.fromUserId) return identitySet(userIdentity(state, m.fromUserId));
  if (m.fromApp) return identitySet(null, { '@odata.type': '#microsoft.graph.teamworkApplicationIdentity', id: m.fromApp.id, displayName: m.fromApp.displayName, applicationIdentityType: 'bot' });
  return null;
}

/** Where a message lives: a channel of a team, or a chat. */
export type Place = { teamId: string; channelId: string } | { chatId: string };

/** Teams' deep link to a channel message (chat messages have none in Graph's answers). */
export function messageWebUrl(place: Place, m: StoredMessage): string | null {
  if (!('channelId' in place)) return null;
  const q = new URLSearchParams({ groupId: place.teamId, tenantId: SANDBOX_TENANT_ID, createdTime: m.id, parentMessageId: m.replyToId ?? m.id });
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(place.channelId)}/${m.id}?${q}`;
}

export function renderMessage(state: TeamsState, place: Place, m: StoredMessage): Rec {
  const deleted = m.deletedMs !== null;
  return {
    id: m.id,
    replyToId: m.replyToId,
    etag: String(m.modifiedMs),
    messageType: m.messageType,
    createdDateTime: iso(m.createdMs),
    lastModifiedDateTime: iso(m.modifiedMs),
    lastEditedDateTime: m.editedMs === null ? null : iso(m.editedMs),
    deletedDateTime: deleted ? iso(m.deletedMs!) : null,
    subject: m.subject,
    summary: null,
    chatId: 'chatId' in place ? place.chatId : null,
    importance: m.importance,
    locale: m.locale,
    webUrl: messageWebUrl(place, m),
    channelIdentity: 'channelId' in place ? { teamId: place.teamId, channelId: place.channelId } : null,
    policyViolation: null,
    eventDetail: m.eventDetail ? structuredClone(m.eventDetail) : null,
    from: fromOf(state, m),
    // A deleted message keeps its envelope; Teams empties what it said.
    body: deleted ? { contentType: m.body.contentType, content: '' } : { ...m.body },
    attachments: deleted ? [] : m.attachments.map((a) => ({ ...a })),
    mentions: deleted ? [] : m.mentions.map((x) => ({ id: x.id, mentionText: x.mentionText, mentioned: { ...identitySet(userIdentity(state, x.userId)), conversation: null } })),
    reactions: deleted
      ? []
      : m.reactions.map((r) => ({ reactionType: r.reactionType, reactionContentUrl: null, displayName: r.displayName, createdDateTime: iso(r.createdMs), user: identitySet(userIdentity(state, r.userId, false)) })),
    messageHistory: [],
  };
}

/** A chat's preview of its last message (chatMessageInfo). */
export function renderMessageInfo(state: TeamsState, m: StoredMessage): Rec {
  return {
    id: m.id,
    createdDateTime: iso(m.createdMs),
    isDeleted: m.deletedMs !== null,
    messageType: m.messageType,
    eventDetail: m.eventDetail ? structuredClone(m.eventDetail) : null,
    body: m.deletedMs !== null ? { contentType: m.body.contentType, content: '' } : { ...m.body },
    from: fromOf(state, m),
  };
}

/** chatMessage's properties in the order renderMessage writes them. */
const MESSAGE_PROPS = [
  'id', 'replyToId', 'etag', 'messageType', 'createdDateTime', 'lastModifiedDateTime', 'lastEditedDateTime', 'deletedDateTime', 'subject', 'summary',
  'chatId', 'importance', 'locale', 'webUrl', 'channelIdentity', 'policyViolation', 'eventDetail', 'from', 'body', 'attachments', 'mentions',
  'reactions', 'messageHistory',
];
const OBJECTS = ['channelIdentity', 'policyViolation', 'eventDetail', 'from', 'body'];
const LISTS = ['attachments', 'mentions', 'reactions', 'messageHistory'];
const DATES = ['createdDateTime', 'lastModifiedDateTime', 'lastEditedDateTime', 'deletedDateTime'];

function messageProps(): Record<string, PropSpec> {
  const out: Record<string, PropSpec> = {};
  for (const p of MESSAGE_PROPS) out[p] = { type: OBJECTS.includes(p) ? 'object' : LISTS.includes(p) ? 'object[]' : DATES.includes(p) ? 'datetime' : 'string' };
  // Chat messages filter on a date range and sort newest first (chat-list-messages): lastModifiedDateTime takes gt
  // and lt, createdDateTime lt only.
  out.lastModifiedDateTime = { type: 'datetime', filter: 'gt lt', orderby: 'default' };
  out.createdDateTime = { type: 'datetime', filter: 'lt', orderby: 'default' };
  return out;
}

/** The replies each rendered channel message expands to ($expand=replies), newest first. */
export const repliesOf = new WeakMap<Rec, Rec[]>();

export const messageEntity: EntityType<Rec> = {
  name: 'microsoft.graph.chatMessage',
  properties: messageProps(),
  defaultSelect: MESSAGE_PROPS,
  pageSize: { default: 20, max: MAX_TOP },
  dialect: teamsDialect,
  navigation: {},
};
messageEntity.navigation!.replies = { target: messageEntity, many: true, resolve: (item: Rec, _ctx: RouteContext) => repliesOf.get(item) ?? [] };
