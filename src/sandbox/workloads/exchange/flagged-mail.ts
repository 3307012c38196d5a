// The port between Exchange mail and To Do: To Do's "Flagged email" list shows the messages a person flagged, each
// as a task linked to its message, and a change of the task's status sets the message's flag (completing the task
// completes the flag; deleting the task clears it). Mail offers it; tenant.ts hands it to To Do, so neither reads
// the other's code, and a To Do without mail has an empty flagged list.

import type { DateTimeTimeZone } from './items.js';

export type FlagStatus = 'notFlagged' | 'flagged' | 'complete';

/** A flagged message as To Do needs it. */
export interface FlaggedMessage {
  id: string;
  subject: string;
  webLink: string;
  importance: 'low' | 'normal' | 'high';
  categories: string[];
  receivedDateTime: string;
  lastModifiedDateTime: string;
  flag: { flagStatus: 'flagged' | 'complete'; startDateTime?: DateTimeTimeZone; dueDateTime?: DateTimeTimeZone; completedDateTime?: DateTimeTimeZone };
}

export interface FlaggedMail {
  /** The messages of a person's mailbox that are flagged or whose flag is complete (drafts and deleted items aside). */
  flagged(userId: string): FlaggedMessage[];
  /** Sets a message's flag as Outlook would; false when the message is gone. */
  setFlag(userId: string, messageId: string, status: FlagStatus): boolean;
}

export const NO_FLAGGED_MAIL: FlaggedMail = { flagged: () => [], setFlag: () => false };
