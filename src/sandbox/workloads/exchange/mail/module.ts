// Exchange mail as a sandbox workload: mail folders, messages (meeting messages as eventMessages, with their
// event), the send/reply/forward/move/copy actions, attachments and attachment upload sessions, for the signed-in
// user's mailbox (/me) and for mailboxes shared with them (/users/{id | upn}), and delta queries over a folder's messages. State is the MailStore (store.ts)
// seeded from seed/; Outlook's pre-authenticated upload URLs are its endpoint outside Graph. It offers the
// calendar the MeetingTransport port and learns from the calendar's MeetingMail port what a meeting message is;
// it offers To Do the flagged messages its "Flagged email" list shows (FlaggedMail).

import { workload } from '../../../workload.js';
import { actionRoutes } from './action-routes.js';
import { attachmentRoutes } from './attachment-routes.js';
import { eventRoutes } from './event-routes.js';
import { offerFlaggedMail } from './flagged.js';
import { folderRoutes } from './folder-routes.js';
import { meetingTransport } from './meeting-transport.js';
import { messageDeltaRoutes } from './message-delta.js';
import { messageRoutes } from './message-routes.js';
import { offerMailSearch } from './searchable.js';
import { createMailStore } from './seed/index.js';
import type { MailStore } from './store.js';
import { UPLOAD_PATH_PREFIX, handleAttachmentUpload } from './upload-endpoint.js';

export const mailWorkload = workload<MailStore>({
  name: 'mail',
  create: (directory) => createMailStore(directory, Date.now()),
  provide: (store) => ({ meetingTransport: meetingTransport(store), mailSearch: offerMailSearch(store), flaggedMail: offerFlaggedMail(store) }),
  start: (store, ports) => {
    store.meetings = ports.meetingMail;
  },
  routes: [...folderRoutes, ...messageRoutes, ...messageDeltaRoutes, ...actionRoutes, ...attachmentRoutes, ...eventRoutes],
  endpoints: [{ prefix: UPLOAD_PATH_PREFIX, handle: handleAttachmentUpload }],
});
