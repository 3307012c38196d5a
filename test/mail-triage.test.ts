// An assistant triages Adele's inbox through the MCP client: find unread mail from a person since a date, read
// it, reply, file it, flag another, mark, categorize and clean up; the sandbox's mailboxes show every effect.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, ALEX, BEN, type Connected, fails, folderMessages, type ListResult, ok, useSandbox } from './fixtures.js';

const sandbox = useSandbox();
let adele: Connected;
let alex: Connected;
beforeAll(async () => {
  [adele, alex] = await Promise.all([sandbox.as(ADELE), sandbox.as(ALEX)]);
});

const inbox = async (args: Record<string, unknown> = {}) => (await ok<ListResult>(adele, 'mail_list_messages', { limit: 100, ...args })).messages;
type Outcome = { done: { id: string; newId?: string }[]; failed?: { id: string; error: string }[] };

describe('triage of the inbox', () => {
  it('finds, reads, answers, files and flags', async () => {
    // Unread mail from Alex since yesterday (the day before the mail seed's epoch).
    const found = await inbox({ unreadOnly: true, from: ALEX, since: sandbox.mailDay(-1) });
    expect(found.map((m) => m.subject)).toEqual(['1:1 agenda for tomorrow']);
    const agenda = found[0];

    const read = await ok<{ body: string; isRead: boolean }>(adele, 'mail_get_message', { id: agenda.id });
    expect(read.body).toMatch(/Staffing for December weekends/);

    const reply = await ok<{ sent: boolean }>(adele, 'mail_reply_message', { id: agenda.id, comment: 'Please add the Bellevue Square reopening.' });
    expect(reply.sent).toBe(true);
    const atAlex = (await folderMessages(alex, 'inbox')).filter((m) => m.subject === 'RE: 1:1 agenda for tomorrow');
    expect(atAlex).toHaveLength(1);
    expect(atAlex[0].from?.emailAddress.address).toBe(ADELE);
    const body = await ok<{ body: string }>(alex, 'mail_get_message', { id: atAlex[0].id });
    expect(body.body).toMatch(/^Please add the Bellevue Square reopening\./);
    expect(body.body).toMatch(/Staffing for December weekends/); // the original, quoted below
    expect((await folderMessages(adele, 'sentitems')).filter((m) => m.subject === 'RE: 1:1 agenda for tomorrow')).toHaveLength(1);

    // Mark it read and file it under Projects: it leaves the inbox with a new id.
    await ok(adele, 'mail_update_message', { ids: [agenda.id], isRead: true });
    const moved = await ok<Outcome>(adele, 'mail_move_message', { ids: [agenda.id], folder: 'Projects' });
    const newId = moved.done[0].newId!;
    expect(newId).toBeTruthy();
    expect((await inbox()).some((m) => m.subject === '1:1 agenda for tomorrow')).toBe(false);
    const filed = (await ok<ListResult>(adele, 'mail_list_messages', { folder: 'Projects' })).messages;
    expect(filed).toEqual([expect.objectContaining({ id: newId, subject: '1:1 agenda for tomorrow', isRead: true })]);

    // A copy elsewhere keeps the original where it is.
    const copied = await ok<Outcome>(adele, 'mail_move_message', { ids: [newId], folder: 'Inbox', copy: true });
    expect(copied.done[0].newId).toBeTruthy();
    expect((await inbox()).filter((m) => m.subject === '1:1 agenda for tomorrow').map((m) => m.id)).toEqual([copied.done[0].newId]);
    expect((await ok<ListResult>(adele, 'mail_list_messages', { folder: 'Projects' })).messages.map((m) => m.id)).toEqual([newId]);

    // Flag another one and give it a category.
    const visit = (await inbox({ from: BEN })).find((m) => m.subject === 'Store visit notes - Bellevue Square')!;
    await ok(adele, 'mail_update_message', { ids: [visit.id], flag: 'flagged', categories: ['Follow up'], importance: 'high' });
    const flagged = await inbox({ flagged: true });
    expect(flagged.find((m) => m.id === visit.id)).toMatchObject({ flag: 'flagged', categories: ['Follow up'], importance: 'high' });
    await ok(adele, 'mail_update_message', { ids: [visit.id], flag: 'complete', categories: [] });
    expect((await inbox()).find((m) => m.id === visit.id)).toMatchObject({ flag: 'complete' });
    expect((await inbox()).find((m) => m.id === visit.id)!.categories).toBeUndefined();
  });

  it('works on several messages at once, reporting the ones that failed', async () => {
    const unread = await inbox({ unreadOnly: true });
    expect(unread.length).toBeGreaterThan(1);
    const ids = unread.slice(0, 2).map((m) => m.id);
    const r = await ok<Outcome>(adele, 'mail_update_message', { ids: [...ids, 'AAMkAGRvZXNub3RleGlzdA=='], isRead: true });
    expect(r.done.map((d) => d.id)).toEqual(ids);
    expect(r.failed).toEqual([{ id: 'AAMkAGRvZXNub3RleGlzdA==', error: expect.stringMatching(/Graph 400 ErrorInvalidIdMalformed/) }]);
    const now = await inbox();
    for (const id of ids) expect(now.find((m) => m.id === id)!.isRead).toBe(true);
    expect(await fails(adele, 'mail_update_message', { ids })).toMatch(/Nothing to change/);
  });

  it('deletes to Deleted Items, restores, and deletes permanently only when asked', async () => {
    const [junk] = (await ok<ListResult>(adele, 'mail_list_messages', { folder: 'junkemail' })).messages;
    const del = await ok<Outcome>(adele, 'mail_delete_message', { ids: [junk.id] });
    const inDeleted = (await ok<ListResult>(adele, 'mail_list_messages', { folder: 'deleteditems' })).messages;
    expect(inDeleted.find((m) => m.id === del.done[0].newId)?.subject).toBe(junk.subject);
    const restored = await ok<Outcome>(adele, 'mail_move_message', { ids: [del.done[0].newId], folder: 'junkemail' });
    const back = restored.done[0].newId!;
    expect((await ok<ListResult>(adele, 'mail_list_messages', { folder: 'junkemail' })).messages.map((m) => m.id)).toContain(back);

    await ok(adele, 'mail_delete_message', { ids: [back], permanent: true });
    for (const f of ['junkemail', 'deleteditems', 'inbox']) {
      expect((await folderMessages(adele, f)).some((m) => m.subject === junk.subject), f).toBe(false);
    }
    expect(await fails(adele, 'mail_get_message', { id: back })).toMatch(/404 ErrorItemNotFound/);
  });
});
