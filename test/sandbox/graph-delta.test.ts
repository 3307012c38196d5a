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
  for (let next: string | undefined = url; ; ) {
    const page = await call(who, next, headers);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    items.push(...page.items);
    sizes.push(page.items.length);
    if (page.delta) return { items, sizes, deltaLink: page.delta, last: page };
    expect(page.next).toMatch(/\?\$skiptoken=[\w-]+$/);
    next = page.next;
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

  it('Mail.ReadBasic may track changes (no bodies); $search is refused', async () => {
    const basic = await round(T.basic, `/me/mailFolders/${folder}/messages/delta`);
    expect(basic.items.length).toBeGreaterThan(0);
    for (const m of basic.items) expect(m.body).toBeUndefined();
    expect((await graph(sb, T.alex, `/me/mailFolders/${folder}/messages/delta?$search=%22delta%22`)).status).toBe(400);
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
