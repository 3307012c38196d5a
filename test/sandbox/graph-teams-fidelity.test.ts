// The sandbox's teams, channels, members, chats and messages against Microsoft's description of Graph: every property
// they carry exists on its CSDL type with the right JSON type (a system message's event detail against the type its
// @odata.type names), and the responses have the status codes and the keys of the documented samples of these routes.
import { describe, expect, it } from 'vitest';
import { Csdl, findSample, loadSamples } from './csdl.js';
import { ADELE, allPages, graph, idOf, upn, useSandbox } from '../fixtures.js';
import { demoDirectory, SEEDED_TEAM_NAMES, seededTeam } from '../../src/sandbox/testing.js';

const csdl = Csdl.load();
const samples = loadSamples();
const sb = useSandbox();
const GROUPS = demoDirectory().groups;
const READ = 'Team.ReadBasic.All Channel.ReadBasic.All TeamMember.Read.All ChannelMember.Read.All ChannelMessage.Read.All Chat.Read';
const SEND = 'ChannelMessage.Send ChatMessage.Send';
type Rec = Record<string, any>;

/** The documented sample's keys that are properties of the type (samples carry a few retired ones, e.g. `deleted`). */
function documentedKeys(type: string, method: string, url: string): string[] {
  const sample = findSample(samples, method, url).response;
  const body = sample.body as Rec;
  const known = new Set([...csdl.properties(type).keys(), ...csdl.navigation(type)]);
  return Object.keys(body.value ? body.value[0] : body).filter((k) => !k.includes('@') && known.has(k));
}

function conforms(type: string, obj: Rec, method: string, url: string, status?: number) {
  if (status !== undefined) expect(status, `${method} ${url}`).toBe(findSample(samples, method, url).response.statusCode);
  for (const k of documentedKeys(type, method, url)) expect(obj, `${method} ${url}: ${k}`).toHaveProperty(k);
}

/** A message's problems against chatMessage, its event detail checked against the type it names. */
function messageProblems(m: Rec): string[] {
  const { eventDetail, replies, ...rest } = m;
  // Annotations of a property (replies@odata.count) are OData's, not the type's.
  const out = csdl.problems('microsoft.graph.chatMessage', Object.fromEntries(Object.entries(rest).filter(([k]) => !k.includes('@odata.'))));
  if (eventDetail) out.push(...csdl.problems(eventDetail['@odata.type'].replace(/^#/, ''), eventDetail));
  for (const r of replies ?? []) out.push(...messageProblems(r));
  return out;
}

describe('Teams against the CSDL and the documented samples', () => {
  it('every seeded team, channel, member and message, read by someone who sees it', async () => {
    for (const name of SEEDED_TEAM_NAMES) {
      const team = seededTeam(name);
      const group = GROUPS.find((g) => g.displayName === name)!;
      const member = await sb.graphAs(group.members[0], READ);
      const t = await graph(sb, member, `/teams/${team.id}`);
      expect(t.status, name).toBe(200);
      expect(csdl.problems('microsoft.graph.team', t.body), name).toEqual([]);
      const members = await graph(sb, member, `/teams/${team.id}/members`);
      conforms('microsoft.graph.aadUserConversationMember', members.body.value[0], 'GET', '/teams/*/members', members.status);
      for (const m of members.body.value) expect(csdl.problems('microsoft.graph.aadUserConversationMember', m)).toEqual([]);
      const channels = await graph(sb, member, `/teams/${team.id}/channels`);
      conforms('microsoft.graph.channel', channels.body.value[0], 'GET', '/teams/*/channels', channels.status);
      conforms('microsoft.graph.channel', (await graph(sb, member, `/teams/${team.id}/primaryChannel`)).body, 'GET', '/teams/*/primaryChannel');
      // Each channel read by someone who sees it: a private or shared channel by its first member.
      for (const seeded of team.channels) {
        const reader = seeded.members.length ? await sb.graphAs(seeded.members[0], READ) : member;
        const base = `/teams/${team.id}/channels/${seeded.id}`;
        const c = await graph(sb, reader, base);
        expect(csdl.problems('microsoft.graph.channel', c.body), seeded.name).toEqual([]);
        conforms('microsoft.graph.channel', c.body, 'GET', '/teams/*/channels/*', c.status);
        const cm = await graph(sb, reader, `${base}/members`);
        conforms('microsoft.graph.aadUserConversationMember', cm.body.value[0], 'GET', '/teams/*/channels/*/members', cm.status);
        for (const m of cm.body.value) expect(csdl.problems('microsoft.graph.aadUserConversationMember', m)).toEqual([]);
        const messages = await allPages(sb, reader, `${base}/messages?$top=50&$expand=replies`);
        expect(messages.length, `${name}/${seeded.name}`).toBe(seeded.posts.length);
        for (const m of messages) expect(messageProblems(m), `${name}/${seeded.name} ${m.id}`).toEqual([]);
      }
    }
  });

  it('messages, threads and replies carry the documented keys', async () => {
    const grady = await sb.graphAs(upn('grady.archie'), READ);
    const eng = seededTeam('Engineering');
    const base = `/teams/${eng.id}/channels/${eng.channels.find((c) => c.name === 'Releases')!.id}/messages`;
    const top = await graph(sb, grady, `${base}?$top=3`);
    conforms('microsoft.graph.chatMessage', top.body.value[0], 'GET', '/teams/*/channels/*/messages?$top=3', top.status);
    const expanded = await graph(sb, grady, `${base}?$top=1&$expand=replies`);
    conforms('microsoft.graph.chatMessage', expanded.body.value[0], 'GET', '/teams/*/channels/*/messages?$top=1&$expand=replies', expanded.status);
    const thread = (await allPages(sb, grady, `${base}?$top=50&$expand=replies`)).find((m) => m.replies.length > 0);
    conforms('microsoft.graph.chatMessage', (await graph(sb, grady, `${base}/${thread.id}`)).body, 'GET', '/teams/*/channels/*/messages/*');
    const replies = await graph(sb, grady, `${base}/${thread.id}/replies`);
    conforms('microsoft.graph.chatMessage', replies.body.value[0], 'GET', '/teams/*/channels/*/messages/*/replies', replies.status);
    conforms('microsoft.graph.chatMessage', (await graph(sb, grady, `${base}/${thread.id}/replies/${thread.replies[0].id}`)).body, 'GET', '/teams/*/channels/*/messages/*/replies/*');
  });

  it('chats, their members and messages', async () => {
    const adele = await sb.graphAs(ADELE, READ);
    const byUser = await graph(sb, adele, `/users/${idOf(ADELE)}/chats`);
    conforms('microsoft.graph.chat', byUser.body.value[0], 'GET', '/users/*/chats', byUser.status);
    const expanded = await graph(sb, adele, `/users/${idOf(ADELE)}/chats?$expand=members,lastMessagePreview`);
    conforms('microsoft.graph.chat', expanded.body.value[0], 'GET', '/users/*/chats?$expand=members');
    for (const c of expanded.body.value) {
      const { members, lastMessagePreview, ...chat } = c;
      expect(csdl.problems('microsoft.graph.chat', chat)).toEqual([]);
      for (const m of members) expect(csdl.problems('microsoft.graph.aadUserConversationMember', m)).toEqual([]);
      // A meeting chat nobody wrote in yet has no last message to preview.
      const { eventDetail, ...preview } = lastMessagePreview ?? { eventDetail: null };
      expect(csdl.problems('microsoft.graph.chatMessageInfo', preview)).toEqual([]);
      if (eventDetail) expect(csdl.problems(eventDetail['@odata.type'].replace(/^#/, ''), eventDetail)).toEqual([]);
      conforms('microsoft.graph.chat', (await graph(sb, adele, `/chats/${c.id}`)).body, 'GET', '/chats/*');
      conforms('microsoft.graph.chat', (await graph(sb, adele, `/chats/${c.id}?$expand=members`)).body, 'GET', '/chats/*?$expand=members');
      conforms('microsoft.graph.chat', (await graph(sb, adele, `/chats/${c.id}?$expand=lastMessagePreview`)).body, 'GET', '/chats/*?$expand=lastMessagePreview');
      const cm = await graph(sb, adele, `/chats/${c.id}/members`);
      conforms('microsoft.graph.aadUserConversationMember', cm.body.value[0], 'GET', '/chats/*/members', cm.status);
      const messages = await graph(sb, adele, `/chats/${c.id}/messages?$top=2`);
      expect(messages.status).toBe(findSample(samples, 'GET', '/chats/*/messages?$top=2').response.statusCode);
      if (messages.body.value.length === 0) continue;
      conforms('microsoft.graph.chatMessage', messages.body.value[0], 'GET', '/chats/*/messages?$top=2');
      for (const m of await allPages(sb, adele, `/chats/${c.id}/messages?$top=50`)) expect(messageProblems(m)).toEqual([]);
      conforms('microsoft.graph.chatMessage', (await graph(sb, adele, `/chats/${c.id}/messages/${messages.body.value[0].id}`)).body, 'GET', '/chats/*/messages/*');
    }
  });

  it('sending answers with the documented status codes and keys', async () => {
    const adele = await sb.graphAs(ADELE, `${READ} ${SEND}`);
    const sales = seededTeam('Sales');
    const base = `/teams/${sales.id}/channels/${sales.channels[0].id}/messages`;
    const posted = await graph(sb, adele, base, { method: 'POST', body: { body: { content: 'Hello World' } } });
    conforms('microsoft.graph.chatMessage', posted.body, 'POST', '/teams/*/channels/*/messages', posted.status);
    expect(messageProblems(posted.body)).toEqual([]);
    const reply = await graph(sb, adele, `${base}/${posted.body.id}/replies`, { method: 'POST', body: { body: { contentType: 'html', content: 'Hello World' } } });
    conforms('microsoft.graph.chatMessage', reply.body, 'POST', '/teams/*/channels/*/messages/*/replies', reply.status);
    const chats = await graph(sb, adele, '/me/chats');
    const sent = await graph(sb, adele, `/chats/${chats.body.value[0].id}/messages`, { method: 'POST', body: { body: { content: 'Hello World' } } });
    conforms('microsoft.graph.chatMessage', sent.body, 'POST', '/chats/*/messages', sent.status);
    expect(messageProblems(sent.body)).toEqual([]);
  });
});
