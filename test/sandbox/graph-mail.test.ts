// Mail in the sandbox, read side and sendMail, over real HTTP with tokens from the sandbox: the seeded mailboxes
// and folders with their counts, listing and reading messages, paging, and sendMail's delivery (once in each
// recipient's Inbox and once in Sent Items, with one internetMessageId; Bcc hidden; outsiders only in Sent Items).
import { beforeAll, describe, expect, it } from 'vitest';
import { mailSeedEpoch } from '../../src/sandbox/testing.js';
import { allPages, bySubject, graph, type GraphAs, startTestSandbox, tokenFor, upn, useSandbox } from '../fixtures.js';

const sb = useSandbox();
const tokens: Record<string, GraphAs> = {};
beforeAll(async () => {
  for (const who of ['adele.vance', 'patti.fernandez', 'alex.wilber', 'ben.walters']) tokens[who] = await sb.graphAs(upn(who), 'Mail.ReadWrite Mail.Send Mail.ReadWrite.Shared');
});

describe('the seed moves with the week', () => {
  it('dates the newest seeded mail in the last week, never in the future, back from a Monday 18:00 UTC', async () => {
    const newest = await graph(sb, tokens['adele.vance'], `/me/mailFolders/inbox/messages?$top=1&$select=subject,receivedDateTime&$filter=receivedDateTime le ${sb.mailEpoch}&$orderby=receivedDateTime desc`);
    const at = Date.parse(newest.body.value[0].receivedDateTime);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(Date.now() - at).toBeLessThan(8 * 86_400_000);
    expect(newest.body.value[0].subject).toBe('1:1 agenda for tomorrow');
    expect(newest.body.value[0].receivedDateTime.slice(0, 10)).toBe(sb.mailDay(0));
    // The epoch's rule: this week's Monday 18:00 once it has passed, the week before's until then.
    expect(mailSeedEpoch(Date.parse('2027-03-10T12:00:00Z'))).toBe('2027-03-08T18:00:00Z');
    expect(mailSeedEpoch(Date.parse('2027-03-08T19:00:00Z'))).toBe('2027-03-08T18:00:00Z');
    expect(mailSeedEpoch(Date.parse('2027-03-08T09:00:00Z'))).toBe('2027-03-01T18:00:00Z');
    expect(mailSeedEpoch(Date.parse('2027-03-14T23:59:00Z'))).toBe('2027-03-08T18:00:00Z');
  });
});

describe('folders', () => {
  it('lists the top-level folders by name, with Exchange-style ids and counts that match the contents', async () => {
    const r = await graph(sb, tokens['adele.vance'], '/me/mailFolders');
    expect(r.status).toBe(200);
    expect(r.body.value.map((f: any) => f.displayName)).toEqual(['Archive', 'Conversation History', 'Deleted Items', 'Drafts', 'Inbox', 'Junk Email', 'Outbox', 'Projects', 'Sent Items']);
    const inbox = r.body.value.find((f: any) => f.displayName === 'Inbox');
    expect(inbox.id).toMatch(/^AQMkA[A-Za-z0-9_-]+={0,2}$/);
    const items = await allPages(sb, tokens['adele.vance'], `/me/mailFolders/${inbox.id}/messages?$select=isRead&$top=7`);
    expect(inbox.totalItemCount).toBe(items.length);
    expect(inbox.unreadItemCount).toBe(items.filter((m) => !m.isRead).length);
    expect(inbox.unreadItemCount).toBeGreaterThanOrEqual(5);
    const projects = r.body.value.find((f: any) => f.displayName === 'Projects');
    expect(projects.id).toMatch(/^AAMkA/);
    expect(projects.childFolderCount).toBe(1);
  });

  it('takes well-known names in paths, in any case, and answers the folder with its id', async () => {
    const list = await graph(sb, tokens['adele.vance'], '/me/mailFolders');
    const byName = await graph(sb, tokens['adele.vance'], '/me/mailFolders/Inbox');
    expect(byName.body.id).toBe(list.body.value.find((f: any) => f.displayName === 'Inbox').id);
    for (const name of ['inbox', 'sentitems', 'drafts', 'deleteditems', 'archive', 'junkemail', 'outbox', 'msgfolderroot', 'SentItems']) {
      expect((await graph(sb, tokens['adele.vance'], `/me/mailFolders/${name}`)).status, name).toBe(200);
    }
    expect((await graph(sb, tokens['adele.vance'], '/me/mailFolders/nonsense')).body.error.code).toBe('ErrorInvalidIdMalformed');
  });

  it('gives the same ids on every start of the same seed', async () => {
    const other = await startTestSandbox();
    try {
      const t = await tokenFor(other, upn('adele.vance'), 'Mail.Read');
      const a = await graph(other, t, '/me/messages?$top=20&$select=subject');
      const b = await graph(sb, tokens['adele.vance'], `/me/messages?$top=20&$select=subject&$filter=receivedDateTime le ${sb.mailEpoch}`);
      expect(a.body.value.map((m: any) => m.id)).toEqual(b.body.value.map((m: any) => m.id));
      expect((await graph(other, t, '/me/mailFolders/Projects')).status).toBe(400);
    } finally {
      await other.close();
    }
  });

  it('creates child folders and refuses a duplicate name with 409 ErrorFolderExists', async () => {
    const t = tokens['ben.walters'];
    const created = await graph(sb, t, '/me/mailFolders/inbox/childFolders', { method: 'POST', body: { displayName: 'Vendors' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'Vendors', childFolderCount: 0, totalItemCount: 0, unreadItemCount: 0, isHidden: false });
    const dup = await graph(sb, t, '/me/mailFolders/inbox/childFolders', { method: 'POST', body: { displayName: 'vendors' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('ErrorFolderExists');
    expect((await graph(sb, t, '/me/mailFolders/inbox')).body.childFolderCount).toBe(1);
    expect((await graph(sb, t, '/me/mailFolders/inbox/childFolders')).body.value.map((f: any) => f.displayName)).toEqual(['Vendors']);
    const top = await graph(sb, t, '/me/mailFolders', { method: 'POST', body: { displayName: 'Receipts' } });
    expect(top.status).toBe(201);
    expect((await graph(sb, t, `/me/mailFolders/${top.body.id}`)).body.displayName).toBe('Receipts');
  });
});

describe('reading messages', () => {
  it('lists newest first in pages of 10 continued by @odata.nextLink ($skip)', async () => {
    const r = await graph(sb, tokens['adele.vance'], '/me/messages');
    expect(r.status).toBe(200);
    expect(r.body.value).toHaveLength(10);
    expect(r.body['@odata.nextLink']).toMatch(/\$skip=10$/);
    const dates = r.body.value.map((m: any) => m.receivedDateTime);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('returns @odata.etag and id with any $select, and the default property set without', async () => {
    const r = await graph(sb, tokens['adele.vance'], '/me/messages?$select=subject&$top=1');
    expect(Object.keys(r.body.value[0])).toEqual(['@odata.etag', 'id', 'subject']);
    const full = await graph(sb, tokens['adele.vance'], `/me/messages/${r.body.value[0].id}`);
    expect(full.body['@odata.context']).toMatch(/#users\('[^']+'\)\/messages\/\$entity$/);
    expect(full.body.body.contentType).toBe('html');
    expect(full.body).not.toHaveProperty('uniqueBody');
    expect(full.body).not.toHaveProperty('internetMessageHeaders');
  });

  it('tells malformed ids (400 ErrorInvalidIdMalformed) from unknown ones (404 ErrorItemNotFound)', async () => {
    const bad = await graph(sb, tokens['adele.vance'], '/me/messages/not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'ErrorInvalidIdMalformed', message: 'Id is malformed.' });
    const pattis = (await graph(sb, tokens['patti.fernandez'], '/me/messages?$top=1&$select=id')).body.value[0].id as string;
    const missing = await graph(sb, tokens['adele.vance'], `/me/messages/${pattis}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' });
  });

  it('dates every seeded message at or before the fixed epoch', async () => {
    const list = await allPages(sb, tokens['adele.vance'], `/me/messages?$select=receivedDateTime&$top=100&$filter=receivedDateTime le ${sb.mailEpoch}`);
    expect(list.length).toBeGreaterThanOrEqual(18);
    for (const m of list) expect(Date.parse(m.receivedDateTime)).toBeLessThanOrEqual(Date.parse(sb.mailEpoch));
  });
});

describe('$batch', () => {
  it('serves mail requests inside a JSON batch with the batch\'s token', async () => {
    const r = await graph(sb, tokens['adele.vance'], '/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: '1', method: 'GET', url: '/me/mailFolders/inbox?$select=displayName,unreadItemCount' },
          { id: '2', method: 'GET', url: '/me/messages?$top=2&$select=subject' },
          { id: '3', method: 'GET', url: `/users/${upn('pradeep.gupta')}/messages` },
        ],
      },
    });
    expect(r.status).toBe(200);
    const byId = Object.fromEntries(r.body.responses.map((x: any) => [x.id, x]));
    expect(byId['1']).toMatchObject({ status: 200, body: { displayName: 'Inbox' } });
    expect(byId['2'].body.value).toHaveLength(2);
    expect(byId['3']).toMatchObject({ status: 403, body: { error: { code: 'ErrorAccessDenied' } } });
  });
});

describe('sendMail', () => {
  it('delivers once to each internal recipient and once to Sent Items with one internetMessageId; Bcc stays hidden', async () => {
    const subject = 'Delivery check: board dinner';
    const r = await graph(sb, tokens['patti.fernandez'], '/me/sendMail', {
      method: 'POST',
      body: {
        message: {
          subject,
          body: { contentType: 'HTML', content: '<p>Hello <b>team</b></p>' },
          toRecipients: [{ emailAddress: { address: upn('adele.vance') } }, { emailAddress: { address: 'partner@fabrikam.example', name: 'Partner' } }],
          ccRecipients: [{ emailAddress: { address: upn('alex.wilber') } }, { emailAddress: { address: upn('adele.vance') } }],
          bccRecipients: [{ emailAddress: { address: upn('ben.walters') } }],
        },
      },
    });
    expect(r.status).toBe(202);
    expect(r.text).toBe('');
    const sent = await bySubject(sb, tokens['patti.fernandez'], 'me', 'sentitems', subject);
    expect(sent).toHaveLength(1);
    expect(sent[0].bccRecipients.map((x: any) => x.emailAddress.address)).toEqual([upn('ben.walters')]);
    expect(sent[0].toRecipients[0].emailAddress.name).toBe('Adele Vance');
    expect(sent[0]).toMatchObject({ isRead: true, isDraft: false, from: { emailAddress: { address: upn('patti.fernandez') } } });
    for (const who of ['adele.vance', 'alex.wilber', 'ben.walters']) {
      const got = await bySubject(sb, tokens[who], 'me', 'inbox', subject);
      expect(got, who).toHaveLength(1);
      expect(got[0]).toMatchObject({ internetMessageId: sent[0].internetMessageId, isRead: false, bccRecipients: [] });
      expect(got[0].id).not.toBe(sent[0].id);
    }
    // Nothing else of Patti's came back (the outside address is not ours to deliver to).
    expect(await bySubject(sb, tokens['patti.fernandez'], 'me', 'inbox', subject)).toHaveLength(0);
  });

  it('keeps no copy with saveToSentItems false', async () => {
    const subject = 'No copy please';
    const r = await graph(sb, tokens['alex.wilber'], '/me/sendMail', {
      method: 'POST',
      body: { message: { subject, body: { contentType: 'Text', content: 'x' }, toRecipients: [{ emailAddress: { address: upn('adele.vance') } }] }, saveToSentItems: false },
    });
    expect(r.status).toBe(202);
    expect(await bySubject(sb, tokens['alex.wilber'], 'me', 'sentitems', subject)).toHaveLength(0);
    expect(await bySubject(sb, tokens['adele.vance'], 'me', 'inbox', subject)).toHaveLength(1);
  });
});

describe('deleted messages', () => {
  it('are gone for /messages/{id} (404 ErrorItemNotFound on reading or deleting again), kept in Recoverable Items', async () => {
    const adele = tokens['adele.vance'];
    const draft = await graph(sb, adele, '/me/messages', { method: 'POST', body: { subject: 'To be deleted' } });
    expect(draft.status).toBe(201);
    expect((await graph(sb, adele, `/me/messages/${draft.body.id}`, { method: 'DELETE' })).status).toBe(204);
    for (const method of ['GET', 'DELETE', 'PATCH']) {
      const gone = await graph(sb, adele, `/me/messages/${draft.body.id}`, { method, ...(method === 'PATCH' ? { body: { subject: 'x' } } : {}) });
      expect(gone.status, method).toBe(404);
      expect(gone.body.error.code).toBe('ErrorItemNotFound');
    }
    const kept = await graph(sb, adele, `/me/mailFolders/recoverableitemsdeletions/messages/${draft.body.id}?$select=subject`);
    expect(kept.status).toBe(200);
    expect(kept.body.subject).toBe('To be deleted');
  });
});
