// Markdown the caller writes, turned into the HTML Teams accepts: marked (MIT) parses it, raw HTML in it is shown
// as text rather than passed on (the caller's text never becomes markup), images become links (Teams shows pictures only as hosted contents), and each
// `@[Name]` becomes the `<at id="n">` marker a mention entry goes with.

/** `@[Megan Bowen]` or `@[megan@contoso.com]`: who the caller mentions, in order of first appearance. */
const MENTION = /@\[([^\]\n]{1,200})\]/g;

export const mentionsIn = (markdown: string): string[] => [...new Set([...markdown.matchAll(MENTION)].map((m) => m[1].trim()))];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Letters only, so no Markdown rule (emphasis, links, escapes) can split or change the placeholder. */
const placeholder = (i: number) => `zzmsmention${i}zz`;

/**
 * The message as Teams HTML. `names` maps each mentioned text (as mentionsIn gives it) to the name shown after
 * the `@`; every occurrence of a mention gets its own marker id, as Teams writes them.
 */
export async function teamsHtml(markdown: string, names: ReadonlyMap<string, string>): Promise<{ html: string; markers: { id: number; text: string; key: string }[] }> {
  const { Marked } = await import('marked');
  const order: string[] = [];
  const withPlaceholders = markdown.replace(MENTION, (_, raw: string) => {
    order.push(raw.trim());
    return placeholder(order.length - 1);
  });
  const marked = new Marked({ gfm: true, breaks: true, async: false });
  marked.use({
    // Without its HTML rules marked reads `<b>` as text and escapes it, and the Markdown around it still counts.
    tokenizer: { html: () => undefined, tag: () => undefined },
    renderer: {
      image: (token) => `<a href="${escapeHtml(token.href)}">${escapeHtml(token.text || token.href)}</a>`,
    },
  });
  let html = (marked.parse(withPlaceholders) as string).trim();
  const markers: { id: number; text: string; key: string }[] = [];
  html = html.replace(/zzmsmention(\d+)zz/g, (_, n: string) => {
    const key = order[Number(n)];
    const text = names.get(key) ?? key;
    const id = markers.length;
    markers.push({ id, text, key });
    return `<at id="${id}">${escapeHtml(text)}</at>`;
  });
  return { html, markers };
}
