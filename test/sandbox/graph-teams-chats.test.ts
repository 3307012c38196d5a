// Chats in the sandbox over real HTTP: a person's one-on-one, group and meeting chats with $expand=members and
// lastMessagePreview, newest first; reading a chat's messages newest first and catching up since a date as
// chat-list-messages documents it ($filter honoured only with $orderby on the same property); deleted and edited
// messages; sending (stored once, readable by the other members); and who may read or send what.
import { describe, expect, it } from 'vitest';
import { ADELE, ALEX, BEN, allPages, graph, idOf, MEGAN, upn, useSandbox } from '../fixtures.js';
import { SEEDED_CHATS } from '../../src/sandbox/testing.js';

const sb = useSandbox();
const READ = 'Chat.Read';
const SEND = 'Chat.Read ChatMessage.Send';
const seededChatsOf = (key: string) => SEEDED_CHATS.filter((c) => c.members.includes(key));

/** Adele's chat with the people given (keys), found through Graph. */
async function chatWith(keys: string[]) {
  const adele = await sb.graphAs(ADELE, READ);
  const chats = await allPages(sb, adele, '/me/chats?$expand=members');
  const want = [idOf(ADELE), ...keys.map((k) => idOf(upn(k)))].sort();
  const found = chats.find((c) => c.members.map((m: any) => m.userId).sort().join() === want.join());
  if (!found) throw new Error(`Adele has no chat with ${keys.join(', ')}`);
  return found;
}

describe('listing chats', () => {
  it('lists a person\'s chats newest first, with members and the last message when expanded', async () => {
    const adele = await sb.graphAs(ADELE, READ);
    const r = await graph(sb, adele, '/me/chats?$expand=members,lastMessagePreview');
    expect(r.status).toBe(200);
    const meetings = r.body.value.filter((c: any) => c.chatType === 'meeting');
    expect(r.body.value).toHaveLength(seededChatsOf('adele.vance').length + meetings.length);
    expect(meetings.map((c: any) => c.topic).sort()).toEqual(['Adele / Alex 1:1', 'Contoso all hands', 'Monthly sales review', 'Sales leadership sync']);
    const updated = r.body.value.map((c: any) => Date.parse(c.lastUpdatedDateTime));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect(new Set(r.body.value.map((c: any) => c.chatType))).toEqual(new Set(['oneOnOne', 'group', 'meeting']));
    for (const c of r.body.value) {
      expect(c.members.some((m: any) => m.userId === idOf(ADELE))).toBe(true);
      expect(c.members[0]['@odata.type']).toBe('#microsoft.graph.aadUserConversationMember');
      // A meeting chat nobody wrote in has no last message yet.
      if (c.chatType === 'meeting' && c.lastMessagePreview === null) continue;
      expect(c.lastMessagePreview).toMatchObject({ id: expect.any(String), isDeleted: false, body: expect.any(Object) });
    }
    const core = r.body.value.find((c: any) => c.topic === 'Retail launch core team');
    expect(core).toMatchObject({ chatType: 'group', webUrl: expect.stringContaining(encodeURIComponent(core.id)) });
    expect(core.lastMessagePreview.from.user.displayName).toBe('Ben Walters');
    // /chats and /users/{me}/chats answer the same; someone else's chats are not served in delegated context.
    expect((await graph(sb, adele, '/chats')).body.value.map((c: any) => c.id)).toEqual(r.body.value.map((c: any) => c.id));
    expect((await graph(sb, adele, `/users/${idOf(ADELE)}/chats`)).status).toBe(200);
    expect((await graph(sb, adele, `/users/${idOf(ALEX)}/chats`)).status).toBe(403);
  });

  it('pages with $top, filters by type, and sorts only by the last message, newest first', async () => {
    const adele = await sb.graphAs(ADELE, READ);
    const first = await graph(sb, adele, '/me/chats?$top=2');
    expect(first.body.value).toHaveLength(2);
    const total = (await graph(sb, adele, '/me/chats')).body.value.length;
    expect((await allPages(sb, adele, '/me/chats?$top=2')).length).toBe(total);
    expect((await graph(sb, adele, `/me/chats?$filter=chatType ne 'meeting'`)).body.value.length).toBe(seededChatsOf('adele.vance').length);
    const groups = await graph(sb, adele, `/me/chats?$filter=chatType eq 'group'`);
    expect(groups.body.value.map((c: any) => c.chatType)).toEqual(groups.body.value.map(() => 'group'));
    expect(groups.body.value.length).toBe(seededChatsOf('adele.vance').filter((c) => c.type === 'group').length);
    const sorted = await graph(sb, adele, `/me/chats?$orderby=lastMessagePreview/createdDateTime desc&$expand=lastMessagePreview&$filter=chatType ne 'meeting'`);
    const times = sorted.body.value.map((c: any) => Date.parse(c.lastMessagePreview.createdDateTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await graph(sb, adele, '/me/chats?$orderby=topic')).status).toBe(400);
    expect((await graph(sb, adele, '/me/chats?$top=51')).status).toBe(400);
    expect((await graph(sb, adele, '/me/chats?$select=topic')).status).toBe(400);
  });

  it('reads one chat with its members, and shows when the person last read it', async () => {
    const withAlex = await chatWith(['alex.wilber']);
    expect(withAlex.id).toBe(`19:${[idOf(ADELE), idOf(ALEX)].sort().join('_')}@unq.gbl.spaces`);
    const adele = await sb.graphAs(ADELE, READ);
    const one = await graph(sb, adele, `/chats/${withAlex.id}?$expand=members`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ chatType: 'oneOnOne', topic: null, onlineMeetingInfo: null });
    // Alex wrote to her after she last looked: the chat has news for her.
    const messages = (await graph(sb, adele, `/chats/${withAlex.id}/messages`)).body.value;
    expect(Date.parse(one.body.viewpoint.lastMessageReadDateTime)).toBeLessThan(Date.parse(messages[0].createdDateTime));
    const members = await graph(sb, adele, `/me/chats/${withAlex.id}/members`);
    expect(members.body.value.map((m: any) => m.email).sort()).toEqual([ADELE, ALEX].sort());
    expect((await graph(sb, adele, `/chats/${withAlex.id}/members/${members.body.value[0].id}`)).body.userId).toBe(members.body.value[0].userId);
  });
});

describe('meeting chats', () => {
  it('ties each Teams meeting of the calendar to its chat: the organizer\'s event, its join link, its people', async () => {
    const alex = await sb.graphAs(ALEX, 'Chat.Read Calendars.Read');
    const chats = await graph(sb, alex, `/me/chats?$filter=chatType eq 'meeting'&$expand=members`);
    const sync = chats.body.value.find((c: any) => c.topic === 'Sales leadership sync');
    expect(sync.id).toMatch(/^19:meeting_[\w]+@thread\.v2$/);
    expect(sync.onlineMeetingInfo.organizer).toMatchObject({ id: idOf(ALEX), userIdentityType: 'aadUser' });
    expect(sync.members.map((m: any) => m.email).sort()).toEqual([ADELE, ALEX, upn('christie.cline')].sort());
    const event = await graph(sb, alex, `/me/events/${sync.onlineMeetingInfo.calendarEventId}`);
    expect(event.status).toBe(200);
    expect(event.body).toMatchObject({ subject: 'Sales leadership sync', isOnlineMeeting: true, onlineMeeting: { joinUrl: sync.onlineMeetingInfo.joinWebUrl } });
    expect(decodeURIComponent(sync.onlineMeetingInfo.joinWebUrl)).toContain(sync.id);
    const messages = (await graph(sb, alex, `/chats/${sync.id}/messages`)).body.value;
    expect(messages.find((m: any) => m.messageType === 'systemEventMessage').eventDetail).toMatchObject({ '@odata.type': '#microsoft.graph.callEndedEventMessageDetail', callDuration: 'PT31M', callEventType: 'meeting' });
    expect(messages.some((m: any) => m.mentions.some((x: any) => x.mentioned.user.id === idOf(ADELE)))).toBe(true);
    // The shared support mailbox organizes no meeting chat: it is not a person who can chat.
    expect(chats.body.value.every((c: any) => c.topic !== 'Weekly support triage')).toBe(true);
  });
});

describe('reading a chat', () => {
  it('lists messages newest first, with the urgent one, the deleted one emptied and the edited one marked', async () => {
    const adele = await sb.graphAs(ADELE, READ);
    const withAlex = await chatWith(['alex.wilber']);
    const messages = (await graph(sb, adele, `/chats/${withAlex.id}/messages`)).body.value;
    const modified = messages.map((m: any) => Date.parse(m.lastModifiedDateTime));
    expect(modified).toEqual([...modified].sort((a, b) => b - a));
    expect(messages[0]).toMatchObject({ importance: 'urgent', chatId: withAlex.id, channelIdentity: null, webUrl: null, from: { user: { id: idOf(ALEX) } } });
    expect(messages.find((m: any) => m.attachments.length).attachments[0]).toMatchObject({ contentType: 'reference', name: 'Q4 targets.xlsx', contentUrl: expect.stringContaining('-my.sharepoint.com/personal/alex_wilber_contoso_sandbox/Documents/Sales/Q4%20targets.xlsx') });

    const withBen = await chatWith(['ben.walters']);
    const benMessages = (await graph(sb, adele, `/chats/${withBen.id}/messages`)).body.value;
    const deleted = benMessages.find((m: any) => m.deletedDateTime !== null);
    expect(deleted.body.content).toBe('');
    const edited = benMessages.find((m: any) => m.lastEditedDateTime !== null);
    expect(edited.body.content).toContain('Southcenter sends Maria');
    const one = await graph(sb, adele, `/chats/${withBen.id}/messages/${edited.id}`);
    expect(one.body.id).toBe(edited.id);
  });

  it('catches up since a date: $filter on the property $orderby sorts by, ignored otherwise', async () => {
    const adele = await sb.graphAs(ADELE, READ);
    const core = await chatWith(['ben.walters', 'megan.bowen', 'miriam.graham']);
    const all = (await graph(sb, adele, `/chats/${core.id}/messages?$top=50`)).body.value;
    const since = sb.mailDay(-1); // the Sunday before the seed's epoch: only this Monday's messages are newer
    const recent = all.filter((m: any) => m.lastModifiedDateTime > since);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(all.length);
    const caughtUp = await graph(sb, adele, `/chats/${core.id}/messages?$orderby=lastModifiedDateTime desc&$filter=lastModifiedDateTime gt ${since}T00:00:00Z`);
    expect(caughtUp.body.value.map((m: any) => m.id)).toEqual(recent.map((m: any) => m.id));
    const byCreation = await graph(sb, adele, `/chats/${core.id}/messages?$orderby=createdDateTime desc&$filter=createdDateTime lt ${since}T00:00:00Z`);
    expect(byCreation.body.value.length).toBe(all.length - recent.length);
    // Without $orderby on the same property the $filter is ignored, as documented.
    expect((await graph(sb, adele, `/chats/${core.id}/messages?$filter=lastModifiedDateTime gt ${since}T00:00:00Z`)).body.value).toHaveLength(all.length);
    expect((await graph(sb, adele, `/chats/${core.id}/messages?$orderby=createdDateTime asc`)).status).toBe(400);
    expect((await graph(sb, adele, `/chats/${core.id}/messages?$orderby=createdDateTime desc&$filter=createdDateTime gt ${since}T00:00:00Z`)).status).toBe(400);
    // The system message of Miriam joining is part of the chat.
    expect(all.find((m: any) => m.messageType === 'systemEventMessage').eventDetail).toMatchObject({ '@odata.type': '#microsoft.graph.membersAddedEventMessageDetail', members: [{ id: idOf(upn('miriam.graham')) }] });
  });

  it('pages a chat\'s messages with $top and a nextLink', async () => {
    const adele = await sb.graphAs(ADELE, READ);
    const withAlex = await chatWith(['alex.wilber']);
    const first = await graph(sb, adele, `/chats/${withAlex.id}/messages?$top=2`);
    expect(first.body.value).toHaveLength(2);
    expect(first.body['@odata.nextLink']).toContain('$skiptoken=');
    const all = await allPages(sb, adele, `/chats/${withAlex.id}/messages?$top=2`);
    expect(all.length).toBe(SEEDED_CHATS.find((c) => c.name === 'adele-alex')!.posts.length);
    expect((await graph(sb, adele, `/chats/${withAlex.id}/messages?$top=51`)).status).toBe(400);
  });
});

describe('sending in a chat', () => {
  it('stores a message once, and the other member reads it with its mention', async () => {
    const adele = await sb.graphAs(ADELE, SEND);
    const withBen = await chatWith(['ben.walters']);
    const content = 'Thanks <at id="0">Ben Walters</at>!';
    const sent = await graph(sb, adele, `/chats/${withBen.id}/messages`, {
      method: 'POST', body: { body: { contentType: 'html', content }, subject: 'ignored', mentions: [{ id: 0, mentionText: 'Ben Walters', mentioned: { user: { id: idOf(BEN) } } }] },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ chatId: withBen.id, subject: null, body: { contentType: 'html', content }, messageType: 'message' });
    const ben = await sb.graphAs(BEN, READ);
    const theirs = (await graph(sb, ben, `/chats/${withBen.id}/messages?$top=1`)).body.value;
    expect(theirs[0]).toMatchObject({ id: sent.body.id, mentions: [{ id: 0, mentionText: 'Ben Walters' }] });
    expect((await allPages(sb, ben, `/chats/${withBen.id}/messages`)).filter((m) => m.id === sent.body.id)).toHaveLength(1);
    // Ben answers with a reaction, which Adele sees on her message.
    const benWrites = await sb.graphAs(BEN, SEND);
    expect((await graph(sb, benWrites, `/me/chats/${withBen.id}/messages/${sent.body.id}/setReaction`, { method: 'POST', body: { reactionType: 'like' } })).status).toBe(204);
    expect((await graph(sb, adele, `/chats/${withBen.id}/messages/${sent.body.id}`)).body.reactions).toEqual([expect.objectContaining({ reactionType: 'like', user: expect.objectContaining({ user: expect.objectContaining({ id: idOf(BEN) }) }) })]);
    // Megan is not in this chat: she cannot be mentioned in it, nor read it.
    const outsider = await graph(sb, adele, `/chats/${withBen.id}/messages`, { method: 'POST', body: { body: { contentType: 'html', content: '<at id="0">Megan Bowen</at>' }, mentions: [{ id: 0, mentionText: 'Megan Bowen', mentioned: { user: { id: idOf(MEGAN) } } }] } });
    expect(outsider.status).toBe(400);
    const megan = await sb.graphAs(MEGAN, READ);
    const refused = await graph(sb, megan, `/chats/${withBen.id}/messages`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('The signed-in user is not a member of the chat.');
  });

  it('asks for Chat.Read to read, ChatMessage.Send to send; channel permissions do not reach chats', async () => {
    const withBen = await chatWith(['ben.walters']);
    const gate = async (scopes: string, path: string, init = {}) => (await graph(sb, await sb.graphAs(ADELE, scopes), path, init)).status;
    const post = { method: 'POST', body: { body: { content: 'hi' } } };
    expect(await gate('Chat.ReadBasic', `/chats/${withBen.id}`)).toBe(200);
    expect(await gate('Chat.ReadBasic', `/chats/${withBen.id}/messages`)).toBe(403);
    expect(await gate('ChatMessage.Read', `/chats/${withBen.id}/messages`)).toBe(200);
    expect(await gate('ChannelMessage.Read.All', `/chats/${withBen.id}/messages`)).toBe(403);
    expect(await gate('Chat.Read', `/chats/${withBen.id}/messages`, post)).toBe(403);
    expect(await gate('ChannelMessage.Send', `/chats/${withBen.id}/messages`, post)).toBe(403);
    expect(await gate('Chat.ReadWrite', `/chats/${withBen.id}/messages`, post)).toBe(201);
    expect(await gate('Chat.Read', '/chats/19:nothing@thread.v2')).toBe(404);
    expect(await gate('Chat.Read', `/users/${idOf(ADELE)}/chats/getAllMessages`)).toBe(403);
  });
});
