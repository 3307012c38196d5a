// documents_create_word: a Word document from Markdown (headings, paragraphs, bold, italic and code, links, bullet
// and numbered lists, tables, code blocks), read with marked's lexer and written with docx (both MIT), headings
// as Word's Heading styles so the document has a navigable outline; saved to the drive.
import { z } from 'zod';
import { Conflict, saveFile } from '../drives.js';
import { ownerTool } from '../owner.js';
import { Text } from '../shapes.js';
import { DOCS, fileName, Folder, Saved, saved, savedLine } from './shared.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
type Tok = { type: string; text?: string; depth?: number; tokens?: Tok[]; items?: Tok[]; ordered?: boolean; href?: string; header?: { tokens: Tok[] }[]; rows?: { tokens: Tok[] }[][] };

export const createWord = ownerTool(DOCS, {
  name: 'documents_create_word',
  title: 'Create a Word document',
  description: 'A Word document (.docx) from Markdown: headings, lists, tables, links, bold and italic. Saved to a drive folder.',
  kind: 'write',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: { folder: Folder, name: fileName('docx'), markdown: Text(200_000, { min: 1 }).describe('The content'), conflict: Conflict },
  output: Saved,
  handler: async (a, { graph, signal }, d) => {
    const [docx, { marked }] = await Promise.all([import('docx'), import('marked')]);
    const { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
    type Run = InstanceType<typeof TextRun> | InstanceType<typeof ExternalHyperlink>;
    const LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
    /** Inline tokens as runs, carrying bold, italic and code down to the text. */
    const runs = (tokens: Tok[] | undefined, style: { bold?: boolean; italics?: boolean; code?: boolean } = {}): Run[] =>
      (tokens ?? []).flatMap((t): Run[] => {
        if (t.type === 'strong') return runs(t.tokens, { ...style, bold: true });
        if (t.type === 'em') return runs(t.tokens, { ...style, italics: true });
        if (t.type === 'codespan') return [new TextRun({ text: t.text ?? '', font: 'Consolas', ...style })];
        if (t.type === 'link') return [new ExternalHyperlink({ link: t.href ?? '', children: [new TextRun({ text: t.text ?? '', style: 'Hyperlink', ...style })] })];
        if (t.type === 'br') return [new TextRun({ text: '', break: 1 })];
        if (t.tokens?.length) return runs(t.tokens, style);
        return [new TextRun({ text: (t.text ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"), ...(style.code ? { font: 'Consolas' } : {}), ...style })];
      });
    const blocks = (tokens: Tok[], listLevel = 0): (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] =>
      tokens.flatMap((t) => {
        if (t.type === 'heading') return [new Paragraph({ heading: LEVELS[Math.min(6, t.depth ?? 1) - 1], children: runs(t.tokens) })];
        if (t.type === 'paragraph' || t.type === 'text') return [new Paragraph({ children: runs(t.tokens ?? [t]) })];
        if (t.type === 'code') return (t.text ?? '').split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas' })] }));
        if (t.type === 'blockquote') return blocks(t.tokens ?? [], listLevel);
        if (t.type === 'list') {
          return (t.items ?? []).flatMap((item, i) => {
            const [first, ...rest] = item.tokens ?? [];
            const lead = first ? runs(first.tokens ?? [first]) : [];
            const para = t.ordered ? new Paragraph({ children: [new TextRun(`${i + 1}. `), ...lead], indent: { left: 360 * (listLevel + 1) } }) : new Paragraph({ children: lead, bullet: { level: listLevel } });
            return [para, ...blocks(rest, listLevel + 1)];
          });
        }
        if (t.type === 'table') {
          const row = (cells: { tokens: Tok[] }[], bold: boolean) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: runs(c.tokens, { bold }) })] })) });
          return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(t.header ?? [], true), ...(t.rows ?? []).map((r) => row(r, false))] })];
        }
        if (t.type === 'hr') return [new Paragraph({ thematicBreak: true, children: [] })];
        return [];
      });
    const document = new Document({ sections: [{ children: blocks(marked.lexer(a.markdown) as unknown as Tok[]) }] });
    const bytes = await Packer.toBuffer(document);
    return saved(await saveFile(graph, d.root, a.folder, a.name, bytes, DOCX, a.conflict, signal));
  },
  text: savedLine,
});

export default [createWord];
