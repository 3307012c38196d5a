// Attachments coming in: saved to a local file (stdio mode), read as text when they are a document with text
// in it, or handed over as base64 (the mechanics are content/file-output.ts's).
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { ContentAs, fileContent, MaxTextChars, SaveTo, saveToLocalPath } from '../content/file-output.js';
import { Truncated } from '../content/text.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { Text } from '../shapes.js';
import { MAILBOX } from './mailbox.js';
import { MessageId } from './shapes.js';

type GraphAttachment = { id: string; name?: string; contentType?: string | null; size?: number; '@odata.type'?: string };

export const downloadAttachment = ownerTool(MAILBOX, {
  name: 'mail_download_attachment',
  title: 'Download a mail attachment',
  description: 'An attachment listed by mail_get_message: saved to a new local file (saveTo, stdio only), as text for text, Office and PDF documents, or as base64.',
  kind: 'read',
  scopes: ['Mail.Read'],
  orgScopes: ['Mail.Read.Shared'],
  input: {
    messageId: MessageId,
    attachmentId: Text(2048).refine((v) => /^[^/\\?#\s]+$/.test(v), 'must be an attachment id from mail_get_message').describe('Attachment id from mail_get_message'),
    saveTo: SaveTo,
    as: ContentAs,
    maxChars: MaxTextChars,
  },
  output: z.object({
    name: z.string(),
    contentType: z.string().optional(),
    size: z.number().optional(),
    savedTo: z.string().optional(),
    text: z.string().optional(),
    truncated: Truncated,
    base64: z.string().optional(),
  }),
  handler: async ({ messageId, attachmentId, saveTo, as, maxChars }, ctx, mb) => {
    const base = `${mb.root}/messages/${seg(messageId)}/attachments/${seg(attachmentId)}`;
    const meta = await ctx.graph.get<GraphAttachment>(base, { query: { $select: 'id,name,contentType,size' }, signal: ctx.signal });
    const name = meta.name ?? 'attachment';
    const info = { name, ...(meta.contentType ? { contentType: meta.contentType } : {}), ...(meta.size !== undefined ? { size: meta.size } : {}) };
    if (/referenceAttachment/i.test(meta['@odata.type'] ?? '')) throw new ToolError(`${name} is a link to a cloud file, not a file in the mail; open it with the files tools.`);
    const open = async () => (await ctx.graph.download(`${base}/$value`, { signal: ctx.signal })).body;
    if (saveTo) return { ...info, ...(await saveToLocalPath(saveTo, name, ctx.transport, open)) };
    // An attached Outlook item comes as its MIME text.
    const kind = /itemAttachment/i.test(meta['@odata.type'] ?? '') ? 'text' : undefined;
    return { ...info, ...(await fileContent({ name, contentType: meta.contentType ?? undefined, size: meta.size, kind }, as, maxChars, open)) };
  },
  text: (r) => r.savedTo ? `saved ${r.name} (${r.size} bytes) to ${r.savedTo}`
    : r.text !== undefined ? `${r.name} (${r.contentType ?? 'unknown type'}), text${r.truncated ? ' (cut; ask for a larger maxChars)' : ''}:\n${r.text}`
    : `${r.name} (${r.contentType ?? 'unknown type'}, ${r.size ?? '?'} bytes), base64:\n${r.base64}`,
});

export default [downloadAttachment];
