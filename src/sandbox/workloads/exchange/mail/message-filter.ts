// $filter and $orderby on messages, as Outlook serves them: property paths into complex values
// (from/emailAddress/address, flag/flagStatus), any() over categories and recipients, startswith/contains on
// strings, date ranges, case-insensitive strings. And Exchange's rule for combining the two: the properties of
// $orderby must open the $filter, in the same order, or the request fails with InefficientFilter.

import type { Mailbox, Recipient, StoredMessage } from './model.js';
import { parseFilter, type CompareOp, type Expr, type Literal } from '../../../odata/filter-parser.js';
import { FilterSyntaxError } from '../../../odata/lexer.js';
import { inefficientFilter, invalidFilter, parseUri, unknownMessageProperty } from '../errors.js';

type Kind = 'string' | 'boolean' | 'datetime' | 'enum';
interface Field {
  name: string;
  kind: Kind;
  sortable: boolean;
  read(box: Mailbox, m: StoredMessage): unknown;
}

const addr = (r: Recipient | null) => r?.emailAddress.address ?? null;
const name = (r: Recipient | null) => r?.emailAddress.name ?? null;
const IMPORTANCE_RANK: Record<string, number> = { low: 0, normal: 1, high: 2 };

const FIELDS: Field[] = [
  { name: 'id', kind: 'string', sortable: false, read: (_b, m) => m.id },
  { name: 'subject', kind: 'string', sortable: true, read: (_b, m) => m.subject },
  { name: 'isRead', kind: 'boolean', sortable: true, read: (_b, m) => m.isRead },
  { name: 'isDraft', kind: 'boolean', sortable: true, read: (_b, m) => m.isDraft },
  { name: 'hasAttachments', kind: 'boolean', sortable: true, read: (_b, m) => m.attachments.some((a) => !a.isInline) },
  { name: 'isReadReceiptRequested', kind: 'boolean', sortable: false, read: (_b, m) => m.isReadReceiptRequested },
  { name: 'isDeliveryReceiptRequested', kind: 'boolean', sortable: false, read: (_b, m) => m.isDeliveryReceiptRequested },
  { name: 'importance', kind: 'enum', sortable: true, read: (_b, m) => m.importance },
  { name: 'inferenceClassification', kind: 'enum', sortable: true, read: (_b, m) => m.inferenceClassification },
  { name: 'receivedDateTime', kind: 'datetime', sortable: true, read: (_b, m) => m.receivedDateTime },
  { name: 'sentDateTime', kind: 'datetime', sortable: true, read: (_b, m) => m.sentDateTime },
  { name: 'createdDateTime', kind: 'datetime', sortable: true, read: (_b, m) => m.createdDateTime },
  { name: 'lastModifiedDateTime', kind: 'datetime', sortable: true, read: (_b, m) => m.lastModifiedDateTime },
  { name: 'conversationId', kind: 'string', sortable: true, read: (b, m) => b.conversationIdOf(m) },
  { name: 'internetMessageId', kind: 'string', sortable: false, read: (_b, m) => m.internetMessageId },
  { name: 'parentFolderId', kind: 'string', sortable: false, read: (_b, m) => m.folderId },
  { name: 'from/emailAddress/address', kind: 'string', sortable: true, read: (_b, m) => addr(m.from) },
  { name: 'from/emailAddress/name', kind: 'string', sortable: true, read: (_b, m) => name(m.from) },
  { name: 'sender/emailAddress/address', kind: 'string', sortable: true, read: (_b, m) => addr(m.sender) },
  { name: 'sender/emailAddress/name', kind: 'string', sortable: true, read: (_b, m) => name(m.sender) },
  { name: 'flag/flagStatus', kind: 'enum', sortable: true, read: (_b, m) => m.flag.flagStatus },
];

const COLLECTIONS: Record<string, { element: 'string' | 'recipient'; read(m: StoredMessage): unknown[] }> = {
  categories: { element: 'string', read: (m) => m.categories },
  toRecipients: { element: 'recipient', read: (m) => m.toRecipients },
  ccRecipients: { element: 'recipient', read: (m) => m.ccRecipients },
  bccRecipients: { element: 'recipient', read: (m) => m.bccRecipients },
  replyTo: { element: 'recipient', read: (m) => m.replyTo },
};

const OPS: Record<Kind, string[]> = {
  string: ['eq', 'ne'],
  boolean: ['eq', 'ne'],
  enum: ['eq', 'ne'],
  datetime: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
};
const EDM: Record<string, string> = { string: 'Edm.String', boolean: 'Edm.Boolean', datetime: 'Edm.DateTimeOffset', enum: 'Edm.String', number: 'Edm.Int32', guid: 'Edm.Guid', null: 'null' };
const OP_KIND: Record<CompareOp, string> = { eq: 'Equal', ne: 'NotEqual', gt: 'GreaterThan', ge: 'GreaterThanOrEqual', lt: 'LessThan', le: 'LessThanOrEqual' };
const MIRROR: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

type Pred = (m: StoredMessage, vars: Record<string, unknown>) => boolean;
interface Operand {
  kind: Kind;
  read: (m: StoredMessage, vars: Record<string, unknown>) => unknown;
}
interface Env {
  box: Mailbox;
  vars: Map<string, 'string' | 'recipient'>;
  seen: string[];
}

export interface MessageFilter {
  test(m: StoredMessage): boolean;
  /** Properties in the order they first appear, for the $orderby rule. */
  properties: string[];
}

export function compileMessageFilter(raw: string, box: Mailbox): MessageFilter {
  let expr: Expr;
  try {
    expr = parseFilter(raw);
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw parseUri(e.message);
    throw e;
  }
  const env: Env = { box, vars: new Map(), seen: [] };
  const pred = compile(expr, env);
  return { test: (m) => pred(m, {}), properties: [...new Set(env.seen.map((s) => s.toLowerCase()))] };
}

function compile(e: Expr, env: Env): Pred {
  switch (e.kind) {
    case 'and':
    case 'or': {
      const [l, r] = [compile(e.left, env), compile(e.right, env)];
      return e.kind === 'and' ? (m, v) => l(m, v) && r(m, v) : (m, v) => l(m, v) || r(m, v);
    }
    case 'not': {
      const inner = compile(e.operand, env);
      return (m, v) => !inner(m, v);
    }
    case 'compare':
      return compare(e.op, e.left, e.right, env);
    case 'in': {
      const o = operand(e.left, env);
      if (o.kind !== 'string' && o.kind !== 'enum') throw invalidFilter();
      const values = e.values.map((v) => literal(o, v, 'eq'));
      return (m, v) => values.some((x) => norm(o.read(m, v), o.kind) === x);
    }
    case 'call': {
      if ((e.name !== 'startswith' && e.name !== 'contains') || e.args.length !== 2) throw invalidFilter();
      const o = operand(e.args[0], env);
      const arg = e.args[1];
      if (o.kind !== 'string' || arg.kind !== 'literal' || arg.type !== 'string') throw invalidFilter();
      const needle = arg.value.toLowerCase();
      return (m, v) => {
        const s = o.read(m, v);
        return typeof s === 'string' && (e.name === 'startswith' ? s.toLowerCase().startsWith(needle) : s.toLowerCase().includes(needle));
      };
    }
    case 'lambda': {
      const coll = Object.keys(COLLECTIONS).find((k) => k.toLowerCase() === e.collection.join('/').toLowerCase());
      if (!coll) throw unknownMessageProperty(e.collection.join('/'));
      env.seen.push(coll);
      const spec = COLLECTIONS[coll];
      if (!e.body || !e.variable) return (m) => spec.read(m).length > 0;
      const variable = e.variable;
      const body = compile(e.body, { ...env, vars: new Map(env.vars).set(variable, spec.element) });
      return (m, v) => {
        const list = spec.read(m);
        const test = (el: unknown) => body(m, { ...v, [variable]: el });
        return e.op === 'any' ? list.some(test) : list.every(test);
      };
    }
    case 'path': {
      const o = operand(e, env);
      if (o.kind !== 'boolean') throw invalidFilter();
      return (m, v) => o.read(m, v) === true;
    }
    default:
      throw invalidFilter();
  }
}

function compare(op: CompareOp, left: Expr, right: Expr, env: Env): Pred {
  if (left.kind === 'literal' && right.kind !== 'literal') [left, right, op] = [right, left, MIRROR[op]];
  const o = operand(left, env);
  if (right.kind !== 'literal') throw invalidFilter();
  if (right.type === 'null') {
    if (op !== 'eq' && op !== 'ne') throw invalidFilter();
    return (m, v) => (o.read(m, v) === null) === (op === 'eq');
  }
  if (!OPS[o.kind].includes(op)) throw invalidFilter();
  const lit = literal(o, right, op);
  return (m, v) => {
    const x = norm(o.read(m, v), o.kind);
    if (op === 'eq') return x === lit;
    if (op === 'ne') return x !== lit;
    if (x === null) return false;
    const [a, b] = [x as number, lit as number];
    return op === 'gt' ? a > b : op === 'ge' ? a >= b : op === 'lt' ? a < b : a <= b;
  };
}

function operand(e: Expr, env: Env): Operand {
  if (e.kind !== 'path') throw invalidFilter();
  const [head, ...rest] = e.segments;
  const bound = env.vars.get(head);
  if (bound === 'string' && rest.length === 0) return { kind: 'string', read: (_m, v) => v[head] ?? null };
  if (bound === 'recipient' && rest.length === 2 && rest[0].toLowerCase() === 'emailaddress' && /^(address|name)$/i.test(rest[1])) {
    const key = rest[1].toLowerCase() as 'address' | 'name';
    return { kind: 'string', read: (_m, v) => (v[head] as Recipient | undefined)?.emailAddress[key] ?? null };
  }
  const path = e.segments.join('/');
  const field = FIELDS.find((f) => f.name.toLowerCase() === path.toLowerCase());
  if (!field) throw unknownMessageProperty(path);
  env.seen.push(field.name);
  return { kind: field.kind, read: (m) => field.read(env.box, m) };
}

function literal(o: Operand, lit: Literal, op: CompareOp): unknown {
  const ok =
    ((o.kind === 'string' || o.kind === 'enum') && (lit.type === 'string' || lit.type === 'guid')) ||
    (o.kind === 'boolean' && lit.type === 'boolean') ||
    (o.kind === 'datetime' && lit.type === 'datetime');
  if (!ok) {
    throw parseUri(
      `A binary operator with incompatible types was detected. Found operand types '${EDM[o.kind]}' and '${EDM[lit.type]}' for operator kind '${OP_KIND[op]}'.`,
    );
  }
  if (o.kind === 'datetime') return Date.parse((lit.value as string).length === 10 ? `${lit.value}T00:00:00Z` : (lit.value as string));
  return typeof lit.value === 'string' ? lit.value.toLowerCase() : lit.value;
}

function norm(v: unknown, kind: Kind): unknown {
  if (v === null || v === undefined) return null;
  if (kind === 'datetime') return Date.parse(v as string);
  return typeof v === 'string' ? v.toLowerCase() : v;
}

export interface SortKey {
  field: Field;
  desc: boolean;
}

export function parseMessageOrderBy(raw: string): SortKey[] {
  return raw.split(',').map((part) => {
    const m = /^\s*([\w/]+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw parseUri(`Syntax error at position 0 in '${part.trim()}'.`);
    const field = FIELDS.find((f) => f.name.toLowerCase() === m[1].toLowerCase());
    if (!field) throw unknownMessageProperty(m[1]);
    if (!field.sortable) throw parseUri(`The property '${field.name}' cannot be used in the $orderby query option.`);
    return { field, desc: m[2]?.toLowerCase() === 'desc' };
  });
}

/** Exchange's rule: $orderby properties must be the first properties of $filter, in the same order. */
export function checkFilterOrder(filter: MessageFilter, keys: SortKey[]): void {
  const wanted = keys.map((k) => k.field.name.toLowerCase());
  const opening = filter.properties.slice(0, wanted.length);
  if (wanted.some((w, i) => opening[i] !== w)) throw inefficientFilter();
}

export function sortMessages(box: Mailbox, items: StoredMessage[], keys: SortKey[]): StoredMessage[] {
  const rank = (f: Field, m: StoredMessage) => {
    const v = f.read(box, m);
    if (v === null || v === undefined) return null;
    if (f.kind === 'datetime') return Date.parse(v as string);
    if (f.name === 'importance') return IMPORTANCE_RANK[v as string];
    return typeof v === 'string' ? v.toLowerCase() : Number(v);
  };
  const received = FIELDS.find((f) => f.name === 'receivedDateTime')!;
  const all = [...keys, { field: received, desc: true }];
  return [...items].sort((a, b) => {
    for (const k of all) {
      const x = rank(k.field, a);
      const y = rank(k.field, b);
      const c = x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      if (c !== 0) return k.desc ? -c : c;
    }
    return a.id < b.id ? -1 : 1;
  });
}
