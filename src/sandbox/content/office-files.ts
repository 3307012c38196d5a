// Real files for seed data of any workload (mail's attachments, a drive's files), generated without
// dependencies: a one-page PDF, Office Open XML documents (DOCX, XLSX, PPTX: ZIP packages of a few XML parts) and a
// small PNG. Each opens in the usual viewers, and each is byte-for-byte the same on every start (fixed
// timestamps, no randomness).

import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A ZIP archive (deflated entries) with a fixed modification time, as Office packages are. */
export function zip(entries: { name: string; data: string | Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const dosTime = (9 << 11) | (0 << 5); // 09:00:00
  const dosDate = ((2026 - 1980) << 9) | (11 << 5) | 2; // 2026-11-02
  for (const e of entries) {
    const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const packed = deflateRawSync(raw);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
const TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>';

/** A Word document: a title and paragraphs ("- " lines become bullets in spirit, as plain paragraphs). */
export function docx(title: string, paragraphs: string[]): Buffer {
  const para = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para(title, 'Title')}${paragraphs.map((p) => para(p)).join('')}<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  return zip([
    { name: '[Content_Types].xml', data: `${TYPES}<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>` },
    { name: '_rels/.rels', data: `${RELS}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>` },
    { name: 'word/document.xml', data: document },
  ]);
}

/** An Excel workbook with one sheet; strings are inline, numbers numeric, strings starting with = formulas (no
 *  cached result: whoever opens it calculates). Optionally a table over a range and defined names. */
export function xlsx(sheetName: string, rows: (string | number)[][], extra: { table?: { name: string; ref: string; columns: string[] }; names?: Record<string, string> } = {}): Buffer {
  const col = (i: number) => String.fromCharCode(65 + i);
  const cell = (v: string | number, ref: string) =>
    typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : v.startsWith('=') ? `<c r="${ref}"><f>${xmlEscape(v.slice(1))}</f></c>` : `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(v)}</t></is></c>`;
  const sheetData = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(v, `${col(j)}${i + 1}`)).join('')}</row>`).join('');
  const t = extra.table;
  const names = Object.entries(extra.names ?? {});
  const SHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return zip([
    {
      name: '[Content_Types].xml',
      data: `${TYPES}<Override PartName="/xl/workbook.xml" ContentType="${SHEET_CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${SHEET_CT}.worksheet+xml"/>${t ? `<Override PartName="/xl/tables/table1.xml" ContentType="${SHEET_CT}.table+xml"/>` : ''}</Types>`,
    },
    { name: '_rels/.rels', data: `${RELS}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" r:id="rId1"/></sheets>${names.length ? `<definedNames>${names.map(([n, ref]) => `<definedName name="${xmlEscape(n)}">${xmlEscape(ref)}</definedName>`).join('')}</definedNames>` : ''}</workbook>`,
    },
    { name: 'xl/_rels/workbook.xml.rels', data: `${RELS}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${sheetData}</sheetData>${t ? '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>' : ''}</worksheet>`,
    },
    ...(t
      ? [
          { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: `${RELS}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>` },
          {
            name: 'xl/tables/table1.xml',
            data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="${xmlEscape(t.name)}" displayName="${xmlEscape(t.name)}" ref="${t.ref}"><autoFilter ref="${t.ref}"/><tableColumns count="${t.columns.length}">${t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(c)}"/>`).join('')}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
          },
        ]
      : []),
  ]);
}

const PML = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const DML = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const OREL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PPT = 'application/vnd.openxmlformats-officedocument.presentationml';
const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${OREL}/${type}" Target="${target}"/>`;
const emptyTree = '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>';
// The smallest theme PowerPoint accepts: twelve colours, two fonts, three of each style list.
const solid = (c: string) => `<a:solidFill><a:srgbClr val="${c}"/></a:solidFill>`;
const THEME = `<a:theme xmlns:a="${DML}" name="Contoso"><a:themeElements><a:clrScheme name="Contoso"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F3864"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>${['0078D4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'].map((c, i) => `<a:accent${i + 1}><a:srgbClr val="${c}"/></a:accent${i + 1}>`).join('')}<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Contoso"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Contoso"><a:fillStyleLst>${solid('FFFFFF').repeat(3)}</a:fillStyleLst><a:lnStyleLst>${`<a:ln w="6350">${solid('000000')}</a:ln>`.repeat(3)}</a:lnStyleLst><a:effectStyleLst>${'<a:effectStyle><a:effectLst/></a:effectStyle>'.repeat(3)}</a:effectStyleLst><a:bgFillStyleLst>${solid('FFFFFF').repeat(3)}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`;

/** A PowerPoint deck: one slide per entry, each a title and a text box of lines (16:9, one master and layout). */
export function pptx(slides: { title: string; lines: string[]; notes?: string[] }[]): Buffer {
  const box = (id: number, name: string, y: number, h: number, paras: string[], ph?: string) =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr${ph ? '' : ' txBox="1"'}/><p:nvPr>${ph ?? ''}</p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="838200" y="${y}"/><a:ext cx="10515600" cy="${h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>${paras.map((t) => `<a:p><a:r><a:rPr lang="en-US"/><a:t>${xmlEscape(t)}</a:t></a:r></a:p>`).join('')}</p:txBody></p:sp>`;
  const ns = `xmlns:a="${DML}" xmlns:r="${OREL}" xmlns:p="${PML}"`;
  const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;
  const hasNotes = slides.some((sl) => sl.notes?.length);
  const notesRel = `rId${slides.length + 3}`;
  const clrMap = '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>';
  return zip([
    {
      name: '[Content_Types].xml',
      data: `${TYPES}<Override PartName="/ppt/presentation.xml" ContentType="${PPT}.presentation.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="${PPT}.slideMaster+xml"/><Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="${PPT}.slideLayout+xml"/><Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>${slides.map((_, i) => `<Override PartName="/ppt/slides/slide${i + 1}.xml" ContentType="${PPT}.slide+xml"/>`).join('')}${hasNotes ? `<Override PartName="/ppt/notesMasters/notesMaster1.xml" ContentType="${PPT}.notesMaster+xml"/>` : ''}${slides.map((sl, i) => (sl.notes?.length ? `<Override PartName="/ppt/notesSlides/notesSlide${i + 1}.xml" ContentType="${PPT}.notesSlide+xml"/>` : '')).join('')}</Types>`,
    },
    { name: '_rels/.rels', data: `${RELS}${rel('rId1', 'officeDocument', 'ppt/presentation.xml')}</Relationships>` },
    {
      name: 'ppt/presentation.xml',
      data: xml(`<p:presentation ${ns}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>${hasNotes ? `<p:notesMasterIdLst><p:notesMasterId r:id="${notesRel}"/></p:notesMasterIdLst>` : ''}<p:sldIdLst>${slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 3}"/>`).join('')}</p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`),
    },
    { name: 'ppt/_rels/presentation.xml.rels', data: `${RELS}${rel('rId1', 'slideMaster', 'slideMasters/slideMaster1.xml')}${rel('rId2', 'theme', 'theme/theme1.xml')}${slides.map((_, i) => rel(`rId${i + 3}`, 'slide', `slides/slide${i + 1}.xml`)).join('')}${hasNotes ? rel(notesRel, 'notesMaster', 'notesMasters/notesMaster1.xml') : ''}</Relationships>` },
    ...(hasNotes
      ? [
          { name: 'ppt/notesMasters/notesMaster1.xml', data: xml(`<p:notesMaster ${ns}><p:cSld><p:spTree>${emptyTree}</p:spTree></p:cSld>${clrMap}</p:notesMaster>`) },
          { name: 'ppt/notesMasters/_rels/notesMaster1.xml.rels', data: `${RELS}${rel('rId1', 'theme', '../theme/theme1.xml')}</Relationships>` },
        ]
      : []),
    { name: 'ppt/slideMasters/slideMaster1.xml', data: xml(`<p:sldMaster ${ns}><p:cSld><p:spTree>${emptyTree}</p:spTree></p:cSld>${clrMap}<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>`) },
    { name: 'ppt/slideMasters/_rels/slideMaster1.xml.rels', data: `${RELS}${rel('rId1', 'slideLayout', '../slideLayouts/slideLayout1.xml')}${rel('rId2', 'theme', '../theme/theme1.xml')}</Relationships>` },
    { name: 'ppt/slideLayouts/slideLayout1.xml', data: xml(`<p:sldLayout ${ns} type="blank"><p:cSld name="Blank"><p:spTree>${emptyTree}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`) },
    { name: 'ppt/slideLayouts/_rels/slideLayout1.xml.rels', data: `${RELS}${rel('rId1', 'slideMaster', '../slideMasters/slideMaster1.xml')}</Relationships>` },
    { name: 'ppt/theme/theme1.xml', data: xml(THEME) },
    ...slides.flatMap((s, i) => [
      { name: `ppt/slides/slide${i + 1}.xml`, data: xml(`<p:sld ${ns}><p:cSld><p:spTree>${emptyTree}${box(2, 'Title', 365125, 1325563, [s.title], '<p:ph type="title"/>')}${box(3, 'Text', 1825625, 4351338, s.lines)}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`) },
      { name: `ppt/slides/_rels/slide${i + 1}.xml.rels`, data: `${RELS}${rel('rId1', 'slideLayout', '../slideLayouts/slideLayout1.xml')}${s.notes?.length ? rel('rId2', 'notesSlide', `../notesSlides/notesSlide${i + 1}.xml`) : ''}</Relationships>` },
      ...(s.notes?.length
        ? [
            { name: `ppt/notesSlides/notesSlide${i + 1}.xml`, data: xml(`<p:notes ${ns}><p:cSld><p:spTree>${emptyTree}${box(2, 'Notes', 4572000, 3429000, s.notes, '<p:ph type="body" idx="1"/>')}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`) },
            { name: `ppt/notesSlides/_rels/notesSlide${i + 1}.xml.rels`, data: `${RELS}${rel('rId1', 'notesMaster', '../notesMasters/notesMaster1.xml')}${rel('rId2', 'slide', `../slides/slide${i + 1}.xml`)}</Relationships>` },
          ]
        : []),
    ]),
  ]);
}

/** A one-page PDF with lines of text in Helvetica (Latin-1 text only, as the standard fonts allow). */
export function pdf(title: string, lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = [`BT /F1 18 Tf 72 740 Td (${esc(title)}) Tj ET`, ...lines.map((l, i) => `BT /F1 11 Tf 72 ${710 - i * 16} Td (${esc(l)}) Tj ET`)].join('\n');
  const stream = Buffer.from(text, 'latin1');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream.toString('latin1')}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Title (${esc(title)}) /Producer (Contoso sandbox) /CreationDate (D:20261102090000Z) >>`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A small truecolor PNG: horizontal bands of the given colours (a banner for an HTML mail). */
export function png(width: number, height: number, bands: [number, number, number][]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([len, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const [r, g, b] = bands[Math.floor((y * bands.length) / height)];
    for (let x = 0; x < width; x++) raw.set([r, g, b], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
