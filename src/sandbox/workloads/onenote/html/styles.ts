// The CSS OneNote keeps from input HTML and the styles its output carries: the inline properties it supports
// (others dropped), font sizes in points, the built-in heading styles, character styles (<b>, <i>...) as spans,
// and list styles moved from the list onto its items.

type Style = Map<string, string>;

/** The inline CSS properties OneNote supports on page elements (its input/output HTML reference). */
const SUPPORTED = new Set(['background-color', 'color', 'font-family', 'font-size', 'font-style', 'font-weight', 'text-decoration', 'text-align', 'list-style-type', 'width', 'height']);
/** Where an element sits on the page (only the body's direct children may be absolutely positioned). */
const POSITION = new Set(['position', 'left', 'top', 'width']);

export function parseStyle(css: string | undefined): Style {
  const out: Style = new Map();
  for (const decl of (css ?? '').split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    const name = decl.slice(0, i).trim().toLowerCase();
    const value = decl.slice(i + 1).trim();
    if (name && value) out.set(name, value);
  }
  return out;
}

export const writeStyle = (s: Style) => [...s].map(([k, v]) => `${k}:${v}`).join(';');

/** The supported properties of an input style, font sizes converted to points (px * 0.75, to the nearest .5). */
export function keptStyle(css: string | undefined): Style {
  const out: Style = new Map();
  for (const [k, v] of parseStyle(css)) {
    if (!SUPPORTED.has(k)) continue;
    const px = k === 'font-size' ? /^(\d+(?:\.\d+)?)px$/i.exec(v) : null;
    out.set(k, px ? `${Math.round(Number(px[1]) * 0.75 * 2) / 2}pt` : v);
  }
  return out;
}

/** The position of an absolutely positioned element (style position:absolute, left, top, width), or undefined. */
export function absolutePosition(css: string | undefined): string | undefined {
  const s = parseStyle(css);
  if (s.get('position')?.toLowerCase() !== 'absolute') return undefined;
  return writeStyle(new Map([...s].filter(([k]) => POSITION.has(k))));
}

/** OneNote's built-in heading styles (Heading 1 to 6), which its output shows on every h1-h6 (Heading 1 as the
 *  output HTML reference shows it; the others in the same form). */
const HEADINGS: Record<string, string> = {
  h1: 'font-size:16pt;color:#1e4e79;margin-top:11pt;margin-bottom:11pt',
  h2: 'font-size:14pt;color:#2e75b5;margin-top:11pt;margin-bottom:11pt',
  h3: 'font-size:12pt;color:#1f3763;margin-top:11pt;margin-bottom:11pt',
  h4: 'font-size:12pt;color:#2f5496;font-style:italic;margin-top:11pt;margin-bottom:11pt',
  h5: 'font-size:11pt;color:#2e75b5;margin-top:11pt;margin-bottom:11pt',
  h6: 'font-size:11pt;color:#2e75b5;font-style:italic;margin-top:11pt;margin-bottom:11pt',
};

/** A heading's style: OneNote's for its level, overridden by what the input set. */
export function headingStyle(tag: string, given: Style): string {
  const s = parseStyle(HEADINGS[tag]);
  for (const [k, v] of given) s.set(k, v);
  return writeStyle(s);
}

/** Character styles of the input as the span style OneNote's output uses for them. */
export const CHARACTER_STYLES: Record<string, string> = {
  b: 'font-weight:bold',
  strong: 'font-weight:bold',
  i: 'font-style:italic',
  em: 'font-style:italic',
  u: 'text-decoration:underline',
  ins: 'text-decoration:underline',
  s: 'text-decoration:line-through',
  strike: 'text-decoration:line-through',
  del: 'text-decoration:line-through',
  code: 'font-family:Consolas',
  kbd: 'font-family:Consolas',
  samp: 'font-family:Consolas',
  tt: 'font-family:Consolas',
};

/** A list item's style: the list's list-style-type unless it is the default one (which OneNote leaves out), then
 *  the item's own properties. */
export function listItemStyle(ordered: boolean, listStyle: Style, itemStyle: Style): string {
  const s: Style = new Map();
  const type = itemStyle.get('list-style-type') ?? listStyle.get('list-style-type');
  if (type && type !== (ordered ? 'decimal' : 'disc')) s.set('list-style-type', type);
  for (const [k, v] of itemStyle) if (k !== 'list-style-type') s.set(k, v);
  return writeStyle(s);
}
