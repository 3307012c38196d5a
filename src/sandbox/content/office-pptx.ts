// PowerPoint files for seed data, as PowerPoint lays them out: a slide master with title and body placeholders and
// text styles, two layouts ("Title Slide", "Title and Content") whose placeholders the slides fill, a theme (its
// name, accent colour and fonts are the design a template carries), speaker notes on a notes master. Also a
// template (.potx): the same package whose main part is a template. Byte-for-byte the same on every start.

import { zip } from './office-files.js';

const PML = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const DML = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const OREL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PPT = 'application/vnd.openxmlformats-officedocument.presentationml';
const NS = `xmlns:a="${DML}" xmlns:r="${OREL}" xmlns:p="${PML}"`;
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELS = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${OREL}/${type}" Target="${target}"/>`;
const rels = (...r: string[]) => `${RELS}${r.join('')}</Relationships>`;
const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
const GROUP = '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>';
const CLR_MAP = 'bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"';
const xfrm = (x: number, y: number, cx: number, cy: number) => `<a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>`;
const paras = (lines: string[]) => (lines.length ? lines : ['']).map((t) => (t ? `<a:p><a:r><a:rPr lang="en-US"/><a:t>${esc(t)}</a:t></a:r></a:p>` : '<a:p><a:endParaRPr lang="en-US"/></a:p>')).join('');

/** A placeholder shape: where it sits (empty: inherited from the layout or master) and its text, if any. */
const placeholder = (id: number, name: string, ph: string, at = '', lines?: string[], listStyle = '') =>
  `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${ph}</p:nvPr></p:nvSpPr><p:spPr>${at}</p:spPr>${lines ? `<p:txBody><a:bodyPr/><a:lstStyle>${listStyle}</a:lstStyle>${paras(lines)}</p:txBody>` : ''}</p:sp>`;
/** A title slide's text: centred, the subtitle without bullets. */
const CENTRED = '<a:lvl1pPr algn="ctr"><a:defRPr sz="5400"/></a:lvl1pPr>';
const SUBTITLE = '<a:lvl1pPr marL="0" indent="0" algn="ctr"><a:buNone/><a:defRPr sz="2400"/></a:lvl1pPr>';

export interface DeckDesign {
  /** The theme's name, as PowerPoint's Design tab shows it. */
  theme?: string;
  /** The first accent colour (titles use it), RRGGBB. */
  accent?: string;
  /** Heading and body font. */
  font?: string;
  /** A template (.potx) rather than a presentation. */
  template?: boolean;
}

function theme(d: Required<Omit<DeckDesign, 'template'>>): string {
  const solid = (c: string) => `<a:solidFill><a:srgbClr val="${c}"/></a:solidFill>`;
  const accents = [d.accent, 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'].map((c, i) => `<a:accent${i + 1}><a:srgbClr val="${c}"/></a:accent${i + 1}>`).join('');
  const font = (f: string) => `<a:latin typeface="${esc(f)}"/><a:ea typeface=""/><a:cs typeface=""/>`;
  return `${HEAD}<a:theme xmlns:a="${DML}" name="${esc(d.theme)}"><a:themeElements><a:clrScheme name="${esc(d.theme)}"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F3864"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>${accents}<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="${esc(d.theme)}"><a:majorFont>${font(d.font)}</a:majorFont><a:minorFont>${font(d.font)}</a:minorFont></a:fontScheme><a:fmtScheme name="${esc(d.theme)}"><a:fillStyleLst>${solid('FFFFFF').repeat(3)}</a:fillStyleLst><a:lnStyleLst>${`<a:ln w="6350">${solid('000000')}</a:ln>`.repeat(3)}</a:lnStyleLst><a:effectStyleLst>${'<a:effectStyle><a:effectLst/></a:effectStyle>'.repeat(3)}</a:effectStyleLst><a:bgFillStyleLst>${solid('FFFFFF').repeat(3)}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`;
}

/** The master: where titles and bodies go on every layout, and how their text looks (titles in the accent colour). */
function master(): string {
  const level = (n: number, size: number) => `<a:lvl${n}pPr marL="${228600 + (n - 1) * 457200}" indent="-228600"><a:buFont typeface="Arial"/><a:buChar char="&#8226;"/><a:defRPr sz="${size}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl${n}pPr>`;
  const styles = `<p:txStyles><p:titleStyle><a:lvl1pPr><a:defRPr sz="4000"><a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:latin typeface="+mj-lt"/></a:defRPr></a:lvl1pPr></p:titleStyle><p:bodyStyle>${level(1, 2400)}${level(2, 2000)}</p:bodyStyle><p:otherStyle><a:lvl1pPr><a:defRPr sz="1800"/></a:lvl1pPr></p:otherStyle></p:txStyles>`;
  const tree = `${GROUP}${placeholder(2, 'Title Placeholder 1', '<p:ph type="title"/>', xfrm(838200, 365125, 10515600, 1325563), ['Click to edit Master title style'])}${placeholder(3, 'Text Placeholder 2', '<p:ph type="body" idx="1"/>', xfrm(838200, 1825625, 10515600, 4351338), ['Click to edit Master text styles'])}`;
  return `${HEAD}<p:sldMaster ${NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>${tree}</p:spTree></p:cSld><p:clrMap ${CLR_MAP}/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/><p:sldLayoutId id="2147483650" r:id="rId2"/></p:sldLayoutIdLst>${styles}</p:sldMaster>`;
}

const LAYOUTS = [
  { name: 'Title Slide', type: 'title', tree: `${placeholder(2, 'Title 1', '<p:ph type="ctrTitle"/>', xfrm(1524000, 1122363, 9144000, 2387600), ['Click to edit Master title style'], CENTRED)}${placeholder(3, 'Subtitle 2', '<p:ph type="subTitle" idx="1"/>', xfrm(1524000, 3602038, 9144000, 1655762), ['Click to edit Master subtitle style'], SUBTITLE)}` },
  { name: 'Title and Content', type: 'obj', tree: `${placeholder(2, 'Title 1', '<p:ph type="title"/>', '', ['Click to edit Master title style'])}${placeholder(3, 'Content Placeholder 2', '<p:ph idx="1"/>', '', ['Click to edit Master text styles'])}` },
];
const layout = (l: (typeof LAYOUTS)[number]) => `${HEAD}<p:sldLayout ${NS} type="${l.type}" preserve="1"><p:cSld name="${l.name}"><p:spTree>${GROUP}${l.tree}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`;

/** The notes page: the slide's picture above its notes. */
const NOTES_MASTER = `${HEAD}<p:notesMaster ${NS}><p:cSld><p:spTree>${GROUP}${placeholder(2, 'Slide Image Placeholder 1', '<p:ph type="sldImg" idx="2"/>', xfrm(685800, 1143000, 5486400, 3086100))}${placeholder(3, 'Notes Placeholder 2', '<p:ph type="body" sz="quarter" idx="3"/>', xfrm(685800, 4400550, 5486400, 3600450), ['Click to edit Master text styles'])}</p:spTree></p:cSld><p:clrMap ${CLR_MAP}/></p:notesMaster>`;

/** A deck: the first slide on the "Title Slide" layout (its lines the subtitle), the others title and bullets. */
export function pptx(slides: { title: string; lines: string[]; notes?: string[] }[], design: DeckDesign = {}): Buffer {
  const d = { theme: design.theme ?? 'Contoso', accent: design.accent ?? '0078D4', font: design.font ?? 'Calibri' };
  const notes = slides.flatMap((s, i) => (s.notes?.length ? [i] : []));
  const notesRel = `rId${slides.length + 3}`;
  const slideXml = (s: (typeof slides)[number], i: number) => {
    const shapes = i === 0
      ? `${placeholder(2, 'Title 1', '<p:ph type="ctrTitle"/>', '', [s.title])}${s.lines.length ? placeholder(3, 'Subtitle 2', '<p:ph type="subTitle" idx="1"/>', '', s.lines) : ''}`
      : `${placeholder(2, 'Title 1', '<p:ph type="title"/>', '', [s.title])}${placeholder(3, 'Content Placeholder 2', '<p:ph idx="1"/>', '', s.lines)}`;
    return `${HEAD}<p:sld ${NS}><p:cSld><p:spTree>${GROUP}${shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`;
  };
  const notesXml = (s: (typeof slides)[number]) => `${HEAD}<p:notes ${NS}><p:cSld><p:spTree>${GROUP}${placeholder(2, 'Slide Image Placeholder 1', '<p:ph type="sldImg"/>')}${placeholder(3, 'Notes Placeholder 2', '<p:ph type="body" idx="1"/>', '', s.notes)}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`;
  const types = [
    override('/ppt/presentation.xml', `${PPT}.${design.template ? 'template' : 'presentation'}.main+xml`),
    override('/ppt/slideMasters/slideMaster1.xml', `${PPT}.slideMaster+xml`),
    ...LAYOUTS.map((_, i) => override(`/ppt/slideLayouts/slideLayout${i + 1}.xml`, `${PPT}.slideLayout+xml`)),
    override('/ppt/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml'),
    ...slides.map((_, i) => override(`/ppt/slides/slide${i + 1}.xml`, `${PPT}.slide+xml`)),
    ...(notes.length ? [override('/ppt/notesMasters/notesMaster1.xml', `${PPT}.notesMaster+xml`), override('/ppt/theme/theme2.xml', 'application/vnd.openxmlformats-officedocument.theme+xml')] : []),
    ...notes.map((i) => override(`/ppt/notesSlides/notesSlide${i + 1}.xml`, `${PPT}.notesSlide+xml`)),
  ];
  const presentation = `${HEAD}<p:presentation ${NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>${notes.length ? `<p:notesMasterIdLst><p:notesMasterId r:id="${notesRel}"/></p:notesMasterIdLst>` : ''}${slides.length ? `<p:sldIdLst>${slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 3}"/>`).join('')}</p:sldIdLst>` : ''}<p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`;
  return zip([
    { name: '[Content_Types].xml', data: `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${types.join('')}</Types>` },
    { name: '_rels/.rels', data: rels(rel('rId1', 'officeDocument', 'ppt/presentation.xml')) },
    { name: 'ppt/presentation.xml', data: presentation },
    { name: 'ppt/_rels/presentation.xml.rels', data: rels(rel('rId1', 'slideMaster', 'slideMasters/slideMaster1.xml'), rel('rId2', 'theme', 'theme/theme1.xml'), ...slides.map((_, i) => rel(`rId${i + 3}`, 'slide', `slides/slide${i + 1}.xml`)), ...(notes.length ? [rel(notesRel, 'notesMaster', 'notesMasters/notesMaster1.xml')] : [])) },
    { name: 'ppt/slideMasters/slideMaster1.xml', data: master() },
    { name: 'ppt/slideMasters/_rels/slideMaster1.xml.rels', data: rels(...LAYOUTS.map((_, i) => rel(`rId${i + 1}`, 'slideLayout', `../slideLayouts/slideLayout${i + 1}.xml`)), rel(`rId${LAYOUTS.length + 1}`, 'theme', '../theme/theme1.xml')) },
    ...LAYOUTS.flatMap((l, i) => [
      { name: `ppt/slideLayouts/slideLayout${i + 1}.xml`, data: layout(l) },
      { name: `ppt/slideLayouts/_rels/slideLayout${i + 1}.xml.rels`, data: rels(rel('rId1', 'slideMaster', '../slideMasters/slideMaster1.xml')) },
    ]),
    { name: 'ppt/theme/theme1.xml', data: theme(d) },
    ...(notes.length
      ? [
          { name: 'ppt/notesMasters/notesMaster1.xml', data: NOTES_MASTER },
          { name: 'ppt/notesMasters/_rels/notesMaster1.xml.rels', data: rels(rel('rId1', 'theme', '../theme/theme2.xml')) },
          { name: 'ppt/theme/theme2.xml', data: theme({ ...d, theme: 'Office Theme' }) },
        ]
      : []),
    ...slides.flatMap((s, i) => [
      { name: `ppt/slides/slide${i + 1}.xml`, data: slideXml(s, i) },
      { name: `ppt/slides/_rels/slide${i + 1}.xml.rels`, data: rels(rel('rId1', 'slideLayout', `../slideLayouts/slideLayout${i === 0 ? 1 : 2}.xml`), ...(s.notes?.length ? [rel('rId2', 'notesSlide', `../notesSlides/notesSlide${i + 1}.xml`)] : [])) },
      ...(s.notes?.length
        ? [
            { name: `ppt/notesSlides/notesSlide${i + 1}.xml`, data: notesXml(s) },
            { name: `ppt/notesSlides/_rels/notesSlide${i + 1}.xml.rels`, data: rels(rel('rId1', 'notesMaster', '../notesMasters/notesMaster1.xml'), rel('rId2', 'slide', `../slides/slide${i + 1}.xml`)) },
          ]
        : []),
    ]),
  ]);
}
