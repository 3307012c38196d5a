// documents_create_presentation: a deck from an outline (a title and bullets per slide, speaker notes), made with
// pptxgenjs (MIT) on a plain master whose title and body are real placeholders, so PowerPoint, files_read and
// screen readers see titles as titles; or on a template .pptx from the drive (template.ts); saved to the drive.
import { z } from 'zod';
import { ToolError } from '../define-tool.js';
import { Conflict, ItemInput, itemPath, saveFile } from '../drives.js';
import { deckOnTemplate } from './template.js';
import { ownerTool } from '../owner.js';
import { List, Text } from '../shapes.js';
import { DOCS, fileName, Folder, Saved, saved, savedLine } from './shared.js';

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const Slide = z.object({ title: Text(200, { min: 1 }), bullets: List(Text(500), 12).optional(), notes: Text(4000).optional().describe('Speaker notes') });

export const createPresentation = ownerTool(DOCS, {
  name: 'documents_create_presentation',
  title: 'Create a presentation',
  description: 'A PowerPoint deck from an outline: per slide a title, bullets and speaker notes. Saved to a drive folder.',
  kind: 'write',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: {
    folder: Folder,
    name: fileName('pptx'),
    slides: List(Slide, 60, { min: 1 }).describe('The first slide is the title slide'),
    template: ItemInput('A .pptx in the same drive whose design to use (path or id)').optional(),
    conflict: Conflict,
  },
  output: Saved,
  handler: async (a, { graph, signal }, d) => {
    if (a.template) {
      const t = await graph.download(`${itemPath(d.root, a.template)}/content`, { signal });
      const bytes = new Uint8Array(await new Response(t.body).arrayBuffer());
      let deck: Buffer;
      try {
        deck = deckOnTemplate(bytes, a.slides);
      } catch (e) {
        throw new ToolError(`${a.template} cannot serve as a template (${(e as Error).message}); give a .pptx, or leave out template for a plain deck.`);
      }
      return saved(await saveFile(graph, d.root, a.folder, a.name, deck, PPTX, a.conflict, signal));
    }
    // A CommonJS package: its class is the module's default export at run time, whatever its typings say.
    const PptxGenJS = (await import('pptxgenjs')).default as unknown as new () => import('pptxgenjs').default;
    const pres = new PptxGenJS();
    pres.layout = 'LAYOUT_WIDE';
    pres.defineSlideMaster({
      title: 'OUTLINE',
      objects: [
        { placeholder: { options: { name: 'title', type: 'title', x: 0.6, y: 0.4, w: 12.1, h: 1.1, fontSize: 32, bold: true }, text: '' } },
        { placeholder: { options: { name: 'body', type: 'body', x: 0.6, y: 1.7, w: 12.1, h: 5.2, fontSize: 20 }, text: '' } },
      ],
    });
    for (const s of a.slides) {
      const slide = pres.addSlide({ masterName: 'OUTLINE' });
      slide.addText(s.title, { placeholder: 'title' });
      if (s.bullets?.length) slide.addText(s.bullets.map((b) => ({ text: b, options: { bullet: true, breakLine: true } })), { placeholder: 'body' });
      if (s.notes) slide.addNotes(s.notes);
    }
    const bytes = (await pres.write({ outputType: 'nodebuffer' })) as Buffer;
    return saved(await saveFile(graph, d.root, a.folder, a.name, bytes, PPTX, a.conflict, signal));
  },
  text: savedLine,
});

export default [createPresentation];
