// Files a caller hands in, from a local path (stdio mode: the server runs on the caller's machine) or as
// base64, checked and opened before anything is sent, then read a range at a time (for upload sessions).
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { type ToolContext, ToolError } from '../define-tool.js';
import { Text } from '../shapes.js';

/** The server's own sign-in files are never sent anywhere. */
const PRIVATE_FILES = new Set(['.token-cache.json', '.selected-account.json']);

export const FileInput = z.object({
  path: Text(4096, { min: 1 }).optional().describe('Absolute path of a local file (stdio mode only)'),
  contentBase64: Text(40_000_000, { min: 1, trim: false }).optional().describe('Content in base64, instead of path'),
  name: Text(400, { min: 1 }).optional().describe('File name; default: from path'),
});

export interface LocalFile {
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
/** The MIME type of a file name, by its extension. */
export const typeOf = (name: string) => TYPES[path.extname(name).slice(1).toLowerCase()] ?? 'application/octet-stream';

export interface FileInputRules {
  /** The parameter the files came in, for error messages: 'attachments'. */
  field: string;
  transport: ToolContext<'write'>['transport'];
  /** Largest file the destination takes, and the sentence saying so. */
  maxBytes: number;
  tooLarge: string;
}

/** Checks and opens what the caller hands in; nothing is sent until every file is readable. */
export async function readFileInputs(list: z.output<typeof FileInput>[] | undefined, rules: FileInputRules): Promise<LocalFile[]> {
  const files: LocalFile[] = [];
  for (const [i, a] of (list ?? []).entries()) {
    const which = `${rules.field}[${i}]`;
    if ((a.path === undefined) === (a.contentBase64 === undefined)) throw new ToolError(`${which}: give either path or contentBase64.`);
    if (a.contentBase64 !== undefined) {
      const b64 = a.contentBase64.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) throw new ToolError(`${which}: contentBase64 is not valid base64.`);
      if (!a.name) throw new ToolError(`${which}: a name is needed with contentBase64.`);
      const bytes = Buffer.from(b64, 'base64');
      // Blank base64 decodes to nothing: an empty file is never what was meant.
      if (bytes.length === 0) throw new ToolError(`${which}: contentBase64 is empty; give the file's content in base64, or its path.`);
      files.push({ name: a.name, contentType: typeOf(a.name), size: bytes.length, read: async (s, n) => bytes.subarray(s, s + n) });
      continue;
    }
    files.push(await openLocal(a.path!, a.name, which, rules));
  }
  return files;
}

async function openLocal(p: string, name: string | undefined, which: string, rules: FileInputRules): Promise<LocalFile> {
  if (rules.transport !== 'stdio') throw new ToolError(`${which}: local files can only be used when the server runs over stdio on your machine; pass contentBase64 instead.`);
  if (!path.isAbsolute(p)) throw new ToolError(`${which}: path must be absolute, e.g. /home/me/report.pdf.`);
  if (PRIVATE_FILES.has(path.basename(p))) throw new ToolError(`${which}: this server's sign-in files cannot be sent.`);
  const stat = await fs.stat(p).catch(() => undefined);
  if (!stat) throw new ToolError(`${which}: no file at ${p}.`);
  if (!stat.isFile()) throw new ToolError(`${which}: ${p} is not a file.`);
  if (stat.size > rules.maxBytes) throw new ToolError(`${which}: ${p} is ${stat.size} bytes; ${rules.tooLarge}.`);
  await fs.access(p, fs.constants.R_OK).catch(() => {
    throw new ToolError(`${which}: ${p} cannot be read (permissions).`);
  });
  const fileName = name ?? path.basename(p);
  return {
    name: fileName,
    contentType: typeOf(fileName),
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
  };
}
