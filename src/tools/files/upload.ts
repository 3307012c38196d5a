// Putting files into a drive: from a local path (stdio) or base64, small ones in one request, larger ones through
// an upload session in chunks with progress, resumed where Graph's session says after a broken connection; and
// new folders. A name already taken is the caller's choice: fail (the default), rename, or replace.
import { z } from 'zod';
import { FileInput, readFileInputs } from '../content/file-input.js';
import { DRIVE_CHUNK, uploadInChunks } from '../content/upload.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { childPath, Conflict, DRIVE, ItemInput, itemPath, NameInput, nameTaken } from '../drives.js';
import { bytes, type GraphDriveItem, itemLine, ItemSummary, summarizeItem } from './shapes.js';

/** Graph's simple upload takes up to 250 MB; past 4 MB an upload session is the advice, and resumable. */
const SIMPLE_MAX = 4 * 1024 * 1024;
/** OneDrive's and SharePoint's largest file. */
const MAX_FILE = 250 * 1024 ** 3;

export const uploadFile = ownerTool(DRIVE, {
  name: 'files_upload',
  title: 'Upload a file',
  description: 'Upload a local file (path, stdio) or base64 content into a folder; large files go in resumable chunks with progress.',
  kind: 'write',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: {
    folder: ItemInput('Folder: path like /Documents or id; default: the root').optional(),
    file: FileInput.describe('The file: a local path (stdio) or contentBase64 with a name'),
    conflict: Conflict,
  },
  output: ItemSummary,
  idempotent: false,
  handler: async (a, ctx, d) => {
    const [file] = await readFileInputs([a.file], { field: 'file', transport: ctx.transport, maxBytes: MAX_FILE, tooLarge: 'OneDrive takes files up to 250 GB' });
    const target = childPath(d.root, a.folder, file.name);
    const where = a.folder ?? 'The root folder';
    try {
      if (file.size <= SIMPLE_MAX) {
        const body = await file.read(0, file.size);
        const item = await ctx.graph.put<GraphDriveItem>(`${target}/content`, body, { query: { '@microsoft.graph.conflictBehavior': a.conflict }, headers: { 'content-type': file.contentType }, signal: ctx.signal });
        await ctx.progress(file.size, file.size, `uploaded ${file.name}`);
        return summarizeItem(item);
      }
      const session = await ctx.graph.post<{ uploadUrl: string }>(`${target}/createUploadSession`, { item: { '@microsoft.graph.conflictBehavior': a.conflict, name: file.name } }, { signal: ctx.signal });
      const item = (await uploadInChunks(ctx.graph, session.uploadUrl, file, ctx, { done: 0, total: file.size }, DRIVE_CHUNK)) as GraphDriveItem | undefined;
      if (item?.id) return summarizeItem(item);
      // Some sessions end without the item in the last answer: read it by its place.
      return summarizeItem(await ctx.graph.get<GraphDriveItem>(target, { signal: ctx.signal }));
    } catch (e) {
      throw nameTaken(e, file.name, where);
    }
  },
  text: (r) => `uploaded (${bytes(r.size)}):\n${itemLine(r)}`,
});

export const createFolder = ownerTool(DRIVE, {
  name: 'files_create_folder',
  title: 'Create a folder',
  description: 'Create a folder in a folder (default: the root).',
  kind: 'write',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: {
    parent: ItemInput('Parent folder: path or id; default: the root').optional(),
    name: NameInput('Name of the new folder'),
    conflict: Conflict,
  },
  output: ItemSummary,
  idempotent: false,
  handler: async (a, ctx, d) => {
    try {
      const item = await ctx.graph.post<GraphDriveItem>(`${itemPath(d.root, a.parent)}/children`, { name: a.name, folder: {}, '@microsoft.graph.conflictBehavior': a.conflict }, { signal: ctx.signal });
      return summarizeItem(item);
    } catch (e) {
      throw nameTaken(e, a.name, a.parent ?? 'The root folder');
    }
  },
  text: (r) => `created folder:\n${itemLine(r)}`,
});

export default [uploadFile, createFolder];
