// Graph's CSDL property tables and documented samples, from the committed fixtures (test/fixtures/graph-reference/,
// written by `npm run reference` from Graph's metadata), enough to check the sandbox's output against the real schema:
// entity, complex and enum types, their base types, properties with EDM types and nullability, navigation names.
// The tests read the fixtures, never the reference files themselves, so that they pass in a clone with nothing beside it.
import fs from 'node:fs';

const FIXTURES = new URL('../fixtures/graph-reference/', import.meta.url);
const REFRESH = 'add it to scripts/reference.mjs and run `npm run reference`';

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
  /** Takes dynamic properties besides its own (Planner's assignments, checklist and references). */
  openType?: boolean;
}

export class Csdl {
  private constructor(private readonly types: Map<string, CsdlType>) {}

  static load(): Csdl {
    const tables = readFixture<Record<string, FixtureType>>('types.json');
    const types = new Map<string, CsdlType>();
    for (const [name, t] of Object.entries(tables)) {
      const properties = Object.entries(t.properties ?? {}).map(([prop, p]) => ({ name: prop, type: p.collection ? `Collection(${p.type})` : p.type, nullable: p.nullable }));
      types.set(name, { kind: t.kind, name, baseType: t.baseType, properties, navigation: t.navigation ?? [], members: t.members, flags: t.flags, openType: t.openType });
    }
    return new Csdl(types);
  }

  type(qualified: string): CsdlType | undefined {
    return this.types.get(qualified);
  }

  /** The type's properties including those of its base types (entity, directoryObject, ...). */
  properties(qualified: string): Map<string, CsdlProperty> {
    if (!this.types.has(qualified)) throw new Error(`${qualified} is not in the reference fixtures: ${REFRESH}`);
    const out = new Map<string, CsdlProperty>();
    for (let t = this.type(qualified); t; t = t.baseType ? this.type(t.baseType) : undefined) {
      for (const p of t.properties) if (!out.has(p.name)) out.set(p.name, p);
    }
    return out;
  }

  /** The type or one of its base types is open. */
  isOpen(qualified: string): boolean {
    for (let t = this.type(qualified); t; t = t.baseType ? this.type(t.baseType) : undefined) if (t.openType) return true;
    return false;
  }

  /** A dynamic property of an open type: checked against the type its @odata.type names, if it names one. */
  private dynamic(value: unknown, path: string): string | null {
    const named = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)['@odata.type'] : undefined;
    if (typeof named !== 'string') return null;
    const type = named.replace(/^#/, '');
    if (!this.type(type)) return `${path}: @odata.type ${named} is not a type of the reference fixtures`;
    return this.mismatch({ name: path, type, nullable: false }, value, path);
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
      const m = p ? this.mismatch(p, v, k) : this.isOpen(type) ? this.dynamic(v, k) : `${k}: not a property of ${type}`;
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
      if (!member && !this.isOpen(prop.type)) return `${path}.${k}: not a property of ${prop.type}`;
      const m = member ? this.mismatch(member, v, `${path}.${k}`) : this.dynamic(v, `${path}.${k}`);
      if (m) return m;
    }
    return null;
  }
}

/** A type as types.json holds it: its own properties (the base type's are under the base type). */
interface FixtureType {
  kind: CsdlType['kind'];
  baseType?: string;
  properties?: Record<string, { type: string; collection: boolean; nullable: boolean }>;
  navigation?: string[];
  members?: string[];
  flags?: boolean;
  openType?: boolean;
}

function readFixture<T>(file: string): T {
  return JSON.parse(fs.readFileSync(new URL(file, FIXTURES), 'utf8')) as T;
}

export interface DocSample {
  request: { url: string; method: string };
  response: { statusCode: number; headers?: { name: string; value: string }[]; body?: unknown };
}

/** The documented samples of the routes the tests use, by "METHOD /path" (relative to /v1.0, `*` for ids and
 *  literals); null where the documentation has none. */
export type DocSamples = Record<string, DocSample['response'] | null>;

export function loadSamples(): DocSamples {
  return readFixture<DocSamples>('samples.json');
}

/** Whether the documentation has a sample of one v1.0 request (the fixtures record the absence too). */
export function hasSample(samples: DocSamples, method: string, url: string): boolean {
  const route = `${method} ${url}`;
  if (!(route in samples)) throw new Error(`${route} is not in the reference fixtures: ${REFRESH}`);
  return samples[route] !== null;
}

/** The documented sample of one v1.0 request (url relative to /v1.0, `*` for ids). */
export function findSample(samples: DocSamples, method: string, url: string): DocSample {
  if (!hasSample(samples, method, url)) throw new Error(`no documented sample for ${method} ${url}`);
  return { request: { method, url: `https://graph.microsoft.com/v1.0${url}` }, response: samples[`${method} ${url}`]! };
}

/** The documented keys of a route's answer (of its first item for a list), annotations left out. */
export function documentedKeys(samples: DocSamples, method: string, url: string): string[] {
  const body = findSample(samples, method, url).response.body as Record<string, unknown> & { value?: Record<string, unknown>[] };
  return Object.keys(body.value ? body.value[0] : body).filter((k) => !k.startsWith('@'));
}

/** The delegated permissions the Docker deployment guide lists for the app registration. */
export function guidePermissions(): string[] {
  return readFixture<string[]>('guide-permissions.json');
}
