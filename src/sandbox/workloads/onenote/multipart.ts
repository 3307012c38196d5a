// multipart/form-data as OneNote reads it for page creation and updates: parts split on the boundary (bytes kept
// as they are), each with a Content-Disposition name and a Content-Type, refused with OneNote's codes when the
// payload is malformed (20011), a part lacks its headers (20010, 20012, 20013), names repeat (20009) or a part or
// the count of parts is too large (20014, 20015).

import { duplicateParts, malformedMultipart, noDisposition, noPartHeaders, noPartType, partTooLarge, tooManyParts } from './errors.js';

export interface NamedPart {
  name: string;
  type: string;
  bytes: Buffer;
}

const PART_MAX = 25 * 1024 * 1024;
const PARTS_MAX = 500;

/** The boundary of a multipart/form-data Content-Type, or undefined for any other type. */
export function multipartBoundary(contentType: string): string | undefined {
  if (!/^\s*multipart\/form-data\b/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!m) throw malformedMultipart('the Content-Type has no boundary.');
  return m[1] ?? m[2];
}

export function readMultipart(body: Buffer, boundary: string): NamedPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at < 0) throw malformedMultipart('the boundary does not occur in the body.');
  const parts: NamedPart[] = [];
  for (;;) {
    at += delimiter.length;
    if (body.toString('latin1', at, at + 2) === '--') break;
    at = skipLineEnd(body, at);
    // The part ends where a line break is followed by the next delimiter.
    const next = body.indexOf(Buffer.concat([Buffer.from('\n'), delimiter]), at);
    if (next < 0) throw malformedMultipart('the last part is not closed by the boundary followed by "--".');
    const end = next > at && body[next - 1] === 0x0d ? next - 1 : next;
    parts.push(readPart(body.subarray(at, end)));
    if (parts.length > PARTS_MAX) throw tooManyParts();
    at = next + 1;
  }
  return parts;
}

/** The data parts by name; a name twice (in any letter case) is OneNote's 20009. The caller has taken out the
 *  part it reads itself (Presentation, Commands), whose repetition has codes of its own. */
export function partsByName(parts: readonly NamedPart[]): Map<string, { type: string; bytes: Buffer }> {
  const out = new Map<string, { type: string; bytes: Buffer }>();
  const seen = new Set<string>();
  for (const p of parts) {
    if (seen.has(p.name.toLowerCase())) throw duplicateParts(p.name);
    seen.add(p.name.toLowerCase());
    out.set(p.name, { type: p.type, bytes: p.bytes });
  }
  return out;
}

function skipLineEnd(b: Buffer, at: number): number {
  if (b[at] === 0x0d && b[at + 1] === 0x0a) return at + 2;
  if (b[at] === 0x0a) return at + 1;
  throw malformedMultipart('a boundary line is not followed by a line break.');
}

function readPart(raw: Buffer): NamedPart {
  // Headers end at the first blank line, CRLF or (leniently) bare LF.
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const [split, gap] = lf >= 0 && (crlf < 0 || lf < crlf) ? [lf, 2] : [crlf, 4];
  if (split < 0) throw malformedMultipart('a part has no blank line between its headers and its content.');
  const headers = new Map<string, string>();
  for (const line of raw.toString('utf8', 0, split).split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const disposition = headers.get('content-disposition');
  const type = headers.get('content-type');
  if (!disposition && !type) throw noPartHeaders();
  const name = disposition && /(?:^|;)\s*name=(?:"([^"]*)"|([^;\s]+))/i.exec(disposition);
  if (!disposition || !name) throw noDisposition();
  const partName = name[1] ?? name[2];
  if (!type) throw noPartType(partName);
  const bytes = raw.subarray(split + gap);
  if (bytes.length > PART_MAX) throw partTooLarge(partName);
  return { name: partName, type: type.split(';')[0].trim().toLowerCase(), bytes: Buffer.from(bytes) };
}
