// The shape of the seeded mail (see threads*.ts). A thread is a list of messages; every message after the
// first is a reply (or forward) that quotes the one before it. People are named by their seed key
// ('adele.vance'), the shared mailbox as 'support', distribution lists by address, outsiders as 'Name <address>'.

export interface SeedMessage {
  from: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  /** Days before the seed's epoch (mailSeedEpoch, a Monday 18:00 UTC) and UTC time of day, e.g. '-9d 15:42'. */
  at: string;
  /** Default for replies: "RE: " and the conversation topic. */
  subject?: string;
  /** 'FW' makes it a forward of the previous message (subject "FW: ..."). */
  kind?: 'FW';
  /** The new text, as an HTML fragment or as plain text (text bodies stay text unless quoting). */
  html?: string;
  text?: string;
  attachments?: string[];
  importance?: 'low' | 'high';
  /** Mailbox keys (recipients) that have not read their copy; every other copy is read. */
  unreadBy?: string[];
  flaggedBy?: string[];
  completedBy?: string[];
  /** Outlook categories, by mailbox key (recipient or sender). */
  categories?: Record<string, string[]>;
  /** Where a mailbox keeps its copy, by mailbox key: a well-known name or a folder path like 'Projects/Holiday 2026'. */
  folders?: Record<string, string>;
  /** Mailbox keys whose Focused Inbox puts the copy under Other. */
  otherBy?: string[];
}

export interface SeedThread {
  key: string;
  messages: SeedMessage[];
}

export interface SeedDraft {
  owner: string;
  to: string[];
  cc?: string[];
  at: string;
  subject: string;
  html: string;
}

/** Personal folders (paths), by mailbox key; created before any mail is delivered. */
export type SeedFolders = Record<string, string[]>;

/** The instant a seed time stands for, counted back from the epoch (an ISO instant: time/seed-clock.ts). */
export function seedTime(at: string, epoch: string): string {
  const m = /^-(\d+)d (\d{2}):(\d{2})$/.exec(at);
  if (!m) throw new Error(`seed: bad time '${at}'`);
  const day = Date.parse(epoch) - Number(m[1]) * 86_400_000;
  const d = new Date(day);
  d.setUTCHours(Number(m[2]), Number(m[3]), 0, 0);
  if (d.getTime() > Date.parse(epoch)) throw new Error(`seed: '${at}' is after the epoch`);
  return d.toISOString().replace('.000Z', 'Z');
}
