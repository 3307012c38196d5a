// A hit's rank and summary as the Search API gives them: words found in the name weigh more than words in the
// text; the summary is a few words of the content around the first match, matched words in <c0>...</c0>, cut
// places marked <ddd/>.

import { fold, matchesAny, words } from '../../kql/kql.js';
import type { SearchDocument } from '../../searchable.js';

const BEFORE = 8;
const LENGTH = 30;

/** How well the document answers the query's words: 3 for each found in the title, 1 in the body, at least 1. */
export function rankOf(terms: string[], doc: SearchDocument): number {
  return Math.max(1, terms.reduce((n, t) => n + (matchesAny([doc.title], t, false) ? 3 : 0) + (matchesAny([doc.body], t, false) ? 1 : 0), 0));
}

export function summaryOf(terms: string[], text: string): string {
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: fold(m[0]), start: m.index, end: m.index + m[0].length }));
  if (!tokens.length) return '';
  const wanted = terms.flatMap(words);
  const hit = (w: string) => wanted.some((x) => w.startsWith(x));
  const first = Math.max(0, tokens.findIndex((t) => hit(t.word)));
  const from = Math.max(0, first - BEFORE);
  const to = Math.min(tokens.length, from + LENGTH);
  let out = from > 0 ? '<ddd/>' : '';
  let pos = tokens[from].start;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    out += text.slice(pos, t.start).replace(/\s+/g, ' ');
    out += hit(t.word) ? `<c0>${text.slice(t.start, t.end)}</c0>` : text.slice(t.start, t.end);
    pos = t.end;
  }
  return out + (to < tokens.length ? ' <ddd/>' : '');
}
