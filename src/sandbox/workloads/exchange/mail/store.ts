// The organization's mail system: one mailbox per person and per shared mailbox, the address book that resolves
// recipients (people, their proxy addresses, distribution lists), who may open whose mailbox, and transport:
// delivering a sent message as one copy to each internal recipient's Inbox and one to the sender's Sent Items,
// all with the same internetMessageId, as Exchange does. The seed and Graph's send actions both go through here.

import { createHash, randomBytes } from 'node:crypto';
import { SyncStates } from '../delta/sync-states.js';
import { NO_MEETINGS, type MeetingMail } from '../meeting-mail.js';
import { Mailbox, type EmailAddress, type Recipient, type StoredAttachment, type StoredMessage } from './model.js';
import type { DirectoryUser, SharedMailbox } from '../../../directory/directory.js';

export const INTERNAL_DOMAINS = ['contoso.sandbox', 'contoso.onmicrosoft.com'];

/** Distribution lists: an address that expands to members at delivery. */
export interface DistributionList {
  address: string;
  displayName: string;
  members: (users: DirectoryUser[]) => DirectoryUser[];
}

export const DISTRIBUTION_LISTS: DistributionList[] = [
  {
    address: 'allemployees@contoso.sandbox',
    displayName: 'Contoso All Employees',
    members: (users) => users.filter((u) => u.accountEnabled),
  },
  { address: 'sales@contoso.sandbox', displayName: 'Contoso Sales', members: (users) => users.filter((u) => u.department === 'Sales') },
];

/** Exchange's own sender of non-delivery reports. */
export const POSTMASTER: EmailAddress = { name: 'Microsoft Outlook', address: 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.sandbox' };

export type Resolution =
  | { kind: 'mailboxes'; mailboxes: Mailbox[]; name: string }
  | { kind: 'unknownInternal' }
  | { kind: 'external' };

/** What a sent message is made of; each copy gets its own id, folder and read state. */
export interface Outgoing {
  from: Recipient;
  sender: Recipient;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  subject: string;
  body: StoredMessage['body'];
  uniqueBody: StoredMessage['uniqueBody'];
  importance: StoredMessage['importance'];
  isDeliveryReceiptRequested: boolean;
  isReadReceiptRequested: boolean;
  internetMessageId: string;
  thread: Buffer;
  conversationIndex: Buffer;
  attachments: Omit<StoredAttachment, 'id'>[];
  sentDateTime: string;
  categories: string[];
}

export interface Delivery {
  sentCopy: StoredMessage | null;
  /** The Inbox copy in each internal recipient's mailbox, by mailbox owner id. */
  delivered: Map<string, StoredMessage>;
  /** Addresses in our domains that name nobody (the sender got a non-delivery report). */
  undeliverable: string[];
}

export class MailStore {
  readonly mailboxes = new Map<string, Mailbox>();
  private readonly byAddress = new Map<string, Mailbox>();
  /** What the calendar says about meeting messages: its MeetingMail port, wired by tenant.ts (see ../meeting-mail.ts). */
  meetings: MeetingMail = NO_MEETINGS;
  /** The sync states of delta queries over folders' messages (see ../delta/sync-states.ts). */
  readonly syncStates = new SyncStates();

  constructor(
    private readonly users: DirectoryUser[],
    readonly sharedMailboxes: SharedMailbox[],
  ) {
    for (const u of users) {
      if (!u.mail) continue;
      const box = new Mailbox({ id: u.id, userPrincipalName: u.userPrincipalName, displayName: u.displayName, mail: u.mail });
      this.mailboxes.set(u.id.toLowerCase(), box);
      for (const a of [u.mail, u.userPrincipalName, ...u.proxyAddresses.map((p) => p.replace(/^smtp:/i, ''))]) this.byAddress.set(a.toLowerCase(), box);
    }
  }

  mailboxOf(userId: string): Mailbox | undefined {
    return this.mailboxes.get(userId.toLowerCase());
  }

  mailboxByAddress(address: string): Mailbox | undefined {
    return this.byAddress.get(address.toLowerCase());
  }

  /** Full access: one's own mailbox, or a shared mailbox one is a delegate of. */
  canAccess(actor: DirectoryUser, box: Mailbox): boolean {
    if (box.owner.id.toLowerCase() === actor.id.toLowerCase()) return true;
    const shared = this.sharedMailboxes.find((s) => s.userId.toLowerCase() === box.owner.id.toLowerCase());
    return !!shared?.delegates.some((d) => d.toLowerCase() === actor.userPrincipalName.toLowerCase());
  }

  resolve(address: string): Resolution {
    const lower = address.toLowerCase();
    const box = this.byAddress.get(lower);
    if (box) return { kind: 'mailboxes', mailboxes: [box], name: box.owner.displayName };
    const dl = DISTRIBUTION_LISTS.find((d) => d.address === lower);
    if (dl) return { kind: 'mailboxes', mailboxes: dl.members(this.users).map((u) => this.mailboxOf(u.id)!).filter(Boolean), name: dl.displayName };
    const domain = lower.split('@')[1] ?? '';
    return INTERNAL_DOMAINS.includes(domain) ? { kind: 'unknownInternal' } : { kind: 'external' };
  }

  /** A recipient as Exchange stores it: internal addresses get the directory's display name when none is given. */
  normalize(r: EmailAddress): Recipient {
    const res = this.resolve(r.address);
    const name = r.name?.trim() || (res.kind === 'mailboxes' ? res.name : r.address);
    return { emailAddress: { name, address: r.address } };
  }

  /** Transport: the sender's Sent Items copy (when asked for) and one Inbox copy per internal recipient. */
  /** A null sender box stands for mail from outside the organization: no Sent Items copy, no report. */
  deliver(senderBox: Mailbox | null, out: Outgoing, opts: { saveToSentItems: boolean }): Delivery {
    const delivered = new Map<string, StoredMessage>();
    const undeliverable: string[] = [];
    const sentCopy = senderBox && opts.saveToSentItems ? this.place(senderBox, out, 'sentitems', { keepBcc: true, isRead: true }) : null;
    for (const r of [...out.toRecipients, ...out.ccRecipients, ...out.bccRecipients]) {
      const res = this.resolve(r.emailAddress.address);
      if (res.kind === 'unknownInternal') undeliverable.push(r.emailAddress.address);
      if (res.kind !== 'mailboxes') continue;
      for (const box of res.mailboxes) {
        if (delivered.has(box.owner.id)) continue; // once per mailbox, however often it is addressed
        delivered.set(box.owner.id, this.place(box, out, 'inbox', { keepBcc: false, isRead: false }));
      }
    }
    if (senderBox && undeliverable.length) this.nonDeliveryReport(senderBox, out, undeliverable);
    return { sentCopy, delivered, undeliverable };
  }

  private place(box: Mailbox, out: Outgoing, folder: 'inbox' | 'sentitems', o: { keepBcc: boolean; isRead: boolean }): StoredMessage {
    const id = box.newId('message');
    const m: StoredMessage = {
      id,
      folderId: box.wellKnown(folder).id,
      changeNumber: box.nextChangeNumber(),
      createdDateTime: out.sentDateTime,
      lastModifiedDateTime: out.sentDateTime,
      receivedDateTime: out.sentDateTime,
      sentDateTime: out.sentDateTime,
      subject: out.subject,
      body: { ...out.body },
      uniqueBody: out.uniqueBody ? { ...out.uniqueBody } : null,
      importance: out.importance,
      isRead: o.isRead,
      isDraft: false,
      isDeliveryReceiptRequested: out.isDeliveryReceiptRequested,
      isReadReceiptRequested: out.isReadReceiptRequested,
      inferenceClassification: 'focused',
      from: clone(out.from),
      sender: clone(out.sender),
      toRecipients: out.toRecipients.map(clone),
      ccRecipients: out.ccRecipients.map(clone),
      // Bcc recipients are the sender's business: no received copy shows them.
      bccRecipients: o.keepBcc ? out.bccRecipients.map(clone) : [],
      replyTo: out.replyTo.map(clone),
      categories: folder === 'sentitems' ? [...out.categories] : [],
      flag: { flagStatus: 'notFlagged' },
      internetMessageId: out.internetMessageId,
      thread: out.thread,
      conversationIndex: out.conversationIndex,
      internetMessageHeaders: folder === 'inbox' ? headersOf(out, this.resolve(out.from.emailAddress.address).kind !== 'external') : null,
      attachments: [],
      nextAttachmentNo: 0,
    };
    box.messages.set(id, m);
    for (const a of out.attachments) box.addAttachment(m, a);
    return m;
  }

  private nonDeliveryReport(senderBox: Mailbox, out: Outgoing, addresses: string[]): void {
    const list = addresses.map((a) => `<li>${a}</li>`).join('');
    this.place(
      senderBox,
      {
        ...out,
        from: { emailAddress: { ...POSTMASTER } },
        sender: { emailAddress: { ...POSTMASTER } },
        toRecipients: [{ emailAddress: senderBox.address }],
        ccRecipients: [],
        bccRecipients: [],
        replyTo: [],
        subject: `Undeliverable: ${out.subject}`,
        body: {
          contentType: 'html',
          content: `<html><head></head><body><p><b>Your message to these recipients couldn't be delivered:</b></p><ul>${list}</ul><p>The email address wasn't found at the destination domain. It might be misspelled or it might not exist.</p></body></html>`,
        },
        uniqueBody: null,
        importance: 'normal',
        internetMessageId: newInternetMessageId(senderBox.owner.id),
        attachments: [],
        categories: [],
      },
      'inbox',
      { keepBcc: false, isRead: false },
    );
  }
}

const clone = (r: Recipient): Recipient => ({ emailAddress: { name: r.emailAddress.name, address: r.emailAddress.address } });

function headersOf(out: Outgoing, internal: boolean): { name: string; value: string }[] {
  const list = (rs: Recipient[]) => rs.map((r) => `${r.emailAddress.name} <${r.emailAddress.address}>`).join(', ');
  const headers = [
    { name: 'Received', value: `from ${internal ? 'SA1PR04MB8123.namprd04.prod.outlook.com' : 'mail.example'} by SA1PR04MB8123.namprd04.prod.outlook.com with HTTPS; ${rfc2822(out.sentDateTime)}` },
    { name: 'From', value: list([out.from]) },
    { name: 'To', value: list(out.toRecipients) },
    ...(out.ccRecipients.length ? [{ name: 'CC', value: list(out.ccRecipients) }] : []),
    { name: 'Subject', value: out.subject },
    { name: 'Date', value: rfc2822(out.sentDateTime) },
    { name: 'Message-ID', value: out.internetMessageId },
    { name: 'Content-Language', value: 'en-US' },
    { name: 'X-MS-Has-Attach', value: out.attachments.some((a) => !a.isInline) ? 'yes' : '' },
    { name: 'X-MS-Exchange-Organization-AuthAs', value: internal ? 'Internal' : 'Anonymous' },
    { name: 'MIME-Version', value: '1.0' },
    { name: 'Content-Type', value: out.body.contentType === 'html' ? 'text/html; charset="utf-8"' : 'text/plain; charset="utf-8"' },
  ];
  return headers;
}

export const rfc2822 = (iso: string): string => new Date(iso).toUTCString().replace('GMT', '+0000');

/** An RFC 5322 Message-ID as Exchange Online mints them: a token and the mailbox server's name. */
export function newInternetMessageId(mailboxGuid: string, seed?: string): string {
  const server = `SA1PR04MB${(createHash('sha256').update(mailboxGuid).digest().readUInt16BE(0) % 9000) + 1000}`;
  const token = (seed ? createHash('sha256').update(seed).digest() : randomBytes(16)).toString('hex').slice(0, 24).toUpperCase();
  return `<${server}${token}@${server}.namprd04.prod.outlook.com>`;
}
