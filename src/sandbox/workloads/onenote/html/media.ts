// Images, file attachments and videos of input HTML as OneNote stores them: an <img> whose src is a data: URL or
// names a part of the multipart request (`name:part`) becomes an image resource of the page, an <object
// data="name:part"> a file resource; output HTML then points at the resources. What the sandbox cannot do offline
// it leaves as OneNote leaves what it cannot fetch: an image from the web keeps its URL, and a rendering
// (data-render-src of a web page, of HTML or of a PDF) is left out.

import type { parseDocument } from 'htmlparser2';
import { missingPart, partsNeedMultipart } from '../errors.js';
import { decodeDataUrl, sniffImage } from './images.js';
import { absolutePosition, parseStyle } from './styles.js';
import { el, type El } from './tree.js';

/** htmlparser2's DOM nodes (its domhandler types, named through htmlparser2, which the project depends on). */
export type ChildNode = ReturnType<typeof parseDocument>['children'][number];
export type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

export interface Part {
  type: string;
  bytes: Buffer;
}

/** Where the bytes of a page's images and files come from and go to. */
export interface Sources {
  /** The data parts of a multipart request by name; undefined for a plain HTML body, where `name:` is refused. */
  parts?: ReadonlyMap<string, Part>;
  /** Keeps bytes as a resource of the page; returns its id. */
  addResource(bytes: Buffer, type: string): string;
  /** The next generated element id for a tag (`img:{guid}{12}`). */
  elementId(tag: string): string;
}

function partOf(src: Sources, name: string): Part {
  if (!src.parts) throw partsNeedMultipart();
  const part = src.parts.get(name);
  if (!part) throw missingPart(name);
  return part;
}

const pixels = (v: string | undefined) => (v && /^\s*\d+(\.\d+)?(px)?\s*$/i.test(v) ? Math.round(parseFloat(v)) : undefined);

/** The attributes every kept element carries: its generated id, and the data-id and data-tag it was given. */
export function identity(src: Sources, tag: string, e: Element): Record<string, string> {
  const out: Record<string, string> = { id: src.elementId(tag) };
  if (e.attribs['data-id']) out['data-id'] = e.attribs['data-id'];
  if (e.attribs['data-tag']) out['data-tag'] = e.attribs['data-tag'];
  return out;
}

export function image(e: Element, src: Sources, topLevel: boolean): El[] {
  const a = e.attribs;
  // With both, OneNote uses data-render-src and ignores src (its warning 20004); with neither, it drops the image.
  const rendered = a['data-render-src'];
  const ref = (rendered ?? a.src ?? '').trim();
  const attrs = identity(src, 'img', e);
  if (a.alt) attrs.alt = a.alt;
  const style = parseStyle(a.style);
  let width = pixels(a.width) ?? pixels(style.get('width'));
  let height = pixels(a.height) ?? pixels(style.get('height'));
  const position = topLevel ? absolutePosition(a.style) : undefined;
  let bytes: Buffer;
  if (ref.startsWith('name:')) bytes = partOf(src, ref.slice(5)).bytes;
  else if (/^data:/i.test(ref)) {
    const data = decodeDataUrl(ref);
    if (!data) return [];
    bytes = data.bytes;
  } else if (/^https?:\/\//i.test(ref) && !rendered) {
    return [el('img', { ...attrs, ...(width ? { width: String(width) } : {}), ...(height ? { height: String(height) } : {}), src: ref, ...(position ? { style: position } : {}) })];
  } else return [];
  const info = sniffImage(bytes);
  if (!info) return [];
  // A size given on one side only keeps the image's proportions.
  if (info.width && info.height) {
    if (width && !height) height = Math.round((width * info.height) / info.width);
    else if (height && !width) width = Math.round((height * info.width) / info.height);
    else if (!width && !height) [width, height] = [info.width, info.height];
  }
  return [el('img', {
    ...attrs,
    ...(width ? { width: String(width) } : {}),
    ...(height ? { height: String(height) } : {}),
    'data-resource': src.addResource(bytes, info.type),
    'data-src-type': info.type,
    ...(position ? { style: position } : {}),
  })];
}

/** A file attachment: `<object data="name:part" data-attachment="file.pdf" type="application/pdf" />`. OneNote
 *  takes no URL here, only a part. */
export function attachment(e: Element, src: Sources, topLevel: boolean): El[] {
  const a = e.attribs;
  if (!a.data?.startsWith('name:')) return [];
  const part = partOf(src, a.data.slice(5));
  const type = a.type || part.type;
  const position = topLevel ? absolutePosition(a.style) : undefined;
  return [el('object', { ...identity(src, 'object', e), 'data-attachment': a['data-attachment'] || a.data.slice(5), type, 'data-resource': src.addResource(part.bytes, type), ...(position ? { style: position } : {}) })];
}

/** An embedded video (`<iframe data-original-src="https://www.youtube.com/...">`); without a source, nothing. */
export function video(e: Element, src: Sources): El[] {
  const original = e.attribs['data-original-src'];
  if (!original) return [];
  return [el('iframe', { ...identity(src, 'iframe', e), 'data-original-src': original, src: original, width: String(pixels(e.attribs.width) ?? 480), height: String(pixels(e.attribs.height) ?? 360) })];
}
