// Files going out to the caller: saved to a local path (stdio mode; streamed, never over an existing file), or
// read into memory, up to a cap, and returned as text when they are a document with text, else as base64.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { z } from 'zod';
import { type ToolContext, ToolError } from '../define-tool.js';
import { Text } from '../shapes.js';
import { type DocKind, docKind, documentText } from './documents.js';
import { clip, truncated } from './text.js';

/** Largest file read into memory for text or base64; bigger ones can only be saved to a file. */
const MAX_IN_MEMORY = 25 * 1024 * 1024;
/** Largest file returned as base64 in a tool result. */
const MAX_BASE64 = 5 * 1024 * 1024;

export const SaveTo = Text(4096, { min: 1 }).optional().describe('Absolute path of a new file, or of a folder to save it in');
export const ContentAs = z.enum(['auto', 'text', 'base64']).default('auto').describe('Without saveTo: text when the document has text (auto), text, or base64');
export const MaxTextChars = z.number().int().min(200).max(500_000).default(50_000).describe('Longest text, in characters');

/** Opens the file's bytes as a stream (a Graph download). */
type Open = () => Promise<ReadableStream<Uint8Array>>;

const safeName = (name: string) => name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').slice(0, 200) || 'file';

/** Saves the file to `saveTo` (a new file, or a folder to put `name` in); never overwrites, removes a partial file. */
export async function saveToLocalPath(saveTo: string, name: string, transport: ToolContext<'read'>['transport'], open: Open): Promise<{ savedTo: string; size: number }> {
  if (transport !== 'stdio') throw new ToolError('saveTo works only when the server runs over stdio on your machine; leave it out to get the content as text or base64.');
  if (!path.isAbsolute(saveTo)) throw new ToolError('saveTo must be an absolute path, e.g. /home/me/Downloads/report.pdf.');
  const isDir = (await fs.stat(saveTo).catch(() => undefined))?.isDirectory();
  const target = isDir ? path.join(saveTo, safeName(name)) : saveTo;
  if (!(await fs.stat(path.dirname(target)).catch(() => undefined))?.isDirectory()) throw new ToolError(`The folder ${path.dirname(target)} does not exist.`);
  const file = await fs.open(target, 'wx').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EEXIST') throw new ToolError(`${target} already exists; it is never overwritten. Choose another name.`);
    throw new ToolError(`Cannot create ${target}: ${e.code ?? e.message}.`);
  });
  try {
    await pipeline(Readable.fromWeb((await open()) as NodeWebStream<Uint8Array>), file.createWriteStream());
  } catch (e) {
    await file.close().catch(() => undefined);
    await fs.rm(target, { force: true });
    throw e;
  }
  return { savedTo: target, size: (await fs.stat(target)).size };
}

/** A download read into memory, refused past `max` bytes with `tooBig` (default: save it with saveTo). */
export async function readCapped(body: ReadableStream<Uint8Array>, max: number, tooBig = `The file is larger than ${max / 1024 / 1024} MB; save it to a file with saveTo instead.`): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const chunk of Readable.fromWeb(body as NodeWebStream<Uint8Array>)) {
    n += (chunk as Buffer).length;
    if (n > max) throw new ToolError(tooBig);
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}

export interface FileFacts {
  name: string;
  contentType?: string;
  /** Bytes, when known before the download. */
  size?: number;
  /** What kind of document it is; default: by its type and name (docKind). */
  kind?: DocKind;
}

/** The file's content for a model: its text (clipped to maxChars) when it has text and `as` allows, else base64. */
export async function fileContent(file: FileFacts, as: z.output<typeof ContentAs>, maxChars: number, open: Open): Promise<{ text: string; truncated?: true } | { base64: string }> {
  const { name } = file;
  if ((file.size ?? 0) > MAX_IN_MEMORY) throw new ToolError(`${name} is ${file.size} bytes, too large to return here; save it with saveTo (stdio mode).`);
  const kind = file.kind ?? docKind(name, file.contentType);
  if (as === 'text' && !kind) throw new ToolError(`${name} (${file.contentType ?? 'unknown type'}) is not a document with text; ask for base64 instead.`);
  const bytes = await readCapped(await open(), MAX_IN_MEMORY);
  if (as !== 'base64' && kind) {
    const text = await documentText(bytes, kind);
    if (text !== undefined) {
      const c = clip(text, maxChars);
      return { text: c.text, ...truncated(c) };
    }
    if (as === 'text') throw new ToolError(`No text could be read from ${name} (damaged or protected); ask for base64 instead.`);
  }
  if (bytes.length > MAX_BASE64) throw new ToolError(`${name} is ${bytes.length} bytes, too large for base64 here; save it with saveTo (stdio mode).`);
  return { base64: bytes.toString('base64') };
}
