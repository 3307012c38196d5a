// A hit's summary as the Search API writes it: a few words of the content around the first match, matched
// words in <c0>...</c0>, cut places marked <ddd/>.

import { fold, type KqlQuery, positiveWords } from './kql.js';

const BEFORE = 8;
const LENGTH = 30;

export function summaryOf(q: KqlQuery, text: string): string {
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: fold(m[0]), start: m.index, end: m.index + m[0].length }));
  if (!tokens.length) return '';
  const wanted = positiveWords(q).flatMap((t) => t.words);
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
