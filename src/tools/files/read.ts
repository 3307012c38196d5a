// Reading a file without its bytes passing through the model unless it asks: as text (Word, Excel, PowerPoint,
// PDF, HTML, text; other Office and OpenDocument formats through Graph's PDF conversion), saved to a local file
// (stdio, streamed), as a short-lived download link, or, when asked and small, as base64. Images are described.
import path from 'node:path';
import { z } from 'zod';
import { docKind } from '../content/documents.js';
import { ContentAs, fileContent, MaxTextChars, SaveTo, saveToLocalPath } from '../content/file-output.js';
import { Truncated } from '../content/text.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { DRIVE, ItemInput, itemPath } from '../drives.js';
import { bytes, type GraphDriveItem } from './shapes.js';

/** What Graph converts to PDF (`/content?format=pdf`) that has no text reader here. */
const CONVERTIBLE = new Set(['doc', 'dot', 'dotx', 'dotm', 'rtf', 'odt', 'ods', 'odp', 'xls', 'xlsm', 'ppt', 'pps', 'ppsx', 'msg', 'eml', 'epub', 'tif', 'tiff']);

export const readFile = ownerTool(DRIVE, {
  name: 'files_read',
  title: 'Read a file',
  description: 'A file as text (Office, PDF, HTML, text; maxChars), saved to a local file (saveTo, stdio), as a short-lived download link (link), or as base64 if asked and small. Images: their details only.',
  kind: 'read',
  scopes: ['Files.Read'],
  orgScopes: ['Files.Read.All', 'Sites.Read.All'],
  input: {
    item: ItemInput('Path like /Documents/report.docx, or id'),
    as: ContentAs,
    maxChars: MaxTextChars,
    saveTo: SaveTo,
    link: z.boolean().default(false).describe('A download link valid about an hour, instead of the content'),
  },
  output: z.object({
    name: z.string(),
    size: z.number().optional(),
    type: z.string().optional(),
    text: z.string().optional(),
    truncated: Truncated,
    convertedFrom: z.string().optional().describe('Read through a PDF conversion of this format'),
    savedTo: z.string().optional(),
    link: z.string().optional(),
    base64: z.string().optional(),
    image: z.string().optional(),
  }),
  handler: async (a, ctx, d) => {
    const p = itemPath(d.root, a.item);
    const m = await ctx.graph.get<GraphDriveItem>(p, { query: { $select: 'id,name,size,file,folder,image,photo,@microsoft.graph.downloadUrl' }, signal: ctx.signal });
    const name = m.name ?? 'file';
    if (m.folder) throw new ToolError(`${name} is a folder; files_list lists what is in it.`);
    const info = { name, ...(m.size !== undefined ? { size: m.size } : {}), ...(m.file?.mimeType ? { type: m.file.mimeType } : {}) };
    const open = async (query?: Record<string, string>) => (await ctx.graph.download(`${p}/content`, { query, signal: ctx.signal })).body;
    if (a.link) {
      const url = m['@microsoft.graph.downloadUrl'];
      if (!url) throw new ToolError(`Graph gave no download link for ${name}; read it as text or save it with saveTo.`);
      return { ...info, link: url };
    }
    if (a.saveTo) return { ...info, ...(await saveToLocalPath(a.saveTo, name, ctx.transport, () => open())) };
    const isImage = !!m.image || /^image\//i.test(m.file?.mimeType ?? '');
    if (isImage && a.as !== 'base64') {
      const details = [m.image?.width && m.image.height ? `${m.image.width}x${m.image.height} pixels` : '', m.photo?.takenDateTime ? `taken ${m.photo.takenDateTime}` : '', [m.photo?.cameraMake, m.photo?.cameraModel].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      return { ...info, image: details || 'an image (no details recorded)' };
    }
    const ext = path.extname(name).slice(1).toLowerCase();
    if (a.as !== 'base64' && !docKind(name, m.file?.mimeType) && CONVERTIBLE.has(ext)) {
      const converted = await fileContent({ name: `${name}.pdf`, kind: 'pdf' }, 'text', a.maxChars, () => open({ format: 'pdf' }));
      return { ...info, ...converted, convertedFrom: ext };
    }
    if (a.as === 'auto' && !docKind(name, m.file?.mimeType)) {
      throw new ToolError(`${name} (${m.file?.mimeType ?? 'unknown type'}, ${bytes(m.size)}) has no text to read here: save it with saveTo (stdio), get a link (link: true), or ask as base64 if it is small.`);
    }
    return { ...info, ...(await fileContent({ name, contentType: m.file?.mimeType, size: m.size }, a.as, a.maxChars, () => open())) };
  },
  text: (r) => {
    const head = `${r.name} (${r.type ?? 'file'}, ${bytes(r.size)})`;
    if (r.savedTo) return `saved ${head} to ${r.savedTo}`;
    if (r.link) return `${head}: download link, valid about an hour:\n${r.link}`;
    if (r.image) return `${head}: image, ${r.image}. Ask as base64 (small files) or saveTo to get it.`;
    if (r.base64 !== undefined) return `${head} in base64:\n${r.base64}`;
    return `${head}${r.convertedFrom ? ` read through a PDF conversion` : ''}:\n${r.text ?? ''}${r.truncated ? '\n[cut; ask for a larger maxChars to read more]' : ''}`;
  },
});

export default [readFile];
