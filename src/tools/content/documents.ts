// Text out of a file, for a model to read: plain text, CSV, JSON and the like as they are, HTML through
// html-to-text, Word, PowerPoint and Excel files (zipped XML) through fflate and htmlparser2's XML mode, and
// PDF through unpdf (pdf.js, loaded only when a PDF comes along). Anything else has no text here.
import path from 'node:path';
import { decode } from './decode.js';
import { htmlToText } from './text.js';

export type DocKind = 'text' | 'html' | 'docx' | 'pptx' | 'xlsx' | 'pdf';

const OFFICE: Record<string, DocKind> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/pdf': 'pdf',
};
const TEXT_EXT = new Set(['txt', 'csv', 'tsv', 'md', 'json', 'xml', 'yaml', 'yml', 'log', 'ics', 'vcf', 'eml', 'ini', 'js', 'ts', 'py', 'sql', 'sh']);

/** What kind of document this is, by its MIME type or else its file name; undefined: no text to offer. */
export function docKind(name: string, contentType?: string): DocKind | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const ext = path.extname(name).slice(1).toLowerCase();
  if (OFFICE[type]) return OFFICE[type];
  if (ext === 'docx' || ext === 'pptx' || ext === 'xlsx' || ext === 'pdf') return ext;
  if (type === 'text/html' || ext === 'html' || ext === 'htm') return 'html';
  if (type.startsWith('text/') || /^application\/([\w.-]+\+)?(json|xml)$/.test(type) || type === 'message/rfc822' || TEXT_EXT.has(ext)) return 'text';
  return undefined;
}

/** The document's text, or undefined when it has none to offer (unknown type or unreadable file). */
export async function documentText(bytes: Uint8Array, kind: DocKind): Promise<string | undefined> {
  try {
    if (kind === 'text') return decode(bytes);
    if (kind === 'html') return await htmlToText(decode(bytes));
    if (kind === 'pdf') {
      const { extractText, getDocumentProxy } = await import('unpdf');
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
      return text;
    }
    // The zip and XML readers load with the first Office document, not at start-up.
    return (await import('./ooxml.js')).officeText(bytes, kind);
  } catch {
    return undefined; // a damaged or encrypted file: the caller offers the bytes instead
  }
}
