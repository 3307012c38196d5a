// documents_create_presentation: a deck from an outline (a title and bullets per slide, speaker notes), saved to the
// drive. Without a template, pptxgenjs (MIT) makes it on plain masters whose title and body are real placeholders,
// so PowerPoint, files_read and screen readers see titles as titles; with a template (.pptx or .potx in the same
// drive), ./template-deck.ts lays the outline on the template's own layouts and theme.
import { z } from 'zod';
import type { GraphReader } from '../../graph/client.js';
import { GraphError } from '../../graph/errors.js';
import { readCapped } from '../content/file-output.js';
import { ToolError } from '../define-tool.js';
import { Conflict, ItemInput, itemPath, saveFile } from '../drives.js';
import { ownerTool } from '../owner.js';
import { List, Text } from '../shapes.js';
import { OfficePackage } from './opc.js';
import { DOCS, fileName, Folder, Saved, saved, savedLine } from './shared.js';

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
/** A template larger than this is refused (decks with much media); the deck made from it is about its size. */
const MAX_TEMPLATE = 50 * 1024 * 1024;
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
    template: ItemInput('A .potx or .pptx in drive whose design is used: path or id').optional(),
    conflict: Conflict,
  },
  output: Saved,
  handler: async (a, { graph, signal }, d) => {
    const bytes = a.template ? await fromTemplate(graph, itemPath(d.root, a.template), a.template, d.label, a.slides, signal) : await plainDeck(a.slides);
    return saved(await saveFile(graph, d.root, a.folder, a.name, bytes, PPTX, a.conflict, signal));
  },
  text: savedLine,
});

type Outline = z.output<typeof Slide>[];

/** The outline on the design of the template at Graph path `at` (`given` as the caller named it). */
async function fromTemplate(graph: GraphReader, at: string, given: string, where: string, slides: Outline, signal: AbortSignal): Promise<Uint8Array> {
  const download = await graph.download(`${at}/content`, { signal }).catch((e: unknown) => {
    // Said here, as the folder's and the template's paths are both the caller's and only this one is read.
    if (e instanceof GraphError && (e.status === 404 || (e.status === 400 && /folder/i.test(e.graphMessage)))) {
      throw new ToolError(`The template ${given} is not a file in ${where} (Graph ${e.code}). Give its path from the drive root like /Templates/brand.potx, or an id from files_list; files_list with a query finds it.`);
    }
    throw e;
  });
  const file = await readCapped(download.body, MAX_TEMPLATE, `The template ${given} is over 50 MB; use a smaller .potx or .pptx.`);
  const { deckFromTemplate, TemplateProblem } = await import('./template-deck.js');
  try {
    return deckFromTemplate(file, slides);
  } catch (e) {
    if (e instanceof TemplateProblem) throw new ToolError(`${given} cannot be used as a template: ${e.message}. Give another .potx or .pptx, or leave out template for a plain deck.`);
    throw e;
  }
}

/** The outline on pptxgenjs's plain 16:9 masters: a title slide (title and subtitle), then title and bullets. */
async function plainDeck(slides: Outline): Promise<Uint8Array> {
  // A CommonJS package: its class is the module's default export at run time, whatever its typings say.
  const PptxGenJS = (await import('pptxgenjs')).default as unknown as new () => import('pptxgenjs').default;
  const pres = new PptxGenJS();
  pres.layout = 'LAYOUT_WIDE';
  pres.defineSlideMaster({
    title: 'TITLE',
    objects: [
      { placeholder: { options: { name: 'title', type: 'title', x: 1.2, y: 2.2, w: 10.9, h: 1.6, fontSize: 40, bold: true, align: 'center' }, text: '' } },
      { placeholder: { options: { name: 'body', type: 'body', x: 1.2, y: 4.0, w: 10.9, h: 1.2, fontSize: 22, align: 'center' }, text: '' } },
    ],
  });
  pres.defineSlideMaster({
    title: 'OUTLINE',
    objects: [
      { placeholder: { options: { name: 'title', type: 'title', x: 0.6, y: 0.4, w: 12.1, h: 1.1, fontSize: 32, bold: true }, text: '' } },
      { placeholder: { options: { name: 'body', type: 'body', x: 0.6, y: 1.7, w: 12.1, h: 5.2, fontSize: 20 }, text: '' } },
    ],
  });
  slides.forEach((s, i) => {
    const opening = i === 0;
    const slide = pres.addSlide({ masterName: opening ? 'TITLE' : 'OUTLINE' });
    slide.addText(s.title, { placeholder: 'title' });
    if (s.bullets?.length) slide.addText(s.bullets.map((b) => ({ text: b, options: { bullet: !opening, breakLine: true } })), { placeholder: 'body' });
    if (s.notes) slide.addNotes(s.notes);
  });
  const pkg = new OfficePackage((await pres.write({ outputType: 'nodebuffer' })) as Buffer);
  pkg.removeUnreachable();
  return pkg.zip();
}

export default [createPresentation];
