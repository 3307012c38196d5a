// The records a mailbox is made of, named and shaped after Graph's resources (message, mailFolder,
// fileAttachment, recipient, followupFlag) so that serving them is mostly a matter of choosing properties.

import type { DateTimeTimeZone, ItemBody, Recipient } from '../items.js';

export type { DateTimeTimeZone, EmailAddress, ItemBody, Recipient } from '../items.js';

export interface FollowupFlag {
  flagStatus: 'notFlagged' | 'flagged' | 'complete';
  startDateTime?: DateTimeTimeZone;
  dueDateTime?: DateTimeTimeZone;
  completedDateTime?: DateTimeTimeZone;
}
export type Importance = 'low' | 'normal' | 'high';

export interface StoredAttachment {
  id: string;
  name: string;
  contentType: string;
  bytes: Buffer;
  isInline: boolean;
  contentId: string | null;
  lastModifiedDateTime: string;
}

export interface StoredMessage {
  id: string;
  folderId: string;
  changeNumber: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  /** For drafts, the time of creation, as Exchange answers it. */
  sentDateTime: string | null;
  subject: string;
  body: ItemBody;
  /** The part of the body that is new in this message (a reply's own text); the whole body otherwise. */
  uniqueBody: ItemBody | null;
  importance: Importance;
  isRead: boolean;
  isDraft: boolean;
  isDeliveryReceiptRequested: boolean;
  isReadReceiptRequested: boolean;
  inferenceClassification: 'focused' | 'other';
  from: Recipient | null;
  sender: Recipient | null;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  categories: string[];
  flag: FollowupFlag;
  internetMessageId: string;
  /** The conversation's GUID and this message's position in it (Exchange's conversation index bytes). */
  thread: Buffer;
  conversationIndex: Buffer;
  internetMessageHeaders: { name: string; value: string }[] | null;
  attachments: StoredAttachment[];
  nextAttachmentNo: number;
}

export interface StoredFolder {
  id: string;
  wellKnownName: string | null;
  displayName: string;
  parentId: string;
  isHidden: boolean;
}

/** Exchange's distinguished folders: Graph name, display name, the code inside their ids, where they live. */
export const WELL_KNOWN_FOLDERS = [
  { name: 'msgfolderroot', displayName: 'Top of Information Store', code: 0x08, parent: 'root', hidden: false },
  { name: 'archive', displayName: 'Archive', code: 0x5d, parent: 'msgfolderroot', hidden: false },
  { name: 'conversationhistory', displayName: 'Conversation History', code: 0x15, parent: 'msgfolderroot', hidden: false },
  { name: 'deleteditems', displayName: 'Deleted Items', code: 0x0a, parent: 'msgfolderroot', hidden: false },
  { name: 'drafts', displayName: 'Drafts', code: 0x0f, parent: 'msgfolderroot', hidden: false },
  { name: 'inbox', displayName: 'Inbox', code: 0x0c, parent: 'msgfolderroot', hidden: false },
  { name: 'junkemail', displayName: 'Junk Email', code: 0x19, parent: 'msgfolderroot', hidden: false },
  { name: 'outbox', displayName: 'Outbox', code: 0x0b, parent: 'msgfolderroot', hidden: false },
  { name: 'sentitems', displayName: 'Sent Items', code: 0x09, parent: 'msgfolderroot', hidden: false },
  // Where DELETE puts a message: out of sight of clients, as in Exchange's Recoverable Items.
  { name: 'recoverableitemsdeletions', displayName: 'Deletions', code: 0x1d, parent: 'root', hidden: true },
] as const;
export type WellKnownName = (typeof WELL_KNOWN_FOLDERS)[number]['name'];
