// What makes an Office package open in Office, checked on bytes a test got back: every relationship leads to a part
// that is there, every part has a content type, and a deck's slide list names slides. Plus the facts tests read
// from a deck: which layout (by name) each slide is on, and the theme.
import { strFromU8, unzipSync } from 'fflate';

export type Parts = Record<string, string>;

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const resolve = (from: string, target: string) => {
  const out: string[] = [];
  for (const seg of (target.startsWith('/') ? target.slice(1) : from.slice(0, from.lastIndexOf('/') + 1) + target).split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return decodeURI(out.join('/'));
};

/** The package's XML parts as text (binary parts as empty strings). */
export function unpack(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, /\.(xml|rels)$/.test(k) ? strFromU8(v) : '']));
}

/** The relationships of a part: id, the type's last word, and the part it leads to. */
export function relsOf(parts: Parts, part: string): { id: string; kind: string; to: string; external: boolean }[] {
  const i = part.lastIndexOf('/') + 1;
  const file = `${part.slice(0, i)}_rels/${part.slice(i)}.rels`;
  return [...(parts[file] ?? '').matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => ({
    id: attr(tag, 'Id')!, kind: attr(tag, 'Type')!.split('/').pop()!, to: resolve(part, attr(tag, 'Target')!), external: attr(tag, 'TargetMode') === 'External',
  }));
}

/** What would keep Office from opening the package (empty when nothing does). */
export function packageProblems(parts: Parts): string[] {
  const problems: string[] = [];
  const types = parts['[Content_Types].xml'] ?? '';
  if (!types) return ['no [Content_Types].xml'];
  const overrides = new Set([...types.matchAll(/<Override\b[^>]*>/g)].map(([t]) => attr(t, 'PartName')!.toLowerCase()));
  const defaults = new Set([...types.matchAll(/<Default\b[^>]*>/g)].map(([t]) => attr(t, 'Extension')!.toLowerCase()));
  const names = new Set(Object.keys(parts).map((n) => `/${n.toLowerCase()}`));
  for (const o of overrides) if (!names.has(o)) problems.push(`content type for a missing part ${o}`);
  for (const name of Object.keys(parts)) {
    if (name.endsWith('/') || name === '[Content_Types].xml') continue;
    if (!overrides.has(`/${name.toLowerCase()}`) && !defaults.has(name.split('.').pop()!.toLowerCase())) problems.push(`no content type for ${name}`);
    const owner = /^(.*?)_rels\/(.*)\.rels$/.exec(name);
    if (!owner) continue;
    for (const r of relsOf(parts, owner[1] + owner[2])) if (!r.external && !(r.to in parts)) problems.push(`${name} ${r.id} leads to a missing ${r.to}`);
  }
  const main = relsOf(parts, '').find((r) => r.kind === 'officeDocument')?.to;
  if (!main) return [...problems, 'no main part'];
  const rels = relsOf(parts, main);
  for (const [, id] of (parts[main] ?? '').matchAll(/<p:sldId\b[^>]*r:id="([^"]+)"/g)) {
    if (rels.find((r) => r.id === id)?.kind !== 'slide') problems.push(`slide list names ${id}, not a slide`);
  }
  return problems;
}

/** A deck's slides in order, each with its layout's name. */
export function slideLayouts(parts: Parts): string[] {
  const main = relsOf(parts, '').find((r) => r.kind === 'officeDocument')!.to;
  const rels = relsOf(parts, main);
  return [...parts[main].matchAll(/<p:sldId\b[^>]*r:id="([^"]+)"/g)].map(([, id]) => {
    const slide = rels.find((r) => r.id === id)!.to;
    const layout = relsOf(parts, slide).find((r) => r.kind === 'slideLayout')!.to;
    return attr(/<p:cSld\b[^>]*>/.exec(parts[layout])![0], 'name') ?? '';
  });
}
