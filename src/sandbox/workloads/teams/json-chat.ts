// Chats as Graph shows them to one of their members (the viewpoint is theirs: when they last read it), with the
// members and the last message's preview that $expand can inline, and how the OData engine sees chats: filtered by
// type or topic, sorted by the last message's time (newest first, the only order Graph takes).

import { SANDBOX_TENANT_ID } from '../../contract.js';
import type { EntityType } from '../../odata/entity.js';
import type { RouteContext } from '../../graph/types.js';
import { chatMemberId } from './ids.js';
import { iso, renderMessageInfo, userIdentity } from './json-message.js';
import { memberEntity, MEMBER_TYPE, renderMember } from './json-team.js';
import type { StoredChat, StoredMessage, TeamsState } from './model.js';
import { teamsDialect, MAX_TOP } from './query.js';

type Rec = Record<string, unknown>;

/** The chat's last message that anyone can see (system messages count, as in Teams' chat list). */
export const lastMessage = (chat: StoredChat): StoredMessage | undefined => chat.messages.reduce<StoredMessage | undefined>((a, m) => (!a || m.createdMs > a.createdMs ? m : a), undefined);

/** When the chat last changed: its last message, or its creation. */
export const chatUpdatedMs = (chat: StoredChat) => Math.max(chat.createdMs, ...chat.messages.map((m) => m.modifiedMs));

export function renderChatMembers(state: TeamsState, chat: StoredChat): Rec[] {
  return chat.members.map((m) => renderMember(chatMemberId(chat.id, m.userId), state.directory.findUser(m.userId)!, m.roles, m.visibleHistoryStartDateTime));
}

/** The rendered chats' members and last messages, for $expand. */
const expansions = new WeakMap<Rec, { members: Rec[]; lastMessagePreview: Rec | null; lastMessageMs: number | null }>();

export function renderChat(state: TeamsState, chat: StoredChat, viewerId: string): Rec {
  const last = lastMessage(chat);
  const read = chat.lastRead.get(viewerId);
  const out: Rec = {
    id: chat.id,
    topic: chat.topic,
    createdDateTime: iso(chat.createdMs),
    lastUpdatedDateTime: iso(chatUpdatedMs(chat)),
    chatType: chat.chatType,
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat.id)}/0?tenantId=${SANDBOX_TENANT_ID}`,
    tenantId: SANDBOX_TENANT_ID,
    onlineMeetingInfo: chat.onlineMeetingInfo
      ? { calendarEventId: chat.onlineMeetingInfo.calendarEventId, joinWebUrl: chat.onlineMeetingInfo.joinWebUrl, organizer: userIdentity(state, chat.onlineMeetingInfo.organizerId) }
      : null,
    viewpoint: { isHidden: false, lastMessageReadDateTime: read === undefined ? null : iso(read) },
    isHiddenForAllMembers: false,
  };
  expansions.set(out, { members: renderChatMembers(state, chat), lastMessagePreview: last ? renderMessageInfo(state, last) : null, lastMessageMs: last?.createdMs ?? null });
  return out;
}

const CHAT_PROPS = ['id', 'topic', 'createdDateTime', 'lastUpdatedDateTime', 'chatType', 'webUrl', 'tenantId', 'onlineMeetingInfo', 'viewpoint', 'isHiddenForAllMembers'];

/** chatMessageInfo, as $expand=lastMessagePreview shows it. */
const messageInfoEntity: EntityType<Rec> = {
  name: 'microsoft.graph.chatMessageInfo',
  properties: Object.fromEntries(['id', 'createdDateTime', 'isDeleted', 'messageType', 'eventDetail', 'body', 'from'].map((p) => [p, { type: 'string' as const }])),
  defaultSelect: ['id', 'createdDateTime', 'isDeleted', 'messageType', 'eventDetail', 'body', 'from'],
  pageSize: { default: 1, max: 1 },
  dialect: teamsDialect,
};

export const chatEntity: EntityType<Rec> = {
  name: 'microsoft.graph.chat',
  properties: {
    id: { type: 'string', filter: 'eq' },
    topic: { type: 'string', filter: 'eq ne startsWith contains' },
    createdDateTime: { type: 'datetime', filter: 'gt ge lt le' },
    lastUpdatedDateTime: { type: 'datetime', filter: 'gt ge lt le' },
    chatType: { type: 'string', filter: 'eq ne' },
    webUrl: { type: 'string' },
    tenantId: { type: 'string' },
    onlineMeetingInfo: { type: 'object' },
    viewpoint: { type: 'object' },
    isHiddenForAllMembers: { type: 'boolean' },
    // The one order Graph takes for chats; not a property of its own, so never selected or shown.
    'lastMessagePreview/createdDateTime': { type: 'datetime', orderby: 'default' },
  },
  get: (item, prop) => (prop === 'lastMessagePreview/createdDateTime' ? (expansions.get(item)?.lastMessageMs ?? null) : item[prop]),
  defaultSelect: CHAT_PROPS,
  navigation: {
    members: { target: memberEntity, many: true, odataType: MEMBER_TYPE, resolve: (item: Rec, _ctx: RouteContext) => expansions.get(item)?.members ?? [] },
    lastMessagePreview: { target: messageInfoEntity, many: false, resolve: (item: Rec) => expansions.get(item)?.lastMessagePreview ?? null },
  },
  pageSize: { default: 20, max: MAX_TOP },
  dialect: teamsDialect,
};
