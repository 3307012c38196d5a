// Calendars shared with the signed-in user, through their own list (GET /me/calendars) as Graph documents for a
// share recipient: listed after their own calendars with the sharer as owner and the grant's canEdit /
// canViewPrivateItems (canShare never), ids of their own that work under /me, the owner's items behind them with
// the rules of addressing the owner's calendar directly (role, and the .Shared permissions for items), and the
// recipient's rename, recolour and removal touching only their list.
import { beforeAll, describe, expect, it } from 'vitest';
import { Csdl } from './csdl.js';
import { addDays, graph, type GraphAs, send, startTestSandbox, tokenFor, upn, useSandbox, view } from '../fixtures.js';

const csdl = Csdl.load();
const cs = useSandbox();
let adele: GraphAs;
beforeAll(async () => {
  adele = await cs.graphAs(upn('adele.vance'));
}, 30_000);

const pt = (date: string, time: string) => ({ dateTime: `${date}T${time}:00`, timeZone: 'Pacific Standard Time' });

async function calendars(token: GraphAs, who = 'me'): Promise<any[]> {
  const r = await graph(cs, token, who === 'me' ? '/me/calendars' : `/users/${who}/calendars`);
  expect(r.status, r.text).toBe(200);
  return r.body.value;
}

/** The entry of `owner`'s calendar in the list of the token's user. */
async function entryOf(token: GraphAs, owner: string, name?: string): Promise<any> {
  const found = (await calendars(token)).find((c) => c.owner.address === upn(owner) && (name === undefined || c.name === name));
  if (!found) throw new Error(`no entry of ${owner}'s calendar`);
  return found;
}

describe('the list', () => {
  it("Adele's own calendars, then Alex's (read) and Ben's (write) under their owners' names", async () => {
    const list = await calendars(adele);
    expect(list.map((c) => [c.name, c.owner.address])).toEqual([
      ['Calendar', upn('adele.vance')], ['Personal', upn('adele.vance')], ['Retail launches', upn('adele.vance')],
      ['Alex Wilber', upn('alex.wilber')], ['Ben Walters', upn('ben.walters')],
    ]);
    const flags = (c: any) => ({ canEdit: c.canEdit, canShare: c.canShare, canViewPrivateItems: c.canViewPrivateItems, isDefaultCalendar: c.isDefaultCalendar, isRemovable: c.isRemovable, isTallyingResponses: c.isTallyingResponses });
    const off = { canShare: false, canViewPrivateItems: false, isDefaultCalendar: false, isRemovable: true, isTallyingResponses: false };
    expect(flags(list[3])).toEqual({ ...off, canEdit: false });
    expect(flags(list[4])).toEqual({ ...off, canEdit: true });
    expect(list[3].owner).toEqual({ name: 'Alex Wilber', address: upn('alex.wilber') });
    // Its own id, not the owner's calendar id, and not one of hers.
    const alexOwn = (await graph(cs, adele, `/users/${upn('alex.wilber')}/calendar`)).body.id;
    expect(new Set(list.map((c) => c.id)).size).toBe(5);
    expect(list[3].id).not.toBe(alexOwn);
  });

  it('every property is the CSDL type\'s, with the right JSON type; $select and $filter apply to entries too', async () => {
    const props = csdl.properties('microsoft.graph.calendar');
    for (const c of await calendars(adele)) {
      for (const [k, v] of Object.entries(c)) {
        if (k.startsWith('@odata.')) continue;
        expect(props.has(k), k).toBe(true);
        expect(csdl.mismatch(props.get(k)!, v), k).toBeNull();
      }
    }
    const sel = await graph(cs, adele, '/me/calendars?$select=name,canEdit&$filter=canEdit eq false');
    expect(sel.body.value).toEqual([expect.objectContaining({ name: 'Alex Wilber', canEdit: false })]);
    expect(Object.keys(sel.body.value[0]).filter((k) => !k.startsWith('@'))).toEqual(['id', 'name', 'canEdit']);
  });

  it('the grant decides: limited read, a delegate with private access; ids stable across starts', async () => {
    const ben = await entryOf(await cs.graphAs(upn('ben.walters')), 'adele.vance');
    expect(ben).toMatchObject({ name: 'Adele Vance', canEdit: false, canViewPrivateItems: false });
    const grady = await entryOf(await cs.graphAs(upn('grady.archie')), 'lee.gu');
    expect(grady).toMatchObject({ name: 'Lee Gu', canEdit: true, canViewPrivateItems: true, canShare: false });
    const other = await startTestSandbox();
    try {
      const r = await graph(other, await tokenFor(other, upn('adele.vance'), 'Calendars.Read'), '/me/calendars');
      expect(r.body.value.map((c: any) => c.id)).toEqual((await calendars(adele)).map((c) => c.id));
    } finally {
      await other.close();
    }
  });

  it('listing needs no .Shared permission (the entries are in her own mailbox); others looking at her list see none', async () => {
    for (const scopes of ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite']) {
      const names = (await calendars(await cs.graphAs(upn('adele.vance'), scopes))).map((c) => c.name);
      expect(names, scopes).toEqual(['Calendar', 'Personal', 'Retail launches', 'Alex Wilber', 'Ben Walters']);
    }
    // Alex reads Adele's calendar (a read share), not her list of other people's calendars.
    const seen = await calendars(await cs.graphAs(upn('alex.wilber')), upn('adele.vance'));
    expect(seen.map((c) => c.name)).toEqual(['Calendar']);
  });
});

describe('the entry ids under /me', () => {
  it('read the owner\'s items: the entry, /events, /calendarView and one event, as at the owner\'s address', async () => {
    const alex = await entryOf(adele, 'alex.wilber');
    const one = await graph(cs, adele, `/me/calendars/${alex.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: alex.id, name: 'Alex Wilber', canEdit: false });
    const at = (root: string) => `${root}/calendarView?startDateTime=${cs.nextWeek}T00:00:00Z&endDateTime=${addDays(cs.nextWeek, 7)}T00:00:00Z&$top=100&$select=subject`;
    const shared = await graph(cs, adele, at(`/me/calendars/${alex.id}`));
    const direct = await graph(cs, adele, at(`/users/${upn('alex.wilber')}/calendar`));
    expect(shared.status).toBe(200);
    expect(shared.body.value.map((e: any) => e.subject)).toContain('Working from the Redmond office');
    expect(shared.body.value).toEqual(direct.body.value);
    const events = await graph(cs, adele, `/me/calendars/${alex.id}/events?$top=100&$select=subject`);
    expect(events.body.value).toEqual((await graph(cs, adele, `/users/${upn('alex.wilber')}/calendar/events?$top=100&$select=subject`)).body.value);
    const first = events.body.value[0];
    expect((await graph(cs, adele, `/me/calendars/${alex.id}/events/${first.id}?$select=subject`)).body).toMatchObject({ id: first.id, subject: first.subject });
  });

  it('limited read through the entry: no bodies, no private items, as at the owner\'s address', async () => {
    const ben = await cs.graphAs(upn('ben.walters'));
    const entry = await entryOf(ben, 'adele.vance');
    const r = await graph(cs, ben, `/me/calendars/${entry.id}/calendarView?startDateTime=${cs.nextWeek}T00:00:00Z&endDateTime=${addDays(cs.nextWeek, 7)}T00:00:00Z&$top=100`);
    expect(r.body.value.length).toBeGreaterThan(5);
    expect(r.body.value.some((e: any) => 'body' in e)).toBe(false);
    expect(r.body.value.some((e: any) => e.subject === 'Dentist')).toBe(false);
  });

  it('a write grant: create, change and delete in Ben\'s calendar through the entry; the event is his', async () => {
    const ben = await entryOf(adele, 'ben.walters');
    const day = addDays(cs.nextWeek, 2);
    const c = await send(cs, adele, 'POST', `/me/calendars/${ben.id}/events`, { subject: 'Shelf restock', start: pt(day, '07:00'), end: pt(day, '08:00') });
    expect(c.status, c.text).toBe(201);
    expect(c.body).toMatchObject({ subject: 'Shelf restock', isOrganizer: true, organizer: { emailAddress: { address: upn('ben.walters') } } });
    const benToken = await cs.graphAs(upn('ben.walters'));
    expect((await view(cs, benToken, 'me', day, addDays(day, 1))).map((e) => e.id)).toContain(c.body.id);
    expect((await view(cs, adele, 'me', day, addDays(day, 1))).map((e) => e.id)).not.toContain(c.body.id);
    const u = await send(cs, adele, 'PATCH', `/me/calendars/${ben.id}/events/${c.body.id}`, { subject: 'Shelf restock (aisle 4)' });
    expect(u.status).toBe(200);
    expect((await graph(cs, benToken, `/me/events/${c.body.id}`)).body.subject).toBe('Shelf restock (aisle 4)');
    expect((await send(cs, adele, 'DELETE', `/me/calendars/${ben.id}/events/${c.body.id}`)).status).toBe(204);
    expect((await graph(cs, benToken, `/me/events/${c.body.id}`)).status).toBe(404);
  });

  it('a read grant: writing through the entry is 403 ErrorAccessDenied, as at the owner\'s address', async () => {
    const alex = await entryOf(adele, 'alex.wilber');
    const day = addDays(cs.nextWeek, 2);
    const post = await send(cs, adele, 'POST', `/me/calendars/${alex.id}/events`, { subject: 'Sneaky', start: pt(day, '07:00'), end: pt(day, '08:00') });
    expect(post.status).toBe(403);
    expect(post.body.error.code).toBe('ErrorAccessDenied');
    const some = (await graph(cs, adele, `/me/calendars/${alex.id}/events?$top=1`)).body.value[0];
    const patch = await send(cs, adele, 'PATCH', `/me/calendars/${alex.id}/events/${some.id}`, { subject: 'Sneaky' });
    expect([patch.status, patch.body.error.code]).toEqual([403, 'ErrorAccessDenied']);
    expect((await send(cs, adele, 'DELETE', `/me/calendars/${alex.id}/events/${some.id}`)).status).toBe(403);
  });

  it('items need the .Shared permissions: without them the entry is listed and readable, its items are 403', async () => {
    const plain = await cs.graphAs(upn('adele.vance'), 'Calendars.ReadWrite');
    const ben = await entryOf(plain, 'ben.walters');
    expect((await graph(cs, plain, `/me/calendars/${ben.id}`)).status).toBe(200);
    const window = `startDateTime=${cs.nextWeek}T00:00:00Z&endDateTime=${addDays(cs.nextWeek, 1)}T00:00:00Z`;
    for (const path of [`/me/calendars/${ben.id}/events`, `/me/calendars/${ben.id}/calendarView?${window}`]) {
      const r = await graph(cs, plain, path);
      expect([r.status, r.body.error?.code], path).toEqual([403, 'ErrorAccessDenied']);
    }
    const day = addDays(cs.nextWeek, 3);
    const body = { subject: 'x', start: pt(day, '07:00'), end: pt(day, '08:00') };
    expect((await send(cs, plain, 'POST', `/me/calendars/${ben.id}/events`, body)).status).toBe(403);
    // Reading with Calendars.Read.Shared, writing only with Calendars.ReadWrite.Shared.
    const readShared = await cs.graphAs(upn('adele.vance'), 'Calendars.ReadWrite Calendars.Read.Shared');
    expect((await graph(cs, readShared, `/me/calendars/${ben.id}/calendarView?${window}`)).status).toBe(200);
    expect((await send(cs, readShared, 'POST', `/me/calendars/${ben.id}/events`, body)).status).toBe(403);
  });

  it('an owner\'s calendar id is not hers, an entry id is nobody else\'s: 404', async () => {
    const alexOwn = (await graph(cs, adele, `/users/${upn('alex.wilber')}/calendar`)).body.id;
    expect((await graph(cs, adele, `/me/calendars/${alexOwn}/events`)).body.error.code).toBe('ErrorItemNotFound');
    const entry = await entryOf(adele, 'alex.wilber');
    expect((await graph(cs, adele, `/users/${upn('alex.wilber')}/calendars/${entry.id}/events`)).status).toBe(404);
    // Alex may read Adele's calendar, but her entry of his calendar is hers alone.
    expect((await graph(cs, await cs.graphAs(upn('alex.wilber')), `/users/${upn('adele.vance')}/calendars/${entry.id}`)).status).toBe(404);
  });
});

describe('the recipient\'s own list', () => {
  it('renames and recolours the entry (the owner\'s calendar keeps its name), then removes it (the share stays)', async () => {
    const miriam = await cs.graphAs(upn('miriam.graham'));
    const entry = await entryOf(miriam, 'megan.bowen');
    const r = await send(cs, miriam, 'PATCH', `/me/calendars/${entry.id}`, { name: 'Megan (campaigns lead)', color: 'lightRed' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: entry.id, name: 'Megan (campaigns lead)', color: 'lightRed', owner: { address: upn('megan.bowen') } });
    expect(r.body.changeKey).not.toBe(entry.changeKey);
    const megan = await cs.graphAs(upn('megan.bowen'));
    expect((await graph(cs, megan, '/me/calendar')).body.name).toBe('Calendar');
    expect((await send(cs, miriam, 'DELETE', `/me/calendars/${entry.id}`)).status).toBe(204);
    expect((await calendars(miriam)).some((c) => c.owner.address === upn('megan.bowen'))).toBe(false);
    expect((await graph(cs, miriam, `/me/calendars/${entry.id}`)).status).toBe(404);
    const perms = (await graph(cs, megan, '/me/calendar/calendarPermissions')).body.value;
    expect(perms.map((p: any) => p.emailAddress.address)).toContain(upn('miriam.graham'));
    expect((await graph(cs, miriam, `/users/${upn('megan.bowen')}/calendar/events?$top=1`)).status).toBe(200);
  });

  it('a new share shows in the recipient\'s list; taking it back takes the entry away', async () => {
    const christie = await cs.graphAs(upn('christie.cline'));
    const henrietta = await cs.graphAs(upn('henrietta.mueller'));
    expect((await entryOf(henrietta, 'christie.cline')).canEdit).toBe(false);
    const lynne = await cs.graphAs(upn('lynne.robbins'));
    const before = (await calendars(lynne)).length;
    const p = await send(cs, christie, 'POST', '/me/calendar/calendarPermissions', { emailAddress: { address: upn('lynne.robbins') }, role: 'write' });
    expect(p.status, p.text).toBe(201);
    const added = await entryOf(lynne, 'christie.cline');
    expect(added).toMatchObject({ name: 'Christie Cline', canEdit: true });
    expect((await calendars(lynne)).length).toBe(before + 1);
    expect((await send(cs, christie, 'DELETE', `/me/calendar/calendarPermissions/${p.body.id}`)).status).toBe(204);
    expect((await calendars(lynne)).length).toBe(before);
    expect((await graph(cs, lynne, `/me/calendars/${added.id}/events`)).status).toBe(404);
  });
});
