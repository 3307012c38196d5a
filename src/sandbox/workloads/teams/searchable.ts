// What Teams offers Microsoft Search (workloads/search): the messages of the person's chats (from when their
// history starts) and of the channels they can see, with the words of the body, from:, the creation date, and the
// chatMessage a hit carries (Graph's search resource: no body, no replyToId; a channel message names its channel).

import type { RequestContext, RouteContext } from '../../graph/types.js';
import type { SearchDocument, Searchable } from '../../searchable.js';
import { canSeeChannel } from './access.js';
import { iso } from './json-message.js';
import type { StoredMessage, TeamsState } from './model.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]).replace(/\s+/g, ' ').trim();

export function offerChatSearch(state: TeamsState): Searchable {
  function document(m: StoredMessage, where: { chatId: string } | { teamId: string; channelId: string }): SearchDocument {
    const from = m.fromUserId ? state.directory.findUser(m.fromUserId) : undefined;
    const resource: Record<string, unknown> = {
      '@odata.type': '#microsoft.graph.chatMessage',
      id: m.id,
      createdDateTime: iso(m.createdMs),
      lastModifiedDateTime: iso(m.modifiedMs),
      subject: m.subject ?? '',
      etag: String(m.modifiedMs),
      from: { emailAddress: { name: from?.displayName ?? m.fromApp?.displayName ?? null, address: from?.mail || null } },
      ...('chatId' in where ? { chatId: where.chatId } : { channelIdentity: { teamId: where.teamId, channelId: where.channelId } }),
    };
    return {
      resource,
      hitId: m.id,
      title: m.subject ?? '',
      body: [plain(m.body.content), ...m.attachments.map((a) => a.name ?? '')].filter(Boolean).join('\n'),
      properties: { from: from ? [from.displayName, from.mail ?? from.userPrincipalName] : [m.fromApp?.displayName ?? ''] },
      dates: { created: iso(m.createdMs) },
      people: from ? [(from.mail ?? from.userPrincipalName).toLowerCase()] : [],
      modified: iso(m.modifiedMs),
    };
  }
  const searchable = (m: StoredMessage) => m.messageType === 'message' && m.deletedMs === null;
  return {
    entityTypes: ['chatMessage'],
    documents(_type: string, req: RequestContext): SearchDocument[] {
      const ctx = { ...req, state } as RouteContext<TeamsState>;
      const me = req.principal.user.id;
      const inChats = state.chats.flatMap((c) => {
        const member = c.members.find((m) => m.userId === me);
        if (!member) return [];
        const since = Date.parse(member.visibleHistoryStartDateTime);
        return c.messages.filter((m) => searchable(m) && m.createdMs >= since).map((m) => document(m, { chatId: c.id }));
      });
      const inChannels = state.teams.flatMap((t) => t.channels
        .filter((c) => canSeeChannel(ctx, t, c))
        .flatMap((c) => c.messages.filter(searchable).map((m) => document(m, { teamId: t.id, channelId: c.id }))));
      return [...inChats, ...inChannels];
    },
  };
}
