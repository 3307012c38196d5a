// Mail folders: listing (a level at a time), creating, and turning what a person calls a folder ("inbox",
// "Sent Items", "Inbox/Projects") into the id Graph wants.
import { z } from 'zod';
import type { GraphReader } from '../../graph/client.js';
import { GraphError } from '../../graph/errors.js';
import { odataString, seg } from '../../graph/odata.js';
import { Cursor, Limit, moreLine, nextCursor, NextCursor } from '../content/paging.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { Text } from '../shapes.js';
import { MAILBOX, type MailboxRef } from './mailbox.js';
import { FolderRef } from './shapes.js';

const WELL_KNOWN = new Set(['inbox', 'drafts', 'sentitems', 'deleteditems', 'junkemail', 'archive', 'outbox', 'msgfolderroot', 'conversationhistory', 'scheduled', 'searchfolders', 'clutter']);
/** The English display names of well-known folders, so "Sent Items" is known without a lookup. */
const DISPLAY_NAMES: Record<string, string> = { 'sent items': 'sentitems', 'deleted items': 'deleteditems', 'junk email': 'junkemail', 'junk e-mail': 'junkemail' };
/** Exchange ids are long URL-safe base64; a person's folder name rarely is. */
const LOOKS_LIKE_ID = /^[A-Za-z0-9+=_-]{40,}$/;

type GraphFolder = { id: string; displayName?: string; parentFolderId?: string; unreadItemCount?: number; totalItemCount?: number; childFolderCount?: number };

/** The folder id (or well-known name) for a folder named by the user; ToolError when there is none. */
export async function resolveFolder(graph: GraphReader, mb: MailboxRef, folder: string, signal: AbortSignal): Promise<string> {
  const key = folder.trim();
  if (WELL_KNOWN.has(key.toLowerCase())) return key.toLowerCase();
  if (DISPLAY_NAMES[key.toLowerCase()]) return DISPLAY_NAMES[key.toLowerCase()];
  if (LOOKS_LIKE_ID.test(key)) return key;
  const parts = key.split('/').map((p) => p.trim()).filter(Boolean);
  let parent: string | undefined;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i];
    if (i === 0 && WELL_KNOWN.has(name.toLowerCase())) {
      parent = name.toLowerCase();
      continue;
    }
    const found = (await childNamed(graph, mb, parent, name, signal)) ?? (i === 0 && parts.length === 1 ? await childNamed(graph, mb, 'inbox', name, signal) : undefined);
    if (found) {
      parent = found;
      continue;
    }
    // Not a name: perhaps an id after all (ids of other servers may be short).
    if (parts.length === 1 && !/\s/.test(key)) {
      const byId = await graph.get<GraphFolder>(`${mb.root}/mailFolders/${seg(key)}`, { query: { $select: 'id' }, signal }).catch((e: unknown) => {
        if (e instanceof GraphError && (e.status === 404 || e.status === 400)) return undefined;
        throw e;
      });
      if (byId) return byId.id;
    }
    const where = i === 0 ? `in ${mb.label}` : `in ${parts.slice(0, i).join('/')}`;
    throw new ToolError(`No folder named "${name}" ${where}. mail_list_folders shows the folders (and their ids).`);
  }
  return parent!;
}

async function childNamed(graph: GraphReader, mb: MailboxRef, parent: string | undefined, name: string, signal: AbortSignal): Promise<string | undefined> {
  const path = parent ? `${mb.root}/mailFolders/${seg(parent)}/childFolders` : `${mb.root}/mailFolders`;
  const page = await graph.list<GraphFolder>(path, { query: { $filter: `displayName eq ${odataString(name)}`, $select: 'id,displayName', $top: 5 }, limit: 5, signal });
  return page.items[0]?.id;
}

const Folder = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().optional(),
  unread: z.number().optional(),
  total: z.number().optional(),
  children: z.number().optional(),
});
const FOLDER_SELECT = 'id,displayName,parentFolderId,unreadItemCount,totalItemCount,childFolderCount';
const folderOut = (f: GraphFolder): z.input<typeof Folder> => ({
  id: f.id,
  name: f.displayName ?? '',
  ...(f.parentFolderId ? { parentId: f.parentFolderId } : {}),
  ...(f.unreadItemCount !== undefined ? { unread: f.unreadItemCount } : {}),
  ...(f.totalItemCount !== undefined ? { total: f.totalItemCount } : {}),
  ...(f.childFolderCount ? { children: f.childFolderCount } : {}),
});
const folderLine = (f: z.output<typeof Folder>) =>
  `- ${f.name}: ${f.unread ?? 0} unread of ${f.total ?? 0}${f.children ? `, ${f.children} subfolder(s)` : ''} (id ${f.id})`;

export const listFolders = ownerTool(MAILBOX, {
  name: 'mail_list_folders',
  title: 'List mail folders',
  description: 'Top-level mail folders, or subfolders of one, with unread and total counts, for mail_list_messages and mail_move_message.',
  kind: 'read',
  scopes: ['Mail.Read'],
  orgScopes: ['Mail.Read.Shared'],
  input: {
    parent: FolderRef.optional().describe('List its subfolders; default: the top level'),
    limit: Limit(100, 50),
    cursor: Cursor,
  },
  output: z.object({ folders: z.array(Folder), nextCursor: NextCursor }),
  handler: async ({ parent, limit, cursor }, { graph, signal }, mb) => {
    const path = parent ? `${mb.root}/mailFolders/${seg(await resolveFolder(graph, mb, parent, signal))}/childFolders` : `${mb.root}/mailFolders`;
    const page = await graph.list<GraphFolder>(path, { query: { $select: FOLDER_SELECT, $top: limit }, limit, cursor, signal });
    return { folders: page.items.map(folderOut), ...nextCursor(page) };
  },
  text: (r) => `${r.folders.length} folder(s)\n${r.folders.map(folderLine).join('\n')}${moreLine(r.nextCursor)}`,
});

export const createFolder = ownerTool(MAILBOX, {
  name: 'mail_create_folder',
  title: 'Create a mail folder',
  description: 'Create a mail folder, at the top or inside another. Returns its id, for mail_move_message.',
  kind: 'write',
  scopes: ['Mail.ReadWrite'],
  orgScopes: ['Mail.ReadWrite.Shared'],
  input: {
    name: Text(255, { min: 1 }).refine((v) => !/[/\\]/.test(v), 'must be one folder name, without / or \\').describe('Name of the new folder'),
    parent: FolderRef.optional().describe('Create it inside this folder; default: top level'),
  },
  output: Folder,
  handler: async ({ name, parent }, { graph, signal }, mb) => {
    const path = parent ? `${mb.root}/mailFolders/${seg(await resolveFolder(graph, mb, parent, signal))}/childFolders` : `${mb.root}/mailFolders`;
    try {
      return folderOut(await graph.post<GraphFolder>(path, { displayName: name }, { signal }));
    } catch (e) {
      if (e instanceof GraphError && (e.status === 409 || e.code === 'ErrorFolderExists')) {
        throw new ToolError(`A folder named "${name}" already exists there; mail_list_folders shows its id.`);
      }
      throw e;
    }
  },
  text: (f) => `created folder ${f.name} (id ${f.id})`,
});

export default [listFolders, createFolder];
