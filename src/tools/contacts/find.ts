// Finding contacts: every contact (or one folder's) matching words of a name, company, role, address or a piece
// of a phone number, in every folder or one, sorted by name, a page at a time; and the contact folders. Outlook's
// contacts have no substring search, so the address book is read in pages of 1,000 and matched here.
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { isOffset, Limit, positionCursor, readPositionCursor } from '../content/paging.js';
import { defineTool } from '../define-tool.js';
import { Text } from '../shapes.js';
import { CONTACT_SELECT, contactLine, ContactSummary, type GraphContact, matches, summarize } from './shapes.js';
import { folderIdOf } from './folders.js';

/** The most contacts one search reads (Outlook's address books rarely hold more). */
const READ_AT_MOST = 10_000;

export const findContacts = defineTool({
  name: 'contacts_find',
  title: 'Find contacts',
  description: 'Your Outlook contacts matching words of a name, company, role or address, or part of a phone number; all of them without query; or your contact folders.',
  group: 'contacts',
  kind: 'read',
  scopes: ['Contacts.Read'],
  input: z.object({
    query: Text(200).optional().describe('Words or digits to match'),
    folder: Text(255).optional().describe('Folder name; default: all contacts'),
    folders: z.boolean().default(false).describe('List the contact folders instead'),
    limit: Limit(200, 25),
    cursor: Text(500).optional().describe('nextCursor of the previous page'),
  }),
  output: z.object({ contacts: z.array(ContactSummary), folders: z.array(z.object({ id: z.string(), name: z.string() })).optional(), total: z.number(), nextCursor: z.string().optional() }),
  handler: async (a, { graph, signal }) => {
    if (a.folders) {
      const f = await graph.list<{ id: string; displayName: string }>('/me/contactFolders', { query: { $select: 'id,displayName', $top: 100 }, limit: 500, signal });
      return { contacts: [], folders: f.items.map((x) => ({ id: x.id, name: x.displayName })), total: f.items.length };
    }
    // /me/contacts lists the default folder only: without a folder, every folder is read.
    const paths = a.folder
      ? [`/me/contactFolders/${seg(await folderIdOf(graph, a.folder, signal))}/contacts`]
      : ['/me/contacts', ...(await graph.list<{ id: string }>('/me/contactFolders', { query: { $select: 'id', $top: 100 }, limit: 500, signal })).items.map((f) => `/me/contactFolders/${seg(f.id)}/contacts`)];
    const pages = await Promise.all(paths.map((p) => graph.list<GraphContact>(p, { query: { $select: CONTACT_SELECT, $top: 1000 }, limit: READ_AT_MOST, signal })));
    const all = pages.flatMap((p) => p.items).sort((x, y) => (x.displayName ?? '').localeCompare(y.displayName ?? '', 'en', { sensitivity: 'base' }) || x.id.localeCompare(y.id));
    const hits = a.query ? all.filter((c) => matches(c, a.query!)) : all;
    const key = `${a.folder ?? ''}\n${a.query ?? ''}`;
    const offset = readPositionCursor(a.cursor, key, isOffset, 'search', 'query and folder') ?? 0;
    const page = hits.slice(offset, offset + a.limit);
    return { contacts: page.map(summarize), total: hits.length, ...(offset + a.limit < hits.length ? { nextCursor: positionCursor(key, offset + a.limit) } : {}) };
  },
  text: (r) =>
    r.folders
      ? `${r.folders.length} folder(s)\n${r.folders.map((f) => `- ${f.name} | id: ${f.id}`).join('\n')}`
      : `${r.contacts.length} of ${r.total} contact(s)${r.contacts.length ? '\n' : ''}${r.contacts.map(contactLine).join('\n')}${r.nextCursor ? `\nmore: pass cursor ${r.nextCursor}` : ''}`,
});

export default [findContacts];
