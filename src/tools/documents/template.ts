// A deck on a template: the slides of a .pptx from the drive are taken out and the outline's slides put in, each
// on the template's own layouts (its "Title Slide" for the first, its "Title and Content" for the others) with
// title and body placeholders, so the deck has the template's masters, theme and fonts. Notes go on notes pages
// where the template has a notes master. Plain XML over fflate: no library edits a deck in place.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export interface OutlineSlide {
  title: string;
  bullets?: string[];
  notes?: string;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.presentationml';
const tree = '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>';
const para = (t: string) => `<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>${esc(t)}</a:t></a:r></a:p>`;
const shape = (id: number, name: string, ph: string, paras: string[]) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${ph}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>${(paras.length ? paras : ['']).map(para).join('')}</p:txBody></p:sp>`;

/** The template's layouts by kind: title slide and title-and-content, falling back to the first layout. */
function layouts(files: Record<string, Uint8Array>): { title: string; content: string } {
  const all = Object.keys(files).filter((f) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(f)).sort();
  if (!all.length) throw new Error('the template has no slide layouts');
  const typeOf = (f: string) => /<p:sldLayout[^>]*\stype="(\w+)"/.exec(strFromU8(files[f]))?.[1];
  const title = all.find((f) => typeOf(f) === 'title') ?? all[0];
  const content = all.find((f) => typeOf(f) === 'obj') ?? all.find((f) => typeOf(f) === 'tx') ?? all.find((f) => f !== title) ?? all[0];
  return { title: title.split('/').pop()!, content: content.split('/').pop()! };
}

export function deckOnTemplate(template: Uint8Array, slides: OutlineSlide[]): Buffer {
  const files = unzipSync(template);
  const pres = strFromU8(files['ppt/presentation.xml'] ?? new Uint8Array());
  const presRelsPath = 'ppt/_rels/presentation.xml.rels';
  if (!pres || !files[presRelsPath]) throw new Error('the template is not a PowerPoint presentation');
  const { title: titleLayout, content: contentLayout } = layouts(files);
  // The template's own slides (and their notes pages) go.
  for (const f of Object.keys(files)) if (/^ppt\/(slides|notesSlides)\//.test(f)) delete files[f];
  let rels = strFromU8(files[presRelsPath]).replace(/<Relationship [^>]*Type="[^"]*\/slide"[^>]*\/>/g, '');
  let types = strFromU8(files['[Content_Types].xml']).replace(/<Override PartName="\/ppt\/(slides|notesSlides)\/[^"]+"[^>]*\/>/g, '');
  const notesMaster = Object.keys(files).find((f) => /^ppt\/notesMasters\/notesMaster\d+\.xml$/.test(f));
  const ids: string[] = [];
  slides.forEach((s, i) => {
    const n = i + 1;
    const layout = i === 0 ? titleLayout : contentLayout;
    const body = s.bullets?.length ? shape(3, 'Content', '<p:ph idx="1"/>', s.bullets) : '';
    files[`ppt/slides/slide${n}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sld ${NS}><p:cSld><p:spTree>${tree}${shape(2, 'Title', i === 0 ? '<p:ph type="ctrTitle"/>' : '<p:ph type="title"/>', [s.title])}${body}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`);
    const withNotes = !!(s.notes && notesMaster);
    files[`ppt/slides/_rels/slide${n}.xml.rels`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/slideLayout" Target="../slideLayouts/${layout}"/>${withNotes ? `<Relationship Id="rId2" Type="${REL}/notesSlide" Target="../notesSlides/notesSlide${n}.xml"/>` : ''}</Relationships>`);
    types = types.replace('</Types>', `<Override PartName="/ppt/slides/slide${n}.xml" ContentType="${CT}.slide+xml"/>${withNotes ? `<Override PartName="/ppt/notesSlides/notesSlide${n}.xml" ContentType="${CT}.notesSlide+xml"/>` : ''}</Types>`);
    if (withNotes) {
      files[`ppt/notesSlides/notesSlide${n}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:notes ${NS}><p:cSld><p:spTree>${tree}${shape(2, 'Notes', '<p:ph type="body" idx="1"/>', s.notes!.split('\n'))}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`);
      files[`ppt/notesSlides/_rels/notesSlide${n}.xml.rels`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/notesMaster" Target="../notesMasters/${notesMaster!.split('/').pop()}"/><Relationship Id="rId2" Type="${REL}/slide" Target="../slides/slide${n}.xml"/></Relationships>`);
    }
    rels = rels.replace('</Relationships>', `<Relationship Id="rIdOutline${n}" Type="${REL}/slide" Target="slides/slide${n}.xml"/></Relationships>`);
    ids.push(`<p:sldId id="${255 + n}" r:id="rIdOutline${n}"/>`);
  });
  const list = `<p:sldIdLst>${ids.join('')}</p:sldIdLst>`;
  const newPres = /<p:sldIdLst>[\s\S]*?<\/p:sldIdLst>|<p:sldIdLst\/>/.test(pres)
    ? pres.replace(/<p:sldIdLst>[\s\S]*?<\/p:sldIdLst>|<p:sldIdLst\/>/, list)
    : pres.replace(/(<\/p:sldMasterIdLst>(?:<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>)?(?:<p:handoutMasterIdLst>[\s\S]*?<\/p:handoutMasterIdLst>)?)/, `$1${list}`);
  files['ppt/presentation.xml'] = strToU8(newPres);
  files[presRelsPath] = strToU8(rels);
  files['[Content_Types].xml'] = strToU8(types);
  return Buffer.from(zipSync(files));
}
