// documents_convert_pdf: an Office file (Word, PowerPoint, Excel and the formats Graph converts) made a PDF by
// Graph's conversion (/content?format=pdf) and saved beside the original or into a folder, bytes streamed through
// the server, never through the model.
import { readCapped } from '../content/file-output.js';
import { ToolError } from '../define-tool.js';
import { Conflict, ItemInput, itemPath, saveFile } from '../drives.js';
import { ownerTool } from '../owner.js';
import { DOCS, Saved, saved, savedLine } from './shared.js';

/** A PDF larger than this is refused rather than held in memory (Graph's conversions are rarely near it). */
const MAX_PDF = 100 * 1024 * 1024;

export const convertPdf = ownerTool(DOCS, {
  name: 'documents_convert_pdf',
  title: 'Save a PDF of a document',
  description: 'Converts a Word, PowerPoint, Excel or other Office file to PDF through Microsoft 365 and saves the PDF beside it, or in folder.',
  kind: 'write',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: { item: ItemInput('The document: path like /Reports/plan.docx, or id'), folder: ItemInput('Folder for the PDF; default: beside the original').optional(), conflict: Conflict },
  output: Saved,
  handler: async (a, { graph, signal }, d) => {
    const src = itemPath(d.root, a.item);
    const meta = await graph.get<{ name: string; folder?: unknown; parentReference?: { id?: string } }>(src, { query: { $select: 'name,folder,parentReference' }, signal });
    if (meta.folder) throw new ToolError(`${a.item} is a folder; give a document.`);
    const pdf = await readCapped((await graph.download(`${src}/content`, { query: { format: 'pdf' }, signal })).body, MAX_PDF, 'The PDF is over 100 MB; download the document instead (files_read with saveTo).');
    const name = `${meta.name.replace(/\.[^.]+$/, '')}.pdf`;
    return saved(await saveFile(graph, d.root, a.folder ?? meta.parentReference?.id, name, pdf, 'application/pdf', a.conflict, signal));
  },
  text: savedLine,
});

export default [convertPdf];
