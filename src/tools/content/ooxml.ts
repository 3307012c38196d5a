// The text of Office files (zipped XML), with their structure as Markdown: a Word document's headings (its Title
// and Heading1..6 styles) as # lines; a presentation slide by slide with its number, title, body and speaker
// notes; a workbook sheet by sheet as tab-separated rows. fflate unzips, htmlparser2 reads the XML.
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { decode } from './decode.js';

/** Walks an XML document; `on` gets open/close tags and text. */
function walkXml(xml: string, on: { open?: (tag: string, attrs: Record<string, string>) => void; close?: (tag: string) => void; text?: (t: string) => void }): void {
  const p = new Parser({ onopentag: on.open, onclosetag: on.close, ontext: on.text }, { xmlMode: true, decodeEntities: true });
  p.write(xml);
  p.end();
}

const numbered = (files: Record<string, Uint8Array>, re: RegExp) =>
  Object.keys(files).filter((f) => re.test(f)).sort((a, b) => Number(re.exec(a)![1]) - Number(re.exec(b)![1]));

function xlsxText(files: Record<string, Uint8Array>): string {
  const shared: string[] = [];
  if (files['xl/sharedStrings.xml']) {
    let cur: string | null = null;
    let inT = false;
    walkXml(decode(files['xl/sharedStrings.xml']), {
      open: (t) => { if (t === 'si') cur = ''; else if (t === 't') inT = true; },
      close: (t) => { if (t === 'si') { shared.push(cur ?? ''); cur = null; } else if (t === 't') inT = false; },
      text: (s) => { if (inT && cur !== null) cur += s; },
    });
  }
  const names: string[] = [];
  if (files['xl/workbook.xml']) walkXml(decode(files['xl/workbook.xml']), { open: (t, a) => { if (t === 'sheet') names.push(a.name ?? ''); } });
  return numbered(files, /^xl\/worksheets\/sheet(\d+)\.xml$/).map((file, i) => {
    const rows: string[][] = [];
    let row: string[] = [];
    let type = '';
    let value = '';
    let inValue = false;
    walkXml(decode(files[file]), {
      open: (t, a) => {
        if (t === 'row') row = [];
        else if (t === 'c') { type = a.t ?? ''; value = ''; }
        else if (t === 'v' || t === 't') inValue = true;
      },
      close: (t) => {
        if (t === 'v' || t === 't') inValue = false;
        else if (t === 'c') row.push(type === 's' ? shared[Number(value)] ?? '' : type === 'b' ? (value === '1' ? 'TRUE' : 'FALSE') : value);
        else if (t === 'row') rows.push(row);
      },
      text: (s) => { if (inValue) value += s; },
    });
    return `## ${names[i] ?? `Sheet${i + 1}`}\n${rows.map((r) => r.join('\t')).join('\n')}`;
  }).join('\n\n');
}


/** A Word document's paragraphs, headings marked with # by their style. */
function docxText(xml: string): string {
  const lines: string[] = [];
  let line = '';
  let level = 0;
  let inText = false;
  walkXml(xml, {
    open: (t, a) => {
      if (t === 'w:p') { line = ''; level = 0; }
      else if (t === 'w:pStyle') {
        const style = a['w:val'] ?? '';
        level = style === 'Title' ? 1 : Number(/^Heading(\d)$/i.exec(style)?.[1] ?? 0);
      } else if (t === 'w:t') inText = true;
      else if (t === 'w:tab') line += '\t';
      else if (t === 'w:br') line += '\n';
    },
    close: (t) => {
      if (t === 'w:t') inText = false;
      else if (t === 'w:p') lines.push(level && line.trim() ? `${'#'.repeat(Math.min(level, 6))} ${line.trim()}` : line);
    },
    text: (s) => { if (inText) line += s; },
  });
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** A slide's title (its title placeholder's text) and the rest of its text. */
function slideParts(xml: string): { title: string; body: string } {
  let title = '';
  let body = '';
  let depth = 0;
  let shapeIsTitle = false;
  let inText = false;
  let buf = '';
  walkXml(xml, {
    open: (t, a) => {
      if (t === 'p:sp') { depth++; shapeIsTitle = false; buf = ''; }
      else if (t === 'p:ph' && /^(title|ctrTitle)$/.test(a.type ?? '')) shapeIsTitle = true;
      else if (t === 'a:t') inText = true;
      else if (t === 'a:br') buf += '\n';
    },
    close: (t) => {
      if (t === 'a:t') inText = false;
      else if (t === 'a:p') buf += '\n';
      else if (t === 'p:sp') {
        depth--;
        if (shapeIsTitle && !title) title = buf.trim().replace(/\s*\n\s*/g, ' ');
        else if (buf.trim()) body += `${buf.trim()}\n`;
      }
    },
    text: (s) => { if (inText) buf += s; },
  });
  return { title, body: body.trim() };
}

/** A presentation slide by slide: "## Slide 2: Title", its text, then its speaker notes. */
function pptxText(files: Record<string, Uint8Array>): string {
  return numbered(files, /^ppt\/slides\/slide(\d+)\.xml$/).map((f, i) => {
    const { title, body } = slideParts(decode(files[f]));
    // The notes page a slide links to (its relationships name it), read without the slide image placeholder.
    const rels = files[f.replace('slides/', 'slides/_rels/').replace(/\.xml$/, '.xml.rels')];
    const target = rels ? /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(decode(rels))?.[1] : undefined;
    const notesXml = target && files[`ppt/notesSlides/${target}`] ? decode(files[`ppt/notesSlides/${target}`]) : undefined;
    const notes = notesXml ? slideParts(notesXml.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?type="sldImg"[\s\S]*?<\/p:sp>/g, '')).body.replace(/^\d+$/m, '').trim() : '';
    return [`## Slide ${i + 1}${title ? `: ${title}` : ''}`, body, notes ? `Notes: ${notes}` : ''].filter(Boolean).join('\n');
  }).join('\n\n');
}

/** The text of a docx, pptx or xlsx file. */
export function officeText(bytes: Uint8Array, kind: 'docx' | 'pptx' | 'xlsx'): string | undefined {
  const files = unzipSync(bytes, { filter: (f) => /^(word\/document|ppt\/(slides|notesSlides)\/\w+|ppt\/slides\/_rels\/slide\d+\.xml|xl\/(sharedStrings|workbook|worksheets\/sheet\d+))(\.xml|\.rels)?$/.test(f.name) });
  if (kind === 'docx') return files['word/document.xml'] ? docxText(decode(files['word/document.xml'])) : undefined;
  if (kind === 'pptx') return pptxText(files);
  return xlsxText(files);
}
