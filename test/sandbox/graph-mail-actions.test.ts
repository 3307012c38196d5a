// Writing mail as Exchange does it: replies and forwards thread (same conversation, one "RE: "/"FW: ", the
// original quoted), create* actions leave drafts, drafts are edited and sent (leaving Drafts for Sent Items),
// move gives a new id, copy a second item, DELETE hides a message in Recoverable Items and permanentDelete
// removes it; PATCH changes flags, categories and read state, and only drafts take new content. Folder counts
// follow every change.
import { beforeAll, describe, expect, it } from 'vitest';
import { allPages, bySubject, graph, type GraphAs, upn, useSandbox } from '../fixtures.js';

const sb = useSandbox();
const t: Record<string, GraphAs> = {};
beforeAll(async () => {
  for (const who of ['adele.vance', 'ben.walters', 'alex.wilber', 'christie.cline', 'megan.bowen']) t[who] = await sb.graphAs(upn(who), 'Mail.ReadWrite Mail.Send');
});

const one = async (who: string, folder: string, subject: string) => {
  const list = await bySubject(sb, t[who], 'me', folder, subject);
  expect(list, `${who}/${folder}: ${subject}`).toHaveLength(1);
  return list[0];
};
const post = (who: string, path: string, body?: unknown) => graph(sb, t[who], path, { method: 'POST', body: body ?? {} });

describe('reply, reply all, forward', () => {
  it('reply threads in both mailboxes: RE: once, same conversation, comment above the quoted original', async () => {
    const original = await one('adele.vance', 'inbox', 'Store visit notes - Bellevue Square');
    const r = await post('adele.vance', `/me/messages/${original.id}/reply`, { comment: 'Approved - go ahead with 40 units.' });
    expect(r.status).toBe(202);
    const mine = await one('adele.vance', 'sentitems', 'RE: Store visit notes - Bellevue Square');
    expect(mine.conversationId).toBe(original.conversationId);
    expect(mine.toRecipients.map((x: any) => x.emailAddress.address)).toEqual([upn('ben.walters')]);
    expect(mine.body.content).toContain('Approved - go ahead with 40 units.');
    expect(mine.body.content).toMatch(/<b>From:<\/b> Ben Walters &lt;ben.walters@contoso.sandbox&gt;/);
    expect(mine.body.content).toContain('three of four holiday endcaps');
    expect(Buffer.from(mine.conversationIndex, 'base64').length).toBe(Buffer.from(original.conversationIndex, 'base64').length + 5);
    const bens = await one('ben.walters', 'inbox', 'RE: Store visit notes - Bellevue Square');
    const bensOriginal = await one('ben.walters', 'sentitems', 'Store visit notes - Bellevue Square');
    expect(bens.conversationId).toBe(bensOriginal.conversationId);
    expect(bens.internetMessageId).toBe(mine.internetMessageId);
    // A reply drops the original's (non-inline) attachments.
    expect(bens.hasAttachments).toBe(false);
    const unique = await graph(sb, t['ben.walters'], `/me/messages/${bens.id}?$select=uniqueBody`, { headers: { Prefer: 'outlook.body-content-type="text"' } });
    expect(unique.body.uniqueBody.content).toBe('Approved - go ahead with 40 units.');
  });

  it('reply all goes to the sender and the other recipients, not to oneself; a second reply keeps one RE:', async () => {
    const msg = await one('christie.cline', 'inbox', 'RE: Q4 retail forecast - please review by Friday');
    expect((await post('christie.cline', `/me/messages/${msg.id}/replyAll`, { comment: 'Germany confirmed.' })).status).toBe(202);
    const sent = (await bySubject(sb, t['christie.cline'], 'me', 'sentitems', 'RE: Q4 retail forecast - please review by Friday')).find((m) => m.body.content.includes('Germany confirmed.'));
    const to = sent.toRecipients.map((x: any) => x.emailAddress.address);
    expect(to[0]).toBe(upn('adele.vance'));
    expect(to).not.toContain(upn('christie.cline'));
    expect(to).toEqual(expect.arrayContaining([upn('alex.wilber'), upn('yuki.sato'), upn('henrietta.mueller')]));
    expect(sent.ccRecipients.map((x: any) => x.emailAddress.address)).toEqual([upn('ben.walters')]);
    expect(sent.subject).toBe('RE: Q4 retail forecast - please review by Friday');
    const alex = await bySubject(sb, t['alex.wilber'], 'me', 'inbox', 'RE: Q4 retail forecast - please review by Friday');
    expect(alex.map((m) => m.conversationId).every((c) => c === alex[0].conversationId)).toBe(true);
  });

  it('forward carries attachments and needs recipients', async () => {
    const m = await one('adele.vance', 'inbox', 'PO #48213 confirmation - holiday display kits');
    const none = await post('adele.vance', `/me/messages/${m.id}/forward`, { comment: 'FYI' });
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('ErrorInvalidRecipients');
    const r = await post('adele.vance', `/me/messages/${m.id}/forward`, { comment: 'FYI - please check line 3.', toRecipients: [{ emailAddress: { address: upn('megan.bowen') } }] });
    expect(r.status).toBe(202);
    const got = await one('megan.bowen', 'inbox', 'FW: PO #48213 confirmation - holiday display kits');
    expect(got.hasAttachments).toBe(true);
    const files = await graph(sb, t['megan.bowen'], `/me/messages/${got.id}/attachments?$select=name`);
    expect(files.body.value.map((a: any) => a.name)).toEqual(['PO-48213-lines.csv']);
  });

  it('createReply, createReplyAll and createForward leave drafts that send like any draft', async () => {
    const m = await one('megan.bowen', 'inbox', 'RE: Lunch on Thursday?');
    const d = await post('megan.bowen', `/me/messages/${m.id}/createReply`, { comment: 'Perfect.' });
    expect(d.status).toBe(201);
    expect(d.body).toMatchObject({ isDraft: true, subject: 'RE: Lunch on Thursday?', conversationId: m.conversationId });
    expect(d.body.sentDateTime).toBe(d.body.createdDateTime);
    expect(d.body.toRecipients.map((x: any) => x.emailAddress.address)).toEqual([upn('adele.vance')]);
    const drafts = await graph(sb, t['megan.bowen'], '/me/mailFolders/drafts');
    expect(drafts.body.totalItemCount).toBe(1);
    const patched = await graph(sb, t['megan.bowen'], `/me/messages/${d.body.id}`, { method: 'PATCH', body: { ccRecipients: [{ emailAddress: { address: upn('alex.wilber') } }] } });
    expect(patched.body.ccRecipients[0].emailAddress.name).toBe('Alex Wilber');
    expect((await post('megan.bowen', `/me/messages/${d.body.id}/send`)).status).toBe(202);
    expect((await graph(sb, t['megan.bowen'], '/me/mailFolders/drafts')).body.totalItemCount).toBe(0);
    expect((await graph(sb, t['megan.bowen'], `/me/messages/${d.body.id}`)).status).toBe(404);
    await one('megan.bowen', 'sentitems', 'RE: Lunch on Thursday?');
    expect((await bySubject(sb, t['alex.wilber'], 'me', 'inbox', 'RE: Lunch on Thursday?'))).toHaveLength(1);
    const f = await post('megan.bowen', `/me/messages/${m.id}/createForward`, {});
    expect(f.body).toMatchObject({ subject: 'FW: Lunch on Thursday?', toRecipients: [], isDraft: true });
    const all = await post('megan.bowen', `/me/messages/${m.id}/createReplyAll`, {});
    expect(all.status).toBe(201);
  });
});

describe('drafts', () => {
  it('POST /messages creates a draft in Drafts; PATCH edits it; send moves it to Sent Items and delivers', async () => {
    const c = await post('ben.walters', '/me/messages', { subject: 'Draft to finish', body: { contentType: 'HTML', content: '<p>first</p>' } });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ isDraft: true, isRead: true, from: null, sender: null });
    expect(c.body.sentDateTime).toBe(c.body.createdDateTime);
    const drafts = await graph(sb, t['ben.walters'], '/me/mailFolders/drafts');
    expect(c.body.parentFolderId).toBe(drafts.body.id);
    const noTo = await post('ben.walters', `/me/messages/${c.body.id}/send`);
    expect(noTo.status).toBe(400);
    expect(noTo.body.error.code).toBe('ErrorInvalidRecipients');
    const bad = await graph(sb, t['ben.walters'], `/me/messages/${c.body.id}`, { method: 'PATCH', body: { toRecipients: [{ emailAddress: { address: 'not an address' } }] } });
    expect(bad.status).toBe(200);
    const refused = await post('ben.walters', `/me/messages/${c.body.id}/send`);
    expect(refused.body.error).toMatchObject({ code: 'ErrorInvalidRecipients' });
    expect(refused.body.error.message).toContain("'not an address'");
    await graph(sb, t['ben.walters'], `/me/messages/${c.body.id}`, { method: 'PATCH', body: { subject: 'Draft finished', toRecipients: [{ emailAddress: { address: upn('adele.vance') } }] } });
    expect((await post('ben.walters', `/me/messages/${c.body.id}/send`)).status).toBe(202);
    const sent = await one('ben.walters', 'sentitems', 'Draft finished');
    expect(sent.id).not.toBe(c.body.id);
    expect(sent.isDraft).toBe(false);
    const got = await one('adele.vance', 'inbox', 'Draft finished');
    expect(got.internetMessageId).toBe(sent.internetMessageId);
  });

  it('an unknown internal address bounces back as a non-delivery report', async () => {
    await post('ben.walters', '/me/sendMail', { message: { subject: 'Typo', toRecipients: [{ emailAddress: { address: 'nobdy@contoso.sandbox' } }] } });
    const ndr = await one('ben.walters', 'inbox', 'Undeliverable: Typo');
    expect(ndr.from.emailAddress.name).toBe('Microsoft Outlook');
  });
});

describe('move, copy, delete, update', () => {
  it('move gives the message a new id in the destination; counts follow', async () => {
    const before = (await graph(sb, t['alex.wilber'], '/me/mailFolders/archive')).body.totalItemCount;
    const m = (await allPages(sb, t['alex.wilber'], '/me/mailFolders/inbox/messages?$top=1&$select=subject'))[0];
    const r = await post('alex.wilber', `/me/messages/${m.id}/move`, { destinationId: 'archive' });
    expect(r.status).toBe(201);
    expect(r.body.id).not.toBe(m.id);
    expect(r.body.parentFolderId).toBe((await graph(sb, t['alex.wilber'], '/me/mailFolders/archive')).body.id);
    expect((await graph(sb, t['alex.wilber'], `/me/messages/${m.id}`)).status).toBe(404);
    expect((await graph(sb, t['alex.wilber'], '/me/mailFolders/archive')).body.totalItemCount).toBe(before + 1);
    const bad = await post('alex.wilber', `/me/messages/${r.body.id}/move`, { destinationId: 'nowhere' });
    expect(bad.body.error.code).toBe('ErrorInvalidIdMalformed');
  });

  it('copy leaves the original and adds a second item', async () => {
    const folder = await post('alex.wilber', '/me/mailFolders', { displayName: 'Keep' });
    const m = (await allPages(sb, t['alex.wilber'], '/me/mailFolders/inbox/messages?$top=1&$select=subject'))[0];
    const c = await post('alex.wilber', `/me/messages/${m.id}/copy`, { destinationId: folder.body.id });
    expect(c.status).toBe(201);
    expect(c.body.id).not.toBe(m.id);
    expect(c.body.subject).toBe(m.subject);
    expect((await graph(sb, t['alex.wilber'], `/me/messages/${m.id}`)).status).toBe(200);
    expect((await graph(sb, t['alex.wilber'], `/me/mailFolders/${folder.body.id}`)).body.totalItemCount).toBe(1);
  });

  it('DELETE hides a message in Recoverable Items; permanentDelete removes it', async () => {
    const [a, b] = await allPages(sb, t['alex.wilber'], '/me/mailFolders/inbox/messages?$top=2&$select=subject');
    const inbox = (await graph(sb, t['alex.wilber'], '/me/mailFolders/inbox')).body.totalItemCount;
    expect((await graph(sb, t['alex.wilber'], `/me/messages/${a.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(sb, t['alex.wilber'], '/me/mailFolders/inbox')).body.totalItemCount).toBe(inbox - 1);
    const everywhere = await allPages(sb, t['alex.wilber'], '/me/messages?$top=100&$select=id');
    expect(everywhere.map((m) => m.id)).not.toContain(a.id);
    const deletions = await graph(sb, t['alex.wilber'], '/me/mailFolders/recoverableitemsdeletions/messages?$select=subject');
    expect(deletions.body.value.map((m: any) => m.id)).toContain(a.id);
    expect((await post('alex.wilber', `/me/messages/${b.id}/permanentDelete`)).status).toBe(204);
    expect((await graph(sb, t['alex.wilber'], `/me/messages/${b.id}`)).status).toBe(404);
  });

  it('PATCH flags, categorizes and marks read; content of a received message stays read-only', async () => {
    const m = await one('adele.vance', 'inbox', '1:1 agenda for tomorrow');
    const unreadBefore = (await graph(sb, t['adele.vance'], '/me/mailFolders/inbox')).body.unreadItemCount;
    const r = await graph(sb, t['adele.vance'], `/me/messages/${m.id}`, {
      method: 'PATCH',
      body: { isRead: true, flag: { flagStatus: 'flagged' }, categories: ['Blue category'], importance: 'high' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ isRead: true, categories: ['Blue category'], importance: 'high', flag: { flagStatus: 'flagged' } });
    expect(r.body.flag.dueDateTime).toMatchObject({ timeZone: 'UTC' });
    expect(r.body.changeKey).not.toBe(m.changeKey);
    expect((await graph(sb, t['adele.vance'], '/me/mailFolders/inbox')).body.unreadItemCount).toBe(unreadBefore - 1);
    const denied = await graph(sb, t['adele.vance'], `/me/messages/${m.id}`, { method: 'PATCH', body: { subject: 'changed' } });
    expect(denied.status).toBe(400);
    const badEnum = await graph(sb, t['adele.vance'], `/me/messages/${m.id}`, { method: 'PATCH', body: { importance: 'urgent' } });
    expect(badEnum.status).toBe(400);
  });
});

describe('action parameters bind without regard to case, as Graph binds them (what Kiota and other clients send)', () => {
  it('sendMail {Message, SaveToSentItems: false}: delivered, and no copy in Sent Items', async () => {
    const subject = `Pascal case ${Date.now()}`;
    const r = await post('adele.vance', '/me/sendMail', { Message: { subject, body: { contentType: 'text', content: 'x' }, toRecipients: [{ emailAddress: { address: upn('megan.bowen') } }] }, SaveToSentItems: false });
    expect(r.status, r.text).toBe(202);
    await one('megan.bowen', 'inbox', subject);
    expect(await bySubject(sb, t['adele.vance'], 'me', 'sentitems', subject)).toHaveLength(0);
  });

  it('reply {Comment} and createForward {ToRecipients, Comment} keep the comment and the recipients', async () => {
    const subject = `Case test ${Date.now()}`;
    await post('megan.bowen', '/me/sendMail', { message: { subject, body: { contentType: 'text', content: 'original' }, toRecipients: [{ emailAddress: { address: upn('adele.vance') } }] } });
    const original = await one('adele.vance', 'inbox', subject);
    expect((await post('adele.vance', `/me/messages/${original.id}/reply`, { Comment: 'Pascal comment' })).status).toBe(202);
    expect((await one('adele.vance', 'sentitems', `RE: ${subject}`)).body.content).toContain('Pascal comment');
    const draft = await post('adele.vance', `/me/messages/${original.id}/createForward`, { ToRecipients: [{ emailAddress: { address: upn('alex.wilber') } }], COMMENT: 'Forward note' });
    expect(draft.status).toBe(201);
    expect(draft.body.toRecipients.map((x: any) => x.emailAddress.address)).toEqual([upn('alex.wilber')]);
    expect(draft.body.body.content).toContain('Forward note');
  });

  it('calendar actions too: getSchedule {Schedules, StartTime, EndTime}', async () => {
    const adele = await sb.graphAs(upn('adele.vance'), 'Calendars.Read');
    const day = sb.thisWeek;
    const r = await graph(sb, adele, '/me/calendar/getSchedule', {
      method: 'POST',
      body: { Schedules: [upn('megan.bowen')], StartTime: { dateTime: `${day}T08:00:00`, timeZone: 'UTC' }, EndTime: { dateTime: `${day}T18:00:00`, timeZone: 'UTC' }, AvailabilityViewInterval: 60 },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.value[0].scheduleId).toBe(upn('megan.bowen'));
    expect(r.body.value[0].availabilityView).toHaveLength(10);
  });
});
