// A OneNote page's output HTML as text a model reads: the project's HTML-to-text, with headings kept in their case
// and marked by level (## Agenda), images as [image: alt], to-do tags as [ ] and [x]; and the page's title, its
// created time and its headings as an outline.
import { DomUtils, parseDocument } from 'htmlparser2';
import type { FormatCallback } from 'html-to-text';
import { htmlToText } from '../content/text.js';

export interface PageText {
  title: string;
  /** The created time as the page shows it (its wall time, no zone). */
  created?: string;
  headings: string[];
  text: string;
}

const marker = (tag: string) => '#'.repeat(Number(tag.slice(1)) || 1);
const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
type Named = { name?: string; attribs?: Record<string, string> };

const heading: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addInline(`${marker((elem as Named).name ?? 'h1')} `);
  walk(elem.children ?? [], builder);
  builder.closeBlock({ trailingLineBreaks: 1 });
};

const image: FormatCallback = (elem, _walk, builder) => {
  const alt = (elem as Named).attribs?.alt?.trim();
  builder.addInline(alt ? `[image: ${alt}]` : '[image]');
};

/** A paragraph with a to-do tag: a box before it, ticked when done. */
const todo: FormatCallback = (elem, walk, builder) => {
  const done = /completed/i.test((elem as Named).attribs?.['data-tag'] ?? '');
  builder.openBlock({ leadingLineBreaks: 1 });
  builder.addInline(done ? '[x] ' : '[ ] ');
  walk(elem.children ?? [], builder);
  builder.closeBlock({ trailingLineBreaks: 1 });
};

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

export async function pageText(html: string): Promise<PageText> {
  const doc = parseDocument(html, { lowerCaseTags: true });
  const title = DomUtils.findOne((e) => e.name === 'title', doc.children);
  const created = DomUtils.findOne((e) => e.name === 'meta' && e.attribs.name === 'created', doc.children)?.attribs.content;
  const headings = DomUtils.findAll((e) => HEADINGS.includes(e.name), doc.children).map((h) => `${marker(h.name)} ${squeeze(DomUtils.textContent(h))}`);
  // A list item OneNote keeps a to-do tag on reads as an item with its box in front.
  for (const li of DomUtils.findAll((e) => e.name === 'li' && /^to-do/i.test(e.attribs['data-tag'] ?? ''), doc.children)) {
    li.children.unshift(...parseDocument(/completed/i.test(li.attribs['data-tag']) ? '[x] ' : '[ ] ').children);
    for (const c of li.children) c.parent = li;
  }
  const text = await htmlToText(DomUtils.getOuterHTML(doc), {
    formatters: { oneNoteHeading: heading, oneNoteImage: image, oneNoteTodo: todo },
    selectors: [
      ...HEADINGS.map((h) => ({ selector: h, format: 'oneNoteHeading' })),
      { selector: 'img', format: 'oneNoteImage' },
      { selector: 'p[data-tag^="to-do"]', format: 'oneNoteTodo' },
    ],
  });
  return { title: title ? squeeze(DomUtils.textContent(title)) : '', ...(created ? { created } : {}), headings, text };
}
