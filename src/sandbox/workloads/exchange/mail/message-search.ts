// $search on messages: Keyword Query Language as Exchange's mailbox search reads it. Bare words and "phrases"
// look in from, subject and body; restrictions name a property (from:, to:, cc:, bcc:, recipients:,
// participants:, subject:, body:, attachment:, hasattachments:, importance:, category:, received>=, sent<,
// size>); AND, OR, NOT and parentheses combine them, juxtaposition means AND. Words match as prefixes of the
// words of a value, ignoring case and Latin accents; Chinese and Japanese text, written without spaces,
// matches by substring, as the search index's n-grams do.

import { htmlToText } from '../html.js';
import type { Recipient, StoredMessage } from './model.js';

type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; operand: Node }
  | { kind: 'term'; text: string; phrase: boolean }
  | { kind: 'restriction'; prop: string; op: string; value: string; phrase: boolean };
type Tok = { kind: 'word'; text: string } | { kind: 'phrase'; text: string } | { kind: '(' } | { kind: ')' };

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const RESTRICTION = /^([A-Za-z]+)(:|>=|<=|>|<|=)(.*)$/s;

export function compileMessageSearch(raw: string): (m: StoredMessage) => boolean {
  const tree = parse(lex(unwrap(raw)));
  return tree ? (m) => evaluate(tree, m) : () => true;
}

/** $search="..." arrives with its outer quotes; inner quotes are escaped as \". */
function unwrap(raw: string): string {
  const s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"') && !/(?<!\\)"/.test(s.slice(1, -1))) return s.slice(1, -1).replace(/\\"/g, '"');
  return s.replace(/\\"/g, '"');
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

function parse(toks: Tok[]): Node | null {
  let i = 0;
  const isWord = (w: string) => toks[i]?.kind === 'word' && (toks[i] as { text: string }).text === w;
  const orExpr = (): Node | null => {
    let left = andExpr();
    while (isWord('OR')) {
      i++;
      const right = andExpr();
      if (left && right) left = { kind: 'or', left, right };
      else left = left ?? right;
    }
    return left;
  };
  const andExpr = (): Node | null => {
    let left: Node | null = null;
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
  const unary = (): Node | null => {
    if (isWord('NOT')) {
      i++;
      const operand = unary();
      return operand ? { kind: 'not', operand } : null;
    }
    const t = toks[i++];
    if (t.kind === '(') {
      const inner = orExpr();
      if (toks[i]?.kind === ')') i++;
      return inner;
    }
    if (t.kind === ')') return null;
    if (t.kind === 'phrase') return { kind: 'term', text: t.text, phrase: true };
    const m = RESTRICTION.exec(t.text);
    if (m && PROPERTIES.has(m[1].toLowerCase())) {
      // `subject:"two words"` arrives as the word `subject:` and a phrase.
      if (m[3] === '' && toks[i]?.kind === 'phrase') return { kind: 'restriction', prop: m[1].toLowerCase(), op: m[2], value: (toks[i++] as { text: string }).text, phrase: true };
      return { kind: 'restriction', prop: m[1].toLowerCase(), op: m[2], value: m[3], phrase: false };
    }
    return { kind: 'term', text: t.text, phrase: false };
  };
  return orExpr();
}

const people = (rs: (Recipient | null)[]) => rs.filter((r): r is Recipient => !!r).flatMap((r) => [r.emailAddress.name, r.emailAddress.address]);
const bodyText = (m: StoredMessage) => (m.body.contentType === 'html' ? htmlToText(m.body.content) : m.body.content);

const TEXT_PROPERTIES: Record<string, (m: StoredMessage) => string[]> = {
  from: (m) => people([m.from]),
  to: (m) => people(m.toRecipients),
  cc: (m) => people(m.ccRecipients),
  bcc: (m) => people(m.bccRecipients),
  recipients: (m) => people([...m.toRecipients, ...m.ccRecipients, ...m.bccRecipients]),
  participants: (m) => people([m.from, ...m.toRecipients, ...m.ccRecipients, ...m.bccRecipients]),
  subject: (m) => [m.subject],
  body: (m) => [bodyText(m)],
  attachment: (m) => m.attachments.map((a) => a.name),
  attachments: (m) => m.attachments.map((a) => a.name),
  category: (m) => m.categories,
  categories: (m) => m.categories,
};
const PROPERTIES = new Set([...Object.keys(TEXT_PROPERTIES), 'hasattachment', 'hasattachments', 'importance', 'kind', 'received', 'sent', 'size', 'isread']);

function evaluate(n: Node, m: StoredMessage): boolean {
  switch (n.kind) {
    case 'and':
      return evaluate(n.left, m) && evaluate(n.right, m);
    case 'or':
      return evaluate(n.left, m) || evaluate(n.right, m);
    case 'not':
      return !evaluate(n.operand, m);
    case 'term':
      return matchesAny([m.subject, bodyText(m), ...people([m.from])], n.text, n.phrase);
    case 'restriction':
      return restriction(n, m);
  }
}

function restriction(n: Extract<Node, { kind: 'restriction' }>, m: StoredMessage): boolean {
  const v = n.value.toLowerCase();
  const text = TEXT_PROPERTIES[n.prop];
  if (text) return matchesAny(text(m), n.value, n.phrase);
  switch (n.prop) {
    case 'hasattachment':
    case 'hasattachments':
      return m.attachments.some((a) => !a.isInline) === (v === 'true' || v === 'yes');
    case 'isread':
      return m.isRead === (v === 'true' || v === 'yes');
    case 'importance':
      return m.importance === (v === 'medium' ? 'normal' : v);
    case 'kind':
      return v === 'email' || v === 'emails';
    case 'size':
      return compareNumbers(m.attachments.reduce((s, a) => s + a.bytes.length, Buffer.byteLength(m.body.content)), n.op, Number(v));
    case 'received':
    case 'sent':
      return compareDates(n.prop === 'received' ? m.receivedDateTime : m.sentDateTime, n.op, v);
  }
  return false;
}

function compareNumbers(x: number, op: string, y: number): boolean {
  if (!Number.isFinite(y)) return false;
  return op === '>' ? x > y : op === '>=' ? x >= y : op === '<' ? x < y : op === '<=' ? x <= y : x === y;
}

/** Dates compare by day: received:2026-11-10 is that whole UTC day, received:a..b a range of days. */
function compareDates(iso: string | null, op: string, value: string): boolean {
  if (!iso) return false;
  const day = iso.slice(0, 10);
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (range) return day >= range[1] && day <= range[2];
  const d = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  if (!d) return false;
  return op === '>' ? day > d : op === '>=' ? day >= d : op === '<' ? day < d : op === '<=' ? day <= d : day === d;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function words(s: string): string[] {
  return fold(s).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}

function matchesAny(values: string[], term: string, _phrase: boolean): boolean {
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
