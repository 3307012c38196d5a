// What the Teams workload holds: teams (one per team-enabled directory group) with their channels, chats with their
// members, and the messages of both, as Graph's team, channel, chat and chatMessage resources describe them.
// Who belongs to a team is the directory's business (the group's members and owners); who belongs to a private or
// shared channel, and to a chat, is kept here.

import type { Directory } from '../../directory/directory.js';
import type { SendLimits } from './throttle.js';

export type Importance = 'normal' | 'high' | 'urgent';

export interface StoredMention {
  id: number;
  mentionText: string;
  /** The person mentioned (every mention the sandbox keeps names a user). */
  userId: string;
  displayName: string;
}

/** A chatMessageAttachment: a file by reference (contentUrl), or a card whose JSON is `content`. */
export interface StoredAttachment {
  id: string;
  contentType: string;
  contentUrl: string | null;
  content: string | null;
  name: string | null;
  thumbnailUrl: string | null;
  teamsAppId: string | null;
}

export interface StoredReaction {
  /** like, heart, laugh, surprised, sad, angry, or a Unicode emoji. */
  reactionType: string;
  displayName: string | null;
  createdMs: number;
  userId: string;
}

/** A bot or app that posted a message (cards come from apps). */
export interface AppIdentity {
  id: string;
  displayName: string;
}

export interface StoredMessage {
  /** Teams ids a message by the instant it arrived, in milliseconds. */
  id: string;
  /** The thread's first message, for a reply in a channel; null otherwise (chats have no threads). */
  replyToId: string | null;
  messageType: 'message' | 'systemEventMessage';
  createdMs: number;
  modifiedMs: number;
  editedMs: number | null;
  deletedMs: number | null;
  /** Who wrote it: a person, an app, or nobody (system event messages). */
  fromUserId: string | null;
  fromApp: AppIdentity | null;
  subject: string | null;
  body: { contentType: 'text' | 'html'; content: string };
  importance: Importance;
  locale: string;
  mentions: StoredMention[];
  attachments: StoredAttachment[];
  reactions: StoredReaction[];
  /** System event messages: the eventMessageDetail, with its @odata.type. */
  eventDetail: Record<string, unknown> | null;
}

export interface ChannelMember {
  userId: string;
  roles: ('owner' | 'member')[];
}

export interface StoredChannel {
  id: string;
  teamId: string;
  displayName: string;
  description: string | null;
  membershipType: 'standard' | 'private' | 'shared';
  createdDateTime: string;
  isFavoriteByDefault: boolean;
  email: string;
  /** Private and shared channels: their own members (a shared channel's may come from outside the team). */
  members: ChannelMember[];
  /** Every message of the channel, thread starters and replies alike (replyToId tells them apart). */
  messages: StoredMessage[];
}

export interface StoredTeam {
  /** The group's object id: a team and its group share it. */
  id: string;
  displayName: string;
  description: string;
  visibility: 'private' | 'public';
  createdDateTime: string;
  /** The General channel's id, which Graph also shows as the team's internalId. */
  generalChannelId: string;
  channels: StoredChannel[];
}

export interface ChatMember {
  userId: string;
  roles: ('owner' | 'guest')[];
  /** From when the member sees the chat's history ('0001-01-01T00:00:00Z': all of it). */
  visibleHistoryStartDateTime: string;
}

export interface StoredChat {
  id: string;
  chatType: 'oneOnOne' | 'group' | 'meeting';
  topic: string | null;
  createdMs: number;
  members: ChatMember[];
  messages: StoredMessage[];
  /** Meeting chats: the meeting they belong to. */
  onlineMeetingInfo: { calendarEventId: string | null; joinWebUrl: string; organizerId: string } | null;
  /** When each member last read the chat (ms, by user id). */
  lastRead: Map<string, number>;
}

export interface TeamsState {
  directory: Directory;
  teams: StoredTeam[];
  chats: StoredChat[];
  /** Graph's limits on sending, per app (throttle.ts). */
  limits: SendLimits;
  /** The last message id handed out, so two messages never share one. */
  lastMessageMs: number;
}

/** A new message id: the current instant in ms, one past the last id when two arrive in the same millisecond. */
export function nextMessageMs(state: TeamsState, nowMs = Date.now()): number {
  state.lastMessageMs = Math.max(nowMs, state.lastMessageMs + 1);
  return state.lastMessageMs;
}

export const isRoot = (m: StoredMessage) => m.replyToId === null;
