// Turns a parsed $filter into a predicate over plain objects, checking it against the entity the way
// the service would: unknown properties, operators a property does not take (or takes only in advanced queries),
// and literals of the wrong type are refused with the dialect's error before anything is evaluated.
// String comparisons ignore case, as the directory and Outlook do.

import { findProperty, filterOps, propValue, type EntityType, type FilterOp, type PropSpec, type PropType } from './entity.js';
import type { CompareOp, Expr, Literal } from './filter-parser.js';

type Vars = Record<string, unknown>;
export type Predicate = (item: unknown, vars?: Vars) => boolean;

interface Operand {
  /** Property name as declared (for messages), and its spec. */
  prop: string;
  spec: PropSpec;
  type: PropType;
  read: (item: unknown, vars: Vars) => unknown;
}

interface Env {
  entity: EntityType;
  advanced: boolean;
  /** Bound lambda variables: name -> the collection property whose elements they range over. */
  lambdas: Map<string, { prop: string; spec: PropSpec }>;
  negated: boolean;
}

const EDM: Record<string, string> = {
  string: 'Edm.String', boolean: 'Edm.Boolean', int: 'Edm.Int32', datetime: 'Edm.DateTimeOffset', number: 'Edm.Int32',
  guid: 'Edm.Guid', null: 'null', 'string[]': 'Collection(Edm.String)', object: 'Edm.ComplexType', 'object[]': 'Collection(Edm.ComplexType)',
};
const OP_KIND: Record<CompareOp, string> = { eq: 'Equal', ne: 'NotEqual', gt: 'GreaterThan', ge: 'GreaterThanOrEqual', lt: 'LessThan', le: 'LessThanOrEqual' };
const MIRROR: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };
const FUNCTION_OPS: Record<string, FilterOp> = { startswith: 'startsWith', endswith: 'endsWith', contains: 'contains' };

export function compileFilter(expr: Expr, entity: EntityType, advanced: boolean): Predicate {
  const pred = compile(expr, { entity, advanced, lambdas: new Map(), negated: false });
  return (item, vars = {}) => pred(item, vars);
}

function compile(e: Expr, env: Env): (item: unknown, vars: Vars) => boolean {
  const { dialect } = env.entity;
  switch (e.kind) {
    case 'and': {
      const [l, r] = [compile(e.left, env), compile(e.right, env)];
      return (item, vars) => l(item, vars) && r(item, vars);
    }
    case 'or': {
      const [l, r] = [compile(e.left, env), compile(e.right, env)];
      return (item, vars) => l(item, vars) || r(item, vars);
    }
    case 'not': {
      const inner = compile(e.operand, { ...env, negated: !env.negated });
      return (item, vars) => !inner(item, vars);
    }
    case 'compare':
      return compileCompare(e.op, e.left, e.right, env);
    case 'in': {
      const operand = resolveOperand(e.left, env);
      allow(operand, 'in', env);
      const values = e.values.map((v) => literalFor(operand, v, 'eq', env));
      return (item, vars) => values.some((v) => equal(operand.read(item, vars), v, operand.type));
    }
    case 'call': {
      const op = FUNCTION_OPS[e.name];
      if (!op || e.args.length !== 2) throw dialect.invalidFilter(`The function '${e.name}' is not supported here.`);
      const operand = resolveOperand(e.args[0], env);
      allow(operand, op, env);
      const arg = e.args[1];
      if (arg.kind !== 'literal' || arg.type !== 'string' || operand.type !== 'string') {
        throw dialect.invalidFilter(`The function '${e.name}' takes a string property and a string literal.`);
      }
      const needle = arg.value.toLowerCase();
      const test = op === 'startsWith' ? (s: string) => s.startsWith(needle) : op === 'endsWith' ? (s: string) => s.endsWith(needle) : (s: string) => s.includes(needle);
      return (item, vars) => {
        const v = operand.read(item, vars);
        return typeof v === 'string' && test(v.toLowerCase());
      };
    }
    case 'lambda':
      return compileLambda(e, env);
    case 'path': {
      const operand = resolveOperand(e, env);
      if (operand.type !== 'boolean') throw dialect.invalidFilter(`The property '${operand.prop}' is not a Boolean and cannot stand alone.`);
      allow(operand, 'eq', env);
      return (item, vars) => operand.read(item, vars) === true;
    }
    case 'literal':
      throw dialect.invalidFilter('A filter must compare a property with a value.');
  }
}

function compileCompare(op: CompareOp, left: Expr, right: Expr, env: Env) {
  // OData allows the literal on either side; normalise to property-first.
  if (left.kind === 'literal' && right.kind !== 'literal') [left, right, op] = [right, left, MIRROR[op]];
  const operand = resolveOperand(left, env);
  if (right.kind !== 'literal') throw env.entity.dialect.invalidFilter('A property can only be compared with a literal value.');
  if (right.type === 'null') {
    allow(operand, 'null', env);
    if (op !== 'eq') allow(operand, op, env);
    if (op !== 'eq' && op !== 'ne') throw mismatch(operand, right, op, env);
    return (item: unknown, vars: Vars) => (operand.read(item, vars) === null) === (op === 'eq');
  }
  allow(operand, op, env);
  const value = literalFor(operand, right, op, env);
  return (item: unknown, vars: Vars) => {
    const v = operand.read(item, vars);
    if (op === 'eq') return equal(v, value, operand.type);
    if (op === 'ne') return !equal(v, value, operand.type);
    if (v === null) return false;
    const c = compareValues(v, value, operand.type);
    return op === 'gt' ? c > 0 : op === 'ge' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
  };
}

function compileLambda(e: Extract<Expr, { kind: 'lambda' }>, env: Env) {
  const { entity } = env;
  if (e.collection.length !== 1) throw entity.dialect.unknownProperty(entity, e.collection.join('/'));
  const prop = findProperty(entity, e.collection[0]);
  if (!prop) throw entity.dialect.unknownProperty(entity, e.collection[0]);
  const spec = entity.properties[prop];
  if (spec.type !== 'string[]' && spec.type !== 'object[]') throw entity.dialect.unsupportedFilter(entity, prop, e.op, false);
  allow({ prop, spec, type: spec.type, read: () => null }, e.op, env);
  const read = (item: unknown) => propValue(entity, item, prop);
  if (!e.body || !e.variable) return (item: unknown) => asArray(read(item)).length > 0;
  const lambdas = new Map(env.lambdas).set(e.variable, { prop, spec });
  const body = compile(e.body, { ...env, lambdas });
  const variable = e.variable;
  return (item: unknown, vars: Vars) => {
    const list = asArray(read(item));
    const test = (el: unknown) => body(item, { ...vars, [variable]: el });
    return e.op === 'any' ? list.some(test) : list.every(test);
  };
}

function resolveOperand(e: Expr, env: Env): Operand {
  const { entity } = env;
  // tolower()/toupper() around a property (OneNote's documented way to compare without regard to case): string
  // comparisons here ignore case already, so the property stands for itself.
  if (e.kind === 'call' && (e.name === 'tolower' || e.name === 'toupper') && e.args.length === 1) {
    const inner = resolveOperand(e.args[0], env);
    if (inner.type !== 'string') throw entity.dialect.invalidFilter(`The function '${e.name}' takes a string property.`);
    return inner;
  }
  if (e.kind !== 'path') throw entity.dialect.invalidFilter('Expected a property name.');
  const [first, ...rest] = e.segments;
  const bound = env.lambdas.get(first);
  if (bound) {
    // Elements of a string collection are the value; of an object collection (emailAddresses), one string member.
    if (rest.length !== (bound.spec.type === 'object[]' ? 1 : 0)) throw entity.dialect.unknownProperty(entity, e.segments.join('/'));
    const member = (el: unknown) => (rest.length && el && typeof el === 'object' ? (el as Record<string, unknown>)[rest[0]] : el);
    return { prop: bound.prop, spec: bound.spec, type: 'string', read: (_item, vars) => member(vars[first]) ?? null };
  }
  // An entity may declare a path as a property of its own (a SharePoint list item's `fields/Status`).
  const declaredPath = rest.length ? findProperty(entity, e.segments.join('/')) : undefined;
  if (rest.length && !declaredPath) throw entity.dialect.unknownProperty(entity, e.segments.join('/'));
  const prop = declaredPath ?? findProperty(entity, first);
  if (!prop) throw entity.dialect.unknownProperty(entity, first);
  const spec = entity.properties[prop];
  return { prop, spec, type: spec.type, read: (item) => propValue(entity, item, prop) };
}

function allow(operand: Operand, op: FilterOp, env: Env): void {
  const ops = filterOps(operand.spec);
  const needed: FilterOp[] = env.negated && op !== 'not' ? [op, 'not'] : [op];
  for (const o of needed) {
    if (ops.basic.has(o) || (env.advanced && ops.advanced.has(o))) continue;
    throw env.entity.dialect.unsupportedFilter(env.entity, operand.prop, o, ops.advanced.has(o) && !env.advanced);
  }
}

/** The literal as a comparable value for the operand's type, or the type-mismatch error OData gives. */
function literalFor(operand: Operand, lit: Literal, op: CompareOp, env: Env): unknown {
  const t = operand.type;
  if (t === 'string' && (lit.type === 'string' || lit.type === 'guid')) return String(lit.value).toLowerCase();
  if (t === 'boolean' && lit.type === 'boolean') return lit.value;
  if (t === 'int' && lit.type === 'number') return lit.value;
  if (t === 'datetime' && lit.type === 'datetime') return Date.parse(lit.value.length === 10 ? `${lit.value}T00:00:00Z` : lit.value);
  throw mismatch(operand, lit, op, env);
}

const mismatch = (operand: Operand, lit: Literal, op: CompareOp, env: Env) =>
  env.entity.dialect.invalidFilter(
    `A binary operator with incompatible types was detected. Found operand types '${EDM[operand.type]}' and '${EDM[lit.type]}' for operator kind '${OP_KIND[op]}'.`,
  );

function normalise(v: unknown, type: PropType): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'string' && typeof v === 'string') return v.toLowerCase();
  if (type === 'datetime' && typeof v === 'string') return Date.parse(v);
  return v;
}

const equal = (v: unknown, literal: unknown, type: PropType) => normalise(v, type) === literal;

function compareValues(v: unknown, literal: unknown, type: PropType): number {
  const a = normalise(v, type) as string | number | boolean;
  const b = literal as string | number | boolean;
  return a < b ? -1 : a > b ? 1 : 0;
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
