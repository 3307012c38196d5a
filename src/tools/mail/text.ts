// Message bodies for a model to read: HTML turned into plain text by html-to-text (a real HTML parser),
// and long texts cut at a limit the caller chose, saying so. The converter is loaded on first use: it costs
// tens of milliseconds at start-up, which every short-lived `docker exec` process would pay.
import type { HtmlToTextOptions } from 'html-to-text';

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
    { selector: 'img', format: 'skip' },
    { selector: 'table', format: 'dataTable' },
  ],
};

let converter: Promise<typeof import('html-to-text').convert> | undefined;

export async function htmlToText(html: string): Promise<string> {
  const convert = await (converter ??= import('html-to-text').then((m) => m.convert));
  return convert(html, OPTIONS).replace(/\n{3,}/g, '\n\n').trim();
}

/** At most `max` characters; `truncated` when something was cut. */
export function clip(text: string, max: number): { text: string; truncated?: true } {
  return text.length > max ? { text: `${text.slice(0, max)}…`, truncated: true } : { text };
}

/** A Graph itemBody as text (converted from HTML) or as the original HTML, clipped. */
export async function readBody(body: { contentType?: string; content?: string } | undefined, format: 'text' | 'html', max: number): Promise<{ body: string; bodyFormat: 'text' | 'html'; truncated?: true }> {
  const content = body?.content ?? '';
  const isHtml = body?.contentType?.toLowerCase() === 'html';
  if (format === 'html' && isHtml) {
    const c = clip(content, max);
    return { body: c.text, bodyFormat: 'html', ...(c.truncated ? { truncated: true } : {}) };
  }
  const c = clip(isHtml ? await htmlToText(content) : content.trim(), max);
  return { body: c.text, bodyFormat: 'text', ...(c.truncated ? { truncated: true } : {}) };
}
