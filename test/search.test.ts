// The search tools through a real MCP client against the sandbox's Microsoft Search and People API: one question
// finds a thing in mail, a chat, an event and a file, each hit opening with the tool it names; kinds the configuration
// cannot search are skipped and named; paging across the merged kinds has no gaps or repeats; KQL with quotes,
// colons and non-Latin text; people ranked and found by name.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, call, type Connected, fails, ok, textOf, upn, useSandbox } from './fixtures.js';

const sandbox = useSandbox();
let adele: Connected;
beforeAll(async () => {
  adele = await sandbox.as(ADELE);
});

type Hit = { kind: string; title: string; match?: string; open: { tool: string; args: Record<string, string> } };
type Found = { hits: Hit[]; skipped?: string[]; nextCursor?: string };

describe('search_query', () => {
  it('finds Fabrikam in her mail, her calendar and her files, and each hit opens with the tool it names', async () => {
    const found = await ok<Found>(adele, 'search_query', { query: 'Fabrikam', limit: 25 });
    const kinds = new Set(found.hits.map((h) => h.kind));
    for (const k of ['mail', 'event', 'file', 'chat']) expect(kinds.has(k), `${k} in ${[...kinds]}`).toBe(true);
    expect(found.skipped).toBeUndefined();
    for (const kind of ['mail', 'event', 'file', 'chat', 'list item', 'site']) {
      const hit = found.hits.find((h) => h.kind === kind);
      if (!hit) continue;
      const opened = await call(adele.client, hit.open.tool, hit.open.args);
      expect(opened.isError, `${hit.open.tool} ${JSON.stringify(hit.open.args)}: ${textOf(opened)}`).toBeFalsy();
    }
    const mail = found.hits.find((h) => h.kind === 'mail')!;
    expect(mail.match).toMatch(/Fabrikam/);
    // A channel message opens with its thread, a chat message opens its chat from that message on.
    const chats = await ok<Found>(adele, 'search_query', { query: 'Fabrikam', kinds: ['chats'], limit: 25 });
    const inChannel = chats.hits.find((h) => h.open.args.thread)!;
    const inChat = chats.hits.find((h) => h.open.args.chat)!;
    type Read = { conversations: { messages: { id: string; text: string }[] }[] };
    const thread = (await ok<Read>(adele, 'teams_read', inChannel.open.args)).conversations[0].messages;
    expect(thread.map((m) => m.id)).toContain(inChannel.open.args.thread);
    expect(thread.find((m) => m.id === inChannel.open.args.thread)!.text).toMatch(/Fabrikam/i);
    const chat = (await ok<Read>(adele, 'teams_read', inChat.open.args)).conversations[0].messages;
    expect(chat.at(-1)!.text).toMatch(/Fabrikam/i);
  });

  it('pages across the merged kinds without gaps or repeats; a cursor of another search says what to do', async () => {
    const all = new Set<string>();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: Found = await ok<Found>(adele, 'search_query', { query: 'the', kinds: ['mail', 'events', 'files'], limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...page.hits.map((h) => JSON.stringify(h.open)));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 400);
    expect(new Set(seen).size).toBe(seen.length);
    cursor = undefined;
    do {
      const page: Found = await ok<Found>(adele, 'search_query', { query: 'the', kinds: ['mail', 'events', 'files'], limit: 25, ...(cursor ? { cursor } : {}) });
      for (const h of page.hits) all.add(JSON.stringify(h.open));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen)).toEqual(all);
    const first = await ok<Found>(adele, 'search_query', { query: 'the', limit: 2 });
    expect(await fails(adele, 'search_query', { query: 'Fabrikam', cursor: first.nextCursor })).toMatch(/another search.*leave out cursor/);
  });

  it('reads KQL: quotes, colons and non-Latin text; from and dates restrict each kind', async () => {
    // A colon after a word that is no property, and a phrase: words to find, not syntax errors.
    const phrase = await ok<Found>(adele, 'search_query', { query: '"display vendor" Fabrikam: relationship', kinds: ['mail'] });
    expect(phrase.hits.length).toBeGreaterThan(0);
    expect(phrase.hits.every((h) => h.kind === 'mail' && /vendor/i.test(h.match ?? ''))).toBe(true);
    expect((await ok<Found>(adele, 'search_query', { query: '"vendor display"', kinds: ['mail'] })).hits).toEqual([]);
    const tanaka = await sandbox.as(upn('yuki.sato'));
    const jp = await ok<Found>(tanaka, 'search_query', { query: '東京オフィス', kinds: ['mail'] });
    expect(jp.hits.map((h) => h.title)).toContain('東京オフィス移転の件（12月）');
    const fromAlex = await ok<Found>(adele, 'search_query', { query: 'Fabrikam', kinds: ['mail'], from: 'Alex Wilber' });
    expect(fromAlex.hits.length).toBeGreaterThan(0);
    const none = await ok<Found>(adele, 'search_query', { query: 'Fabrikam', kinds: ['mail'], after: '2099-01-01' });
    expect(none.hits).toEqual([]);
  });

  it("finds a person's words only where that person may look", async () => {
    expect((await ok<Found>(adele, 'search_query', { query: '5100000', kinds: ['files'] })).hits).toEqual([]);
    const nestor = await sandbox.as(upn('nestor.wilke'));
    expect((await ok<Found>(nestor, 'search_query', { query: '5100000', kinds: ['files'] })).hits.map((h) => h.title)).toEqual(['Budget FY27.xlsx']);
    // The private Deal Desk channel: its members find its words, a Sales colleague outside it does not.
    const dealDesk = await ok<Found>(adele, 'search_query', { query: 'margin floor', kinds: ['chats'] });
    expect(dealDesk.hits.map((h) => h.title)).toEqual(['Wingtip Toys: 12% discount?']);
    const ben = await sandbox.as(upn('ben.walters'));
    expect((await ok<Found>(ben, 'search_query', { query: 'margin floor', kinds: ['chats'] })).hits).toEqual([]);
  });

  it('a configuration without the files permissions skips files and says how to get them; mail alone still answers', async () => {
    const personal = await sandbox.as(ADELE, { MS365_MCP_ORG_MODE: 'false' });
    try {
      const r = await ok<Found>(personal, 'search_query', { query: 'Fabrikam' });
      expect(r.skipped?.join(' ')).toMatch(/files \(needs Files\.Read\.All: turn on its tool group in organization mode/);
      expect(r.hits.some((h) => h.kind === 'mail')).toBe(true);
    } finally {
      await personal.close();
    }
  });
});

describe('search_people', () => {
  it('lists the people she works with most first, and finds people by name', async () => {
    const top = await ok<{ people: { name: string; mail?: string; title?: string }[]; nextCursor?: string }>(adele, 'search_people', { limit: 5 });
    expect(top.people).toHaveLength(5);
    expect(top.people.map((p) => p.mail)).not.toContain(ADELE);
    const more = await ok<{ people: { name: string }[] }>(adele, 'search_people', { limit: 5, cursor: top.nextCursor });
    expect(more.people.map((p) => p.name)).not.toContain(top.people[0].name);
    const megan = await ok<{ people: { name: string; department?: string }[] }>(adele, 'search_people', { name: 'Megan' });
    expect(megan.people[0]).toMatchObject({ name: 'Megan Bowen', department: expect.any(String) });
  });
});
