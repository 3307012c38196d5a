// Filing and cleaning up: move or copy to a folder, mark read or unread, flag, categorize, delete. Each takes
// up to 50 message ids; several go to Graph as one $batch, and a failure of one does not stop the others.
import { z } from 'zod';
import type { BatchItem, GraphWriter } from '../../graph/client.js';
import { graphErrorFrom } from '../../graph/errors.js';
import { seg } from '../../graph/odata.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { List, Text } from '../shapes.js';
import { describeMessages } from './describe.js';
import { resolveFolder } from './folders.js';
import { MAILBOX, type MailboxRef } from './mailbox.js';
import { MessageIds } from './shapes.js';

const Outcome = z.object({
  done: z.array(z.object({ id: z.string(), newId: z.string().optional() })),
  failed: z.array(z.object({ id: z.string(), error: z.string() })).optional(),
});
type OutcomeOut = z.input<typeof Outcome>;

/** One request per id: directly for one (its error thrown as is), as a $batch for several. */
async function perMessage(graph: GraphWriter, mb: MailboxRef, ids: string[], req: Pick<BatchItem, 'method' | 'body'> & { suffix?: string }, signal: AbortSignal): Promise<OutcomeOut> {
  const { suffix, ...rest } = req;
  // $batch wants a Content-Type with every request that has a body.
  const items: BatchItem[] = ids.map((id) => ({ ...rest, url: `${mb.root}/messages/${seg(id)}${suffix ?? ''}`, ...(rest.body !== undefined ? { headers: { 'Content-Type': 'application/json' } } : {}) }));
  const newId = (body: unknown) => (body as { id?: string } | undefined)?.id;
  if (items.length === 1) {
    const { method, url, body } = items[0];
    const res = method === 'PATCH' ? await graph.patch(url, body, { signal }) : await graph.post(url, body, { signal });
    const moved = newId(res);
    return { done: [{ id: ids[0], ...(moved && moved !== ids[0] ? { newId: moved } : {}) }] };
  }
  const results = await graph.batch(items, { signal });
  const out: OutcomeOut = { done: [] };
  results.forEach((r, i) => {
    if (r.status < 300) {
      const moved = newId(r.body);
      out.done.push({ id: ids[i], ...(moved && moved !== ids[i] ? { newId: moved } : {}) });
    } else {
      (out.failed ??= []).push({ id: ids[i], error: graphErrorFrom(r.status, r.body).message });
    }
  });
  if (!out.done.length) throw new ToolError(`Nothing was changed: ${out.failed![0].error}${out.failed!.length > 1 ? ` (and ${out.failed!.length - 1} more failures)` : ''}. Ids come from mail_list_messages or mail_search_messages.`);
  return out;
}

const outcomeText = (verb: string) => (r: z.output<typeof Outcome>) =>
  `${verb} ${r.done.length} message(s)${r.done.some((d) => d.newId) ? `\n${r.done.map((d) => `- new id: ${d.newId ?? d.id}`).join('\n')}` : ''}${r.failed?.length ? `\nfailed ${r.failed.length}:\n${r.failed.map((f) => `- ${f.id}: ${f.error}`).join('\n')}` : ''}`;

export const moveMessage = ownerTool(MAILBOX, {
  name: 'mail_move_message',
  title: 'Move or copy mail',
  description: 'Move or copy messages to a folder; a moved one gets a new id (newId).',
  kind: 'write',
  scopes: ['Mail.ReadWrite'],
  orgScopes: ['Mail.ReadWrite.Shared'],
  input: {
    ids: MessageIds,
    folder: Text(400, { min: 1 }).describe('Destination: archive, inbox, a name, a path like "Inbox/Projects", or an id'),
    copy: z.boolean().default(false).describe('Copy instead of move'),
  },
  output: Outcome,
  handler: async ({ ids, folder, copy }, { graph, signal }, mb) => {
    const destinationId = await resolveFolder(graph, mb, folder, signal);
    return perMessage(graph, mb, ids, { method: 'POST', suffix: copy ? '/copy' : '/move', body: { destinationId } }, signal);
  },
  text: (r) => outcomeText('moved/copied')(r),
});

export const updateMessage = ownerTool(MAILBOX, {
  name: 'mail_update_message',
  title: 'Mark, flag or categorize mail',
  description: 'Mark messages read or unread, flag, complete or unflag them, set their categories or importance.',
  kind: 'write',
  scopes: ['Mail.ReadWrite'],
  orgScopes: ['Mail.ReadWrite.Shared'],
  input: {
    ids: MessageIds,
    isRead: z.boolean().optional().describe('true: mark read, false: mark unread'),
    flag: z.enum(['flagged', 'complete', 'notFlagged']).optional().describe('Follow-up flag'),
    categories: List(Text(255, { min: 1 }), 25).optional().describe('Categories, replacing the current ones ([] clears)'),
    importance: z.enum(['low', 'normal', 'high']).optional().describe('Importance'),
  },
  output: Outcome,
  handler: async ({ ids, isRead, flag, categories, importance }, { graph, signal }, mb) => {
    const body = {
      ...(isRead !== undefined ? { isRead } : {}),
      ...(flag ? { flag: { flagStatus: flag } } : {}),
      ...(categories ? { categories } : {}),
      ...(importance ? { importance } : {}),
    };
    if (!Object.keys(body).length) throw new ToolError('Nothing to change: give isRead, flag, categories or importance.');
    return perMessage(graph, mb, ids, { method: 'PATCH', body }, signal);
  },
  text: (r) => outcomeText('updated')(r),
});

export const deleteMessage = ownerTool(MAILBOX, {
  name: 'mail_delete_message',
  title: 'Delete mail',
  description: 'Move messages to Deleted Items (restorable with mail_move_message), or delete them beyond recovery (permanent).',
  kind: 'destructive',
  scopes: ['Mail.ReadWrite'],
  orgScopes: ['Mail.ReadWrite.Shared'],
  input: {
    ids: MessageIds,
    permanent: z.boolean().default(false).describe('Delete beyond recovery'),
  },
  output: Outcome,
  confirm: async (a, { graph, signal }, mb) => {
    const which = `${await describeMessages(graph, mb, a.ids, signal)}${mb.other ? ` in ${mb.label}` : ''}`;
    return a.permanent
      ? `Permanently delete ${which}. They cannot be recovered.`
      : `Move ${which} to Deleted Items. They can be restored (mail_move_message).`;
  },
  handler: async ({ ids, permanent }, { graph, signal }, mb) =>
    // A plain DELETE would put messages out of the user's sight (Recoverable Items), not in Deleted Items.
    perMessage(graph, mb, ids, permanent ? { method: 'POST', suffix: '/permanentDelete' } : { method: 'POST', suffix: '/move', body: { destinationId: 'deleteditems' } }, signal),
  text: (r) => outcomeText('deleted')(r),
});

export default [moveMessage, updateMessage, deleteMessage];
