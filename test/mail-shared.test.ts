// Shared mailboxes through the `mailbox` parameter: a delegate reads the shared inbox and answers from the
// shared address; someone without delegation, or a server in personal mode, gets an error that says why.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADELE, BEN, type Connected, fails, folderMessages, type ListResult, MEGAN, ok, PRADEEP, SUPPORT, useSandbox } from './fixtures.js';

const sandbox = useSandbox();
let adele: Connected;
let ben: Connected;
let megan: Connected;
beforeAll(async () => {
  [adele, ben, megan] = await Promise.all([sandbox.as(ADELE), sandbox.as(BEN), sandbox.as(MEGAN)]);
});

describe('a shared mailbox, used by a delegate', () => {
  it('reads the shared inbox and folders', async () => {
    const unread = await ok<ListResult>(adele, 'mail_list_messages', { mailbox: SUPPORT, unreadOnly: true });
    const subjects = unread.messages.map((m) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Where is my order #10511?', 'Question sur la politique de retour', 'Rechnung fehlt für Bestellung 10377']));
    const mine = await ok<ListResult>(adele, 'mail_list_messages', {});
    expect(mine.messages.map((m) => m.subject)).not.toContain('Where is my order #10511?');
    const order = unread.messages.find((m) => m.subject === 'Where is my order #10511?')!;
    const m = await ok<{ body: string; from: string }>(adele, 'mail_get_message', { mailbox: SUPPORT, id: order.id });
    expect(m.from).toBe('Mei Chen <mei.chen@mail.example>');
    expect(m.body).toMatch(/two travel chargers/);
    const found = await ok<ListResult>(adele, 'mail_search_messages', { mailbox: SUPPORT, query: 'Rechnung für' });
    expect(found.messages.map((x) => x.subject)).toEqual(['Rechnung fehlt für Bestellung 10377']);
  });

  it('replies from the shared address: recipients see the shared mailbox as sender, its Sent Items keep the copy', async () => {
    const [escalation] = (await ok<ListResult>(adele, 'mail_search_messages', { mailbox: SUPPORT, query: 'subject:"gift card balance"' })).messages;
    expect(escalation).toBeDefined();
    await ok(adele, 'mail_reply_message', { mailbox: SUPPORT, id: escalation.id, mode: 'replyAll', comment: 'We are on it: the balance is restored.' });
    const atBen = (await folderMessages(ben, 'inbox')).filter((m) => m.subject === 'RE: Customer escalation: gift card balance at store #112');
    expect(atBen).toHaveLength(1);
    expect(atBen[0].from?.emailAddress.address).toBe(SUPPORT);
    const sharedSent = await ok<ListResult>(adele, 'mail_list_messages', { mailbox: SUPPORT, folder: 'sentitems' });
    expect(sharedSent.messages.filter((m) => m.subject === 'RE: Customer escalation: gift card balance at store #112')).toHaveLength(1);
    expect((await folderMessages(adele, 'sentitems')).some((m) => m.subject.includes('gift card balance at store #112') && m.subject.startsWith('RE:'))).toBe(false);
  });

  it('sends a new mail as the shared mailbox', async () => {
    const r = await ok<{ sent: boolean; from: string }>(adele, 'mail_send_message', { mailbox: SUPPORT, to: [MEGAN], subject: 'Support rota for December', body: 'Megan, the rota is attached to the team site.' });
    expect(r).toMatchObject({ sent: true, from: SUPPORT });
    const got = (await folderMessages(megan, 'inbox')).filter((m) => m.subject === 'Support rota for December');
    expect(got).toHaveLength(1);
    expect(got[0].from?.emailAddress.address).toBe(SUPPORT);
  });
});

describe('without access', () => {
  it('a user without delegation gets an error naming the mailbox and the missing access', async () => {
    const pradeep = await sandbox.as(PRADEEP);
    try {
      const read = await fails(pradeep, 'mail_list_messages', { mailbox: SUPPORT });
      expect(read).toMatch(/No access to the mailbox support@contoso\.sandbox/);
      expect(read).toMatch(/needs read access .* on support@contoso\.sandbox, granted by an Exchange admin/);
      const send = await fails(pradeep, 'mail_send_message', { mailbox: SUPPORT, to: [MEGAN], subject: 'x', body: 'y' });
      expect(send).toMatch(/No access to the mailbox support@contoso\.sandbox.*send-as/s);
      expect((await folderMessages(megan, 'inbox')).some((m) => m.subject === 'x')).toBe(false);
      expect(await fails(pradeep, 'mail_list_messages', { mailbox: 'nobody@contoso.sandbox' })).toMatch(/nobody@contoso\.sandbox (was not found|.*No access)/);
    } finally {
      await pradeep.close();
    }
  });

  it('personal mode says that other mailboxes need organization mode, and still takes your own address', async () => {
    const personal = await sandbox.as(ADELE, {});
    try {
      expect(await fails(personal, 'mail_list_messages', { mailbox: SUPPORT })).toMatch(/support@contoso\.sandbox is not yours: shared and delegated mailboxes need organization mode/);
      const own = await ok<ListResult>(personal, 'mail_list_messages', { mailbox: ADELE, limit: 1 });
      expect(own.messages).toHaveLength(1);
    } finally {
      await personal.close();
    }
  });
});
