// Teams' ids in their real shapes: channels `19:{hex}@thread.tacv2`, group chats `19:{hex}@thread.v2`, one-on-one
// chats `19:{user}_{user}@unq.gbl.spaces`, meeting chats `19:meeting_{key}@thread.v2`, and conversation members as
// base64 of the thread and the user. Seeded ones derive from stable names, so every start has the same ids.

import { createHash, randomBytes } from 'node:crypto';
import { SANDBOX_TENANT_ID } from '../../contract.js';

const hex = (name: string) => createHash('sha256').update(`teams:${name}`).digest('hex').slice(0, 32);

export const channelId = (name: string) => `19:${hex(`channel:${name}`)}@thread.tacv2`;
export const groupChatId = (name: string) => `19:${hex(`chat:${name}`)}@thread.v2`;
export const newGroupChatId = () => `19:${randomBytes(16).toString('hex')}@thread.v2`;
/** Teams orders the two people of a one-on-one chat by their ids. */
export const oneOnOneChatId = (a: string, b: string) => `19:${[a, b].sort().join('_')}@unq.gbl.spaces`;

/** A team or channel member: the thread and the user, as Graph's member ids carry them. */
export const threadMemberId = (threadId: string, userId: string) => Buffer.from(`${threadId}##${userId}`).toString('base64');
/** A chat member: Graph's ids for them also carry the tenant. */
export const chatMemberId = (chatId: string, userId: string) => Buffer.from(`0##0##${SANDBOX_TENANT_ID}##${chatId}##${userId}`).toString('base64');

/** The user a member id names, whichever of the two shapes it has; undefined for anything else. */
export function userOfMemberId(memberId: string): string | undefined {
  let text: string;
  try {
    text = Buffer.from(memberId, 'base64').toString('utf8');
  } catch {
    return undefined;
  }
  const parts = text.split('##');
  return parts.length >= 2 ? parts[parts.length - 1] : undefined;
}

/** The email address Teams gives a channel. */
export const channelEmail = (name: string) => `${hex(`mail:${name}`).slice(0, 8)}.contoso.sandbox@emea.teams.ms`;

/** A new attachment or card id: a GUID. */
export const newGuid = () => {
  const b = randomBytes(16).toString('hex');
  return `${b.slice(0, 8)}-${b.slice(8, 12)}-${b.slice(12, 16)}-${b.slice(16, 20)}-${b.slice(20)}`;
};

/** A GUID derived from a name, for seeded attachments. */
export const stableGuid = (name: string) => {
  const b = hex(`guid:${name}`);
  return `${b.slice(0, 8)}-${b.slice(8, 12)}-${b.slice(12, 16)}-${b.slice(16, 20)}-${b.slice(20)}`;
};
