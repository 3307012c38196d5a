// What mail offers Microsoft Search (workloads/search): the messages of the signed-in person's own mailbox, with
// the words of their subjects and bodies, from:/to:/participants: and received/sent dates, and the message a hit
// carries (Graph's search resource: the message's headers and preview, no body).

import type { RequestContext } from '../../../graph/types.js';
import type { SearchDocument, Searchable } from '../../../searchable.js';
import { htmlToText } from '../html.js';
import { messageJson } from './message-json.js';
import type { Recipient, StoredMessage } from './model.js';
import type { MailStore } from './store.js';

const HIT_SELECT = ['createdDateTime', 'lastModifiedDateTime', 'receivedDateTime', 'sentDateTime', 'hasAttachments', 'internetMessageId', 'subject', 'bodyPreview', 'importance', 'parentFolderId', 'conversationId', 'isRead', 'isDraft', 'webLink', 'sender', 'from', 'toRecipients', 'ccRecipients', 'replyTo', 'flag'];

const names = (rs: (Recipient | null)[]) => rs.filter((r): r is Recipient => !!r).flatMap((r) => [r.emailAddress.name, r.emailAddress.address]);
const addresses = (rs: (Recipient | null)[]) => rs.filter((r): r is Recipient => !!r).map((r) => r.emailAddress.address.toLowerCase());

export function offerMailSearch(store: MailStore): Searchable {
  return {
    entityTypes: ['message'],
    documents(_type: string, ctx: RequestContext): SearchDocument[] {
      const box = store.mailboxOf(ctx.principal.user.id);
      if (!box || !store.meetings) return [];
      const view = { select: HIT_SELECT, basicOnly: false, meetings: store.meetings, eventContext: () => '' };
      return [...box.messages.values()]
        .filter((m) => box.isUnderRoot(m.folderId) && !m.isDraft)
        .map((m: StoredMessage): SearchDocument => {
          const { '@odata.etag': _etag, '@odata.type': _type, ...json } = messageJson(box, m, view);
          return {
            resource: { '@odata.type': '#microsoft.graph.message', ...json, id: m.id },
            hitId: m.id,
            title: m.subject,
            body: m.body.contentType === 'html' ? htmlToText(m.body.content) : m.body.content,
            properties: {
              subject: m.subject,
              from: names([m.from]),
              to: names(m.toRecipients),
              cc: names(m.ccRecipients),
              participants: names([m.from, ...m.toRecipients, ...m.ccRecipients]),
            },
            dates: { received: m.receivedDateTime, ...(m.sentDateTime ? { sent: m.sentDateTime } : {}) },
            people: addresses([m.from, ...m.toRecipients, ...m.ccRecipients]),
            modified: m.receivedDateTime,
          };
        });
    },
  };
}
