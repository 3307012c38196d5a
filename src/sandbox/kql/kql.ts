// The Keyword Query Language as Microsoft 365's search indexes read it, once for the sandbox: Exchange's $search
// on messages and Microsoft Search's queryString. Bare words and "phrases" look in a subject's default values;
// restrictions name a property (from:ada, subject:"q3 plan", received>=2026-11-01); AND, OR, NOT (or a leading
// minus) and parentheses combine them, juxtaposition means AND. Words match as prefixes of the words of a value,
// ignoring case and Latin accents; Chinese and Japanese text, written without spaces, matches by substring, as
// the indexes' n-grams do. What a property means is the caller's (a KqlSubject): mail knows from: and
// received>=, files filetype:.

export type KqlNode =
  | { kind: 'and' | 'or'; left: KqlNode; right: KqlNode }
  | { kind: 'not'; operand: KqlNode }
  | { kind: 'term'; text: string; phrase: boolean }
  | { kind: 'restriction'; prop: string; op: string; value: string; phrase: boolean };
type Tok = { kind: 'word'; text: string } | { kind: 'phrase'; text: string } | { kind: '(' } | { kind: ')' };

/** What a query is evaluated against. */
export interface KqlSubject {
  /** The values bare words and phrases look in (subject, body, sender...). */
  defaults: string[];
  /** Whether the restriction holds (a text property through matchesAny, a date through compareDates...). */
  restriction(prop: string, op: string, value: string, phrase: boolean): boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const RESTRICTION = /^([A-Za-z]+)(:|>=|<=|>|<|=)(.*)$/s;

/** The query's tree (null: no words at all); `isProperty` says which names restrict (others are plain words). */
export function parseKql(text: string, isProperty: (name: string) => boolean): KqlNode | null {
  return parse(lex(text), isProperty);
}

export function evaluateKql(n: KqlNode, s: KqlSubject): boolean {
  switch (n.kind) {
    case 'and':
      return evaluateKql(n.left, s) && evaluateKql(n.right, s);
    case 'or':
      return evaluateKql(n.left, s) || evaluateKql(n.right, s);
    case 'not':
      return !evaluateKql(n.operand, s);
    case 'term':
      return matchesAny(s.defaults, n.text, n.phrase);
    case 'restriction':
      return s.restriction(n.prop, n.op, n.value, n.phrase);
  }
}

/** The words and phrases the query looks for (not under NOT): for ranking and highlights. */
export function positiveTerms(n: KqlNode | null, negated = false): string[] {
  if (!n) return [];
  switch (n.kind) {
    case 'and':
    case 'or':
      return [...positiveTerms(n.left, negated), ...positiveTerms(n.right, negated)];
    case 'not':
      return positiveTerms(n.operand, !negated);
    case 'term':
      return negated ? [] : [n.text];
    case 'restriction':
      return [];
  }
}

function lex(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')') {
      out.push(c === '(' ? { kind: '(' } : { kind: ')' });
      i++;
    }
    else if (c === '"') {
      const end = s.indexOf('"', i + 1);
      out.push({ kind: 'phrase', text: s.slice(i + 1, end < 0 ? s.length : end) });
      i = end < 0 ? s.length : end + 1;
    } else {
      const m = /^[^\s()"]+/.exec(s.slice(i))!;
      out.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

function parse(toks: Tok[], isProperty: (name: string) => boolean): KqlNode | null {
  let i = 0;
  const isWord = (w: string) => toks[i]?.kind === 'word' && (toks[i] as { text: string }).text === w;
  const orExpr = (): KqlNode | null => {
    let left = andExpr();
    while (isWord('OR')) {
      i++;
      const right = andExpr();
      if (left && right) left = { kind: 'or', left, right };
      else left = left ?? right;
    }
    return left;
  };
  const andExpr = (): KqlNode | null => {
    let left: KqlNode | null = null;
    while (i < toks.length && toks[i].kind !== ')' && !isWord('OR')) {
      if (isWord('AND')) {
        i++;
        continue;
      }
      const right = unary();
      if (right) left = left ? { kind: 'and', left, right } : right;
    }
    return left;
  };
  const unary = (): KqlNode | null => {
    if (isWord('NOT')) {
      i++;
      const operand = unary();
      return operand ? { kind: 'not', operand } : null;
    }
    const t = toks[i++];
    // A leading minus excludes, as NOT does: -draft, -from:megan.
    if (t.kind === 'word' && /^-[\p{L}\p{N}]/u.test(t.text)) {
      toks[--i] = { kind: 'word', text: t.text.slice(1) };
      const operand = unary();
      return operand ? { kind: 'not', operand } : null;
    }
    if (t.kind === '(') {
      const inner = orExpr();
      if (toks[i]?.kind === ')') i++;
      return inner;
    }
    if (t.kind === ')') return null;
    if (t.kind === 'phrase') return { kind: 'term', text: t.text, phrase: true };
    const m = RESTRICTION.exec(t.text);
    if (m && isProperty(m[1].toLowerCase())) {
      // `subject:"two words"` arrives as the word `subject:` and a phrase.
      if (m[3] === '' && toks[i]?.kind === 'phrase') return { kind: 'restriction', prop: m[1].toLowerCase(), op: m[2], value: (toks[i++] as { text: string }).text, phrase: true };
      return { kind: 'restriction', prop: m[1].toLowerCase(), op: m[2], value: m[3], phrase: false };
    }
    return { kind: 'term', text: t.text, phrase: false };
  };
  return orExpr();
}

export function compareNumbers(x: number, op: string, y: number): boolean {
  if (!Number.isFinite(y)) return false;
  return op === '>' ? x > y : op === '>=' ? x >= y : op === '<' ? x < y : op === '<=' ? x <= y : x === y;
}

/** Dates compare by day: received:2026-11-10 is that whole UTC day, received:a..b a range of days. */
export function compareDates(iso: string | null, op: string, value: string): boolean {
  if (!iso) return false;
  const day = iso.slice(0, 10);
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (range) return day >= range[1] && day <= range[2];
  const d = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  if (!d) return false;
  return op === '>' ? day > d : op === '>=' ? day >= d : op === '<' ? day < d : op === '<=' ? day <= d : day === d;
}

export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function words(s: string): string[] {
  return fold(s).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}

export function matchesAny(values: string[], term: string, _phrase: boolean): boolean {
  if (CJK.test(term)) {
    const needle = fold(term).replace(/\s+/g, '');
    return values.some((v) => fold(v).replace(/\s+/g, '').includes(needle));
  }
  const tt = words(term);
  if (tt.length === 0) return true;
  return values.some((v) => {
    const vt = words(v);
    for (let start = 0; start + tt.length <= vt.length; start++) {
      // Every word but the last must match whole; the last may be the start of a word, in phrases too.
      const ok = tt.every((t, k) => (k === tt.length - 1 ? vt[start + k].startsWith(t) : vt[start + k] === t));
      if (ok) return true;
    }
    return false;
  });
}
