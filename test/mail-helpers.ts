// Mail-specific test helpers: a folder's messages as Graph has them (to check what a tool did), and the shapes
// the mail tools return. People, sign-in and ok/fails are in fixtures.ts.
import type { Connected } from './harness.js';

type GraphMsg = { id: string; subject: string; from?: { emailAddress: { address: string; name?: string } }; isRead?: boolean; internetMessageId?: string };

/** A folder's messages as Graph has them, read with the connection's own token (not through a tool). */
export async function folderMessages(s: Connected, folder: string, mailbox = '/me'): Promise<GraphMsg[]> {
  const page = await s.runtime.graph.list<GraphMsg>(`${mailbox}/mailFolders/${folder}/messages`, {
    query: { $select: 'id,subject,from,isRead,internetMessageId,receivedDateTime', $top: 100, $orderby: 'receivedDateTime desc' },
    limit: 1000,
  });
  return page.items;
}

export type Summary = { id: string; subject: string; from?: string; to?: string[]; received?: string; isRead?: boolean; hasAttachments?: boolean; importance?: string; flag?: string; categories?: string[]; preview?: string };
export type ListResult = { messages: Summary[]; nextCursor?: string };
