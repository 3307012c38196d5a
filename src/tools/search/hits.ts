// A Microsoft Search hit as search_query answers it: what it is, its title, when and by whom, the matching words
// as plain text, and the tool (with arguments) that opens it.
import { z } from 'zod';

export const Hit = z.object({
  kind: z.string(),
  title: z.string(),
  when: z.string().optional(),
  who: z.string().optional(),
  match: z.string().optional(),
  open: z.object({ tool: z.string(), args: z.record(z.string(), z.string()) }),
});
export type HitOut = z.output<typeof Hit>;

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export interface GraphHit {
  hitId: string;
  summary?: string;
  resource: Rec;
}

/** The summary's highlights and cut marks as plain text. */
export const plainSummary = (s: string | undefined) => (s ?? '').replace(/<ddd\/>/g, '…').replace(/<\/?c\d+>/g, '').replace(/\s+/g, ' ').trim();

const person = (r: Rec | undefined) => r?.emailAddress?.name || r?.emailAddress?.address || r?.user?.displayName || undefined;

export function toHit(h: GraphHit): HitOut {
  const r = h.resource;
  const type = String(r['@odata.type'] ?? '').replace('#microsoft.graph.', '');
  const match = plainSummary(h.summary);
  const base = (kind: string, title: string, when: string | undefined, who: string | undefined, tool: string, args: Record<string, string>): HitOut => ({
    kind, title: title || '(untitled)', ...(when ? { when } : {}), ...(who ? { who } : {}), ...(match ? { match } : {}), open: { tool, args },
  });
  switch (type) {
    case 'message':
      return base('mail', r.subject, r.receivedDateTime, person(r.from), 'mail_get_message', { id: r.id ?? h.hitId });
    case 'event':
      return base('event', r.subject, r.start?.dateTime ? `${String(r.start.dateTime).slice(0, 16)} ${r.start.timeZone ?? ''}`.trim() : undefined, person(r.organizer), 'calendar_get_event', { eventId: r.id ?? h.hitId });
    case 'chatMessage':
      // A channel message opens with its thread (teams_read finds the thread a reply is in: Search does not say);
      // a chat message opens the chat from that moment on.
      return base('chat', r.subject || match.slice(0, 80), r.createdDateTime, person(r.from), 'teams_read', r.channelIdentity?.channelId
        ? { team: r.channelIdentity.teamId, channel: r.channelIdentity.channelId, thread: r.id ?? h.hitId }
        : { chat: r.chatId ?? '', ...(r.createdDateTime ? { since: r.createdDateTime } : {}) });
    case 'driveItem':
      return base('file', r.name, r.lastModifiedDateTime, person(r.lastModifiedBy), 'files_read', { item: r.id ?? h.hitId, ...(r.parentReference?.driveId ? { drive: r.parentReference.driveId } : {}) });
    case 'site':
      return base('site', r.displayName ?? r.name, r.lastModifiedDateTime, undefined, 'sharepoint_get_site', { site: r.webUrl ?? r.id });
    case 'listItem':
      return base('list item', r.fields?.Title ?? r.webUrl, r.lastModifiedDateTime, person(r.lastModifiedBy), 'sharepoint_list_items', { site: r.parentReference?.siteId ?? '', list: r.parentReference?.id ?? '' });
    default:
      return base(type || 'item', r.name ?? r.displayName ?? r.subject ?? h.hitId, undefined, undefined, 'files_get', { item: h.hitId });
  }
}

export const hitLine = (h: HitOut) =>
  `- [${h.kind}] ${h.title}${h.who ? ` | ${h.who}` : ''}${h.when ? ` | ${h.when.slice(0, 16).replace('T', ' ')}` : ''}${h.match ? `\n  ${h.match}` : ''}\n  open: ${h.open.tool} ${JSON.stringify(h.open.args)}`;
