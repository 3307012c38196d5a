// What mail offers To Do (../flagged-mail.ts): a mailbox's flagged messages, and setting a message's flag from a
// task of the "Flagged email" list, with the dates Outlook fills in.

import type { FlaggedMail, FlaggedMessage } from '../flagged-mail.js';
import { flagOf } from './message-input.js';
import { messageWebLink } from './message-json.js';
import type { MailStore } from './store.js';

const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export function offerFlaggedMail(store: MailStore): FlaggedMail {
  return {
    flagged(userId) {
      const box = store.mailboxOf(userId);
      if (!box) return [];
      const deleted = box.wellKnown('deleteditems').id;
      return [...box.messages.values()]
        .filter((m) => m.flag.flagStatus !== 'notFlagged' && !m.isDraft && m.folderId !== deleted && box.isUnderRoot(m.folderId))
        .map((m): FlaggedMessage => ({
          id: m.id,
          subject: m.subject,
          webLink: messageWebLink(m),
          importance: m.importance,
          categories: [...m.categories],
          receivedDateTime: m.receivedDateTime,
          lastModifiedDateTime: m.lastModifiedDateTime,
          flag: structuredClone(m.flag) as FlaggedMessage['flag'],
        }));
    },
    setFlag(userId, messageId, status) {
      const box = store.mailboxOf(userId);
      const m = box?.messages.get(messageId);
      if (!box || !m) return false;
      const now = nowIso();
      m.flag = flagOf({ flagStatus: status }, now);
      box.touch(m, now);
      return true;
    },
  };
}
