// The teams tools through a real MCP client against the sandbox's Teams, signed in as Adele (Sales): her teams and
// chats, a channel and a thread, catching up since a time, replying with mentions by name, Markdown as Teams HTML,
// an ambiguous name, a private channel refused with the reason; the sandbox's state checked after each send.
import { Client } from '@modelcontextprotocol/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededTeam } from '../src/sandbox/testing.js';
import { ADELE, ALEX, BEN, type Connected, fails, graph, idOf, ok, upn, useSandbox } from './fixtures.js';

const sandbox = useSandbox();
const SALES = seededTeam('Sales');
const general = SALES.channels.find((c) => c.name === 'General')!;
const dealDesk = SALES.channels.find((c) => c.name === 'Deal Desk')!;
const CHRISTIE = upn('christie.cline');

type Msg = { id: string; from: string; at: string; text: string; thread?: string; replies?: number; mentions?: string[] };
type Read = { conversations: { where: string; chatId?: string; channelId?: string; messages: Msg[]; more?: number }[]; nextCursor?: string; since?: string };
type Sent = { id: string; where: string; thread?: string; mentioned?: string[] };

let adele: Connected;
beforeAll(async () => {
  adele = await sandbox.as(ADELE);
});

const channelMessages = (path = '') => `/teams/${SALES.id}/channels/${encodeURIComponent(general.id)}/messages${path}`;

describe('teams', () => {
  it('lists my teams with their channels (private ones I am in), a team\'s members, and my chats', async () => {
    const mine = await ok<{ teams: { id: string; name: string; channels: { name: string; type: string }[] }[] }>(adele, 'teams_list');
    const sales = mine.teams.find((t) => t.name === 'Sales')!;
    expect(sales.id).toBe(SALES.id);
    expect(sales.channels).toEqual(expect.arrayContaining([{ id: dealDesk.id, name: 'Deal Desk', type: 'private' }]));
    expect(mine.teams.map((t) => t.name)).not.toContain('Engineering');
    const team = await ok<{ members: { name: string; role?: string }[] }>(adele, 'teams_list', { team: 'sales' });
    expect(team.members).toEqual(expect.arrayContaining([{ name: 'Alex Wilber', email: ALEX, role: 'owner' }, expect.objectContaining({ name: 'Ben Walters' })]));
    const chats = await ok<{ chats: { id: string; title: string; type: string; last?: { from: string } }[] }>(adele, 'teams_list', { chats: true });
    expect(chats.chats.find((c) => c.title === 'Alex Wilber')).toMatchObject({ type: 'oneOnOne', last: { from: 'Alex Wilber' } });
  });

  it('reads a channel newest first with reply counts, pages on, and reads one thread', async () => {
    const first = await ok<Read>(adele, 'teams_read', { team: 'Sales', channel: 'General', limit: 2 });
    const [conv] = first.conversations;
    expect(conv.where).toBe('Sales / General');
    expect(conv.messages).toHaveLength(2);
    expect(Date.parse(conv.messages[0].at)).toBeGreaterThanOrEqual(Date.parse(conv.messages[1].at));
    expect(conv.messages[0].at).toMatch(/-0[78]:00$/); // Adele's zone, Pacific time
    const second = await ok<Read>(adele, 'teams_read', { team: 'Sales', channel: 'General', limit: 2, cursor: first.nextCursor });
    expect(second.conversations[0].messages.map((m) => m.id)).not.toContain(conv.messages[0].id);
    const withReplies = [...conv.messages, ...second.conversations[0].messages].find((m) => (m.replies ?? 0) > 0)!;
    const thread = await ok<Read>(adele, 'teams_read', { team: 'Sales', channel: 'General', thread: withReplies.id });
    const messages = thread.conversations[0].messages;
    expect(messages[0].id).toBe(withReplies.id);
    expect(messages.slice(1).every((m) => m.thread === withReplies.id)).toBe(true);
    expect(messages).toHaveLength(1 + withReplies.replies!);
    // A reply's id (what a search hit or a link gives) opens the thread it is in.
    const viaReply = await ok<Read>(adele, 'teams_read', { team: 'Sales', channel: 'General', thread: messages[1].id });
    expect(viaReply.conversations[0].messages.map((m) => m.id)).toEqual(messages.map((m) => m.id));
  });

  it('catches up on a channel and a chat since a time, then on everything, leaving older messages out', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const alexPosts = await sandbox.graphAs(ALEX, 'ChannelMessage.Send ChatMessage.Send Chat.Read');
    const posted = await graph(sandbox, alexPosts, channelMessages(), { method: 'POST', body: { body: { content: 'Store walk-through moved to 3 pm.' } } });
    expect(posted.status).toBe(201);
    const chats = (await graph(sandbox, alexPosts, '/me/chats?$expand=members')).body.value as { id: string; chatType: string; members: { userId: string }[] }[];
    const oneOnOne = chats.find((c) => c.chatType === 'oneOnOne' && c.members.some((m) => m.userId === idOf(ADELE)))!;
    expect((await graph(sandbox, alexPosts, `/chats/${encodeURIComponent(oneOnOne.id)}/messages`, { method: 'POST', body: { body: { content: 'Can you bring the Fabrikam contract?' } } })).status).toBe(201);

    const channel = await ok<Read>(adele, 'teams_read', { team: 'Sales', channel: 'General', since });
    expect(channel.conversations[0].messages.map((m) => m.text)).toEqual(['Store walk-through moved to 3 pm.']);
    const chat = await ok<Read>(adele, 'teams_read', { chat: 'Alex Wilber', since });
    expect(chat.conversations[0]).toMatchObject({ chatId: oneOnOne.id, messages: [expect.objectContaining({ from: 'Alex Wilber', text: 'Can you bring the Fabrikam contract?' })] });

    const all = await ok<Read>(adele, 'teams_read', { since });
    expect(all.conversations.map((c) => c.where).sort()).toEqual(['Sales / General', 'chat Alex Wilber']);
    expect(all.conversations.flatMap((c) => c.messages).map((m) => m.text).sort()).toEqual(['Can you bring the Fabrikam contract?', 'Store walk-through moved to 3 pm.']);
    expect(all.textBlock).toMatch(/== chat Alex Wilber/);
  });

  it('replies in a thread mentioning two people by name; the sandbox holds valid mention markup', async () => {
    const thread = (await ok<Read>(adele, 'teams_read', { team: 'Sales', channel: 'General', limit: 1 })).conversations[0].messages[0];
    const sent = await ok<Sent>(adele, 'teams_send', { team: 'Sales', channel: 'General', thread: thread.id, message: 'Thanks @[Alex Wilber], and @[christie] for the EMEA numbers.' });
    expect(sent).toMatchObject({ thread: thread.id, mentioned: ['Alex Wilber', 'Christie Cline'] });
    const token = await sandbox.graphAs(ADELE, 'ChannelMessage.Read.All');
    const stored = (await graph(sandbox, token, channelMessages(`/${thread.id}/replies/${sent.id}`))).body;
    expect(stored.body.content).toBe('<p>Thanks <at id="0">Alex Wilber</at>, and <at id="1">Christie Cline</at> for the EMEA numbers.</p>');
    expect(stored.mentions.map((m: { id: number; mentioned: { user: { id: string } } }) => [m.id, m.mentioned.user.id])).toEqual([[0, idOf(ALEX)], [1, idOf(CHRISTIE)]]);
    const reread = await ok<Read>(adele, 'teams_read', { team: 'Sales', channel: 'General', thread: thread.id, limit: 1 });
    expect(reread.conversations[0].messages[1]).toMatchObject({ id: sent.id, text: 'Thanks @Alex Wilber, and @Christie Cline for the EMEA numbers.', mentions: ['Alex Wilber', 'Christie Cline'] });
  });

  it('writes Markdown (list, bold, link, code block) as Teams HTML, and never passes the caller\'s HTML on', async () => {
    const md = 'Plan for **Saturday**:\n\n- open at 9\n- [rota](https://contoso.sharepoint.com/rota)\n\n```\nnpm run restock <store>\n```\n\n<b>not bold</b>';
    const sent = await ok<Sent>(adele, 'teams_send', { chat: 'Ben Walters', message: md });
    const token = await sandbox.graphAs(ADELE, 'Chat.Read');
    const chats = (await graph(sandbox, token, '/me/chats?$expand=members')).body.value as { id: string; chatType: string; members: { userId: string }[] }[];
    const withBen = chats.find((c) => c.chatType === 'oneOnOne' && c.members.some((m) => m.userId === idOf(BEN)))!;
    const stored = (await graph(sandbox, token, `/chats/${encodeURIComponent(withBen.id)}/messages/${sent.id}`)).body;
    expect(stored.body).toEqual({
      contentType: 'html',
      content: '<p>Plan for <strong>Saturday</strong>:</p>\n<ul>\n<li>open at 9</li>\n<li><a href="https://contoso.sharepoint.com/rota">rota</a></li>\n</ul>\n<pre><code>npm run restock &lt;store&gt;\n</code></pre>\n<p>&lt;b&gt;not bold&lt;/b&gt;</p>',
    });
  });

  it('asks before sending, naming the place, the words and who is notified; a no sends nothing', async () => {
    const questions: string[] = [];
    const client = new Client({ name: 'eliciting', version: '1' }, { capabilities: { elicitation: { form: {} } } });
    client.setRequestHandler('elicitation/create', async (req) => {
      questions.push(String((req.params as { message: string }).message));
      return { action: 'decline' };
    });
    const asking = await sandbox.as(ADELE, undefined, { client });
    const before = (await ok<Read>(adele, 'teams_read', { team: 'Sales', channel: 'General', limit: 1 })).conversations[0].messages[0].id;
    expect(await fails(asking, 'teams_send', { team: 'Sales', channel: 'General', message: 'Inventory at **noon**, @[Ben Walters]', importance: 'urgent' })).toMatch(/did not confirm teams_send\. Nothing was changed/);
    expect(questions).toEqual(['Send to Sales / General as you (importance urgent): "Inventory at **noon**, @[Ben Walters]", notifying Ben Walters. It cannot be unsent with these tools. Go ahead?']);
    expect((await ok<Read>(adele, 'teams_read', { team: 'Sales', channel: 'General', limit: 1 })).conversations[0].messages[0].id).toBe(before);
  });

  it('refuses an ambiguous name with the candidates, and a non-member with the reason; following the advice works', async () => {
    const ambiguous = await fails(adele, 'teams_send', { team: 'Contoso', channel: 'General', message: 'Hi @[Al]' });
    expect(ambiguous).toMatch(/fits \d+ people/);
    expect(ambiguous).toContain('Alex Wilber');
    expect(ambiguous).toContain('Allan Deyoung');
    expect(ambiguous).toMatch(/Write @\[full name\]/);
    const notMember = await fails(adele, 'teams_send', { chat: 'Ben Walters', message: 'Ask @[Megan Bowen]' });
    expect(notMember).toMatch(/Megan Bowen .* is not a member of chat Ben Walters/);
    const asAdvised = await ok<Sent>(adele, 'teams_send', { chat: 'Ben Walters', message: 'Ask Megan Bowen' });
    expect(asAdvised.mentioned).toBeUndefined();
  });

  it('tells a team member who is not in a private channel why they cannot read it', async () => {
    const ben = await sandbox.as(BEN);
    expect(await fails(ben, 'teams_read', { team: 'Sales', channel: 'Deal Desk' })).toMatch(/No channel "Deal Desk".*private and shared channels show only to their members/);
    expect(await fails(ben, 'teams_read', { team: 'Sales', channel: dealDesk.id })).toMatch(/not a member of the private channel 'Deal Desk'/);
  });

  it('sends past Graph\'s per-channel limit: the throttled message waits and is stored once', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => `Shelf count ${i + 1} done.`);
    const sent = await Promise.all(texts.map((message) => ok<Sent>(adele, 'teams_send', { team: 'Sales', channel: 'EMEA', message })));
    expect(new Set(sent.map((s) => s.id)).size).toBe(6);
    const token = await sandbox.graphAs(ADELE, 'ChannelMessage.Read.All');
    const emea = SALES.channels.find((c) => c.name === 'EMEA')!;
    const stored = (await graph(sandbox, token, `/teams/${SALES.id}/channels/${encodeURIComponent(emea.id)}/messages?$top=50`)).body.value as { body: { content: string } }[];
    for (const t of texts) expect(stored.filter((m) => m.body.content === `<p>${t}</p>`)).toHaveLength(1);
    expect(adele.log.lines.some((l) => /-> 429, retrying/.test(l))).toBe(true);
  });
});
