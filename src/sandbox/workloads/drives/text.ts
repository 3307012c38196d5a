// The words of a file as OneDrive's index sees them, for search and for the PDF conversion of uploaded files: plain
// text types as they are, HTML and RTF without their markup, and Word, PowerPoint and Excel files from the XML
// parts of their ZIP package (read here with node:zlib, so the sandbox needs no unzip library). Anything else, or
// anything that does not parse, has no words but its name.

import { inflateRawSync } from 'node:zlib';

/** Files larger than this are not indexed (their words would only weigh on memory). */
const INDEX_MAX_BYTES = 20 * 1024 * 1024;
const TEXT_MAX_CHARS = 1_000_000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (s: string) => s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(parseInt(e.slice(1).replace(/^x/i, ''), /^#x/i.test(e) ? 16 : 10)) : ENTITIES[e.toLowerCase()] ?? m));

/** The entries of a ZIP archive whose names match, inflated; undefined for what is not a ZIP archive. */
function unzip(bytes: Buffer, wanted: RegExp): Map<string, Buffer> | undefined {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count && at + 46 <= bytes.length && bytes.readUInt32LE(at) === 0x02014b50; i++) {
    const [method, size, nameLength, extraLength, commentLength, local] = [bytes.readUInt16LE(at + 10), bytes.readUInt32LE(at + 20), bytes.readUInt16LE(at + 28), bytes.readUInt16LE(at + 30), bytes.readUInt16LE(at + 32), bytes.readUInt32LE(at + 42)];
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted.test(name) || local + 30 > bytes.length) continue;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    if (method === 0) out.set(name, data);
    else if (method === 8) out.set(name, inflateRawSync(data));
  }
  return out;
}

/** The text runs of Office XML parts, a line per paragraph (or row), the parts in their natural order (slide2 before
 *  slide10); `separator` after each run (a spreadsheet's cells). */
function officeText(bytes: Buffer, parts: RegExp, run: string, paragraph: string, separator = ''): string {
  const files = unzip(bytes, parts);
  if (!files) return '';
  const runs = new RegExp(`<${run}(?:\\s[^>]*)?>([^<]*)</${run}>|</${paragraph}>`, 'g');
  return [...files.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((name) => {
    let text = '';
    for (const m of files.get(name)!.toString('utf8').matchAll(runs)) text += m[1] !== undefined ? decodeEntities(m[1]) + separator : '\n';
    return text;
  }).join('\n');
}

function rtfText(rtf: string): string {
  return rtf
    .replace(/\{\\(?:\*|fonttbl|colortbl|stylesheet|info)[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g, '')
    .replace(/\\par[d]?\b ?/g, '\n')
    .replace(/\\'([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\[a-z]+-?\d* ?/gi, '')
    .replace(/[{}]/g, '');
}

/** The words of a file, by its name's extension. */
export function textOf(name: string, content: Buffer): string {
  if (content.length > INDEX_MAX_BYTES) return '';
  const ext = name.split('.').pop()!.toLowerCase();
  let text = '';
  try {
    if (['txt', 'csv', 'md', 'json', 'xml'].includes(ext)) text = content.toString('utf8');
    else if (ext === 'html' || ext === 'htm') text = decodeEntities(content.toString('utf8').replace(/<(script|style)[\s\S]*?<\/\1>/gi, '').replace(/<\/(p|div|h\d|li|tr|br)>|<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ''));
    else if (ext === 'rtf') text = rtfText(content.toString('latin1'));
    else if (ext === 'docx') text = officeText(content, /^word\/document\.xml$/, 'w:t', 'w:p');
    else if (ext === 'pptx') text = officeText(content, /^ppt\/slides\/slide\d+\.xml$/, 'a:t', 'a:p');
    else if (ext === 'xlsx') text = officeText(content, /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/, '(?:t|v)', 'row', '\t');
  } catch {
    text = ''; // a damaged package has no words, as OneDrive indexes nothing of it
  }
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim().slice(0, TEXT_MAX_CHARS);
}
