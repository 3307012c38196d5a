// A small reader of Graph's CSDL metadata (../shared/graph-reference), enough to check the sandbox's output
// against the real schema: entity and complex types, their base types, properties with EDM types and
// nullability, and navigation property names. A tag scanner, not a general XML parser: the file is
// machine-written, one element per line, attributes in double quotes.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GRAPH_REFERENCE = fileURLToPath(new URL('../../../shared/graph-reference/', import.meta.url));
export const CSDL_PATH = `${GRAPH_REFERENCE}graph-v1.0-metadata.csdl.xml`;
export const SAMPLES_PATH = `${GRAPH_REFERENCE}graph-v1.0-docs-samples.json`;

export interface CsdlProperty {
  name: string;
  /** Qualified, aliases resolved: Edm.String, Collection(microsoft.graph.assignedLicense), ... */
  type: string;
  nullable: boolean;
}

export interface CsdlType {
  kind: 'entity' | 'complex' | 'enum';
  name: string;
  baseType?: string;
  properties: CsdlProperty[];
  navigation: string[];
  /** Enum types: the declared members; `flags` enums take several, comma-separated. */
  members?: string[];
  flags?: boolean;
}

export class Csdl {
  private constructor(private readonly types: Map<string, CsdlType>) {}

  static load(file = CSDL_PATH): Csdl {
    return new Csdl(parse(fs.readFileSync(file, 'utf8')));
  }

  type(qualified: string): CsdlType | undefined {
    return this.types.get(qualified);
  }

  /** The type's properties including those of its base types (entity, directoryObject, ...). */
  properties(qualified: string): Map<string, CsdlProperty> {
    const out = new Map<string, CsdlProperty>();
    for (let t = this.type(qualified); t; t = t.baseType ? this.type(t.baseType) : undefined) {
      for (const p of t.properties) if (!out.has(p.name)) out.set(p.name, p);
    }
    return out;
  }

  navigation(qualified: string): Set<string> {
    const out = new Set<string>();
    for (let t = this.type(qualified); t; t = t.baseType ? this.type(t.baseType) : undefined) t.navigation.forEach((n) => out.add(n));
    return out;
  }

  /** Every problem of one object against a type (annotations and the `skip` keys left out). */
  problems(type: string, obj: Record<string, unknown>, skip: readonly string[] = []): string[] {
    const props = this.properties(type);
    const out: string[] = [];
    for (const [k, v] of Object.entries(obj)) {
      if (k.startsWith('@odata.') || skip.includes(k)) continue;
      const p = props.get(k);
      const m = p ? this.mismatch(p, v, k) : `${k}: not a property of ${type}`;
      if (m) out.push(m);
    }
    return out;
  }

  /** Why a JSON value does not fit a property (or null when it does). Complex values are checked member by member. */
  mismatch(prop: CsdlProperty, value: unknown, path = prop.name): string | null {
    const collection = /^Collection\((.+)\)$/.exec(prop.type);
    if (collection) {
      if (!Array.isArray(value)) return `${path}: expected an array for ${prop.type}, got ${JSON.stringify(value)}`;
      for (const [i, el] of value.entries()) {
        const m = this.mismatch({ name: prop.name, type: collection[1], nullable: false }, el, `${path}[${i}]`);
        if (m) return m;
      }
      return null;
    }
    if (value === null) return prop.nullable ? null : `${path}: null for a non-nullable ${prop.type}`;
    const ok = (cond: boolean) => (cond ? null : `${path}: ${JSON.stringify(value)} is not a ${prop.type}`);
    switch (prop.type) {
      case 'Edm.String':
        return ok(typeof value === 'string');
      case 'Edm.Boolean':
        return ok(typeof value === 'boolean');
      case 'Edm.Int16':
      case 'Edm.Int32':
      case 'Edm.Int64':
        return ok(Number.isInteger(value));
      case 'Edm.Double':
      case 'Edm.Single':
      case 'Edm.Decimal':
        return ok(typeof value === 'number');
      case 'Edm.DateTimeOffset':
        return ok(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value));
      case 'Edm.Date':
        return ok(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
      case 'Edm.Guid':
        return ok(typeof value === 'string' && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value));
      case 'Edm.TimeOfDay':
        return ok(typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,7})?$/.test(value));
      case 'Edm.Duration':
        return ok(typeof value === 'string' && /^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(value));
      case 'Edm.Binary':
        return ok(typeof value === 'string' && /^[A-Za-z0-9+/_-]*={0,2}$/.test(value));
      case 'Edm.Byte':
      case 'Edm.SByte':
        return ok(Number.isInteger(value));
    }
    const t = this.type(prop.type);
    if (!t) return `${path}: unknown type ${prop.type}`;
    if (t.kind === 'enum') {
      if (typeof value !== 'string') return ok(false);
      const given = t.flags ? value.split(',').map((x) => x.trim()) : [value];
      const unknown = given.find((x) => !t.members?.includes(x));
      return unknown === undefined ? null : `${path}: '${unknown}' is not a member of ${prop.type}`;
    }
    if (typeof value !== 'object' || Array.isArray(value)) return `${path}: expected an object of ${prop.type}`;
    const members = this.properties(prop.type);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k.startsWith('@odata.')) continue;
      const member = members.get(k);
      if (!member) return `${path}.${k}: not a property of ${prop.type}`;
      const m = this.mismatch(member, v, `${path}.${k}`);
      if (m) return m;
    }
    return null;
  }
}

function parse(xml: string): Map<string, CsdlType> {
  const types = new Map<string, CsdlType>();
  const aliases = new Map<string, string>();
  // First pass: namespace aliases, so `graph.user` and `self.x` resolve to qualified names.
  for (const m of xml.matchAll(/<Schema\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    if (a.Alias) aliases.set(a.Alias, a.Namespace);
  }
  const qualify = (name: string): string => {
    const coll = /^Collection\((.+)\)$/.exec(name);
    if (coll) return `Collection(${qualify(coll[1])})`;
    const dot = name.indexOf('.');
    const head = name.slice(0, dot);
    return aliases.has(head) ? `${aliases.get(head)}${name.slice(dot)}` : name;
  };
  let namespace = '';
  let current: CsdlType | undefined;
  for (const m of xml.matchAll(/<(\/?)(Schema|EntityType|ComplexType|EnumType|Property|NavigationProperty|Member)\b([^>]*?)(\/?)>/g)) {
    const [, closing, tag, rawAttrs, selfClosing] = m;
    const a = attrs(rawAttrs);
    if (tag === 'Schema') {
      if (!closing) namespace = a.Namespace;
      continue;
    }
    if (tag === 'EntityType' || tag === 'ComplexType' || tag === 'EnumType') {
      if (closing) {
        current = undefined;
        continue;
      }
      const kind = tag === 'EntityType' ? 'entity' : tag === 'ComplexType' ? 'complex' : 'enum';
      const t: CsdlType = { kind, name: `${namespace}.${a.Name}`, baseType: a.BaseType ? qualify(a.BaseType) : undefined, properties: [], navigation: [] };
      if (kind === 'enum') Object.assign(t, { members: [], flags: a.IsFlags === 'true' });
      types.set(t.name, t);
      current = selfClosing ? undefined : t;
      continue;
    }
    if (!current || closing) continue;
    if (tag === 'Member') current.members?.push(a.Name);
    else if (tag === 'Property') current.properties.push({ name: a.Name, type: qualify(a.Type), nullable: a.Nullable !== 'false' });
    else current.navigation.push(a.Name);
  }
  return types;
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/(\w+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

export interface DocSample {
  request: { url: string; method: string };
  response: { statusCode: number; headers?: { name: string; value: string }[]; body?: unknown };
}

/** The documented request/response pairs; URLs use * for ids and literals. */
export function loadSamples(): DocSample[] {
  return (JSON.parse(fs.readFileSync(SAMPLES_PATH, 'utf8')) as { mocks: DocSample[] }).mocks;
}

/** The documented sample of one v1.0 request (url relative to /v1.0, `*` for ids). */
export function findSample(samples: readonly DocSample[], method: string, url: string): DocSample {
  const s = samples.find((x) => x.request.method === method && x.request.url === `https://graph.microsoft.com/v1.0${url}`);
  if (!s) throw new Error(`no documented sample for ${method} ${url}`);
  return s;
}
