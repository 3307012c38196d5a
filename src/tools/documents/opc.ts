// An Office package (Open Packaging Conventions: a ZIP of XML parts tied by relationships) opened for editing: its
// parts by name, each part's relationships, the content types, and the removal of every part nothing reaches any
// more, as PowerPoint itself drops them on save. fflate unzips and zips again.
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';

export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPES = '[Content_Types].xml';

export type Rel = { id: string; type: string; target: string; external: boolean };

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => ESC[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);

/** The attributes of one XML start tag (whatever their order or quotes). */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3]);
  return out;
}

const dirOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);

/** A relationship's target as a part name: relative to the source part's folder, or absolute from the package root. */
export function resolvePart(from: string, target: string): string {
  const path = decodeURI(target.split('#')[0]);
  const out: string[] = [];
  for (const seg of (path.startsWith('/') ? path.slice(1) : dirOf(from) + path).split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return out.join('/');
}

/** The target that leads from part `from` to part `to`, relative as Office writes it. */
export function relativeTarget(from: string, to: string): string {
  const a = dirOf(from).split('/').filter(Boolean);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return `${'../'.repeat(a.length - i)}${b.slice(i).join('/')}`;
}

export class OfficePackage {
  private readonly files: Record<string, Uint8Array>;

  /** Throws when the bytes are not a ZIP with content types. */
  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes);
    if (!this.files[TYPES]) throw new Error('not an Office package');
  }

  has(part: string): boolean { return part in this.files; }
  text(part: string): string { return strFromU8(this.files[part]); }
  bytes(part: string): Uint8Array { return this.files[part]; }
  set(part: string, content: string | Uint8Array): void { this.files[part] = typeof content === 'string' ? strToU8(content) : content; }

  private relsPart(part: string): string { return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`; }

  /** The relationships of a part ('' for the package's own). */
  rels(part: string): Rel[] {
    const file = this.relsPart(part);
    if (!this.files[file]) return [];
    return [...this.text(file).matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
      const a = attrs(m[0]);
      return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' };
    });
  }

  setRels(part: string, rels: Rel[]): void {
    const items = rels.map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`);
    this.set(this.relsPart(part), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}">${items.join('')}</Relationships>`);
  }

  /** The parts a part points to by relationships of a kind (the type's last word: slide, slideLayout, theme). */
  targets(part: string, kind: string): string[] {
    return this.rels(part).filter((r) => !r.external && r.type.endsWith(`/${kind}`)).map((r) => resolvePart(part, r.target));
  }

  /** The part a relationship id of `part` leads to. */
  target(part: string, id: string): string | undefined {
    const r = this.rels(part).find((x) => x.id === id && !x.external);
    return r ? resolvePart(part, r.target) : undefined;
  }

  /** Adds a relationship of `part` to `to` under a fresh id, returned. */
  addRel(part: string, kind: string, to: string): string {
    const rels = this.rels(part);
    const taken = new Set(rels.map((r) => r.id));
    let n = rels.length + 1;
    while (taken.has(`rId${n}`)) n++;
    this.setRels(part, [...rels, { id: `rId${n}`, type: `${REL}/${kind}`, target: relativeTarget(part, to), external: false }]);
    return `rId${n}`;
  }

  removeRels(part: string, kind: RegExp): void {
    this.setRels(part, this.rels(part).filter((r) => !kind.test(r.type.slice(r.type.lastIndexOf('/') + 1))));
  }

  /** The first free name like ppt/slides/slide7.xml. */
  freshName(prefix: string, ext: string): string {
    let n = 1;
    while (this.files[`${prefix}${n}${ext}`]) n++;
    return `${prefix}${n}${ext}`;
  }

  /** The content type the package declares for a part (its override, else its extension's default). */
  contentType(part: string): string | undefined {
    const types = this.text(TYPES);
    const tags = [...types.matchAll(/<(Override|Default)\b[^>]*>/g)].map((m): Record<string, string> => ({ kind: m[1], ...attrs(m[0]) }));
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    return (tags.find((t) => t.kind === 'Override' && t.PartName?.toLowerCase() === `/${part.toLowerCase()}`) ?? tags.find((t) => t.kind === 'Default' && t.Extension?.toLowerCase() === ext))?.ContentType;
  }

  setContentType(part: string, type: string): void {
    const types = this.withoutOverride(this.text(TYPES), part);
    this.set(TYPES, types.replace('</Types>', `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/></Types>`));
  }

  private withoutOverride(types: string, part: string): string {
    return types.replace(/<Override\b[^>]*>/g, (tag) => (attrs(tag).PartName?.toLowerCase() === `/${part.toLowerCase()}` ? '' : tag));
  }

  /** Drops every part no relationship reaches from the package's root, with its relationships and content type, and
   *  content types declared for parts that are not there (pptxgenjs declares a master per layout). */
  removeUnreachable(): void {
    const reached = new Set<string>();
    const walk = (part: string) => {
      for (const r of this.rels(part)) {
        if (r.external) continue;
        const to = resolvePart(part, r.target);
        if (!reached.has(to) && this.files[to]) {
          reached.add(to);
          walk(to);
        }
      }
    };
    walk('');
    let types = this.text(TYPES);
    for (const name of Object.keys(this.files)) {
      if (name === TYPES || name === '_rels/.rels' || name.endsWith('/') || reached.has(name)) continue;
      const owner = /^(.*?)_rels\/([^/]+)\.rels$/.exec(name);
      if (owner && reached.has(owner[1] + owner[2])) continue;
      delete this.files[name];
    }
    const present = new Set(Object.keys(this.files).map((n) => `/${n.toLowerCase()}`));
    types = types.replace(/<Override\b[^>]*>/g, (tag) => (present.has(attrs(tag).PartName?.toLowerCase() ?? '') ? tag : ''));
    this.set(TYPES, types);
  }

  /** The package zipped: content types first, pictures and media stored as they are (already compressed). */
  zip(): Uint8Array {
    const ordered: Zippable = { [TYPES]: this.files[TYPES] };
    for (const [name, data] of Object.entries(this.files)) {
      if (name === TYPES || name.endsWith('/')) continue;
      ordered[name] = /\.(png|jpe?g|gif|mp4|m4a|mp3|wmv|wav|emf|wdp|ttf|odttf|fntdata)$/i.test(name) ? [data, { level: 0 }] : data;
    }
    return zipSync(ordered, { level: 6 });
  }
}
