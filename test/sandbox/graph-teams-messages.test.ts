// Channel messages in the sandbox over real HTTP: thread starters newest first in pages of at most 50 with a
// $skiptoken nextLink, $expand=replies with reply counts, one thread read whole, what seeded messages carry (files by
// reference, cards, mentions, reactions, system events, importance, web links), and posting: a message, a reply
// mentioning two people (stored with valid markup), and the mentions Graph refuses, none of which is stored.
import { describe, expect, it } from 'vitest';
import { ADELE, ALEX, BEN, allPages, graph, idOf, upn, useSandbox, type GraphAs } from '../fixtures.js';
import { seededTeam } from '../../src/sandbox/testing.js';

const sb = useSandbox();
const READ = 'ChannelMessage.Read.All';
const SEND = 'ChannelMessage.Read.All ChannelMessage.Send';
const engineering = seededTeam('Engineering');
const sales = seededTeam('Sales');
const releases = engineering.channels.find((c) => c.name === 'Releases')!;
const salesGeneral = sales.channels.find((c) => c.name === 'General')!;
const releasesPath = `/teams/${engineering.id}/channels/${releases.id}/messages`;
const salesPath = `/teams/${sales.id}/channels/${salesGeneral.id}/messages`;

const mention = (id: number, userUpn: string, name: string) => ({ id, mentionText: name, mentioned: { user: { id: idOf(userUpn), displayName: name, userIdentityType: 'aadUser' } } });
const count = async (who: GraphAs, path: string) => (await allPages(sb, who, path)).length;

describe('reading a channel', () => {
  it('pages thread starters newest first: 20 by default, $top up to 50, a $skiptoken nextLink to the end', async () => {
    const grady = await sb.graphAs(upn('grady.archie'), READ);
    const first = await graph(sb, grady, releasesPath);
    expect(first.status).toBe(200);
    expect(first.body.value).toHaveLength(20);
    expect(first.body['@odata.nextLink']).toContain('$skiptoken=');
    const all = await allPages(sb, grady, `${releasesPath}?$top=50`);
    expect(all).toHaveLength(releases.posts.length);
    expect(releases.posts.length).toBeGreaterThan(50);
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
    const times = all.map((m) => Date.parse(m.createdDateTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.every((m) => m.replyToId === null)).toBe(true);
    const tooMany = await graph(sb, grady, `${releasesPath}?$top=51`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain("The limit of '50' for Top query has been exceeded. The value from the incoming request is '51'.");
    for (const option of ['$filter=importance eq \'high\'', '$orderby=createdDateTime', '$select=id', '$skip=5']) {
      expect((await graph(sb, grady, `${releasesPath}?${option}`)).status, option).toBe(400);
    }
  });

  it('expands each thread\'s replies with their count, and reads one thread whole', async () => {
    const grady = await sb.graphAs(upn('grady.archie'), READ);
    const page = await graph(sb, grady, `${releasesPath}?$top=10&$expand=replies`);
    expect(page.status).toBe(200);
    for (const m of page.body.value) expect(m['replies@odata.count']).toBe(m.replies.length);
    const withReply = page.body.value.find((m: any) => m.replies.length > 0);
    expect(withReply.replies[0]).toMatchObject({ replyToId: withReply.id, messageType: 'message' });
    const root = await graph(sb, grady, `${releasesPath}/${withReply.id}`);
    expect(root.body.id).toBe(withReply.id);
    const replies = await graph(sb, grady, `${releasesPath}/${withReply.id}/replies`);
    expect(replies.body.value.map((r: any) => r.id)).toEqual(withReply.replies.map((r: any) => r.id));
    const one = await graph(sb, grady, `${releasesPath}/${withReply.id}/replies/${withReply.replies[0].id}`);
    expect(one.body.body.content).toContain('Smoke tests green');
    // A reply is not a thread of its own.
    expect((await graph(sb, grady, `${releasesPath}/${withReply.replies[0].id}`)).status).toBe(404);
    expect((await graph(sb, grady, `${releasesPath}/${withReply.id}?$select=body`)).status).toBe(400);
  });

  it('shows what seeded messages carry: cards, files by reference, mentions, reactions, importance, web links, system events', async () => {
    const grady = await sb.graphAs(upn('grady.archie'), READ);
    const [card] = (await graph(sb, grady, `${releasesPath}?$top=1`)).body.value;
    expect(card.from).toMatchObject({ user: null, application: { displayName: 'Contoso Deploy', applicationIdentityType: 'bot' } });
    expect(card.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.parse(card.attachments[0].content).body[0].text).toMatch(/is live$/);
    expect(card.body.content).toContain(`<attachment id="${card.attachments[0].id}"></attachment>`);

    const adele = await sb.graphAs(ADELE, READ);
    const threads = await allPages(sb, adele, `${salesPath}?$expand=replies`);
    const signed = threads.find((m) => m.subject === 'Fabrikam: signed!');
    expect(signed.attachments).toEqual([expect.objectContaining({ contentType: 'reference', name: 'Fabrikam holiday displays proposal.docx', contentUrl: 'https://contoso.sharepoint.com/sites/Sales/Shared%20Documents/Proposals/Fabrikam%20holiday%20displays%20proposal.docx' })]);
    expect(signed.mentions).toEqual([expect.objectContaining({ id: 0, mentionText: 'Ben Walters', mentioned: expect.objectContaining({ user: expect.objectContaining({ id: idOf(BEN), userIdentityType: 'aadUser' }) }) })]);
    expect(signed.body).toEqual({ contentType: 'html', content: expect.stringContaining('<at id="0">Ben Walters</at>') });
    expect(signed.reactions.map((r: any) => r.reactionType).sort()).toEqual(['heart', 'heart', 'heart', 'like', 'like', '🎉']);
    expect(signed.from.user).toMatchObject({ id: idOf(ADELE), displayName: 'Adele Vance' });
    expect(signed.webUrl).toBe(`https://teams.microsoft.com/l/message/${encodeURIComponent(salesGeneral.id)}/${signed.id}?groupId=${sales.id}&tenantId=${signed.from.user.tenantId}&createdTime=${signed.id}&parentMessageId=${signed.id}`);
    const edited = threads.flatMap((m) => m.replies).find((r: any) => r.lastEditedDateTime !== null);
    expect(Date.parse(edited.lastEditedDateTime)).toBeGreaterThan(Date.parse(edited.createdDateTime));
    expect(edited.lastModifiedDateTime).toBe(edited.lastEditedDateTime);

    const launch = seededTeam('Retail Launch');
    const launchGeneral = await allPages(sb, adele, `/teams/${launch.id}/channels/${launch.channels[0].id}/messages`);
    const added = launchGeneral.find((m) => m.messageType === 'systemEventMessage');
    expect(added).toMatchObject({ from: null, body: { contentType: 'html', content: '<systemEventMessage/>' }, eventDetail: { '@odata.type': '#microsoft.graph.channelAddedEventMessageDetail', channelDisplayName: 'Store Openings', channelId: launch.channels[1].id } });
    expect(launchGeneral.find((m) => m.importance === 'high').body.content).toContain('March 15');
  });
});

describe('posting to a channel', () => {
  it('posts a message and a reply mentioning two people; both are stored once, with the markup as sent', async () => {
    const adele = await sb.graphAs(ADELE, SEND);
    const before = await count(adele, salesPath);
    const posted = await graph(sb, adele, salesPath, { method: 'POST', body: { subject: 'Store hours', body: { content: 'Holiday store hours are on the intranet.' } } });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ subject: 'Store hours', body: { contentType: 'text', content: 'Holiday store hours are on the intranet.' }, importance: 'normal', replyToId: null, from: { user: { id: idOf(ADELE) } } });
    expect(posted.body['@odata.context']).toContain('/messages/$entity');
    expect(await count(adele, salesPath)).toBe(before + 1);
    const [newest] = (await graph(sb, adele, `${salesPath}?$top=1`)).body.value;
    expect(newest.id).toBe(posted.body.id);

    const content = '<p>Thanks <at id="0">Alex Wilber</at> and <at id="1">Ben Walters</at>: the hours are <b>final</b>.</p>';
    const reply = await graph(sb, adele, `${salesPath}/${posted.body.id}/replies`, {
      method: 'POST', body: { body: { contentType: 'html', content }, mentions: [mention(0, ALEX, 'Alex Wilber'), mention(1, BEN, 'Ben Walters')], importance: 'high' },
    });
    expect(reply.status).toBe(201);
    const stored = (await graph(sb, adele, `${salesPath}/${posted.body.id}/replies`)).body.value;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: reply.body.id, replyToId: posted.body.id, importance: 'high', body: { contentType: 'html', content } });
    expect(stored[0].mentions.map((m: any) => [m.id, m.mentionText, m.mentioned.user.id])).toEqual([[0, 'Alex Wilber', idOf(ALEX)], [1, 'Ben Walters', idOf(BEN)]]);
  });

  it('refuses mentions Graph refuses (marker missing, mention missing, not a member, text body), storing nothing', async () => {
    const adele = await sb.graphAs(ADELE, SEND);
    const desk = sales.channels.find((c) => c.name === 'Deal Desk')!;
    const deskPath = `/teams/${sales.id}/channels/${desk.id}/messages`;
    const before = await count(adele, deskPath);
    const post = (body: unknown) => graph(sb, adele, deskPath, { method: 'POST', body });
    const noMarker = await post({ body: { contentType: 'html', content: 'Hello Alex' }, mentions: [mention(0, ALEX, 'Alex Wilber')] });
    expect(noMarker.status).toBe(400);
    expect(noMarker.body.error).toMatchObject({ code: 'BadRequest', message: `Neither Body nor adaptive card content contains marker for mention with Id '0'. Add '<at id="0">' to the body or an adaptive card.` });
    const noMention = await post({ body: { contentType: 'html', content: 'Hello <at id="0">Alex Wilber</at> and <at id="1">Christie Cline</at>' }, mentions: [mention(0, ALEX, 'Alex Wilber')] });
    expect(noMention.status).toBe(400);
    expect(noMention.body.error.message).toContain("marker for mention with Id '1'");
    // Ben is in the Sales team but not in the private Deal Desk channel.
    const outsider = await post({ body: { contentType: 'html', content: 'FYI <at id="0">Ben Walters</at>' }, mentions: [mention(0, BEN, 'Ben Walters')] });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.message).toBe("Mentioned user 'Ben Walters' is not a member of this conversation.");
    const text = await post({ body: { contentType: 'text', content: '<at id="0">Alex Wilber</at>' }, mentions: [mention(0, ALEX, 'Alex Wilber')] });
    expect(text.status).toBe(400);
    expect((await post({ body: { content: '' } })).status).toBe(400);
    expect((await post({ body: { content: 'hi' }, importance: 'critical' })).status).toBe(400);
    expect((await post({ body: { content: 'hi' }, colour: 'blue' })).status).toBe(400);
    expect(await count(adele, deskPath)).toBe(before);
  });

  it('attaches a file by reference and a card, each named in the body', async () => {
    const adele = await sb.graphAs(ADELE, SEND);
    const url = 'https://contoso.sharepoint.com/sites/Sales/Shared%20Documents/Pricing/Price%20list%202027.xlsx';
    const ok = await graph(sb, adele, salesPath, { method: 'POST', body: { body: { contentType: 'html', content: 'Prices: <attachment id="a1"></attachment>' }, attachments: [{ id: 'a1', contentType: 'reference', contentUrl: url, name: 'Price list 2027.xlsx' }] } });
    expect(ok.status).toBe(201);
    expect(ok.body.attachments).toEqual([{ id: 'a1', contentType: 'reference', contentUrl: url, content: null, name: 'Price list 2027.xlsx', thumbnailUrl: null, teamsAppId: null }]);
    const unnamed = await graph(sb, adele, salesPath, { method: 'POST', body: { body: { contentType: 'html', content: 'Prices' }, attachments: [{ id: 'a2', contentType: 'reference', contentUrl: url }] } });
    expect(unnamed.status).toBe(400);
  });

  it('needs ChannelMessage.Send, and a reply needs a thread that exists', async () => {
    const reader = await sb.graphAs(ADELE, READ);
    expect((await graph(sb, reader, salesPath, { method: 'POST', body: { body: { content: 'hi' } } })).status).toBe(403);
    const chatWriter = await sb.graphAs(ADELE, 'ChatMessage.Send');
    expect((await graph(sb, chatWriter, salesPath, { method: 'POST', body: { body: { content: 'hi' } } })).status).toBe(403);
    const writer = await sb.graphAs(ADELE, SEND);
    expect((await graph(sb, writer, `${salesPath}/1234/replies`, { method: 'POST', body: { body: { content: 'hi' } } })).status).toBe(404);
    // Someone outside the team cannot post to it.
    const yuki = await sb.graphAs(upn('yuki.sato'), SEND);
    expect((await graph(sb, yuki, `/teams/${engineering.id}/channels/${releases.id}/messages`, { method: 'POST', body: { body: { content: 'hi' } } })).status).toBe(403);
  });
});

describe('reactions', () => {
  it('sets a reaction once per person and type, shows it, and unsets it; reacting needs ChannelMessage.Send', async () => {
    const adele = await sb.graphAs(ADELE, SEND);
    const [thread] = (await graph(sb, adele, `${salesPath}?$top=1&$expand=replies`)).body.value;
    const before = thread.reactions.length;
    const react = (action: string, reactionType: unknown, who = adele) => graph(sb, who, `${salesPath}/${thread.id}/${action}`, { method: 'POST', body: { reactionType } });
    expect((await react('setReaction', '💘')).status).toBe(204);
    expect((await react('setReaction', '💘')).status).toBe(204);
    const after = (await graph(sb, adele, `${salesPath}/${thread.id}`)).body;
    expect(after.reactions.filter((r: any) => r.reactionType === '💘')).toEqual([expect.objectContaining({ user: expect.objectContaining({ user: expect.objectContaining({ id: idOf(ADELE) }) }) })]);
    expect(Date.parse(after.lastModifiedDateTime)).toBeGreaterThan(Date.parse(thread.lastModifiedDateTime));
    expect((await react('unsetReaction', '💘')).status).toBe(204);
    expect((await graph(sb, adele, `${salesPath}/${thread.id}`)).body.reactions).toHaveLength(before);
    expect((await react('setReaction', '')).status).toBe(400);
    expect((await react('setReaction', 'like', await sb.graphAs(ADELE, READ))).status).toBe(403);
  });
});
