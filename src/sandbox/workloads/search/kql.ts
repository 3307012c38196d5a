// The Keyword Query Language of a Search API queryString, as far as the sandbox answers it: words (all must
// match, as SharePoint's implicit AND), "quoted phrases", prefix* words, property restrictions (filetype:docx,
// author:"Megan Bowen"), AND, OR, NOT and a leading minus. Words match whole words of the content, ignoring case
// and accents, as SharePoint's index does; a word also matches the start of a longer one (report, reports).

export type Term =
  | { kind: 'words'; words: string[]; prefix: boolean; not: boolean }
  | { kind: 'property'; name: string; value: string; not: boolean };

/** Terms joined by AND, groups joined by OR. */
export type KqlQuery = Term[][];

export interface Matchable {
  title: string;
  body: string;
  properties: Record<string, string>;
}

/** Lower case without accents: how the index compares words. */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** The words of a text, folded. */
export const wordsOf = (s: string) => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

const TOKEN = /\s*(-?)(?:([\p{L}\p{N}_.]+):)?(?:"([^"]*)"|(\S+))/uy;

export function parseKql(text: string): KqlQuery {
  const groups: KqlQuery = [[]];
  let negateNext = false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const [, minus, prop, quoted, bare] = m;
    if (!prop && quoted === undefined && (bare === 'AND' || bare === 'OR' || bare === 'NOT')) {
      if (bare === 'OR' && groups[groups.length - 1].length) groups.push([]);
      if (bare === 'NOT') negateNext = true;
      continue;
    }
    const not = negateNext || minus === '-';
    negateNext = false;
    const raw = quoted ?? bare!;
    if (prop) groups[groups.length - 1].push({ kind: 'property', name: prop.toLowerCase(), value: fold(raw.replace(/\*$/, '')), not });
    else {
      const words = wordsOf(raw);
      if (words.length) groups[groups.length - 1].push({ kind: 'words', words, prefix: quoted === undefined && raw.endsWith('*'), not });
    }
    if (TOKEN.lastIndex >= text.length) break;
  }
  return groups.filter((g) => g.length);
}

/** Where the words occur in order in `tokens` (a phrase, or one word). */
function phraseAt(tokens: string[], words: string[], prefix: boolean): number[] {
  const at: number[] = [];
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, k) => (k === words.length - 1 && (prefix || words.length === 1) ? tokens[i + k].startsWith(w) : tokens[i + k] === w))) at.push(i);
  }
  return at;
}

/** How well a document matches: 0 for no match; title matches weigh three times a body match. */
export function score(q: KqlQuery, doc: Matchable): number {
  const title = wordsOf(doc.title);
  const body = wordsOf(doc.body);
  let best = 0;
  for (const group of q) {
    let total = 0;
    let ok = true;
    for (const t of group) {
      let n: number;
      if (t.kind === 'property') {
        const v = doc.properties[t.name];
        n = v !== undefined && fold(v).includes(t.value) ? 1 : 0;
      } else n = 3 * phraseAt(title, t.words, t.prefix).length + Math.min(10, phraseAt(body, t.words, t.prefix).length);
      if (t.not ? n > 0 : n === 0) ok = false;
      if (!t.not) total += n;
    }
    if (ok) best = Math.max(best, total || 1);
  }
  return best;
}

/** Every positive word of the query, for highlights. */
export function positiveWords(q: KqlQuery): { words: string[]; prefix: boolean }[] {
  return q.flat().filter((t): t is Extract<Term, { kind: 'words' }> => t.kind === 'words' && !t.not);
}
