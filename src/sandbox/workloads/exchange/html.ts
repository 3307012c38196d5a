// Message bodies the way Exchange handles them: HTML bodies are stored as whole documents, plain text becomes
// HTML when asked for and HTML becomes plain text (for bodyPreview and `Prefer: outlook.body-content-type="text"`)
// by rendering blocks as lines, list items with bullets, table cells with tabs and links as `text<url>`.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', euro: '€', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', bull: '•', middot: '·' };

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** The HTML document Exchange stores around a body: its own head, the content inside <body>. */
export function wrapHtml(fragment: string): string {
  return `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${fragment}\r\n</body>\r\n</html>\r\n`;
}

/** What is inside <body>, or the whole string when it is a fragment. */
export function innerBody(html: string): string {
  const m = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return (m ? m[1] : html).trim();
}

/** Plain text as HTML: escaped, lines kept, in Outlook's default paragraph wrapper. */
export function textToHtml(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((l) => escapeHtml(l) || '<br>');
  return wrapHtml(`<div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt;">${lines.map((l) => `<div>${l}</div>`).join('\r\n')}</div>`);
}

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'ul', 'ol', 'blockquote', 'hr', 'pre', 'section', 'header', 'footer', 'address']);
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote']);

/** HTML rendered as Exchange's plain text: CRLF line ends, at most one blank line in a row. */
export function htmlToText(html: string): string {
  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|style|script|title)\b[\s\S]*?<\/\1\s*>/gi, '');
  const out: string[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let link: string | null = null;
  let linkText = '';
  let inPre = 0;
  let cellInRow = 0;
  const newline = (blank = false) => {
    out.push('\n');
    if (blank) out.push('\n');
  };
  for (const m of cleaned.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g)) {
    const [, closing, rawTag, attrs, text] = m;
    if (text !== undefined) {
      const decoded = decodeEntities(inPre ? text : text.replace(/\s+/g, ' '));
      if (link !== null) linkText += decoded;
      out.push(decoded);
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (tag === 'br') newline();
    else if (tag === 'pre') inPre += closing ? -1 : 1;
    else if (tag === 'img' && !closing) {
      const src = attr(attrs, 'src');
      out.push(src?.startsWith('cid:') ? `[${src}]` : (attr(attrs, 'alt') ?? ''));
    } else if (tag === 'a') {
      if (!closing) {
        link = attr(attrs, 'href') ?? null;
        linkText = '';
      } else {
        if (link && !/^(mailto:|cid:|#)/i.test(link) && linkText.trim() !== link) out.push(`<${link}>`);
        link = null;
      }
    } else if (tag === 'ul' || tag === 'ol') {
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
      newline(!!closing);
    } else if (tag === 'li' && !closing) {
      const l = lists[lists.length - 1];
      newline();
      out.push(' '.repeat(2 * Math.max(lists.length - 1, 0)) + (l?.ordered ? `  ${++l.n}.  ` : '  *   '));
    } else if (tag === 'tr') {
      cellInRow = 0;
      newline();
    } else if ((tag === 'td' || tag === 'th') && !closing) {
      if (cellInRow++ > 0) out.push('\t');
    } else if (BLOCKS.has(tag)) newline(!!closing && PARAGRAPHS.has(tag));
  }
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \u00a0]+$/g, '').replace(/^ (?! )/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replace(/\n/g, '\r\n');
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? decodeEntities(m[2] ?? m[3] ?? m[4]) : undefined;
}

/** bodyPreview: the first 255 characters of the body as text. */
export function previewOf(body: { contentType: string; content: string }): string {
  const text = body.contentType === 'html' ? htmlToText(body.content) : body.content.trim();
  return Array.from(text).slice(0, 255).join('');
}
