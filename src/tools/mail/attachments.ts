// Attachments coming in: saved to a local file (stdio mode; streamed, never over an existing file), read as
// text when they are a document with text in it, or handed over as base64.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { ToolError } from '../define-tool.js';
import { documentText, docKind } from './documents.js';
import { mailTool } from './mailbox.js';
import { MessageId } from './shapes.js';
import { clip } from './text.js';

/** Largest attachment read into memory for text or base64; bigger ones can only be saved to a file. */
const MAX_IN_MEMORY = 25 * 1024 * 1024;
/** Largest attachment returned as base64 in a tool result. */
const MAX_BASE64 = 5 * 1024 * 1024;

type GraphAttachment = { id: string; name?: string; contentType?: string | null; size?: number; '@odata.type'?: string };

const safeName = (name: string) => name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').slice(0, 200) || 'attachment';

async function collect(body: ReadableStream<Uint8Array>, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const chunk of Readable.fromWeb(body as NodeWebStream<Uint8Array>)) {
    n += (chunk as Buffer).length;
    if (n > max) throw new ToolError(`The attachment is larger than ${max / 1024 / 1024} MB; save it to a file with saveTo instead.`);
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}

export const downloadAttachment = mailTool({
  name: 'mail_download_attachment',
  title: 'Download a mail attachment',
  description: 'Get an attachment listed by mail_get_message: saved to a local file (saveTo, stdio mode only; never overwrites), as text when it is a text, Office or PDF document, or as base64.',
  kind: 'read',
  access: 'read',
  input: {
    messageId: MessageId,
    attachmentId: z.string().trim().max(2048).refine((v) => /^[^/\\?#\s]+$/.test(v), 'must be an attachment id from mail_get_message').describe('Attachment id from mail_get_message'),
    saveTo: z.string().trim().min(1).max(4096).optional().describe('Absolute path of a new file, or of a folder to save it in'),
    as: z.enum(['auto', 'text', 'base64']).default('auto').describe('Without saveTo: text when the document has text (auto), text, or base64'),
    maxChars: z.number().int().min(200).max(500_000).default(50_000).describe('Longest text to return, in characters'),
  },
  output: z.object({
    name: z.string(),
    contentType: z.string().optional(),
    size: z.number().optional(),
    savedTo: z.string().optional(),
    text: z.string().optional(),
    truncated: z.boolean().optional(),
    base64: z.string().optional(),
  }),
  handler: async ({ messageId, attachmentId, saveTo, as, maxChars }, ctx, mb) => {
    const path0 = `${mb.root}/messages/${seg(messageId)}/attachments/${seg(attachmentId)}`;
    const meta = await ctx.graph.get<GraphAttachment>(path0, { query: { $select: 'id,name,contentType,size' }, signal: ctx.signal });
    const name = meta.name ?? 'attachment';
    const info = { name, ...(meta.contentType ? { contentType: meta.contentType } : {}), ...(meta.size !== undefined ? { size: meta.size } : {}) };
    if (/referenceAttachment/i.test(meta['@odata.type'] ?? '')) throw new ToolError(`${name} is a link to a cloud file, not a file in the mail; open it with the files tools.`);
    if (saveTo) {
      if (ctx.transport !== 'stdio') throw new ToolError('saveTo works only when the server runs over stdio on your machine; leave it out to get the content as text or base64.');
      if (!path.isAbsolute(saveTo)) throw new ToolError('saveTo must be an absolute path, e.g. /home/me/Downloads/report.pdf.');
      const isDir = (await fs.stat(saveTo).catch(() => undefined))?.isDirectory();
      const target = isDir ? path.join(saveTo, safeName(name)) : saveTo;
      if (!(await fs.stat(path.dirname(target)).catch(() => undefined))?.isDirectory()) throw new ToolError(`The folder ${path.dirname(target)} does not exist.`);
      const file = await fs.open(target, 'wx').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EEXIST') throw new ToolError(`${target} already exists; it is never overwritten. Choose another name.`);
        throw new ToolError(`Cannot create ${target}: ${e.code ?? e.message}.`);
      });
      try {
        const dl = await ctx.graph.download(`${path0}/$value`, { signal: ctx.signal });
        await pipeline(Readable.fromWeb(dl.body as NodeWebStream<Uint8Array>), file.createWriteStream());
      } catch (e) {
        await file.close().catch(() => undefined);
        await fs.rm(target, { force: true });
        throw e;
      }
      const size = (await fs.stat(target)).size;
      return { ...info, size, savedTo: target };
    }
    if ((meta.size ?? 0) > MAX_IN_MEMORY) throw new ToolError(`${name} is ${meta.size} bytes, too large to return here; save it with saveTo (stdio mode).`);
    // An attached Outlook item comes as its MIME text.
    const kind = /itemAttachment/i.test(meta['@odata.type'] ?? '') ? 'text' : docKind(name, meta.contentType ?? undefined);
    if (as === 'text' && !kind) throw new ToolError(`${name} (${meta.contentType ?? 'unknown type'}) is not a document with text; ask for base64 instead.`);
    const dl = await ctx.graph.download(`${path0}/$value`, { signal: ctx.signal });
    const bytes = await collect(dl.body, MAX_IN_MEMORY);
    if (as !== 'base64' && kind) {
      const text = await documentText(bytes, kind);
      if (text !== undefined) {
        const c = clip(text, maxChars);
        return { ...info, text: c.text, ...(c.truncated ? { truncated: true } : {}) };
      }
      if (as === 'text') throw new ToolError(`No text could be read from ${name} (damaged or protected); ask for base64 instead.`);
    }
    if (bytes.length > MAX_BASE64) throw new ToolError(`${name} is ${bytes.length} bytes, too large for base64 here; save it with saveTo (stdio mode).`);
    return { ...info, base64: bytes.toString('base64') };
  },
  text: (r) => r.savedTo ? `saved ${r.name} (${r.size} bytes) to ${r.savedTo}`
    : r.text !== undefined ? `${r.name} (${r.contentType ?? 'unknown type'}), text${r.truncated ? ' (cut; ask for a larger maxChars)' : ''}:\n${r.text}`
    : `${r.name} (${r.contentType ?? 'unknown type'}, ${r.size ?? '?'} bytes), base64:\n${r.base64}`,
});

export default [downloadAttachment];
