// A recursive-descent parser for $filter. Precedence, loosest first: or, and, not, comparison (eq ne gt ge lt
// le, in), primary (parentheses, literals, function calls, property paths with any()/all() lambdas).
// Operators, function names and true/false/null are case-insensitive, as Graph accepts them.

import { FilterSyntaxError, tokenize, type Token } from './lexer.js';

export type Literal =
  | { kind: 'literal'; type: 'string'; value: string }
  | { kind: 'literal'; type: 'number'; value: number }
  | { kind: 'literal'; type: 'boolean'; value: boolean }
  | { kind: 'literal'; type: 'null'; value: null }
  | { kind: 'literal'; type: 'datetime'; value: string }
  | { kind: 'literal'; type: 'guid'; value: string };

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; operand: Expr }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr }
  | { kind: 'in'; left: Expr; values: Literal[] }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'lambda'; op: 'any' | 'all'; collection: string[]; variable?: string; body?: Expr }
  | { kind: 'path'; segments: string[] }
  | Literal;

const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['startswith', 'endswith', 'contains', 'tolower', 'toupper', 'length', 'trim']);

export function parseFilter(text: string): Expr {
  const p = new Parser(text, tokenize(text));
  const expr = p.orExpr();
  p.expect('eof');
  return expr;
}

class Parser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private fail(t: Token = this.peek()): never {
    throw new FilterSyntaxError(t.pos, this.text);
  }
  expect<K extends Token['kind']>(kind: K): Extract<Token, { kind: K }> {
    const t = this.next();
    if (t.kind !== kind) this.fail(t);
    return t as Extract<Token, { kind: K }>;
  }
  private keyword(word: string): boolean {
    const t = this.peek();
    if (t.kind === 'ident' && t.value.toLowerCase() === word) {
      this.i++;
      return true;
    }
    return false;
  }

  orExpr(): Expr {
    let left = this.andExpr();
    while (this.keyword('or')) left = { kind: 'or', left, right: this.andExpr() };
    return left;
  }

  private andExpr(): Expr {
    let left = this.notExpr();
    while (this.keyword('and')) left = { kind: 'and', left, right: this.notExpr() };
    return left;
  }

  private notExpr(): Expr {
    if (this.keyword('not')) return { kind: 'not', operand: this.notExpr() };
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.primary();
    const t = this.peek();
    if (t.kind !== 'ident') return left;
    const word = t.value.toLowerCase();
    if (COMPARE_OPS.has(word)) {
      this.i++;
      return { kind: 'compare', op: word as CompareOp, left, right: this.primary() };
    }
    if (word === 'in') {
      this.i++;
      this.expect('(');
      const values: Literal[] = [];
      do {
        const v = this.primary();
        if (v.kind !== 'literal') this.fail();
        values.push(v);
      } while (this.peek().kind === ',' && this.next());
      this.expect(')');
      return { kind: 'in', left, values };
    }
    return left;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case '(': {
        const inner = this.orExpr();
        this.expect(')');
        return inner;
      }
      case 'string':
        return { kind: 'literal', type: 'string', value: t.value };
      case 'number':
        return { kind: 'literal', type: 'number', value: t.value };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: t.value };
      case 'guid':
        return { kind: 'literal', type: 'guid', value: t.value };
      case 'ident':
        return this.identifier(t);
      default:
        return this.fail(t);
    }
  }

  private identifier(t: Extract<Token, { kind: 'ident' }>): Expr {
    const lower = t.value.toLowerCase();
    if (lower === 'true' || lower === 'false') return { kind: 'literal', type: 'boolean', value: lower === 'true' };
    if (lower === 'null') return { kind: 'literal', type: 'null', value: null };
    if (this.peek().kind === '(') {
      if (!FUNCTIONS.has(lower)) this.fail(t);
      this.next();
      const args: Expr[] = [];
      if (this.peek().kind !== ')') {
        do args.push(this.orExpr());
        while (this.peek().kind === ',' && this.next());
      }
      this.expect(')');
      return { kind: 'call', name: lower, args };
    }
    const segments = [t.value];
    while (this.peek().kind === '/') {
      this.next();
      const seg = this.expect('ident');
      const op = seg.value.toLowerCase();
      if ((op === 'any' || op === 'all') && this.peek().kind === '(') return this.lambda(segments, op);
      segments.push(seg.value);
    }
    return { kind: 'path', segments };
  }

  private lambda(collection: string[], op: 'any' | 'all'): Expr {
    this.expect('(');
    if (this.peek().kind === ')') {
      this.next();
      if (op === 'all') this.fail();
      return { kind: 'lambda', op, collection };
    }
    const variable = this.expect('ident').value;
    this.expect(':');
    const body = this.orExpr();
    this.expect(')');
    return { kind: 'lambda', op, collection, variable, body };
  }
}
