// How the conversation tables are written and turned into messages. A post is dated [weeks back, ISO weekday,
// 'HH:mm' UTC] from the seed clock's week (week 0 is the week of the mail seed's epoch, and only its Monday before
// 18:00 UTC is past), so every start has weeks of conversation behind it and none ahead. Text is HTML paragraphs,
// one per line; `@{given.surname}` is a mention; files are SharePoint or OneDrive paths, attached by reference.

import type { Directory } from '../../../directory/directory.js';
import { stableGuid } from '../ids.js';
import type { AppIdentity, StoredAttachment, StoredMention, StoredMessage } from '../model.js';

export type SeedSystem =
  | { kind: 'membersAdded'; members: string[] }
  | { kind: 'channelAdded'; channel: string }
  | { kind: 'callEnded'; minutes: number; participants: string[] };

export interface SeedPost {
  /** [weeks before the seed's week, ISO weekday (1 = Monday), 'HH:mm' UTC]. */
  at: [number, number, string];
  /** A person (given.surname) or an app ('app:Contoso Deploy'). */
  by: string;
  text?: string;
  subject?: string;
  importance?: 'high' | 'urgent';
  /** [site name ('Site', or 'Site|Library' for a library besides Documents), or ~given.surname for that person's
   *  OneDrive; the file's path in the library]. */
  files?: [string, string][];
  /** An adaptive card (apps post them): a title and facts. */
  card?: { title: string; facts: [string, string][] };
  /** Reaction type -> who reacted. */
  reactions?: Record<string, string[]>;
  /** Edited this many minutes after it was sent. */
  editedAfter?: number;
  /** Deleted this many minutes after it was sent. */
  deletedAfter?: number;
  system?: SeedSystem;
  replies?: SeedPost[];
}

const DAY = 86_400_000;
const MINUTE = 60_000;
const APPS: Record<string, AppIdentity> = {
  'Contoso Deploy': { id: '5d3c1b2a-9e8f-4a7b-8c6d-1e2f3a4b5c6d', displayName: 'Contoso Deploy' },
  Polly: { id: '6e4d2c3b-0f9a-4b8c-9d7e-2f3a4b5c6d7e', displayName: 'Polly' },
};

export interface SeedContext {
  directory: Directory;
  /** The seed's epoch (a Monday, 18:00 UTC, never after the start of the sandbox). */
  epochMs: number;
  /** Message ids handed out so far: two posts in the same minute still get ids of their own. */
  used: Set<number>;
}

/** The instant a post's [weeks back, weekday, time] stands for; a post dated after the epoch is a seed error. */
export function postTime(ctx: SeedContext, [weeks, weekday, time]: SeedPost['at']): number {
  const monday = Math.floor(ctx.epochMs / DAY) * DAY;
  const [h, m] = time.split(':').map(Number);
  const ms = monday - weeks * 7 * DAY + (weekday - 1) * DAY + (h * 60 + m) * MINUTE;
  if (ms >= ctx.epochMs) throw new Error(`seed: a Teams post dated [${weeks}, ${weekday}, ${time}] would be in the future`);
  return ms;
}

const userOf = (ctx: SeedContext, key: string) => {
  const user = ctx.directory.findUser(`${key}@${ctx.directory.domain}`);
  if (!user) throw new Error(`seed: the Teams seed names ${key}, who is not in the directory`);
  return user;
};

export const seedUserId = (ctx: SeedContext, key: string) => userOf(ctx, key).id;

/** The web address of a seeded file: its library's plus its path, as the drives workload shows it. */
function fileUrl(ctx: SeedContext, [library, path]: [string, string]): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  if (library.startsWith('~')) {
    const site = ctx.directory.sites[0];
    const host = new URL(site.webUrl).host.replace('.sharepoint.com', '-my.sharepoint.com');
    return `https://${host}/personal/${userOf(ctx, library.slice(1)).userPrincipalName.replace(/[@.]/g, '_')}/Documents${encoded}`;
  }
  // 'Site' is its Documents library; 'Site|Library' another of its libraries.
  const [siteName, libraryName] = library.split('|');
  const site = ctx.directory.findSite(`${new URL(ctx.directory.sites[0].webUrl).host}:/sites/${siteName}`);
  if (!site) throw new Error(`seed: no site ${siteName} for a Teams file`);
  return `${site.webUrl}/${libraryName ? encodeURIComponent(libraryName) : 'Shared%20Documents'}${encoded}`;
}

function html(ctx: SeedContext, text: string, mentions: StoredMention[]): string {
  const withMentions = text.replace(/@\{([a-z]+\.[a-z]+)\}/g, (_all, key: string) => {
    const user = userOf(ctx, key);
    let m = mentions.find((x) => x.userId === user.id);
    if (!m) mentions.push((m = { id: mentions.length, mentionText: user.displayName, userId: user.id, displayName: user.displayName }));
    return `<at id="${m.id}">${user.displayName}</at>`;
  });
  return withMentions.split('\n').map((line) => (line.startsWith('<') ? line : `<p>${line}</p>`)).join('');
}

function eventDetail(ctx: SeedContext, p: SeedPost, ms: number, channelIds: Map<string, string>): Record<string, unknown> {
  const who = (key: string) => ({ '@odata.type': '#microsoft.graph.teamworkUserIdentity', id: seedUserId(ctx, key), displayName: null, userIdentityType: 'aadUser', tenantId: ctx.directory.organization.id });
  const initiator = { application: null, device: null, user: who(p.by) };
  const s = p.system!;
  if (s.kind === 'membersAdded') return { '@odata.type': '#microsoft.graph.membersAddedEventMessageDetail', visibleHistoryStartDateTime: '0001-01-01T00:00:00Z', members: s.members.map(who), initiator };
  if (s.kind === 'channelAdded') return { '@odata.type': '#microsoft.graph.channelAddedEventMessageDetail', channelId: channelIds.get(s.channel) ?? null, channelDisplayName: s.channel, initiator };
  return {
    '@odata.type': '#microsoft.graph.callEndedEventMessageDetail',
    callId: stableGuid(`call:${ms}`),
    callDuration: `PT${Math.floor(s.minutes / 60) ? `${Math.floor(s.minutes / 60)}H` : ''}${s.minutes % 60 ? `${s.minutes % 60}M` : ''}`,
    callEventType: 'meeting',
    callParticipants: s.participants.map((k) => ({ participant: { application: null, device: null, user: who(k) } })),
    initiator,
  };
}

/** The messages of a post and its replies, oldest first. `channelIds` resolves channels named by system events. */
export function buildPosts(ctx: SeedContext, posts: SeedPost[], channelIds = new Map<string, string>(), replyToId: string | null = null): StoredMessage[] {
  const out: StoredMessage[] = [];
  for (const p of posts) {
    // Seconds within the minute, from the text, so seeded times do not all end in :00.
    let ms = postTime(ctx, p.at) + ((p.text ?? p.by).length * 7919) % 59_000;
    while (ctx.used.has(ms)) ms++;
    ctx.used.add(ms);
    const mentions: StoredMention[] = [];
    const attachments: StoredAttachment[] = (p.files ?? []).map((f) => {
      const url = fileUrl(ctx, f);
      return { id: stableGuid(url), contentType: 'reference', contentUrl: url, content: null, name: f[1].split('/').pop()!, thumbnailUrl: null, teamsAppId: null };
    });
    if (p.card) {
      const content = JSON.stringify({ type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: p.card.title, weight: 'Bolder', size: 'Medium' }, { type: 'FactSet', facts: p.card.facts.map(([title, value]) => ({ title, value })) }] });
      attachments.push({ id: stableGuid(`card:${ms}`), contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content, name: null, thumbnailUrl: null, teamsAppId: null });
    }
    const text = p.text ? html(ctx, p.text, mentions) : '';
    const app = p.by.startsWith('app:') ? APPS[p.by.slice(4)] : null;
    const message: StoredMessage = {
      id: String(ms),
      replyToId,
      messageType: p.system ? 'systemEventMessage' : 'message',
      createdMs: ms,
      modifiedMs: ms + (p.editedAfter ?? p.deletedAfter ?? 0) * MINUTE,
      editedMs: p.editedAfter ? ms + p.editedAfter * MINUTE : null,
      deletedMs: p.deletedAfter ? ms + p.deletedAfter * MINUTE : null,
      fromUserId: p.system || app ? null : seedUserId(ctx, p.by),
      fromApp: app,
      subject: p.subject ?? null,
      body: p.system ? { contentType: 'html', content: '<systemEventMessage/>' } : { contentType: 'html', content: text + attachments.map((a) => `<attachment id="${a.id}"></attachment>`).join('') },
      importance: p.importance ?? 'normal',
      locale: 'en-us',
      mentions,
      attachments,
      reactions: Object.entries(p.reactions ?? {}).flatMap(([reactionType, keys]) =>
        keys.map((k, i) => ({ reactionType, displayName: null, createdMs: ms + (i + 1) * 7 * MINUTE, userId: seedUserId(ctx, k) }))),
      eventDetail: p.system ? eventDetail(ctx, p, ms, channelIds) : null,
    };
    out.push(message, ...buildPosts(ctx, p.replies ?? [], channelIds, replyToId ?? message.id));
  }
  return out;
}
