// Input HTML to a OneNote page, as the OneNote API converts it: the title and created time from the head; the body
// into outlines (a default div "_default" holding everything that is not an absolutely positioned div, img or
// object of a body with data-absolute-enabled); paragraphs, headings (with OneNote's heading styles), lists (list
// styles moved onto the items), tables (borders onto the cells), links, character styles as spans, images and
// files as resources (media.ts). Scripts, styles and forms go; divs that carry nothing (no data-id) give their
// content to their parent; loose text becomes a paragraph. Ids given in the input are dropped, data-id kept.

import { DomUtils, parseDocument } from 'htmlparser2';
import { attachment, identity, image, type ChildNode, type Element, type Sources, video } from './media.js';
import { absolutePosition, CHARACTER_STYLES, headingStyle, keptStyle, listItemStyle, parseStyle, writeStyle } from './styles.js';
import { el, isEl, type El, type Node } from './tree.js';

export type { Part, Sources } from './media.js';

/** Where the default outline sits, as OneNote places it. */
export const DEFAULT_OUTLINE = 'position:absolute;left:48px;top:120px;width:624px';

const DROPPED = new Set(['script', 'style', 'noscript', 'form', 'input', 'button', 'select', 'textarea', 'template', 'svg', 'canvas', 'video', 'audio', 'head', 'title', 'meta', 'link', 'hr', 'col', 'colgroup', 'base']);
const INLINE = new Set(['span', 'a', 'sup', 'sub', 'cite', 'br']);
/** Containers whose end ends a paragraph when they give up their content (a div without data-id, a section). */
const BLOCKISH = new Set(['div', 'section', 'article', 'blockquote', 'header', 'footer', 'main', 'nav', 'aside', 'figure', 'figcaption', 'address', 'center', 'dl', 'dt', 'dd', 'details', 'summary']);
/** HTML white space (not the no-break space, which is content). */
const SPACE = /[ \t\r\n\f]+/g;

interface Env {
  src: Sources;
  pre: boolean;
  list?: { ordered: boolean; style: Map<string, string> };
  table?: { border: string; background?: string };
}

export interface InputPage {
  title: string;
  /** The meta created value as given, or undefined. */
  created?: string;
  body: El;
}

const parse = (html: string) => parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });

export function readPage(html: string, src: Sources): InputPage {
  const doc = parse(html);
  const titleEl = DomUtils.findOne((e) => e.name === 'title', doc.children);
  const meta = DomUtils.findOne((e) => e.name === 'meta' && e.attribs.name?.toLowerCase() === 'created', doc.children);
  const body = DomUtils.findOne((e) => e.name === 'body', doc.children);
  const env: Env = { src, pre: false };
  // The default outline's id comes first, as it is the page's first element.
  const defaultId = src.elementId('div');
  const absolute = body?.attribs['data-absolute-enabled'] === 'true';
  const outlines: El[] = [];
  const loose: ChildNode[] = [];
  // Without a <body>, the document is the body (its <html> gives up its content, its <head> is dropped).
  for (const c of (body ?? doc).children) {
    const position = absolute && DomUtils.isTag(c) && ['div', 'img', 'object'].includes(c.name) ? absolutePosition(c.attribs.style) : undefined;
    if (!position || !DomUtils.isTag(c)) loose.push(c);
    else if (c.name === 'div') outlines.push(el('div', { ...identity(src, 'div', c), style: position }, flow(c.children, env)));
    else outlines.push(...(c.name === 'img' ? image(c, src, true) : attachment(c, src, true)));
  }
  const content = flow(loose, env);
  if (content.length) outlines.unshift(el('div', { id: defaultId, 'data-id': '_default', style: DEFAULT_OUTLINE }, content));
  const title = titleEl ? DomUtils.textContent(titleEl).replace(/<[^>]*>/g, '').replace(SPACE, ' ').trim() : '';
  return { title, created: meta ? (meta.attribs.content ?? meta.attribs.value) : undefined, body: el('body', {}, outlines) };
}

/** The content of a PATCH command: blocks as they would be on a page (loose text a paragraph). */
export function readFragment(html: string, src: Sources): Node[] {
  return flow(parse(html).children, { src, pre: false });
}

const isInline = (n: Node) => !isEl(n) || INLINE.has(n.tag);

/** Content of a div (or the body): inline runs become paragraphs, blocks stay. */
function flow(children: ChildNode[], env: Env): Node[] {
  const out: Node[] = [];
  let run: Node[] = [];
  const flush = () => {
    const kept = trimmed(run);
    if (kept.length) out.push(el('p', { id: env.src.elementId('p') }, kept));
    run = [];
  };
  for (const c of children) {
    for (const n of convert(c, env, true)) {
      if (isInline(n)) run.push(n);
      else {
        flush();
        out.push(n);
      }
    }
  }
  flush();
  return out;
}

/** Content of a paragraph, heading, item, cell or span: inline and block nodes as they come, ends trimmed. */
const inline = (children: ChildNode[], env: Env): Node[] => trimmed(children.flatMap((c) => convert(c, env, false)));

function trimmed(nodes: Node[]): Node[] {
  const out = [...nodes];
  if (typeof out[0] === 'string') out[0] = out[0].replace(/^[ \t\r\n\f]+/, '');
  const last = out.length - 1;
  if (typeof out[last] === 'string') out[last] = (out[last] as string).replace(/[ \t\r\n\f]+$/, '');
  return out.filter((n) => n !== '');
}

function convert(c: ChildNode, env: Env, atFlow: boolean): Node[] {
  if (DomUtils.isText(c)) return [env.pre ? c.data : c.data.replace(SPACE, ' ')];
  if (!DomUtils.isTag(c) || DROPPED.has(c.name)) return [];
  const tag = c.name;
  const { src } = env;
  const style = keptStyle(c.attribs.style);
  const styled = (attrs: Record<string, string>, s: Map<string, string> = style) => (s.size ? { ...attrs, style: writeStyle(s) } : attrs);
  if (tag === 'br') return [el('br')];
  if (tag === 'p' || tag === 'pre') return [el(tag, styled(identity(src, tag, c)), inline(c.children, { ...env, pre: env.pre || tag === 'pre' }))];
  if (/^h[1-6]$/.test(tag)) return [el(tag, { ...identity(src, tag, c), style: headingStyle(tag, style) }, inline(c.children, env))];
  if (tag === 'ul' || tag === 'ol') {
    const list = { ordered: tag === 'ol', style };
    return [el(tag, identity(src, tag, c), c.children.flatMap((x) => convert(x, { ...env, list }, false)).filter(isEl))];
  }
  if (tag === 'li') {
    const merged = new Map([...[...(env.list?.style ?? [])].filter(([k]) => k !== 'list-style-type'), ...style]);
    const s = listItemStyle(env.list?.ordered ?? false, env.list?.style ?? new Map(), merged);
    return [el('li', { ...identity(src, 'li', c), ...(s ? { style: s } : {}) }, inline(c.children, { ...env, list: undefined }))];
  }
  if (tag === 'table') return [table(c, env, style)];
  if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') return c.children.flatMap((x) => convert(x, env, false)).filter(isEl);
  if (tag === 'tr') {
    const background = style.get('background-color') ?? env.table?.background;
    return [el('tr', {}, c.children.flatMap((x) => convert(x, { ...env, table: { border: env.table?.border ?? 'border:0px', background } }, false)).filter(isEl))];
  }
  if (tag === 'td' || tag === 'th') return [cell(c, env, style)];
  if (tag === 'div' && c.attribs['data-id']) return [el('div', identity(src, 'div', c), flow(c.children, env))];
  if (tag === 'img') return image(c, src, false);
  if (tag === 'object') return attachment(c, src, false);
  if (tag === 'iframe') return video(c, src);
  if (tag === 'a') return c.attribs.href ? [el('a', { href: c.attribs.href }, inline(c.children, env))] : inline(c.children, env);
  if (tag in CHARACTER_STYLES) return [el('span', { style: CHARACTER_STYLES[tag] }, inline(c.children, env))];
  if (tag === 'sup' || tag === 'sub' || tag === 'cite') return [el(tag, {}, inline(c.children, env))];
  if ((tag === 'span' || tag === 'font') && (style.size || c.attribs['data-tag'])) {
    return [el('span', styled(c.attribs['data-tag'] ? { 'data-tag': c.attribs['data-tag'] } : {}), inline(c.children, env))];
  }
  // Anything else (divs without data-id, sections, unstyled spans...) gives OneNote nothing but its content.
  if (atFlow && BLOCKISH.has(tag)) return flow(c.children, env);
  return c.children.flatMap((x) => convert(x, env, atFlow));
}

/** Tables: OneNote writes the border on the table and on every cell (0px without a border attribute). */
function table(c: Element, env: Env, style: Map<string, string>): El {
  const width = Number.parseInt(c.attribs.border ?? '', 10);
  const border = width > 0 ? `border:${width}px solid` : 'border:0px';
  const background = c.attribs.bgcolor ?? style.get('background-color');
  const rows = c.children.flatMap((x) => convert(x, { ...env, table: { border, background } }, false)).filter((n): n is El => isEl(n) && n.tag === 'tr');
  return el('table', { ...identity(env.src, 'table', c), style: border }, rows);
}

function cell(c: Element, env: Env, style: Map<string, string>): El {
  const s = new Map<string, string>();
  const background = style.get('background-color') ?? env.table?.background;
  if (background) s.set('background-color', background);
  for (const [k, v] of parseStyle(env.table?.border ?? 'border:0px')) s.set(k, v);
  for (const [k, v] of style) if (k !== 'background-color') s.set(k, v);
  // OneNote has no header cells: a th is a cell in bold.
  if (c.name === 'th' && !s.has('font-weight')) s.set('font-weight', 'bold');
  return el('td', { style: writeStyle(s) }, inline(c.children, { ...env, table: undefined }));
}
