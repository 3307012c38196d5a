// $search on directory objects: clauses "property:text" in double quotes, joined with AND / OR (and
// parentheses). The directory tokenizes values (on spaces, punctuation, case changes and letter/digit
// boundaries) and matches each clause as a prefix of the value or of a run of its tokens, ignoring case:
// "displayName:van" finds "Adele Vance", "mail:adele.v" finds adele.vance@contoso.sandbox.

import { unsupportedQuery } from '../graph/types.js';
import { findProperty, propValue, resourceName, type EntityType } from '../odata/entity.js';

type Node = { kind: 'and' | 'or'; left: Node; right: Node } | { kind: 'clause'; prop: string; term: string };
type Tok = { kind: 'quoted'; text: string } | { kind: 'word'; text: string } | { kind: '(' | ')' };

const badSearch = (detail: string) =>
  unsupportedQuery(`Invalid $search query: ${detail} Use "property:text" clauses in double quotes, joined with AND or OR, e.g. $search="displayName:adele" OR "mail:adele".`);

export function directorySearch<T>(search: string, entity: EntityType<T>): (item: T) => boolean {
  const toks = lex(search);
  let i = 0;
  const peekWord = (w: string) => toks[i]?.kind === 'word' && (toks[i] as { text: string }).text.toUpperCase() === w;
  const orExpr = (): Node => {
    let left = andExpr();
    while (peekWord('OR')) {
      i++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };
  const andExpr = (): Node => {
    let left = primary();
    for (;;) {
      if (peekWord('AND')) i++;
      else if (!(toks[i]?.kind === 'quoted' || toks[i]?.kind === '(')) return left;
      left = { kind: 'and', left, right: primary() };
    }
  };
  const primary = (): Node => {
    const t = toks[i++];
    if (!t) throw badSearch('the query ends too early.');
    if (t.kind === '(') {
      const inner = orExpr();
      if (toks[i++]?.kind !== ')') throw badSearch('a parenthesis is not closed.');
      return inner;
    }
    if (t.kind !== 'quoted') throw badSearch(`'${t.kind === 'word' ? t.text : t.kind}' is not a quoted clause.`);
    const colon = t.text.indexOf(':');
    if (colon <= 0) throw badSearch(`"${t.text}" names no property.`);
    const name = t.text.slice(0, colon).trim();
    const prop = findProperty(entity, name);
    if (!prop || !entity.properties[prop].search) {
      throw unsupportedQuery(`Unsupported or invalid search clause specified for property '${name}' of resource '${resourceName(entity)}'.`);
    }
    return { kind: 'clause', prop, term: t.text.slice(colon + 1) };
  };
  const tree = orExpr();
  if (i < toks.length) throw badSearch(`unexpected '${describe(toks[i])}'.`);
  return (item) => evaluate(tree, (prop) => propValue(entity, item, prop));
}

function evaluate(n: Node, read: (prop: string) => unknown): boolean {
  if (n.kind === 'and') return evaluate(n.left, read) && evaluate(n.right, read);
  if (n.kind === 'or') return evaluate(n.left, read) || evaluate(n.right, read);
  if (n.kind !== 'clause') return false;
  const v = read(n.prop);
  const values = Array.isArray(v) ? v : [v];
  return values.some((x) => typeof x === 'string' && matchesTerm(x, n.term));
}

/** Prefix of the whole value, or the term's tokens matching consecutive value tokens (the last as a prefix). */
export function matchesTerm(value: string, term: string): boolean {
  const v = value.toLowerCase();
  const t = term.trim().toLowerCase();
  if (t === '' || v.startsWith(t)) return true;
  const vt = tokens(value);
  const tt = tokens(term);
  if (tt.length === 0) return false;
  for (let start = 0; start + tt.length <= vt.length; start++) {
    const ok = tt.every((tok, k) => (k === tt.length - 1 ? vt[start + k].startsWith(tok) : vt[start + k] === tok));
    if (ok) return true;
  }
  return false;
}

export function tokens(s: string): string[] {
  return s
    .replace(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((x) => x.toLowerCase());
}

function lex(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')') {
      out.push({ kind: c });
      i++;
    } else if (c === '"') {
      let text = '';
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length) i++;
        text += s[i++];
      }
      if (i >= s.length) throw badSearch('a double quote is not closed.');
      i++;
      out.push({ kind: 'quoted', text });
    } else {
      const m = /^[^\s()"]+/.exec(s.slice(i))!;
      out.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  if (out.length === 0) throw badSearch('the query is empty.');
  return out;
}

const describe = (t: Tok) => (t.kind === 'quoted' ? `"${t.text}"` : t.kind === 'word' ? t.text : t.kind);
