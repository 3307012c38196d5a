// Graph's send limits for Teams in the sandbox over real HTTP: more than 4 messages a second to one channel, or more
// than 20 chat messages a second from one app, meet 429 with a Retry-After; the refused message is not stored, and
// posting it again after the wait stores it once.
import { describe, expect, it } from 'vitest';
import { ADELE, allPages, graph, idOf, upn, useSandbox } from '../fixtures.js';
import { seededTeam } from '../../src/sandbox/testing.js';

const sb = useSandbox();
const SEND = 'ChannelMessage.Read.All ChannelMessage.Send Chat.Read ChatMessage.Send';

describe('sending meets Graph\'s throttling', () => {
  it('a fifth message in a second to one channel is 429 with Retry-After, not stored; its retry is stored once', async () => {
    const adele = await sb.graphAs(ADELE, SEND);
    const contoso = seededTeam('Contoso');
    const social = `/teams/${contoso.id}/channels/${contoso.channels.find((c) => c.name === 'Social')!.id}/messages`;
    const before = await allPages(sb, adele, `${social}?$top=50`);
    const texts = ['one', 'two', 'three', 'four', 'five', 'six'].map((n) => `Throttle test ${n}`);
    const answers = await Promise.all(texts.map((content) => graph(sb, adele, social, { method: 'POST', body: { body: { content } } })));
    const refused = answers.filter((r) => r.status === 429);
    expect(answers.filter((r) => r.status === 201)).toHaveLength(4);
    expect(refused).toHaveLength(2);
    expect(refused[0].body.error.code).toBe('TooManyRequests');
    const wait = Number(refused[0].headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    const stored = (await allPages(sb, adele, `${social}?$top=50`)).filter((m) => m.body.content.startsWith('Throttle test'));
    expect(stored).toHaveLength(4);
    expect((await allPages(sb, adele, `${social}?$top=50`)).length).toBe(before.length + 4);
    // A client that waits as told gets the refused messages through, each once.
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    const missing = texts.filter((t) => !stored.some((m) => m.body.content === t));
    for (const content of missing) expect((await graph(sb, adele, social, { method: 'POST', body: { body: { content } } })).status).toBe(201);
    const after = (await allPages(sb, adele, `${social}?$top=50`)).filter((m) => m.body.content.startsWith('Throttle test'));
    expect(after.map((m) => m.body.content).sort()).toEqual([...texts].sort());
  });

  it('other channels are not held up by one that is busy', async () => {
    const adele = await sb.graphAs(ADELE, SEND);
    const sales = seededTeam('Sales');
    const [general, emea] = ['General', 'EMEA'].map((n) => `/teams/${sales.id}/channels/${sales.channels.find((c) => c.name === n)!.id}/messages`);
    const burst = await Promise.all([general, general, general, general, emea].map((p, i) => graph(sb, adele, p, { method: 'POST', body: { body: { content: `busy ${i}` } } })));
    expect(burst.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
  });

  it('a 21st chat message in a second is 429 and not stored', async () => {
    const adele = await sb.graphAs(ADELE, SEND);
    const chats = await allPages(sb, adele, '/me/chats?$expand=members');
    const withBen = chats.find((c) => c.chatType === 'oneOnOne' && c.members.some((m: any) => m.userId === idOf(upn('ben.walters'))));
    const path = `/chats/${withBen.id}/messages`;
    const before = (await allPages(sb, adele, path)).length;
    const answers = await Promise.all(Array.from({ length: 22 }, (_, i) => graph(sb, adele, path, { method: 'POST', body: { body: { content: `burst ${i}` } } })));
    const created = answers.filter((r) => r.status === 201).length;
    expect(created).toBe(20);
    expect(answers.filter((r) => r.status === 429).every((r) => Number(r.headers.get('retry-after')) >= 1)).toBe(true);
    expect((await allPages(sb, adele, path)).length).toBe(before + created);
  });
});
