// A page's Markdown as the request that creates it in OneNote: input HTML (marked, MIT) with bordered tables and
// to-do tags for task items, sent as text/html, or as multipart/form-data when images come from local files (stdio
// only): the HTML names each image's part (`name:image1`) and the parts carry the bytes. Images from https: URLs
// (OneNote fetches them) and data: URLs stay in the HTML.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileInputs } from '../content/file-input.js';
import { type ToolContext, ToolError } from '../define-tool.js';

/** OneNote's limits: 25 MB a part, 70 MB a request. */
const PART_MAX = 25 * 1024 * 1024;
const REQUEST_MAX = 70 * 1024 * 1024;
const IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp', tif: 'image/tiff', tiff: 'image/tiff' };

export interface PageRequest {
  body: Buffer;
  contentType: string;
  images: number;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

type Tok = { type: string; href?: string; text?: string; depth?: number; task?: boolean; checked?: boolean; loose?: boolean; tokens?: Tok[] };
type Renderer = { parser: { parse(tokens: Tok[], loose?: boolean): string } };

/** Where an image of the Markdown comes from: kept in the HTML, or a local file to send as a part. */
function imageSource(href: string): { keep: true } | { file: string } {
  if (/^(https?|data):/i.test(href)) return { keep: true };
  if (/^file:/i.test(href)) return { file: fileURLToPath(href) };
  try {
    return { file: decodeURI(href) };
  } catch {
    return { file: href };
  }
}

export async function pageRequest(title: string, markdown: string, ctx: Pick<ToolContext<'write'>, 'transport'>): Promise<PageRequest> {
  const { Marked } = await import('marked');
  const files = new Map<string, string>();
  const md = new Marked({
    gfm: true,
    renderer: {
      // A task item is a OneNote to-do: a box, ticked when done.
      listitem(this: Renderer, item: Tok) {
        if (!item.task) return false;
        return `<li data-tag="${item.checked ? 'to-do:completed' : 'to-do'}">${this.parser.parse(item.tokens ?? [], !!item.loose)}</li>\n`;
      },
      checkbox: () => '',
    } as never,
  });
  const tokens = md.lexer(markdown);
  md.walkTokens(tokens, (t) => {
    const tok = t as Tok;
    if (tok.type !== 'image' || !tok.href) return;
    const src = imageSource(tok.href);
    if ('keep' in src) return;
    if (!files.has(src.file)) files.set(src.file, `image${files.size + 1}`);
    tok.href = `name:${files.get(src.file)}`;
  });
  // A first heading that repeats the title would show it twice: OneNote puts the title above the page.
  const first = tokens.find((t) => t.type !== 'space') as Tok | undefined;
  if (first?.type === 'heading' && squeeze(first.text ?? '').toLowerCase() === squeeze(title).toLowerCase()) tokens.splice(tokens.indexOf(first as never), 1);
  const body = (md.parser(tokens) as string).replace(/<table>/g, '<table border="1">');
  const html = `<!DOCTYPE html><html><head><title>${escape(squeeze(title))}</title></head><body>${body}</body></html>`;
  if (!files.size) return { body: Buffer.from(html), contentType: 'text/html', images: countImages(body) };

  const paths = [...files.keys()];
  if (ctx.transport !== 'stdio') throw new ToolError(`Images from local files (${paths[0]}) work only when the server runs over stdio on your machine; use an https:// image URL (OneNote fetches it) or a data: URL.`);
  for (const p of paths) {
    if (!IMAGE_TYPES[path.extname(p).slice(1).toLowerCase()]) throw new ToolError(`${p} is not an image OneNote shows (png, jpg, gif, bmp, tiff); link to it instead.`);
  }
  const opened = await readFileInputs(paths.map((p) => ({ path: p })), { field: 'markdown image', transport: ctx.transport, maxBytes: PART_MAX, tooLarge: 'OneNote takes images of at most 25 MB' });
  const total = opened.reduce((n, f) => n + f.size, 0);
  if (total > REQUEST_MAX) throw new ToolError(`The images come to ${Math.round(total / 1048576)} MB; OneNote takes at most 70 MB a page. Use fewer or smaller images.`);
  const boundary = `onenote-${randomUUID()}`;
  const part = (name: string, type: string, bytes: Buffer) => [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Type: ${type}\r\n\r\n`), bytes, Buffer.from('\r\n')];
  const chunks = [...part('Presentation', 'text/html', Buffer.from(html))];
  for (const [i, f] of opened.entries()) {
    chunks.push(...part(files.get(paths[i])!, IMAGE_TYPES[path.extname(paths[i]).slice(1).toLowerCase()], await f.read(0, f.size)));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}`, images: countImages(body) };
}

const countImages = (html: string) => (html.match(/<img\b/g) ?? []).length;
