// Delta queries over real HTTP, as Graph documents them for Outlook: a folder's messages and a calendar view.
// The first round pages out everything (nextLink with a $skiptoken, then a deltaLink with a $deltatoken, the
// round's options carried by the tokens), a deltaLink then reports only what changed (new and changed items in
// full or with the round's $select, deleted and moved-out ones as `@removed`), a round with no changes is an empty
// page with a new deltaLink, and an unknown token is 410 SyncStateNotFound. Every item changed here is one the
// test created (its own folders and events in a window of its own).
import { beforeAll, describe, expect, it } from 'vitest';
import { graph, type GraphAs, upn, useSandbox } from '../fixtures.js';
import { findSample, loadSamples } from './csdl.js';

const sb = useSandbox();
const samples = loadSamples();
const T: Record<string, GraphAs> = {};
beforeAll(async () => {
  T.alex = await sb.graphAs(upn('alex.wilber'), 'Mail.ReadWrite Calendars.ReadWrite');
  T.megan = await sb.graphAs(upn('megan.bowen'), 'Calendars.Read');
  T.basic = await sb.graphAs(upn('alex.wilber'), 'Mail.ReadBasic');
}, 30_000);

type Page = { status: number; items: any[]; next?: string; delta?: string; body: any };
const call = async (who: GraphAs, url: string, headers: Record<string, string> = {}): Promise<Page> => {
  const r = await graph(sb, who, url, { headers });
  return { status: r.status, body: r.body, items: r.body.value ?? [], next: r.body['@odata.nextLink'], delta: r.body['@odata.deltaLink'] };
};
/** A whole round from `url`: every page's items, the page sizes and the deltaLink that ends it. */
async function round(who: GraphAs, url: string, headers: Record<string, string> = {}) {
  const items: any[] = [];
  const sizes: number[] = [];
  for (let next = url; ; ) {
    const page = await call(who, next, headers);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    items.push(...page.items);
    sizes.push(page.items.length);
    if (page.delta) return { items, sizes, deltaLink: page.delta, last: page };
    expect(page.next).toMatch(/\?\$skiptoken=[\w-]+$/);
    next = page.next!;
  }
}
const post = async (who: GraphAs, path: string, body: unknown) => (await graph(sb, who, path, { method: 'POST', body })).body;
const removed = (id: string, type: string) => ({ '@odata.type': `#microsoft.graph.${type}`, id, '@removed': { reason: 'deleted' } });

describe('messages/delta of a mail folder', () => {
  let folder: string;
  let archive: string;
  const drafts: any[] = [];
  let deltaLink: string;

  beforeAll(async () => {
    folder = (await post(T.alex, '/me/mailFolders', { displayName: 'Delta sync' })).id;
    archive = (await post(T.alex, '/me/mailFolders', { displayName: 'Delta archive' })).id;
    for (const n of [1, 2, 3, 4, 5]) drafts.push(await post(T.alex, `/me/mailFolders/${folder}/messages`, { subject: `Delta ${n}` }));
  });

  it('the first round pages out every message of the folder with $select, in pages of odata.maxpagesize, and ends with a deltaLink', async () => {
    const r = await round(T.alex, `/me/mailFolders/${folder}/messages/delta?$select=subject,isRead`, { Prefer: 'odata.maxpagesize=2' });
    expect(r.sizes).toEqual([2, 2, 1]);
    expect(r.items.map((m) => m.id).sort()).toEqual(drafts.map((d) => d.id).sort());
    for (const m of r.items) expect(Object.keys(m).sort()).toEqual(['@odata.etag', '@odata.type', 'id', 'isRead', 'subject']);
    expect(r.items[0]['@odata.type']).toBe('#microsoft.graph.message');
    expect(r.last.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#Collection(message)');
    expect(r.deltaLink).toMatch(new RegExp(`^${sb.url}/v1.0/me/mailFolders/${folder.replace(/[=+/]/g, '\\$&')}/messages/delta\\?\\$deltatoken=[\\w-]+$`));
    deltaLink = r.deltaLink;
  });

  it('the deltaLink reports a created, an updated, a deleted and a moved-out message, the changed ones with the round\'s $select', async () => {
    const [d1, d2, d3] = drafts;
    const created = await post(T.alex, `/me/mailFolders/${folder}/messages`, { subject: 'Delta 6' });
    expect((await graph(sb, T.alex, `/me/messages/${d1.id}`, { method: 'PATCH', body: { isRead: false } })).status).toBe(200);
    expect((await graph(sb, T.alex, `/me/messages/${d2.id}`, { method: 'DELETE' })).status).toBe(204);
    const moved = await post(T.alex, `/me/messages/${d3.id}/move`, { destinationId: archive });
    expect(moved.id).not.toBe(d3.id);

    const r = await round(T.alex, deltaLink);
    expect(r.sizes).toEqual([4]);
    expect(r.items).toEqual(
      expect.arrayContaining([
        removed(d2.id, 'message'),
        removed(d3.id, 'message'),
        expect.objectContaining({ '@odata.type': '#microsoft.graph.message', id: d1.id, subject: 'Delta 1', isRead: false }),
        expect.objectContaining({ id: created.id, subject: 'Delta 6', isRead: true }),
      ]),
    );
    const updated = r.items.find((m) => m.id === d1.id);
    expect(Object.keys(updated).sort()).toEqual(['@odata.etag', '@odata.type', 'id', 'isRead', 'subject']);
    expect(r.deltaLink).not.toBe(deltaLink);

    // Nothing changed since: an empty page and a new deltaLink, and the moved message never shows in this folder.
    const quiet = await round(T.alex, r.deltaLink);
    expect(quiet.items).toEqual([]);
    expect(quiet.deltaLink).not.toBe(r.deltaLink);
    const inArchive = await round(T.alex, `/me/mailFolders/${archive}/messages/delta`);
    expect(inArchive.items.map((m) => m.id)).toEqual([moved.id]);
    deltaLink = quiet.deltaLink;
  });

  it('without $select a changed message comes in full, as GET of the folder writes it; delta() and /users/{upn} are the same function', async () => {
    const [, , , d4] = drafts;
    await graph(sb, T.alex, `/me/messages/${d4.id}`, { method: 'PATCH', body: { categories: ['Red category'] } });
    const plain = await round(T.alex, `/users/${upn('alex.wilber')}/mailFolders/${folder}/messages/delta()`);
    const got = await graph(sb, T.alex, `/me/mailFolders/${folder}/messages/${d4.id}`);
    const { '@odata.context': _c, ...asGet } = got.body;
    expect(plain.items.find((m) => m.id === d4.id)).toEqual({ '@odata.type': '#microsoft.graph.message', ...asGet });
    // The earlier round's deltaLink still answers, with only that change.
    const r = await round(T.alex, deltaLink);
    expect(r.items.map((m) => m.id)).toEqual([d4.id]);
  });

  it('changeType=created reports only new messages in later rounds', async () => {
    const first = await round(T.alex, `/me/mailFolders/${folder}/messages/delta?changeType=created&$select=subject`);
    expect(first.items.map((m) => m.subject).sort()).toEqual(['Delta 1', 'Delta 4', 'Delta 5', 'Delta 6']);
    const created = await post(T.alex, `/me/mailFolders/${folder}/messages`, { subject: 'Delta 7' });
    await graph(sb, T.alex, `/me/messages/${drafts[4].id}`, { method: 'PATCH', body: { isRead: false } });
    const r = await round(T.alex, first.deltaLink);
    expect(r.items).toEqual([{ '@odata.type': '#microsoft.graph.message', '@odata.etag': expect.any(String), id: created.id, subject: 'Delta 7' }]);
  });

  it('an unknown token, a token of another folder, or a skipToken given as a deltaToken is 410 SyncStateNotFound', async () => {
    const gone = async (url: string) => {
      const r = await graph(sb, T.alex, url);
      expect(r.status, url).toBe(410);
      expect(r.body.error.code).toBe('SyncStateNotFound');
    };
    await gone(`/me/mailFolders/${folder}/messages/delta?$deltatoken=notatoken`);
    const other = await round(T.alex, `/me/mailFolders/${archive}/messages/delta`);
    await gone(other.deltaLink.replace(encodeURIComponent(archive), folder).replace(archive, folder));
    const page = await call(T.alex, `/me/mailFolders/${folder}/messages/delta`, { Prefer: 'odata.maxpagesize=1' });
    await gone(page.next!.replace('$skiptoken', '$deltatoken'));
  });

  it('Mail.ReadBasic may track changes (no bodies); $search is refused, $filter taken on receivedDateTime only', async () => {
    const basic = await round(T.basic, `/me/mailFolders/${folder}/messages/delta`);
    expect(basic.items.length).toBeGreaterThan(0);
    for (const m of basic.items) expect(m.body).toBeUndefined();
    expect((await graph(sb, T.alex, `/me/mailFolders/${folder}/messages/delta?$search=%22delta%22`)).status).toBe(400);
    // $filter only on receivedDateTime ge/gt, as documented.
    expect((await round(T.alex, `/me/mailFolders/${folder}/messages/delta?$filter=receivedDateTime ge 2000-01-01T00:00:00Z`)).items.length).toBe(basic.items.length);
    expect((await graph(sb, T.alex, `/me/mailFolders/${folder}/messages/delta?$filter=${encodeURIComponent("subject eq 'Delta 1'")}`)).body.error.code).toBe('ErrorInvalidUrlQueryFilter');
  });

  it('the documented request answers as documented: 200, the documented keys', async () => {
    const doc = findSample(samples, 'GET', '/me/mailFolders/*/messages/delta');
    // The documented example asks for pages of two.
    const r = await graph(sb, T.alex, '/me/mailFolders/inbox/messages/delta', { headers: { Prefer: 'odata.maxpagesize=2' } });
    expect(r.status).toBe(doc.response.statusCode);
    expect(Object.keys(r.body)).toEqual(expect.arrayContaining(Object.keys(doc.response.body as object)));
    for (const key of Object.keys((doc.response.body as any).value[0])) expect(r.body.value[0], key).toHaveProperty(key);
  });
});

describe('calendarView/delta', () => {
  // A window of the test's own, years ahead: the only items in it besides the test's events are seeded series.
  const FROM = '2031-03-03T00:00:00Z';
  const TO = '2031-03-08T00:00:00Z';
  const window = `startDateTime=${FROM}&endDateTime=${TO}`;
  const utc = (date: string, time: string) => ({ dateTime: `${date}T${time}:00`, timeZone: 'UTC' });
  const create = (who: GraphAs, body: Record<string, unknown>) => post(who, '/me/events', body);
  const at = (subject: string, date: string, time = '10:00', end = '11:00') => ({ subject, start: utc(date, time), end: utc(date, end) });
  let single: any;
  let doomed: any;
  let leaving: any;
  let series: any;
  let meeting: any;
  let deltaLink: string;
  let megansLink: string;

  beforeAll(async () => {
    single = await create(T.alex, at('Delta stand-up', '2031-03-04'));
    doomed = await create(T.alex, at('Delta to delete', '2031-03-05'));
    leaving = await create(T.alex, at('Delta to move out', '2031-03-06'));
    series = await create(T.alex, {
      ...at('Delta daily', '2031-03-04', '08:00', '08:30'),
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2031-03-04', numberOfOccurrences: 3 } },
    });
    meeting = await create(T.alex, { ...at('Delta review', '2031-03-05', '14:00', '15:00'), attendees: [{ type: 'required', emailAddress: { address: upn('megan.bowen') } }] });
  });

  it('the first round returns what calendarView shows in the window (occurrences included), the window carried by the tokens', async () => {
    const r = await round(T.alex, `/me/calendarView/delta?${window}`, { Prefer: 'odata.maxpagesize=3' });
    expect(r.sizes.slice(0, -1).every((n) => n === 3)).toBe(true);
    const plain = await graph(sb, T.alex, `/me/calendarView?${window}&$top=100`);
    expect(r.items.map((e) => e.id).sort()).toEqual(plain.body.value.map((e: any) => e.id).sort());
    const mine = r.items.filter((e) => e.subject.startsWith('Delta '));
    expect(mine.map((e) => e.subject).sort()).toEqual(['Delta daily', 'Delta daily', 'Delta daily', 'Delta review', 'Delta stand-up', 'Delta to delete', 'Delta to move out']);
    expect(mine.filter((e) => e.subject === 'Delta daily').map((e) => e.type)).toEqual(['occurrence', 'occurrence', 'occurrence']);
    const { '@odata.context': _c, ...asGet } = (await graph(sb, T.alex, `/me/events/${single.id}`)).body;
    expect(r.items.find((e) => e.id === single.id)).toEqual({ '@odata.type': '#microsoft.graph.event', ...asGet });
    expect(r.last.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#Collection(event)');
    expect(r.deltaLink).toMatch(/\/me\/calendarView\/delta\?\$deltatoken=[\w-]+$/);
    deltaLink = r.deltaLink;
    megansLink = (await round(T.megan, `/me/calendarView/delta?${window}`)).deltaLink;
  });

  it('the deltaLink reports what was created, updated, deleted, moved out, cancelled or taken out of a series in the window; nothing outside it', async () => {
    const created = await create(T.alex, at('Delta new', '2031-03-07'));
    const outside = await create(T.alex, at('Delta far away', '2031-04-07'));
    const patch = (id: string, body: unknown) => graph(sb, T.alex, `/me/events/${id}`, { method: 'PATCH', body });
    expect((await patch(single.id, { subject: 'Delta stand-up (moved room)' })).status).toBe(200);
    expect((await patch(leaving.id, at('Delta to move out', '2031-03-20'))).status).toBe(200);
    expect((await patch(outside.id, { subject: 'Delta far away, renamed' })).status).toBe(200);
    expect((await graph(sb, T.alex, `/me/events/${doomed.id}`, { method: 'DELETE' })).status).toBe(204);
    const occurrences = (await graph(sb, T.alex, `/me/events/${series.id}/instances?${window}`)).body.value;
    expect((await graph(sb, T.alex, `/me/events/${occurrences[1].id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(sb, T.alex, `/me/events/${meeting.id}/cancel`, { method: 'POST', body: { comment: 'No longer needed.' } })).status).toBe(202);

    const r = await round(T.alex, deltaLink);
    const byId = new Map(r.items.map((e) => [e.id, e]));
    expect(byId.get(doomed.id)).toEqual(removed(doomed.id, 'event'));
    expect(byId.get(leaving.id)).toEqual(removed(leaving.id, 'event'));
    expect(byId.get(meeting.id)).toEqual(removed(meeting.id, 'event'));
    expect(byId.get(occurrences[1].id)).toEqual(removed(occurrences[1].id, 'event'));
    expect(byId.get(single.id)).toMatchObject({ '@odata.type': '#microsoft.graph.event', subject: 'Delta stand-up (moved room)' });
    expect(byId.get(created.id)).toMatchObject({ subject: 'Delta new', type: 'singleInstance' });
    expect(byId.has(outside.id)).toBe(false);
    // The series' other occurrences did not change (the master's change key did: they may be replayed, as
    // Graph allows, but never as removed).
    expect(r.items.filter((e) => e['@removed']).map((e) => e.id).sort()).toEqual([doomed.id, leaving.id, meeting.id, occurrences[1].id].sort());

    const quiet = await round(T.alex, r.deltaLink);
    expect(quiet.items).toEqual([]);
    expect(quiet.deltaLink).not.toBe(r.deltaLink);
  });

  it("an attendee's copy of the cancelled meeting stays, marked cancelled: their deltaLink reports it updated", async () => {
    const r = await round(T.megan, megansLink);
    const copy = r.items.find((e) => e.subject?.includes('Delta review'));
    expect(copy).toMatchObject({ isCancelled: true, subject: 'Canceled: Delta review' });
    expect(copy['@removed']).toBeUndefined();
  });

  it('the window is required on the first call only; $select is not taken; an unknown token is 410', async () => {
    const none = await graph(sb, T.alex, '/me/calendarView/delta');
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('ErrorInvalidParameter');
    expect((await graph(sb, T.alex, `/me/calendarView/delta?${window}&$select=subject`)).status).toBe(400);
    const gone = await graph(sb, T.alex, '/me/calendarView/delta?$deltatoken=R0usmcMDNGg0J1E');
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('SyncStateNotFound');
    // Another person's calendar view, with the shared-calendar permission: /users/{upn}/calendarView/delta.
    const megansView = await round(T.megan, `/users/${upn('megan.bowen')}/calendarView/delta?${window}`);
    expect(megansView.items.some((e) => e.subject === 'Canceled: Delta review')).toBe(true);
  });

  it('the documented request answers as documented: 200, the documented keys', async () => {
    const doc = findSample(samples, 'GET', '/me/calendarView/delta?startdatetime=*&enddatetime=*');
    // The documented example asks for pages of two.
    const r = await graph(sb, T.alex, `/me/calendarView/delta?startdatetime=${FROM}&enddatetime=${TO}`, { headers: { Prefer: 'odata.maxpagesize=2' } });
    expect(r.status).toBe(doc.response.statusCode);
    expect(Object.keys(r.body)).toEqual(expect.arrayContaining(Object.keys(doc.response.body as object)));
    for (const key of Object.keys((doc.response.body as any).value[0])) expect(r.body.value[0], key).toHaveProperty(key);
  });
});
