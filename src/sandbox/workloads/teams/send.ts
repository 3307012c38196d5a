// Posting one message, the same for a channel, a thread and a chat: Graph's send limits first (a refused send is
// not stored, so a client's retry after Retry-After posts it once), then the message as the signed-in person wrote
// it, dated now, its id the instant it arrived.

import type { RouteContext } from '../../graph/types.js';
import { tooManyRequests } from './errors.js';
import type { MessageInput } from './message-input.js';
import { nextMessageMs, type StoredMessage, type TeamsState } from './model.js';
import type { Window } from './throttle.js';

export function postMessage(ctx: RouteContext<TeamsState>, input: MessageInput, windows: readonly Window[], replyToId: string | null, store: (m: StoredMessage) => void): StoredMessage {
  const wait = ctx.state.limits.admit(windows);
  if (wait > 0) throw tooManyRequests(wait);
  const ms = nextMessageMs(ctx.state);
  const message: StoredMessage = {
    id: String(ms),
    replyToId,
    messageType: 'message',
    createdMs: ms,
    modifiedMs: ms,
    editedMs: null,
    deletedMs: null,
    fromUserId: ctx.principal.user.id,
    fromApp: null,
    subject: input.subject,
    body: input.body,
    importance: input.importance,
    locale: 'en-us',
    mentions: input.mentions,
    attachments: input.attachments,
    reactions: [],
    eventDetail: null,
  };
  store(message);
  return message;
}
