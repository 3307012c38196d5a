// A deck from an outline in the design of a template (.pptx or .potx): the template's slides are taken out, its
// master, layouts and theme kept, and each outline slide added on the template's own layouts ("Title Slide" first,
// then "Title and Content"), filling their placeholders so the template's fonts, colours and positions apply.
// Speaker notes go on the template's notes master, or on one made here from its theme. Plain XML over ./opc.ts.
import { attrs, escapeXml, OfficePackage, REL } from './opc.js';

export type OutlineSlide = { title: string; bullets?: string[]; notes?: string };

const PPT = 'application/vnd.openxmlformats-officedocument.presentationml';
const NS = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`;
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const GROUP = '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>';

/** Why a template cannot be used: the tool tells the caller, who picks another file. */
export class TemplateProblem extends Error {}

type Placeholder = { type: string; idx?: string };
type Layout = { part: string; type: string; name: string; title?: Placeholder; body?: Placeholder };

/** The placeholders of a layout that take a title and a body (a subtitle on a title layout). */
function readLayout(pkg: OfficePackage, part: string): Layout {
  const xml = pkg.text(part);
  const root = attrs(/<p:sldLayout\b[^>]*>/.exec(xml)?.[0] ?? '');
  const name = attrs(/<p:cSld\b[^>]*>/.exec(xml)?.[0] ?? '').name ?? '';
  const phs = [...xml.matchAll(/<p:ph\b[^>]*>/g)].map((m) => attrs(m[0])).map((a) => ({ type: a.type ?? 'obj', ...(a.idx ? { idx: a.idx } : {}) }));
  return {
    part, name, type: root.type ?? 'cust',
    title: phs.find((p) => p.type === 'title' || p.type === 'ctrTitle'),
    body: phs.find((p) => p.type === 'subTitle') ?? phs.find((p) => p.type === 'body' || p.type === 'obj'),
  };
}

const ph = (p: Placeholder) => `<p:ph${p.type === 'obj' ? '' : ` type="${p.type}"`}${p.idx ? ` idx="${escapeXml(p.idx)}"` : ''}/>`;
const paragraphs = (lines: string[]) => lines.map((t) => `<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>${escapeXml(t)}</a:t></a:r></a:p>`).join('');
const lines = (texts: string[]) => texts.flatMap((t) => t.split(/\r?\n/));
const shape = (id: number, name: string, place: Placeholder, text: string[], locks = '<a:spLocks noGrp="1"/>') =>
  `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name} ${id - 1}"/><p:cNvSpPr>${locks}</p:cNvSpPr><p:nvPr>${ph(place)}</p:nvPr></p:nvSpPr><p:spPr/>${text.length ? `<p:txBody><a:bodyPr/><a:lstStyle/>${paragraphs(text)}</p:txBody>` : ''}</p:sp>`;

function slideXml(s: OutlineSlide, layout: Layout): string {
  const title = shape(2, 'Title', layout.title!, lines([s.title]));
  const body = s.bullets?.length && layout.body ? shape(3, layout.body.type === 'subTitle' ? 'Subtitle' : 'Content Placeholder', layout.body, lines(s.bullets)) : '';
  return `${HEAD}<p:sld ${NS}><p:cSld><p:spTree>${GROUP}${title}${body}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`;
}

const notesXml = (notes: string) =>
  `${HEAD}<p:notes ${NS}><p:cSld><p:spTree>${GROUP}${shape(2, 'Slide Image Placeholder', { type: 'sldImg' }, [], '<a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/>')}${shape(3, 'Notes Placeholder', { type: 'body', idx: '1' }, lines([notes]))}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`;

/** A notes master for a template without one: the slide's picture above the notes, on a copy of the deck's theme. */
function addNotesMaster(pkg: OfficePackage, main: string, master: string, pres: string): string {
  const size = attrs(/<p:notesSz\b[^>]*>/.exec(pres)?.[0] ?? '');
  const [cx, cy] = [Number(size.cx) || 6858000, Number(size.cy) || 9144000];
  const box = (x: number, y: number, w: number, h: number) => `<a:xfrm><a:off x="${Math.round(cx * x)}" y="${Math.round(cy * y)}"/><a:ext cx="${Math.round(cx * w)}" cy="${Math.round(cy * h)}"/></a:xfrm>`;
  const place = (id: number, name: string, p: string, at: string, text = '') =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${p}</p:nvPr></p:nvSpPr><p:spPr>${at}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>${text ? `<p:txBody><a:bodyPr/><a:lstStyle/>${paragraphs([text])}</p:txBody>` : ''}</p:sp>`;
  const style = '<p:notesStyle><a:lvl1pPr marL="0" algn="l" defTabSz="914400"><a:defRPr sz="1200" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr></p:notesStyle>';
  const clrMap = /<p:clrMap\b[^>]*>/.exec(pkg.text(master))?.[0] ?? '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>';
  const part = pkg.freshName('ppt/notesMasters/notesMaster', '.xml');
  pkg.set(part, `${HEAD}<p:notesMaster ${NS}><p:cSld><p:spTree>${GROUP}${place(2, 'Slide Image Placeholder 1', '<p:ph type="sldImg" idx="2"/>', box(0.1, 0.125, 0.8, 0.3375))}${place(3, 'Notes Placeholder 2', '<p:ph type="body" sz="quarter" idx="3"/>', box(0.1, 0.48125, 0.8, 0.39375), 'Click to edit Master text styles')}</p:spTree></p:cSld>${clrMap.replace(/\/?>$/, '/>')}${style}</p:notesMaster>`);
  pkg.setContentType(part, `${PPT}.notesMaster+xml`);
  // Each master has its own theme part: the slide master's, copied.
  const theme = pkg.targets(master, 'theme')[0];
  if (!theme) throw new TemplateProblem('its slide master has no theme');
  const copy = pkg.freshName('ppt/theme/theme', '.xml');
  pkg.set(copy, pkg.bytes(theme));
  pkg.setContentType(copy, 'application/vnd.openxmlformats-officedocument.theme+xml');
  pkg.setRels(part, []);
  pkg.addRel(part, 'theme', copy);
  const id = pkg.addRel(main, 'notesMaster', part);
  return pres.replace(/<\/p:sldMasterIdLst>/, `</p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="${id}"/></p:notesMasterIdLst>`);
}

/** The deck's bytes: the outline on the template's design. Throws TemplateProblem for a file that is no template. */
export function deckFromTemplate(template: Uint8Array, slides: OutlineSlide[]): Uint8Array {
  let pkg: OfficePackage;
  try {
    pkg = new OfficePackage(template);
  } catch {
    throw new TemplateProblem('it is not a PowerPoint file (.pptx or .potx)');
  }
  const main = pkg.targets('', 'officeDocument')[0];
  const mainType = main ? pkg.contentType(main) ?? '' : '';
  if (!main || !pkg.has(main) || !/presentationml\.(presentation|template|slideshow)\.main\+xml$/.test(mainType)) {
    throw new TemplateProblem(/macroEnabled/i.test(mainType) ? 'it has macros; save it as a .potx or .pptx first' : 'it is not a PowerPoint file (.pptx or .potx)');
  }
  // A template becomes a presentation; a signature would no longer hold, nor the picture of the template's first
  // slide or its title in the file's properties; the template's slides go.
  pkg.setContentType(main, `${PPT}.presentation.main+xml`);
  pkg.removeRels('', /^(digital-signature|origin|thumbnail)$/);
  const core = pkg.targets('', 'core-properties')[0];
  if (core && pkg.has(core)) pkg.set(core, pkg.text(core).replace(/<dc:title\b[^>]*\/>|<dc:title\b[\s\S]*?<\/dc:title>/, ''));
  pkg.removeRels(main, /^slide$/);
  let pres = pkg.text(main)
    .replace(/<p:sldIdLst\b[^>]*\/>|<p:sldIdLst\b[\s\S]*?<\/p:sldIdLst>/, '')
    .replace(/<p:custShowLst\b[\s\S]*?<\/p:custShowLst>/, '')
    .replace(/<p:ext uri="\{521415D9-36F7-43E2-AB2F-B90AF26B5E84\}">[\s\S]*?<\/p:ext>/, ''); // sections, which name slides
  pkg.removeUnreachable();

  const masterId = attrs(/<p:sldMasterId\b[^>]*>/.exec(pres)?.[0] ?? '')['r:id'];
  const master = masterId ? pkg.target(main, masterId) : undefined;
  if (!master || !pkg.has(master)) throw new TemplateProblem('it has no slide master');
  const layouts = pkg.targets(master, 'slideLayout').filter((p) => pkg.has(p)).map((p) => readLayout(pkg, p));
  const usable = (l: Layout) => !!l.title && !!l.body;
  const content = layouts.find((l) => l.type === 'obj' && usable(l)) ?? layouts.find((l) => l.type === 'tx' && usable(l)) ?? layouts.find((l) => usable(l) && l.body!.type !== 'subTitle');
  if (!content) throw new TemplateProblem('none of its layouts has a title and a content placeholder');
  const opening = layouts.find((l) => l.type === 'title' && usable(l)) ?? content;

  let notesMaster = pkg.target(main, attrs(/<p:notesMasterId\b[^>]*>/.exec(pres)?.[0] ?? '')['r:id'] ?? '');
  if (slides.some((s) => s.notes) && !(notesMaster && pkg.has(notesMaster))) {
    pres = addNotesMaster(pkg, main, master, pres);
    notesMaster = pkg.targets(main, 'notesMaster')[0];
  }

  const ids = slides.map((s, i) => {
    const layout = i === 0 && (!s.bullets?.length || opening.body) ? opening : content;
    const part = pkg.freshName('ppt/slides/slide', '.xml');
    pkg.set(part, slideXml(s, layout));
    pkg.setContentType(part, `${PPT}.slide+xml`);
    pkg.setRels(part, []);
    pkg.addRel(part, 'slideLayout', layout.part);
    if (s.notes && notesMaster) {
      const notes = pkg.freshName('ppt/notesSlides/notesSlide', '.xml');
      pkg.set(notes, notesXml(s.notes));
      pkg.setContentType(notes, `${PPT}.notesSlide+xml`);
      pkg.setRels(notes, []);
      pkg.addRel(notes, 'notesMaster', notesMaster);
      pkg.addRel(notes, 'slide', part);
      pkg.addRel(part, 'notesSlide', notes);
    }
    return `<p:sldId id="${256 + i}" r:id="${pkg.addRel(main, 'slide', part)}"/>`;
  });
  // The slide list sits after the masters' lists and before the slide size (the schema's order).
  const list = `<p:sldIdLst>${ids.join('')}</p:sldIdLst>`;
  pres = /<p:sldSz\b/.test(pres) ? pres.replace(/<p:sldSz\b/, `${list}<p:sldSz`) : pres.replace(/<p:notesSz\b/, `${list}<p:notesSz`);
  pkg.set(main, pres);
  if (pkg.has('docProps/app.xml')) {
    const app = pkg.text('docProps/app.xml').replace(/<Slides>\d*<\/Slides>/, `<Slides>${slides.length}</Slides>`).replace(/<Notes>\d*<\/Notes>/, `<Notes>${slides.filter((s) => s.notes).length}</Notes>`);
    pkg.set('docProps/app.xml', app);
  }
  return pkg.zip();
}
