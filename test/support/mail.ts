// Looks at mailboxes for the mail tests: a folder's messages found by subject through Graph, a folder's messages
// read with a connected server's own token, and the shapes mail_list_messages answers with.
import type { Connected } from './server.js';
import { allPages, type GraphAs } from './graph.js';

/** Messages of a mailbox ('me' or a user id/UPN) folder with a given subject (quoted for OData). */
export async function bySubject(sandbox: { url: string }, who: GraphAs | string, mailbox: string, folder: string, subject: string): Promise<any[]> {
  const filter = encodeURIComponent(`subject eq '${subject.replace(/'/g, "''")}'`);
  const root = mailbox === 'me' ? '/me' : `/users/${mailbox}`;
  return allPages(sandbox, who, `${root}/mailFolders/${folder}/messages?$filter=${filter}`);
}

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
