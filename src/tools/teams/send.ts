// Taking part in Teams as the user: a new post in a channel, a reply in a thread, a message in a chat. The caller
// writes Markdown and names people as @[Name]; the server writes the HTML Teams takes and the mention entries that
// go with each `<at>` marker, with people found among the conversation's members (and in the directory, to say why
// someone cannot be mentioned). It asks first: a message cannot be unsent with these tools.
import { z } from 'zod';
import type { GraphReader } from '../../graph/client.js';
import { searchClause, seg } from '../../graph/odata.js';
import { clip } from '../content/text.js';
import { defineTool, ToolError } from '../define-tool.js';
import { Text } from '../shapes.js';
import { userIanaZone, withOffset } from '../user-zone.js';
import { teamsHtml, mentionsIn } from './markdown.js';
import type { GraphChatMessage } from './messages.js';
import { type ChatMember, findPlace, messagesPath, type Place } from './places.js';

type Person = { userId: string; displayName: string; email?: string };
type Ctx = { graph: GraphReader; signal: AbortSignal; auth: { status(): Promise<{ account?: { username?: string } }> } };
const lower = (s: string | null | undefined) => (s ?? '').toLowerCase();

async function membersOf(ctx: Ctx, place: Place): Promise<Person[]> {
  const raw: ChatMember[] = place.kind === 'chat'
    ? place.chat.members ?? []
    : (await ctx.graph.list<ChatMember>(`/teams/${seg(place.team.id)}/members`, { limit: 5000, signal: ctx.signal })).items;
  return raw.filter((m) => m.userId).map((m) => ({ userId: m.userId!, displayName: m.displayName ?? m.email ?? m.userId!, ...(m.email ? { email: m.email } : {}) }));
}

const label = (p: { displayName?: string | null; email?: string | null; mail?: string | null; userPrincipalName?: string }) => `${p.displayName ?? '?'} <${p.email ?? p.mail ?? p.userPrincipalName ?? '?'}>`;

/** The member a mention names: by address, whole name, or a part of the name only one member has. */
async function resolvePerson(ctx: Ctx, key: string, members: Person[], where: string): Promise<Person> {
  const k = lower(key);
  const exact = members.filter((m) => lower(m.email) === k || lower(m.displayName) === k);
  const found = exact.length ? exact : members.filter((m) => lower(m.displayName).split(/\s+/).some((w) => w.startsWith(k)) || lower(m.displayName).includes(k));
  if (found.length === 1) return found[0];
  if (found.length > 1) throw new ToolError(`@[${key}] fits ${found.length} people in ${where}: ${found.slice(0, 10).map(label).join('; ')}. Write @[full name] or @[address].`);
  // Nobody in the conversation: the directory says whether the person exists, to give the reason.
  const users = (await ctx.graph.list<{ displayName?: string; mail?: string; userPrincipalName?: string }>('/users', {
    query: { $search: `${searchClause('displayName', key)} OR ${searchClause('mail', key)}`, $select: 'displayName,mail,userPrincipalName', $top: 10 },
    headers: { ConsistencyLevel: 'eventual' }, limit: 10, signal: ctx.signal,
  }).catch(() => ({ items: [] }))).items;
  if (!users.length) throw new ToolError(`No one called "${key}" in ${where} or the directory. Check the name with users_list, or mention by address.`);
  throw new ToolError(`${users.map(label).join('; ')} ${users.length === 1 ? 'is not a member' : 'are not members'} of ${where}: only its members can be mentioned. Leave the mention out, or write the name without @[ ].`);
}

const Input = z.object({
  team: Text(256).optional().describe('Team name or id'),
  channel: Text(256).optional().describe('Channel name or id'),
  thread: Text(64).optional().describe('Thread id: reply in it'),
  chat: Text(512).optional().describe('Chat id, topic or person'),
  message: Text(28_000, { min: 1, trim: false }).describe('Markdown; mention people as @[Name] or @[address]'),
  subject: Text(255).optional().describe('New channel posts only'),
  importance: z.enum(['normal', 'high', 'urgent']).default('normal').describe('urgent notifies repeatedly: only when asked'),
});

async function prepare(a: z.output<typeof Input>, ctx: Ctx) {
  const me = (await ctx.auth.status()).account?.username;
  const place = await findPlace(ctx, a, me);
  if (a.thread && place.kind === 'chat') throw new ToolError('Chats have no threads: leave out thread to write in the chat.');
  if (a.subject && (a.thread || place.kind === 'chat')) throw new ToolError('Only a new channel post has a subject: leave it out of replies and chat messages.');
  const keys = mentionsIn(a.message);
  const members = keys.length ? await membersOf(ctx, place) : [];
  const people = new Map<string, Person>();
  for (const k of keys) people.set(k, await resolvePerson(ctx, k, members, place.where));
  const { html, markers } = await teamsHtml(a.message, new Map([...people].map(([k, p]) => [k, p.displayName])));
  const where = a.thread ? `${place.where}, thread ${a.thread}` : place.where;
  return { place, where, html, markers, people };
}

export const sendTeams = defineTool({
  name: 'teams_send',
  title: 'Send a Teams message',
  description: 'Posts in a channel, replies in a thread, or writes in a chat, as you. Markdown; @[Name] mentions a member.',
  group: 'teams',
  kind: 'destructive',
  idempotent: false,
  scopes: ['Team.ReadBasic.All', 'Channel.ReadBasic.All', 'TeamMember.Read.All', 'Chat.Read', 'ChannelMessage.Send', 'ChatMessage.Send', 'User.Read.All'],
  orgOnly: true,
  input: Input,
  output: z.object({ id: z.string(), where: z.string(), at: z.string(), thread: z.string().optional(), mentioned: z.array(z.string()).optional(), webUrl: z.string().optional() }),
  confirm: async (a, ctx) => {
    const { where, people } = await prepare(a, ctx);
    const names = [...new Set([...people.values()].map((p) => p.displayName))];
    return `Send to ${where} as you${a.importance !== 'normal' ? ` (importance ${a.importance})` : ''}: "${clip(a.message, 300).text}"${names.length ? `, notifying ${names.join(', ')}` : ''}. It cannot be unsent with these tools.`;
  },
  handler: async (a, ctx) => {
    const { place, where, html, markers, people } = await prepare(a, ctx);
    const body = {
      body: { contentType: 'html', content: html },
      ...(a.subject ? { subject: a.subject } : {}),
      ...(a.importance !== 'normal' ? { importance: a.importance } : {}),
      ...(markers.length ? {
        mentions: markers.map((m) => {
          const p = people.get(m.key)!;
          return { id: m.id, mentionText: m.text, mentioned: { user: { id: p.userId, displayName: p.displayName, userIdentityType: 'aadUser' } } };
        }),
      } : {}),
    };
    const path = a.thread ? `${messagesPath(place)}/${seg(a.thread)}/replies` : messagesPath(place);
    const sent = await ctx.graph.post<GraphChatMessage>(path, body, { signal: ctx.signal });
    const zone = await userIanaZone(ctx);
    return {
      id: sent.id, where, at: withOffset(sent.createdDateTime, zone),
      ...(sent.replyToId ? { thread: sent.replyToId } : {}),
      ...(people.size ? { mentioned: [...new Set([...people.values()].map((p) => p.displayName))] } : {}),
      ...(sent.webUrl ? { webUrl: sent.webUrl } : {}),
    };
  },
  text: (r) => `sent to ${r.where} at ${r.at} | id: ${r.id}${r.mentioned ? `\nmentioned: ${r.mentioned.join(', ')}` : ''}`,
});
