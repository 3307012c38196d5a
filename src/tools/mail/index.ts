// The mail group: your mailbox and shared mailboxes (the `mailbox` parameter of every tool).
import attachmentTools from './attachments.js';
import folderTools from './folders.js';
import messageTools from './messages.js';
import organizeTools from './organize.js';
import replyTools from './reply.js';
import sendTools from './send.js';

export default [...messageTools, ...folderTools, ...sendTools, ...replyTools, ...organizeTools, ...attachmentTools];
