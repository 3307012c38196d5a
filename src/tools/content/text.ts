// Texts for a model to read: HTML turned into plain text by html-to-text (a real HTML parser), Graph's itemBody
// (mail, events, and later contacts and tasks) as text or HTML, and the one way a long text is cut: clip(). The
// converter is loaded on first use: it costs tens of milliseconds at start-up, which every short-lived
// `docker exec` process would pay.
import type { HtmlToTextOptions } from 'html-to-text';
import { z } from 'zod';

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
    { selector: 'img', format: 'skip' },
    { selector: 'table', format: 'dataTable' },
  ],
};

let converter: Promise<typeof import('html-to-text').convert> | undefined;

/** `extra`: a group's own formatters and selectors (OneNote marks headings with #), after the shared ones. */
export async function htmlToText(html: string, extra?: Pick<HtmlToTextOptions, 'formatters' | 'selectors'>): Promise<string> {
  const convert = await (converter ??= import('html-to-text').then((m) => m.convert));
  const options = extra ? { ...OPTIONS, formatters: extra.formatters, selectors: [...OPTIONS.selectors!, ...(extra.selectors ?? [])] } : OPTIONS;
  return convert(html, options).replace(/\n{3,}/g, '\n\n').trim();
}

/** The truncation contract of every tool: a text longer than the limit keeps its first `max` characters and ends
 *  with '…', and the result says `truncated: true` (spread `...truncated(c)` into it); nothing is cut silently. */
export function clip(text: string, max: number): { text: string; truncated?: true } {
  return text.length > max ? { text: `${text.slice(0, max)}…`, truncated: true } : { text };
}

/** `{ truncated: true }` when the clip cut something, else nothing: what a result spreads in. */
export const truncated = (c: { truncated?: true }): { truncated?: true } => (c.truncated ? { truncated: true } : {});

/** The output field that goes with clip(). */
export const Truncated = z.boolean().optional();

/** A Graph itemBody as text (converted from HTML) or as the original HTML, clipped. */
export async function readBody(body: { contentType?: string; content?: string } | undefined, format: 'text' | 'html', max: number): Promise<{ body: string; bodyFormat: 'text' | 'html'; truncated?: true }> {
  const content = body?.content ?? '';
  const isHtml = body?.contentType?.toLowerCase() === 'html';
  if (format === 'html' && isHtml) {
    const c = clip(content, max);
    return { body: c.text, bodyFormat: 'html', ...truncated(c) };
  }
  const c = clip(isHtml ? await htmlToText(content) : content.trim(), max);
  return { body: c.text, bodyFormat: 'text', ...truncated(c) };
}
