// What a mailbox holds, the way Exchange keeps it: folders (the distinguished ones every mailbox has, plus the
// user's own), messages with their attachments, and the counters ids and change keys are made from. Counts
// (children, items, unread) are computed from the contents on every read, so they are always right.

import { attachmentId, changeKey, conversationId, itemId, wellKnownFolderId, type ItemKind } from '../ids/mail.js';
import { WELL_KNOWN_FOLDERS, type EmailAddress, type StoredAttachment, type StoredFolder, type StoredMessage, type WellKnownName } from './types.js';

export * from './types.js';

/** The non-IPM root above the distinguished folders; it is a parent id but not a folder clients can open. */
const ROOT_CODE = 0x01;

export interface MailboxOwner {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string;
}

export class Mailbox {
  readonly folders = new Map<string, StoredFolder>();
  readonly messages = new Map<string, StoredMessage>();
  private seq = 0;
  private changes = 0;

  constructor(readonly owner: MailboxOwner) {
    const guid = owner.id.toLowerCase();
    const idOf = (name: string) =>
      name === 'root' ? wellKnownFolderId(guid, ROOT_CODE) : wellKnownFolderId(guid, WELL_KNOWN_FOLDERS.find((f) => f.name === name)!.code);
    for (const f of WELL_KNOWN_FOLDERS) {
      this.folders.set(idOf(f.name), { id: idOf(f.name), wellKnownName: f.name, displayName: f.displayName, parentId: idOf(f.parent), isHidden: f.hidden });
    }
  }

  get guid(): string {
    return this.owner.id.toLowerCase();
  }

  get address(): EmailAddress {
    return { name: this.owner.displayName, address: this.owner.mail };
  }

  wellKnown(name: WellKnownName): StoredFolder {
    return [...this.folders.values()].find((f) => f.wellKnownName === name)!;
  }

  /** A folder by id or by well-known name (any case), as Graph accepts both in paths and in destinationId. */
  findFolder(idOrName: string): StoredFolder | undefined {
    const byName = [...this.folders.values()].find((f) => f.wellKnownName === idOrName.toLowerCase());
    return byName ?? this.folders.get(idOrName);
  }

  children(folderId: string): StoredFolder[] {
    return [...this.folders.values()].filter((f) => f.parentId === folderId);
  }

  messagesIn(folderId: string): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.folderId === folderId);
  }

  /** Folders a client sees under the message folder root (what /messages spans), at any depth. */
  isUnderRoot(folderId: string): boolean {
    const root = this.wellKnown('msgfolderroot').id;
    for (let f = this.folders.get(folderId); f; f = this.folders.get(f.parentId)) if (f.parentId === root) return true;
    return false;
  }

  counts(folder: StoredFolder): { childFolderCount: number; totalItemCount: number; unreadItemCount: number } {
    const items = this.messagesIn(folder.id);
    return {
      childFolderCount: this.children(folder.id).length,
      totalItemCount: items.length,
      unreadItemCount: items.filter((m) => !m.isRead).length,
    };
  }

  newId(kind: ItemKind): string {
    return itemId(this.guid, kind, ++this.seq);
  }

  nextChangeNumber(): number {
    return ++this.changes;
  }

  changeKeyOf(m: StoredMessage): string {
    return changeKey(this.guid, m.changeNumber);
  }

  conversationIdOf(m: StoredMessage): string {
    return conversationId(this.guid, m.thread);
  }

  /** A personal folder under a parent (uniqueness of the name is the caller's check). */
  createFolder(parentId: string, displayName: string, isHidden = false): StoredFolder {
    const folder: StoredFolder = { id: this.newId('folder'), wellKnownName: null, displayName, parentId, isHidden };
    this.folders.set(folder.id, folder);
    return folder;
  }

  /** A new, empty message in a folder: Exchange's defaults for everything the caller does not set. */
  blankMessage(folderId: string, now: string, thread: Buffer, conversationIndex: Buffer, internetMessageId: string): StoredMessage {
    const m: StoredMessage = {
      id: this.newId('message'),
      folderId,
      changeNumber: this.nextChangeNumber(),
      createdDateTime: now,
      lastModifiedDateTime: now,
      receivedDateTime: now,
      // Exchange stamps drafts with their creation time here too (see the documented POST /messages answer).
      sentDateTime: now,
      subject: '',
      body: { contentType: 'text', content: '' },
      uniqueBody: null,
      importance: 'normal',
      isRead: true,
      isDraft: true,
      isDeliveryReceiptRequested: false,
      isReadReceiptRequested: false,
      inferenceClassification: 'focused',
      from: null,
      sender: null,
      toRecipients: [],
      ccRecipients: [],
      bccRecipients: [],
      replyTo: [],
      categories: [],
      flag: { flagStatus: 'notFlagged' },
      internetMessageId,
      thread,
      conversationIndex,
      internetMessageHeaders: null,
      attachments: [],
      nextAttachmentNo: 0,
    };
    this.messages.set(m.id, m);
    return m;
  }

  /** Attaches a file; its id extends the message's id, as Exchange's attachment ids do. */
  addAttachment(m: StoredMessage, a: Omit<StoredAttachment, 'id'>): StoredAttachment {
    const stored = { ...a, id: attachmentId(m.id, ++m.nextAttachmentNo) };
    m.attachments.push(stored);
    return stored;
  }

  /** A moved item gets a new id in Exchange, and so do its attachments. */
  reassignId(m: StoredMessage): void {
    this.messages.delete(m.id);
    m.id = this.newId('message');
    m.attachments = m.attachments.map((a, i) => ({ ...a, id: attachmentId(m.id, i + 1) }));
    m.nextAttachmentNo = m.attachments.length;
    this.messages.set(m.id, m);
  }

  /** A copy of a message in a folder: a new item with its own id (and attachment ids), the same content. */
  copyMessage(m: StoredMessage, folderId: string, now: string): StoredMessage {
    const copy: StoredMessage = {
      ...m,
      id: this.newId('message'),
      folderId,
      changeNumber: this.nextChangeNumber(),
      lastModifiedDateTime: now,
      body: { ...m.body },
      uniqueBody: m.uniqueBody ? { ...m.uniqueBody } : null,
      from: structuredClone(m.from),
      sender: structuredClone(m.sender),
      toRecipients: structuredClone(m.toRecipients),
      ccRecipients: structuredClone(m.ccRecipients),
      bccRecipients: structuredClone(m.bccRecipients),
      replyTo: structuredClone(m.replyTo),
      categories: [...m.categories],
      flag: structuredClone(m.flag),
      internetMessageHeaders: m.internetMessageHeaders ? structuredClone(m.internetMessageHeaders) : null,
      attachments: [],
      nextAttachmentNo: 0,
    };
    this.messages.set(copy.id, copy);
    for (const { id: _id, ...a } of m.attachments) this.addAttachment(copy, a);
    return copy;
  }

  /** Records a change: a new change key and modification time, as Exchange stamps every save. */
  touch(m: StoredMessage, now: string): void {
    m.changeNumber = this.nextChangeNumber();
    m.lastModifiedDateTime = now;
  }
}
