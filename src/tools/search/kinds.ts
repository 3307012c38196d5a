// What search_query can look for, once: each kind's Microsoft Search entity types, the permissions that allow it
// (granted by the groups that are on: mail, calendar, files, Teams), which kinds Graph lets share one request,
// the KQL restrictions its filters become, and how a hit is summarized and opened.
import type { KqlProps } from '../../graph/odata.js';

export type Kind = 'mail' | 'chats' | 'events' | 'files' | 'sites';
export const KINDS: readonly Kind[] = ['mail', 'chats', 'events', 'files', 'sites'];

interface KindInfo {
  entityTypes: string[];
  /** Any one of these lets the signed-in user search the kind. */
  scopes: string[];
  /** Requests Graph accepts together (its interleaving table): kinds of one bucket share a request. */
  bucket: 'messages' | 'events' | 'sharepoint';
  /** The KQL property a `from` filter restricts, and the date property of `after`/`before`. */
  from: string;
  date: string;
}

export const KIND_INFO: Record<Kind, KindInfo> = {
  mail: { entityTypes: ['message'], scopes: ['Mail.Read', 'Mail.ReadWrite'], bucket: 'messages', from: 'from', date: 'received' },
  chats: { entityTypes: ['chatMessage'], scopes: ['Chat.Read', 'Chat.ReadWrite', 'ChannelMessage.Read.All'], bucket: 'messages', from: 'from', date: 'created' },
  events: { entityTypes: ['event'], scopes: ['Calendars.Read', 'Calendars.ReadWrite'], bucket: 'events', from: 'organizer', date: 'start' },
  files: { entityTypes: ['driveItem'], scopes: ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'], bucket: 'sharepoint', from: 'author', date: 'lastmodifiedtime' },
  sites: { entityTypes: ['site', 'listItem'], scopes: ['Sites.Read.All', 'Sites.ReadWrite.All', 'Files.Read.All', 'Files.ReadWrite.All'], bucket: 'sharepoint', from: 'author', date: 'lastmodifiedtime' },
};

/** The KQL Microsoft Search understands in a query: property restrictions of every kind, and date ranges. */
export const SEARCH_KQL: KqlProps = {
  text: new Set(['from', 'to', 'cc', 'participants', 'subject', 'filename', 'filetype', 'author', 'title', 'path', 'organizer', 'attendees', 'location']),
  range: new Set(['received', 'sent', 'start', 'lastmodifiedtime', 'created']),
  aliases: { sender: 'from', type: 'filetype', name: 'filename' },
};
