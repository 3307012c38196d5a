// Attachments going out: the files a caller hands in (content/file-input.ts), attached inline when small, and
// through an attachment upload session (content/upload.ts), chunk by chunk with progress, when 3 MB or larger.
import { z } from 'zod';
import type { GraphWriter } from '../../graph/client.js';
import { seg } from '../../graph/odata.js';
import { FileInput, type LocalFile, readFileInputs } from '../content/file-input.js';
import { uploadInChunks } from '../content/upload.js';
import { type ToolContext, ToolError } from '../define-tool.js';
import { List } from '../shapes.js';
import type { MailboxRef } from './mailbox.js';

/** Graph's line: smaller files go in one request, larger ones through an upload session. */
export const LARGE = 3 * 1024 * 1024;
/** Outlook's ceiling for one attachment. */
const MAX_ATTACHMENT = 150 * 1024 * 1024;

export const AttachmentsInput = List(FileInput, 20).optional().describe('Files to attach, each from path or contentBase64');

/** Checks and opens the files to attach; nothing is sent until every one is readable. */
export const prepareFiles = (list: z.output<typeof AttachmentsInput>, transport: ToolContext<'write'>['transport']): Promise<LocalFile[]> =>
  readFileInputs(list, { field: 'attachments', transport, maxBytes: MAX_ATTACHMENT, tooLarge: 'Outlook takes attachments up to 150 MB' });

/** A fileAttachment for inline use (sendMail, POST attachments). */
export async function inlineAttachment(f: LocalFile): Promise<Record<string, unknown>> {
  return { '@odata.type': '#microsoft.graph.fileAttachment', name: f.name, contentType: f.contentType, contentBytes: (await f.read(0, f.size)).toString('base64') };
}

/** Adds the files to a draft: small ones in one request each, large ones through an upload session. */
export async function attachToDraft(graph: GraphWriter, mb: MailboxRef, draftId: string, files: LocalFile[], ctx: Pick<ToolContext<'write'>, 'signal' | 'progress'>): Promise<void> {
  const base = `${mb.root}/messages/${seg(draftId)}/attachments`;
  const total = files.reduce((n, f) => n + f.size, 0);
  let done = 0;
  for (const f of files) {
    if (f.size < LARGE) {
      await graph.post(base, await inlineAttachment(f), { signal: ctx.signal });
      done += f.size;
      await ctx.progress(done, total, `attached ${f.name}`);
      continue;
    }
    const session = await graph.post<{ uploadUrl?: string }>(`${base}/createUploadSession`, {
      AttachmentItem: { attachmentType: 'file', name: f.name, size: f.size, contentType: f.contentType },
    }, { signal: ctx.signal });
    if (!session?.uploadUrl) throw new ToolError(`Graph opened no upload session for ${f.name}; try again.`);
    await uploadInChunks(graph, session.uploadUrl, f, ctx, { done, total });
    done += f.size;
  }
}
