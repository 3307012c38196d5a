// Attachments going out: read from a local file (stdio mode) or from base64, attached inline when small,
// and through an attachment upload session, chunk by chunk with progress, when 3 MB or larger.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { GraphWriter } from '../../graph/client.js';
import { seg } from '../../graph/odata.js';
import { type ToolContext, ToolError } from '../define-tool.js';
import type { MailboxRef } from './mailbox.js';

/** Graph's line: smaller files go in one request, larger ones through an upload session. */
export const LARGE = 3 * 1024 * 1024;
/** Outlook's ceiling for one attachment. */
const MAX_ATTACHMENT = 150 * 1024 * 1024;
/** Upload chunks: a multiple of 320 KiB and under Outlook's 4 MB per request. */
const CHUNK = 10 * 320 * 1024;
/** The server's own sign-in files are never sent anywhere. */
const PRIVATE_FILES = new Set(['.token-cache.json', '.selected-account.json']);

export const AttachmentInput = z.object({
  path: z.string().trim().min(1).max(4096).optional().describe('Absolute path of a local file (stdio mode only)'),
  contentBase64: z.string().min(1).max(40_000_000).optional().describe('The content in base64, instead of path'),
  name: z.string().trim().min(1).max(255).optional().describe('File name; default: the name in path'),
});
export const AttachmentsInput = z.array(AttachmentInput).max(20).optional().describe('Files to attach, each from path or contentBase64');

export interface OutgoingFile {
  name: string;
  contentType: string;
  size: number;
  /** Bytes [start, start+length). */
  read(start: number, length: number): Promise<Buffer>;
}

const TYPES: Record<string, string> = {
  txt: 'text/plain', csv: 'text/csv', md: 'text/markdown', html: 'text/html', htm: 'text/html', json: 'application/json', xml: 'application/xml',
  pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', zip: 'application/zip',
  ics: 'text/calendar', eml: 'message/rfc822',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint',
};
export const typeOf = (name: string) => TYPES[path.extname(name).slice(1).toLowerCase()] ?? 'application/octet-stream';

/** Checks and opens what the caller wants attached; nothing is sent until every file is readable. */
export async function prepareFiles(list: z.output<typeof AttachmentInput>[] | undefined, transport: ToolContext<'write'>['transport']): Promise<OutgoingFile[]> {
  const files: OutgoingFile[] = [];
  for (const [i, a] of (list ?? []).entries()) {
    const which = `attachments[${i}]`;
    if ((a.path === undefined) === (a.contentBase64 === undefined)) throw new ToolError(`${which}: give either path or contentBase64.`);
    if (a.contentBase64 !== undefined) {
      const b64 = a.contentBase64.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) throw new ToolError(`${which}: contentBase64 is not valid base64.`);
      if (!a.name) throw new ToolError(`${which}: a name is needed with contentBase64.`);
      const bytes = Buffer.from(b64, 'base64');
      files.push({ name: a.name, contentType: typeOf(a.name), size: bytes.length, read: async (s, n) => bytes.subarray(s, s + n) });
      continue;
    }
    const p = a.path!;
    if (transport !== 'stdio') throw new ToolError(`${which}: local files can only be attached when the server runs over stdio on your machine; pass contentBase64 instead.`);
    if (!path.isAbsolute(p)) throw new ToolError(`${which}: path must be absolute, e.g. /home/me/report.pdf.`);
    if (PRIVATE_FILES.has(path.basename(p))) throw new ToolError(`${which}: this server's sign-in files cannot be attached.`);
    const stat = await fs.stat(p).catch(() => undefined);
    if (!stat) throw new ToolError(`${which}: no file at ${p}.`);
    if (!stat.isFile()) throw new ToolError(`${which}: ${p} is not a file.`);
    if (stat.size > MAX_ATTACHMENT) throw new ToolError(`${which}: ${p} is ${stat.size} bytes; Outlook takes attachments up to 150 MB.`);
    await fs.access(p, fs.constants.R_OK).catch(() => {
      throw new ToolError(`${which}: ${p} cannot be read (permissions).`);
    });
    const name = a.name ?? path.basename(p);
    files.push({
      name,
      contentType: typeOf(name),
      size: stat.size,
      read: async (start, length) => {
        const fh = await fs.open(p, 'r');
        try {
          const buf = Buffer.alloc(Math.min(length, stat.size - start));
          const { bytesRead } = await fh.read(buf, 0, buf.length, start);
          return buf.subarray(0, bytesRead);
        } finally {
          await fh.close();
        }
      },
    });
  }
  return files;
}

/** A fileAttachment for inline use (sendMail, POST attachments). */
export async function inlineAttachment(f: OutgoingFile): Promise<Record<string, unknown>> {
  return { '@odata.type': '#microsoft.graph.fileAttachment', name: f.name, contentType: f.contentType, contentBytes: (await f.read(0, f.size)).toString('base64') };
}

/** Adds the files to a draft: small ones in one request each, large ones through an upload session. */
export async function attachToDraft(graph: GraphWriter, mb: MailboxRef, draftId: string, files: OutgoingFile[], ctx: Pick<ToolContext<'write'>, 'signal' | 'progress'>): Promise<void> {
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
    let offset = 0;
    for (;;) {
      const chunk = await f.read(offset, Math.min(CHUNK, f.size - offset));
      const r = await graph.uploadChunk(session.uploadUrl, chunk, offset, f.size, { signal: ctx.signal });
      const next = r.nextExpectedRanges?.[0] ? Number(r.nextExpectedRanges[0].split('-')[0]) : offset + chunk.length;
      await ctx.progress(done + Math.min(next, f.size), total, `uploading ${f.name}`);
      if (r.done || next >= f.size) break;
      offset = next;
    }
    done += f.size;
  }
}
