// Submitting a message for delivery (sendMail, sending a draft, reply, reply all, forward): Exchange's checks
// before transport (at least one recipient, every address well formed, the right to send as the `from`
// mailbox) and the message as transport carries it. Sending as another mailbox needs Mail.Send.Shared and the
// delegation table's send-as right; the copy then goes to the submitting mailbox's Sent Items, as Exchange does
// by default.

import { randomBytes } from 'node:crypto';
import { rootConversationIndex } from './compose.js';
import type { ItemBody, Mailbox, Recipient, StoredAttachment } from './model.js';
import { newInternetMessageId, type Delivery, type Outgoing } from './store.js';
import { hasAny } from './access.js';
import { accessDenied, noRecipients, sendAsDenied, unresolvedRecipient } from '../errors.js';
import type { MailContext } from './route-types.js';

/** Everything a submission carries; a draft, a sendMail body or a composed reply all become this. */
export interface Submission {
  subject: string;
  body: ItemBody;
  uniqueBody: ItemBody | null;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  from: Recipient | null;
  importance: Outgoing['importance'];
  isDeliveryReceiptRequested: boolean;
  isReadReceiptRequested: boolean;
  categories: string[];
  attachments: Omit<StoredAttachment, 'id'>[];
  internetMessageId?: string;
  thread?: Buffer;
  conversationIndex?: Buffer;
}

// An address Exchange can route: a local part and a dotted domain, no spaces or brackets.
const ADDRESS = /^[^\s@<>()[\]",;:\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
export const isRoutableAddress = (a: string): boolean => ADDRESS.test(a);

export function submit(ctx: MailContext, box: Mailbox, s: Submission, opts: { saveToSentItems: boolean; now: string }): Delivery {
  const store = ctx.state;
  const all = [...s.toRecipients, ...s.ccRecipients, ...s.bccRecipients];
  if (all.length === 0) throw noRecipients();
  const bad = all.find((r) => !isRoutableAddress(r.emailAddress.address));
  if (bad) throw unresolvedRecipient(bad.emailAddress.address);
  const from = sendingAs(ctx, box, s.from);
  const thread = s.thread ?? randomBytes(16);
  const out: Outgoing = {
    from,
    sender: from,
    toRecipients: s.toRecipients.map((r) => store.normalize(r.emailAddress)),
    ccRecipients: s.ccRecipients.map((r) => store.normalize(r.emailAddress)),
    bccRecipients: s.bccRecipients.map((r) => store.normalize(r.emailAddress)),
    replyTo: s.replyTo.map((r) => store.normalize(r.emailAddress)),
    subject: s.subject,
    body: s.body,
    uniqueBody: s.uniqueBody,
    importance: s.importance,
    isDeliveryReceiptRequested: s.isDeliveryReceiptRequested,
    isReadReceiptRequested: s.isReadReceiptRequested,
    internetMessageId: s.internetMessageId ?? newInternetMessageId(from.emailAddress.address),
    thread,
    conversationIndex: s.conversationIndex ?? rootConversationIndex(thread, opts.now),
    attachments: s.attachments.map((a) => ({ ...a, lastModifiedDateTime: opts.now })),
    sentDateTime: opts.now,
    categories: s.categories,
  };
  const delivery = store.deliver(box, out, { saveToSentItems: opts.saveToSentItems });
  ctx.log(`mail: ${box.owner.userPrincipalName} submitted a message to ${all.length} recipient(s), ${delivery.delivered.size} mailbox(es) reached`);
  return delivery;
}

/** The `from` of a submission: the mailbox itself, or another mailbox the caller may send as. */
function sendingAs(ctx: MailContext, box: Mailbox, from: Recipient | null): Recipient {
  const own = { emailAddress: box.address };
  if (!from || !from.emailAddress.address || from.emailAddress.address.toLowerCase() === box.owner.mail.toLowerCase()) return own;
  const target = ctx.state.mailboxByAddress(from.emailAddress.address);
  if (target === box) return own;
  if (!target || !ctx.state.canAccess(ctx.principal.user, target)) throw sendAsDenied();
  if (!hasAny(ctx, ['Mail.Send.Shared'])) throw accessDenied();
  return { emailAddress: target.address };
}
