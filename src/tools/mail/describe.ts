// Messages named as the user knows them, for confirmation questions: the subject and who it is from, looked
// up when a tool is given only ids (a wrong id fails here, before anything is asked or done).
import type { GraphReader } from '../../graph/client.js';
import { seg } from '../../graph/odata.js';
import { formatAddress } from '../content/addresses.js';
import type { MailboxRef } from './mailbox.js';
import type { GraphMessage } from './shapes.js';

/** The message's subject in quotes, with its sender, e.g. `"Q3 plan" from Megan Bowen <megan@...>`. */
export async function describeMessage(graph: GraphReader, mb: MailboxRef, id: string, signal: AbortSignal): Promise<string> {
  const m = await graph.get<GraphMessage>(`${mb.root}/messages/${seg(id)}`, { query: { $select: 'subject,from,toRecipients,ccRecipients,bccRecipients' }, signal });
  const from = formatAddress(m.from);
  return `"${m.subject || '(no subject)'}"${from ? ` from ${from}` : ''}`;
}

/** Several messages: the first few named, the rest counted. */
export async function describeMessages(graph: GraphReader, mb: MailboxRef, ids: readonly string[], signal: AbortSignal): Promise<string> {
  const named = await Promise.all(ids.slice(0, 3).map((id) => describeMessage(graph, mb, id, signal)));
  return `${named.join('; ')}${ids.length > 3 ? `; and ${ids.length - 3} more` : ''}`;
}

/** The recipients of a saved draft, for a question about sending it. */
export async function draftRecipients(graph: GraphReader, mb: MailboxRef, id: string, signal: AbortSignal): Promise<{ subject: string; to: string[] }> {
  const m = await graph.get<GraphMessage>(`${mb.root}/messages/${seg(id)}`, { query: { $select: 'subject,toRecipients,ccRecipients,bccRecipients' }, signal });
  return { subject: m.subject || '(no subject)', to: [...(m.toRecipients ?? []), ...(m.ccRecipients ?? []), ...(m.bccRecipients ?? [])].map(formatAddress) };
}
