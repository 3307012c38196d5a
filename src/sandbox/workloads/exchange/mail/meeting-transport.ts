// Mail's end of the MeetingTransport port (../meeting-mail.ts): a meeting request, response or cancellation from
// the calendar goes out as an ordinary message in a conversation of its own, through the same transport as any
// sent mail, so copies, Sent Items and internetMessageIds follow the same rules.

import { randomBytes } from 'node:crypto';
import type { EmailAddress } from '../items.js';
import type { MeetingTransport } from '../meeting-mail.js';
import { rootConversationIndex } from './compose.js';
import { newInternetMessageId, type MailStore, type Outgoing } from './store.js';

export function meetingTransport(store: MailStore): MeetingTransport {
  return {
    send(m) {
      const thread = randomBytes(16);
      const party = (e: EmailAddress) => ({ emailAddress: { name: e.name, address: e.address } });
      const out: Outgoing = {
        from: party(m.from),
        sender: party(m.from),
        toRecipients: m.to.map(party),
        ccRecipients: [],
        bccRecipients: [],
        replyTo: [],
        subject: m.subject,
        body: { contentType: 'html', content: m.html },
        uniqueBody: null,
        importance: m.importance,
        isDeliveryReceiptRequested: false,
        isReadReceiptRequested: false,
        internetMessageId: newInternetMessageId(m.from.address),
        thread,
        conversationIndex: rootConversationIndex(thread, m.sentDateTime),
        attachments: [],
        sentDateTime: m.sentDateTime,
        categories: [],
      };
      const senderBox = store.mailboxByAddress(m.from.address) ?? null;
      const delivery = store.deliver(senderBox, out, { saveToSentItems: true });
      return {
        internetMessageId: out.internetMessageId,
        deliveredTo: [...delivery.delivered.keys()],
        sentCopyOwner: delivery.sentCopy && senderBox ? senderBox.owner.id : undefined,
      };
    },
  };
}
