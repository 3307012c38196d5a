// Text out of a file, for a model to read: plain text, CSV, JSON and the like as they are, HTML through
// html-to-text, Word, PowerPoint and Excel files (zipped XML) through fflate and htmlparser2's XML mode, and
// PDF through unpdf (pdf.js, loaded only when a PDF comes along). Anything else has no text here.
import path from 'node:path';
import { htmlToText } from './text.js';

// The zip and XML parsers are loaded with the first Office document, not at start-up.
let Parser: typeof import('htmlparser2').Parser;

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

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Walks an XML document; `on` gets open/close tags and text. */
function walkXml(xml: string, on: { open?: (tag: string, attrs: Record<string, string>) => void; close?: (tag: string) => void; text?: (t: string) => void }): void {
  const p = new Parser({ onopentag: on.open, onclosetag: on.close, ontext: on.text }, { xmlMode: true, decodeEntities: true });
  p.write(xml);
  p.end();
}

/** Paragraph text of a WordprocessingML or DrawingML part: runs joined, a line per paragraph. */
function paragraphs(xml: string, textTag: string, paraTag: string): string {
  let out = '';
  let inText = false;
  walkXml(xml, {
    open: (t) => {
      if (t === textTag) inText = true;
      else if (t === 'w:tab') out += '\t';
      else if (t === 'w:br' || t === 'a:br') out += '\n';
    },
    close: (t) => {
      if (t === textTag) inText = false;
      else if (t === paraTag) out += '\n';
    },
    text: (s) => {
      if (inText) out += s;
    },
  });
  return out;
}

const numbered = (files: Record<string, Uint8Array>, re: RegExp) =>
  Object.keys(files).filter((f) => re.test(f)).sort((a, b) => Number(re.exec(a)![1]) - Number(re.exec(b)![1]));

function xlsxText(files: Record<string, Uint8Array>): string {
  const shared: string[] = [];
  if (files['xl/sharedStrings.xml']) {
    let cur: string | null = null;
    let inT = false;
    walkXml(decode(files['xl/sharedStrings.xml']), {
      open: (t) => { if (t === 'si') cur = ''; else if (t === 't') inT = true; },
      close: (t) => { if (t === 'si') { shared.push(cur ?? ''); cur = null; } else if (t === 't') inT = false; },
      text: (s) => { if (inT && cur !== null) cur += s; },
    });
  }
  const names: string[] = [];
  if (files['xl/workbook.xml']) walkXml(decode(files['xl/workbook.xml']), { open: (t, a) => { if (t === 'sheet') names.push(a.name ?? ''); } });
  return numbered(files, /^xl\/worksheets\/sheet(\d+)\.xml$/).map((file, i) => {
    const rows: string[][] = [];
    let row: string[] = [];
    let type = '';
    let value = '';
    let inValue = false;
    walkXml(decode(files[file]), {
      open: (t, a) => {
        if (t === 'row') row = [];
        else if (t === 'c') { type = a.t ?? ''; value = ''; }
        else if (t === 'v' || t === 't') inValue = true;
      },
      close: (t) => {
        if (t === 'v' || t === 't') inValue = false;
        else if (t === 'c') row.push(type === 's' ? shared[Number(value)] ?? '' : type === 'b' ? (value === '1' ? 'TRUE' : 'FALSE') : value);
        else if (t === 'row') rows.push(row);
      },
      text: (s) => { if (inValue) value += s; },
    });
    return `## ${names[i] ?? `Sheet${i + 1}`}\n${rows.map((r) => r.join('\t')).join('\n')}`;
  }).join('\n\n');
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
    const [{ unzipSync }, htmlparser2] = await Promise.all([import('fflate'), import('htmlparser2')]);
    Parser = htmlparser2.Parser;
    const files = unzipSync(bytes, { filter: (f) => /^(word\/document|ppt\/slides\/slide\d+|xl\/(sharedStrings|workbook|worksheets\/sheet\d+))\.xml$/.test(f.name) });
    if (kind === 'docx') return files['word/document.xml'] ? paragraphs(decode(files['word/document.xml']), 'w:t', 'w:p').trim() : undefined;
    if (kind === 'pptx') {
      return numbered(files, /^ppt\/slides\/slide(\d+)\.xml$/).map((f, i) => `## Slide ${i + 1}\n${paragraphs(decode(files[f]), 'a:t', 'a:p').trim()}`).join('\n\n');
    }
    return xlsxText(files);
  } catch {
    return undefined; // a damaged or encrypted file: the caller offers the bytes instead
  }
}
