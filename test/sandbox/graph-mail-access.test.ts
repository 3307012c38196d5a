// Who may read and send whose mail: Exchange's ErrorAccessDenied for a token without the needed mail permission,
// for another mailbox without the .Shared permission, and for a mailbox the caller has no delegation on (Pradeep
// has none on support@, Adele has full access and send-as); Mail.ReadBasic hides bodies; sending as the shared
// mailbox needs Mail.Send.Shared and send-as (else ErrorSendAsDenied); recipients are validated before sending.
import { describe, expect, it } from 'vitest';
import { bySubject, graph, type GraphAs, idOf, SUPPORT, upn, useSandbox } from '../fixtures.js';

const SUPPORT_ID = idOf(SUPPORT);
const DENIED = { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' };

const sb = useSandbox();

const send = (token: GraphAs, path: string, subject: string, extra: Record<string, unknown> = {}) =>
  graph(sb, token, path, {
    method: 'POST',
    body: { message: { subject, body: { contentType: 'Text', content: 'x' }, toRecipients: [{ emailAddress: { address: upn('megan.bowen') } }], ...extra } },
  });

describe('reading', () => {
  it('needs a mail permission for one\'s own mailbox', async () => {
    const none = await sb.graphAs(upn('adele.vance'), 'User.Read');
    for (const path of ['/me/messages', '/me/mailFolders', '/me/mailFolders/inbox/messages']) {
      const r = await graph(sb, none, path);
      expect(r.status, path).toBe(403);
      expect(r.body.error).toMatchObject(DENIED);
    }
    const sendOnly = await sb.graphAs(upn('adele.vance'), 'Mail.Send');
    expect((await graph(sb, sendOnly, '/me/messages')).status).toBe(403);
  });

  it('opens the shared mailbox for a delegate with Mail.Read.Shared, by UPN or id, and not without .Shared', async () => {
    const shared = await sb.graphAs(upn('adele.vance'), 'Mail.Read.Shared');
    for (const who of [upn('support'), SUPPORT_ID, 'SUPPORT@contoso.sandbox']) {
      const r = await graph(sb, shared, `/users/${who}/mailFolders/inbox/messages?$select=subject`);
      expect(r.status, who).toBe(200);
      expect(r.body.value.length).toBeGreaterThan(3);
    }
    const plain = await sb.graphAs(upn('adele.vance'), 'Mail.Read');
    expect((await graph(sb, plain, `/users/${upn('support')}/messages`)).body.error).toMatchObject(DENIED);
    expect((await graph(sb, plain, '/me/messages')).status).toBe(200);
  });

  it('refuses a user without delegation, whatever the token says', async () => {
    const pradeep = await sb.graphAs(upn('pradeep.gupta'), 'Mail.ReadWrite.Shared Mail.Send.Shared');
    for (const path of [`/users/${upn('support')}/messages`, `/users/${upn('support')}/mailFolders`, `/users/${upn('adele.vance')}/messages`]) {
      const r = await graph(sb, pradeep, path);
      expect(r.status, path).toBe(403);
      expect(r.body.error).toMatchObject(DENIED);
    }
    expect((await graph(sb, pradeep, '/me/messages')).status).toBe(200);
  });

  it('answers ErrorInvalidUser for someone who does not exist', async () => {
    const t = await sb.graphAs(upn('adele.vance'), 'Mail.Read.Shared');
    const r = await graph(sb, t, '/users/nobody@contoso.sandbox/messages');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('ErrorInvalidUser');
  });

  it('Mail.ReadBasic lists messages without bodies and refuses to select them', async () => {
    const basic = await sb.graphAs(upn('adele.vance'), 'Mail.ReadBasic');
    const r = await graph(sb, basic, '/me/messages?$top=3');
    expect(r.status).toBe(200);
    for (const m of r.body.value) {
      expect(m).toHaveProperty('subject');
      expect(m).not.toHaveProperty('body');
      expect(m).not.toHaveProperty('bodyPreview');
    }
    expect((await graph(sb, basic, '/me/messages?$select=body')).body.error).toMatchObject(DENIED);
  });

  it('Mail.Read cannot change anything', async () => {
    const read = await sb.graphAs(upn('adele.vance'), 'Mail.Read');
    const [m] = (await graph(sb, read, '/me/messages?$top=1&$select=id')).body.value;
    expect((await graph(sb, read, `/me/messages/${m.id}`, { method: 'PATCH', body: { isRead: true } })).body.error).toMatchObject(DENIED);
    expect((await graph(sb, read, `/me/messages/${m.id}/move`, { method: 'POST', body: { destinationId: 'archive' } })).status).toBe(403);
    expect((await graph(sb, read, '/me/mailFolders', { method: 'POST', body: { displayName: 'x' } })).status).toBe(403);
    expect((await send(read, '/me/sendMail', 'not sent')).body.error).toMatchObject(DENIED);
  });
});

describe('sending', () => {
  it('validates recipients before anything is sent', async () => {
    const t = await sb.graphAs(upn('adele.vance'), 'Mail.Send');
    const none = await send(t, '/me/sendMail', 'nobody', { toRecipients: [] });
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ code: 'ErrorInvalidRecipients', message: "At least one recipient isn't valid., A message can't be sent because it contains no recipients." });
    const bad = await send(t, '/me/sendMail', 'bad', { toRecipients: [{ emailAddress: { address: 'megan.bowen' } }] });
    expect(bad.body.error.code).toBe('ErrorInvalidRecipients');
    expect(bad.body.error.message).toContain("Recipient 'megan.bowen' isn't resolved.");
    const noMessage = await graph(sb, t, '/me/sendMail', { method: 'POST', body: { subject: 'x' } });
    expect(noMessage.status).toBe(400);
  });

  it('sends as the shared mailbox with Mail.Send.Shared and send-as; the copy stays in the sender\'s Sent Items', async () => {
    const t = await sb.graphAs(upn('adele.vance'), 'Mail.Send.Shared Mail.ReadWrite.Shared');
    const r = await send(t, '/me/sendMail', 'From the support desk', { from: { emailAddress: { address: upn('support') } } });
    expect(r.status).toBe(202);
    const megan = await sb.graphAs(upn('megan.bowen'), 'Mail.Read');
    const [got] = await bySubject(sb, megan, 'me', 'inbox', 'From the support desk');
    expect(got.from.emailAddress).toEqual({ name: 'Contoso Support', address: upn('support') });
    expect(got.sender.emailAddress.address).toBe(upn('support'));
    expect(await bySubject(sb, t, 'me', 'sentitems', 'From the support desk')).toHaveLength(1);
  });

  it('refuses send-as without Mail.Send.Shared (ErrorAccessDenied) and without send-as rights (ErrorSendAsDenied)', async () => {
    const plain = await sb.graphAs(upn('adele.vance'), 'Mail.Send');
    expect((await send(plain, '/me/sendMail', 'x', { from: { emailAddress: { address: upn('support') } } })).body.error).toMatchObject(DENIED);
    const pradeep = await sb.graphAs(upn('pradeep.gupta'), 'Mail.Send.Shared');
    const r = await send(pradeep, '/me/sendMail', 'x', { from: { emailAddress: { address: upn('support') } } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('ErrorSendAsDenied');
  });

  it('sends through /users/{shared}/sendMail for a delegate; its Sent Items keep the copy', async () => {
    const t = await sb.graphAs(upn('adele.vance'), 'Mail.Send.Shared Mail.Read.Shared');
    expect((await send(t, `/users/${upn('support')}/sendMail`, 'Shared mailbox reply')).status).toBe(202);
    const [copy] = await bySubject(sb, t, upn('support'), 'sentitems', 'Shared mailbox reply');
    expect(copy.from.emailAddress.address).toBe(upn('support'));
    const pradeep = await sb.graphAs(upn('pradeep.gupta'), 'Mail.Send.Shared');
    expect((await send(pradeep, `/users/${upn('support')}/sendMail`, 'nope')).body.error).toMatchObject(DENIED);
  });
});
