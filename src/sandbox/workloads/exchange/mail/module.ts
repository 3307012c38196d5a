// Outlook mail in Graph v1.0: mail folders, messages (meeting messages as eventMessages, with their event), the
// send/reply/forward/move/copy actions, attachments and attachment upload sessions, for the signed-in user's
// mailbox (/me) and for mailboxes shared with them (/users/{id | upn}). State lives in the tenant's MailStore
// (seed/mail-store.ts); what makes a message a meeting message comes from the calendar (seed/mail-meetings.ts).

import type { GraphModule } from '../../../graph/types.js';
import { actionRoutes } from './action-routes.js';
import { attachmentRoutes } from './attachment-routes.js';
import { eventRoutes } from './event-routes.js';
import { folderRoutes } from './folder-routes.js';
import { messageRoutes } from './message-routes.js';

export const mailModule: GraphModule = {
  name: 'mail',
  routes: [...folderRoutes, ...messageRoutes, ...actionRoutes, ...attachmentRoutes, ...eventRoutes],
};
