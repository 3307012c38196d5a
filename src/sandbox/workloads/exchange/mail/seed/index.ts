// Builds the organization's mail from the seed files: personal folders first, then every seeded thread sent
// through the same transport as runtime mail (so copies, Sent Items and internetMessageIds follow the same
// rules), then each mailbox's own state of its copy (read, flagged, categorized, filed), then drafts. The order
// of this walk fixes every id, so it must not change for existing seed data; append new data at the end.
//
// Facts tests and demos rely on (times UTC, with the dates a sandbox started in the week of Monday 2026-11-16
// gives them; every date moves with the seed's epoch, mailSeedEpoch in time/seed-clock.ts):
// - adele.vance Inbox: 12 messages, 6 unread: Alex Wilber "1:1 agenda for tomorrow" (11-16 16:30), Jordan Mitchell
//   <jordan.mitchell@fabrikam.example> "PO #48213 ..." (11-14 14:05, PO-48213-lines.csv), Ben Walters "Store visit
//   notes - Bellevue Square" (11-13 22:30, .txt), Patti Fernandez "All-hands: ..." (11-12 16:00), Christie Cline's
//   two "RE:" (11-10). Flagged, high importance, 'Red category': Alex's "Q4 retail forecast ..." (11-09 15:42, .xlsx).
//   Also Junk Email (1 unread), Drafts (1), Archive (1), Deleted Items (1), Projects/Holiday 2026 (1), Sent Items (3).
// - support@ (delegates: adele.vance, ben.walters, debra.berger, arjun.mehta, isaiah.langer): Inbox 6, 5 unread
//   (English, French, German customers), 1 flagged; Sent Items 1.
// - Every employee has the company announcements (10-26, 11-02 with a PDF, 11-09, 11-12) from allemployees@.

import { childConversationIndex, forwardSubject, quotedBody, replySubject, rootConversationIndex } from '../compose.js';
import { SEED_ATTACHMENTS } from './attachments.js';
import { escapeHtml, wrapHtml } from '../../html.js';
import { stableBytes } from '../../ids/mail.js';
import type { Mailbox, Recipient, StoredMessage } from '../model.js';
import { seedTime, type SeedDraft, type SeedFolders, type SeedMessage, type SeedThread } from './types.js';
import { MailStore, newInternetMessageId, type Outgoing } from '../store.js';
import { COMPANY_AND_SALES_DRAFTS, COMPANY_AND_SALES_FOLDERS, COMPANY_AND_SALES_THREADS } from './threads.js';
import { INTERNATIONAL_THREADS } from './threads-intl.js';
import { SUPPORT_THREADS } from './threads-support.js';
import type { Directory } from '../../../../directory/directory.js';
import { mailSeedEpoch } from '../../time/seed-clock.js';

export { MailStore } from '../store.js';

export const SEED_THREADS: readonly SeedThread[] = [...COMPANY_AND_SALES_THREADS, ...INTERNATIONAL_THREADS, ...SUPPORT_THREADS];
export const SEED_DRAFTS: readonly SeedDraft[] = COMPANY_AND_SALES_DRAFTS;
export const SEED_FOLDERS: SeedFolders = COMPANY_AND_SALES_FOLDERS;

/** The organization's mail, dated back from the epoch of a sandbox started at `nowMs`. */
export function createMailStore(directory: Directory, nowMs: number): MailStore {
  const store = new MailStore(directory.users, directory.sharedMailboxes);
  const seeder = new Seeder(store, directory.domain, mailSeedEpoch(nowMs));
  for (const [owner, paths] of Object.entries(SEED_FOLDERS)) for (const p of paths) seeder.folderPath(seeder.box(owner), p);
  for (const t of SEED_THREADS) seeder.thread(t);
  for (const d of SEED_DRAFTS) seeder.draft(d);
  return store;
}

class Seeder {
  constructor(
    private readonly store: MailStore,
    private readonly domain: string,
    private readonly epoch: string,
  ) {}

  box(key: string): Mailbox {
    const box = this.store.mailboxByAddress(key.includes('@') ? key : `${key}@${this.domain}`);
    if (!box) throw new Error(`seed: no mailbox '${key}'`);
    return box;
  }

  party(spec: string): Recipient {
    const m = /^(.*)<([^>]+)>$/.exec(spec);
    if (m) return { emailAddress: { name: m[1].trim(), address: m[2].trim() } };
    const address = spec.includes('@') ? spec : `${spec}@${this.domain}`;
    return this.store.normalize({ name: '', address });
  }

  folderPath(box: Mailbox, path: string): string {
    const known = box.findFolder(path);
    if (known) return known.id;
    let parent = box.wellKnown('msgfolderroot').id;
    for (const name of path.split('/')) {
      const existing = box.children(parent).find((f) => f.displayName === name);
      parent = (existing ?? box.createFolder(parent, name)).id;
    }
    return parent;
  }

  thread(t: SeedThread): void {
    const guid = stableBytes(`thread:${t.key}`);
    let previous: StoredMessage | null = null;
    t.messages.forEach((sm, i) => {
      const at = seedTime(sm.at, this.epoch);
      const from = this.party(sm.from);
      const internal = !/</.test(sm.from);
      const fragment = sm.html ?? `<div>${escapeHtml(sm.text ?? '').replace(/\n/g, '<br>')}</div>`;
      const out: Outgoing = {
        from,
        sender: from,
        toRecipients: sm.to.map((r) => this.party(r)),
        ccRecipients: (sm.cc ?? []).map((r) => this.party(r)),
        bccRecipients: (sm.bcc ?? []).map((r) => this.party(r)),
        replyTo: [],
        subject: sm.subject ?? (sm.kind === 'FW' ? forwardSubject : replySubject)(previous!.subject),
        body: previous
          ? { contentType: 'html', content: quotedBody(fragment, previous) }
          : sm.html
            ? { contentType: 'html', content: wrapHtml(sm.html) }
            : { contentType: 'text', content: (sm.text ?? '').replace(/\n/g, '\r\n') },
        uniqueBody: previous ? { contentType: 'html', content: wrapHtml(fragment) } : null,
        importance: sm.importance ?? 'normal',
        isDeliveryReceiptRequested: false,
        isReadReceiptRequested: false,
        internetMessageId: internal ? newInternetMessageId(from.emailAddress.address, `seed:${t.key}:${i}`) : externalMessageId(from, `${t.key}:${i}`),
        thread: guid,
        conversationIndex: previous ? childConversationIndex(previous.conversationIndex, at) : rootConversationIndex(guid, at),
        attachments: (sm.attachments ?? []).map((key) => {
          const a = SEED_ATTACHMENTS[key];
          if (!a) throw new Error(`seed: no attachment '${key}'`);
          return { name: a.name, contentType: a.contentType, bytes: a.bytes(), isInline: !!a.isInline, contentId: a.contentId ?? null, lastModifiedDateTime: at };
        }),
        sentDateTime: at,
        categories: [],
      };
      const delivery = this.store.deliver(internal ? this.box(sm.from) : null, out, { saveToSentItems: true });
      if (delivery.undeliverable.length) throw new Error(`seed: undeliverable ${delivery.undeliverable.join(', ')}`);
      const copies: [Mailbox, StoredMessage][] = [...delivery.delivered].map(([ownerId, m]) => [this.store.mailboxOf(ownerId)!, m]);
      if (delivery.sentCopy) copies.push([this.box(sm.from), delivery.sentCopy]);
      for (const [box, copy] of copies) this.applyState(box, copy, sm, at, copy === delivery.sentCopy);
      previous = delivery.sentCopy ?? copies[0][1];
    });
  }

  private applyState(box: Mailbox, m: StoredMessage, sm: SeedMessage, at: string, isSentCopy: boolean): void {
    const key = box.owner.mail.split('@')[0].toLowerCase();
    if (!isSentCopy) m.isRead = !(sm.unreadBy ?? []).includes(key);
    const day = (iso: string) => ({ dateTime: `${iso.slice(0, 10)}T00:00:00.0000000`, timeZone: 'UTC' });
    if (sm.flaggedBy?.includes(key)) m.flag = { flagStatus: 'flagged', startDateTime: day(at), dueDateTime: day(new Date(Date.parse(at) + 3 * 86_400_000).toISOString()) };
    if (sm.completedBy?.includes(key)) m.flag = { flagStatus: 'complete', completedDateTime: { dateTime: `${at.slice(0, 19)}.0000000`, timeZone: 'UTC' } };
    if (sm.categories?.[key]) m.categories = [...sm.categories[key]];
    if (sm.otherBy?.includes(key)) m.inferenceClassification = 'other';
    const folder = sm.folders?.[key];
    if (folder && !isSentCopy) m.folderId = this.folderPath(box, folder);
  }

  draft(d: SeedDraft): void {
    const box = this.box(d.owner);
    const at = seedTime(d.at, this.epoch);
    const guid = stableBytes(`draft:${d.owner}:${d.subject}`);
    const m = box.blankMessage(box.wellKnown('drafts').id, at, guid, rootConversationIndex(guid, at), newInternetMessageId(box.owner.mail, `draft:${d.subject}`));
    m.subject = d.subject;
    m.body = { contentType: 'html', content: wrapHtml(d.html) };
    m.toRecipients = d.to.map((r) => this.party(r));
    m.ccRecipients = (d.cc ?? []).map((r) => this.party(r));
  }
}

/** Message-IDs of outside mail carry the sender's domain, as other mail systems mint them. */
function externalMessageId(from: Recipient, key: string): string {
  const domain = from.emailAddress.address.split('@')[1];
  return `<${stableBytes(`mid:${key}`, 12).toString('hex')}@mail.${domain}>`;
}
