// The Teams side of the demo tenant: a team for every group of teams.ts, its channels and their conversations, and
// the chats of chats.ts, dated back from the seed clock (mailSeedEpoch: a Monday at 18:00 UTC, never after the
// sandbox started) so a fresh sandbox always has weeks of conversation ending just before it started; the meeting
// chats of the calendar's Teams meetings follow once the calendar offers them. Every author and every mentioned
// person is checked against who can see the channel or chat, so the seed cannot say what Graph would refuse.

import type { Directory } from '../../../directory/directory.js';
import { mailSeedEpoch } from '../../../seed-clock.js';
import { channelEmail, channelId, groupChatId, oneOnOneChatId } from '../ids.js';
import type { StoredChannel, StoredChat, StoredMessage, StoredTeam, TeamsState } from '../model.js';
import { SendLimits } from '../throttle.js';
import { SEED_CHATS, type SeedChat } from './chats.js';
import { BUSINESS_POSTS } from './conversations-business.js';
import { COMPANY_POSTS } from './conversations-company.js';
import { ENGINEERING_POSTS } from './conversations-engineering.js';
import { SALES_POSTS } from './conversations-sales.js';
import { buildPosts, postTime, seedUserId, type SeedContext } from './posts.js';
import { SEED_TEAMS, type SeedTeam } from './teams.js';
import { meetingChats } from './meeting-chats.js';
import type { TeamsMeeting } from '../../../online-meetings.js';

/** Every channel's conversation, by 'Team/Channel'. */
export const CHANNEL_POSTS = { ...COMPANY_POSTS, ...SALES_POSTS, ...ENGINEERING_POSTS, ...BUSINESS_POSTS };

export function createTeamsState(directory: Directory, nowMs: number): TeamsState {
  const ctx: SeedContext = { directory, epochMs: Date.parse(mailSeedEpoch(nowMs)), used: new Set() };
  const teams = SEED_TEAMS.map((t) => buildTeam(ctx, t));
  const known = new Set(teams.flatMap((t) => t.channels.map((c) => `${t.displayName}/${c.displayName}`)));
  const stray = Object.keys(CHANNEL_POSTS).find((k) => !known.has(k));
  if (stray) throw new Error(`seed: Teams posts for ${stray}, a channel the seed does not have`);
  return { directory, teams, chats: SEED_CHATS.map((c) => buildChat(ctx, c)), limits: new SendLimits(), lastMessageMs: 0 };
}

/** Once the calendar is there (the OnlineMeetings port): the chats of its Teams meetings, dated on the same clock. */
export function addMeetingChats(state: TeamsState, meetings: TeamsMeeting[], nowMs: number): void {
  const used = new Set(state.teams.flatMap((t) => t.channels.flatMap((c) => c.messages)).concat(state.chats.flatMap((c) => c.messages)).map((m) => Number(m.id)));
  const ctx: SeedContext = { directory: state.directory, epochMs: Date.parse(mailSeedEpoch(nowMs)), used };
  state.chats.push(...meetingChats(ctx, state, meetings));
}

function buildTeam(ctx: SeedContext, seed: SeedTeam): StoredTeam {
  const group = ctx.directory.groups.find((g) => g.displayName === seed.group);
  if (!group) throw new Error(`seed: no directory group ${seed.group} for its team`);
  const people = new Set([...group.members, ...group.owners].map((u) => ctx.directory.findUser(u)!.id));
  const channels: StoredChannel[] = seed.channels.map((c) => ({
    id: channelId(`${group.id}/${c.name}`),
    teamId: group.id,
    displayName: c.name,
    description: c.description,
    membershipType: c.type,
    createdDateTime: seed.created,
    isFavoriteByDefault: c.name === 'General',
    email: c.type === 'standard' ? channelEmail(`${group.id}/${c.name}`) : '',
    members: (c.members ?? []).map((key, i) => ({ userId: seedUserId(ctx, key), roles: i === 0 ? ['owner'] : ['member'] })),
    messages: [],
  }));
  const ids = new Map(channels.map((c) => [c.displayName, c.id]));
  for (const c of channels) {
    if (c.membershipType === 'private') for (const m of c.members) if (!people.has(m.userId)) throw new Error(`seed: a private channel of ${seed.group} names someone outside the team`);
    const audience = c.membershipType === 'standard' ? people : new Set(c.members.map((m) => m.userId));
    c.messages = checked(buildPosts(ctx, CHANNEL_POSTS[`${seed.group}/${c.displayName}`] ?? [], ids), audience, `${seed.group}/${c.displayName}`);
  }
  return {
    id: group.id,
    displayName: group.displayName,
    description: group.description,
    visibility: group.visibility === 'Public' ? 'public' : 'private',
    createdDateTime: seed.created,
    generalChannelId: channels[0].id,
    channels,
  };
}

function buildChat(ctx: SeedContext, seed: SeedChat): StoredChat {
  const members = seed.members.map((k) => seedUserId(ctx, k));
  const messages = checked(buildPosts(ctx, seed.posts), new Set(members), `chat ${seed.name}`);
  const first = Math.min(...messages.map((m) => m.createdMs));
  const last = Math.max(...messages.map((m) => m.modifiedMs));
  const lastRead = new Map(members.map((id) => [id, last]));
  for (const [key, at] of Object.entries(seed.read ?? {})) lastRead.set(seedUserId(ctx, key), postTime(ctx, at));
  return {
    id: seed.type === 'oneOnOne' ? oneOnOneChatId(members[0], members[1]) : groupChatId(seed.name),
    chatType: seed.type,
    topic: seed.topic,
    createdMs: first - 5 * 60_000,
    members: members.map((userId) => ({ userId, roles: ['owner'], visibleHistoryStartDateTime: '0001-01-01T00:00:00Z' })),
    messages,
    onlineMeetingInfo: null,
    lastRead,
  };
}

/** The messages, once every author and mentioned person is known to see the conversation. */
function checked(messages: StoredMessage[], audience: Set<string>, where: string): StoredMessage[] {
  for (const m of messages) {
    const outsiders = [m.fromUserId, ...m.mentions.map((x) => x.userId)].filter((id): id is string => id !== null && !audience.has(id));
    if (outsiders.length) throw new Error(`seed: ${where} has a message by or mentioning someone who cannot see it`);
  }
  return messages;
}
