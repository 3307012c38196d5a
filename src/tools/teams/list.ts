// Finding one's way in Teams: my teams with their channels, one team's channels and members, or my chats (newest
// first, with who is in them and the last message).
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { Cursor, Limit, moreLine, NextCursor, nextCursor } from '../content/paging.js';
import { clip, htmlToText } from '../content/text.js';
import { defineTool, ToolError } from '../define-tool.js';
import { Text } from '../shapes.js';
import { userIanaZone, withOffset } from '../user-zone.js';
import { channelsOf, chatTitle, findTeam, type GraphChat, myTeams } from './places.js';

const Channel = z.object({ id: z.string(), name: z.string(), type: z.string() });
const Team = z.object({ id: z.string(), name: z.string(), description: z.string().optional(), channels: z.array(Channel) });
const Member = z.object({ name: z.string(), email: z.string().optional(), role: z.string().optional() });
const Chat = z.object({
  id: z.string(), title: z.string(), type: z.string(), members: z.array(z.string()),
  last: z.object({ from: z.string(), at: z.string(), text: z.string() }).optional(),
});

type GraphMember = { displayName?: string | null; email?: string | null; roles?: string[] };

export const listTeams = defineTool({
  name: 'teams_list',
  title: 'List teams, channels or chats',
  description: 'Your teams with their channels; with team, its channels and members; with chats, your chats newest first.',
  group: 'teams',
  kind: 'read',
  scopes: ['Team.ReadBasic.All', 'Channel.ReadBasic.All', 'TeamMember.Read.All', 'Chat.Read'],
  orgOnly: true,
  input: z.object({
    team: Text(256).optional().describe('Team name or id'),
    chats: z.boolean().default(false).describe('List your chats instead'),
    limit: Limit(50, 20),
    cursor: Cursor,
  }),
  output: z.object({ teams: z.array(Team).optional(), members: z.array(Member).optional(), chats: z.array(Chat).optional(), nextCursor: NextCursor }),
  handler: async (a, ctx) => {
    const { graph, signal } = ctx;
    if (a.chats) {
      const me = (await ctx.auth.status()).account?.username;
      const zone = userIanaZone(ctx);
      const page = await graph.list<GraphChat>('/me/chats', {
        query: { $expand: 'members,lastMessagePreview', $top: a.limit, $orderby: 'lastMessagePreview/createdDateTime desc' }, limit: a.limit, cursor: a.cursor, signal,
      });
      const z0 = await zone;
      const chats = await Promise.all(page.items.map(async (c) => {
        const p = c.lastMessagePreview;
        const text = p?.body?.content ? clip(await htmlToText(p.body.content.replace(/<at\b[^>]*>(.*?)<\/at>/gis, '@$1')), 200).text : '';
        return {
          id: c.id, title: chatTitle(c, me), type: c.chatType ?? 'group',
          members: (c.members ?? []).map((m) => m.displayName ?? m.email ?? '?'),
          ...(p?.createdDateTime ? { last: { from: p.from?.user?.displayName ?? 'Teams', at: withOffset(p.createdDateTime, z0), text } } : {}),
        };
      }));
      return { chats, ...nextCursor(page) };
    }
    if (a.cursor) throw new ToolError('cursor pages chats only; leave it out.');
    if (a.team) {
      const team = await findTeam(ctx, a.team);
      const [channels, members] = await Promise.all([
        channelsOf(ctx, team),
        graph.list<GraphMember>(`/teams/${seg(team.id)}/members`, { limit: 1000, signal }),
      ]);
      return {
        teams: [{ id: team.id, name: team.name, ...(team.description ? { description: team.description } : {}), channels }],
        members: members.items.map((m) => ({ name: m.displayName ?? m.email ?? '?', ...(m.email ? { email: m.email } : {}), ...(m.roles?.length ? { role: m.roles.join(', ') } : {}) })),
      };
    }
    const teams = await myTeams(ctx);
    const answers = await graph.batchRead(teams.map((t) => ({ method: 'GET' as const, url: `/teams/${seg(t.id)}/channels?$select=id,displayName,membershipType` })), { signal });
    return {
      teams: teams.map((t, i) => {
        const value = answers[i].status === 200 ? ((answers[i].body as { value?: { id: string; displayName?: string; membershipType?: string }[] }).value ?? []) : [];
        return { id: t.id, name: t.name, ...(t.description ? { description: t.description } : {}), channels: value.map((c) => ({ id: c.id, name: c.displayName ?? c.id, type: c.membershipType ?? 'standard' })) };
      }),
    };
  },
  text: (r) => {
    const lines: string[] = [];
    for (const t of r.teams ?? []) {
      lines.push(`${t.name} | id: ${t.id}${t.description ? ` | ${t.description}` : ''}`);
      for (const c of t.channels) lines.push(`  # ${c.name}${c.type !== 'standard' ? ` (${c.type})` : ''} | id: ${c.id}`);
    }
    if (r.members) lines.push(`members (${r.members.length}): ${r.members.map((m) => `${m.name}${m.role ? ` (${m.role})` : ''}`).join(', ')}`);
    for (const c of r.chats ?? []) lines.push(`${c.title} [${c.type}] | id: ${c.id}${c.last ? `\n  last: ${c.last.at} ${c.last.from}: ${c.last.text}` : ''}`);
    if (r.chats && !r.chats.length) lines.push('no chats');
    if (r.teams && !r.teams.length) lines.push('You are in no teams.');
    return lines.join('\n') + moreLine(r.nextCursor);
  },
});
