// Planner's order hints: strings that sort by the ordinal value of their characters (a shorter string before a
// longer one it starts), every character between space (32) and ~ (126). A client never computes one: it sends
// "<previous hint> <next hint>!" (either side empty at an end, so " !" means "anywhere", "<prev> !" after prev,
// " <next>!" before next; a side may itself be such a composition) and the service stores a short hint that sorts
// in that place. A plain hint is taken as given.

import { plannerBadRequest } from './errors.js';

/** Characters a hint the service makes ends with (no space, no '!': compositions end so); inside, it may also
 *  use those two, to sort below a hint that starts low. */
const LOW = 34;
const HIGH = 126;
const LO_END = 31;
const HI_END = 127;

export const compareHints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const invalid = (value: string) => plannerBadRequest(`The order hint '${value}' is not valid: use "<previous hint> <next hint>!", with either side left empty at an end.`);

/** A short hint strictly between lo and hi ('' for no bound on that side). */
export function hintBetween(lo: string, hi: string): string {
  if (lo && hi && compareHints(lo, hi) >= 0) throw invalid(`${lo} ${hi}!`);
  let out = '';
  let bounded = hi !== '';
  for (let i = 0; i < lo.length + hi.length + 2; i++) {
    const a = i < lo.length ? lo.charCodeAt(i) : LO_END;
    const b = !bounded ? HI_END : i < hi.length ? hi.charCodeAt(i) : LO_END;
    if (a === b) {
      if (a === LO_END) break; // hi ends where lo does: no string fits between them
      out += lo[i];
      continue;
    }
    const from = Math.max(a + 1, LOW);
    const to = Math.min(b - 1, HIGH);
    if (from <= to) return out + String.fromCharCode(Math.floor((from + to) / 2));
    if (a === LO_END) {
      // lo has ended and hi's next character leaves no room for a last character: a space or '!' just below it
      // sorts before hi whatever follows; below a space, follow hi one more character.
      if (b - 1 >= 32) {
        out += String.fromCharCode(b - 1);
        bounded = false;
      } else out += hi[i];
      continue;
    }
    // Keep lo's character: below hi from here on, so only lo bounds the rest.
    out += lo[i];
    bounded = false;
  }
  throw invalid(`${lo} ${hi}!`);
}

/** The hint a client's value stands for among sibling hints: a composition is resolved (" !" goes before every
 *  sibling, as Planner puts new items first), a plain hint is kept. */
export function resolveOrderHint(value: string, siblings: readonly string[]): string {
  if (typeof value !== 'string' || value.length === 0 || /[^\x20-\x7e]/.test(value)) throw invalid(String(value));
  const composed = compose(value, new Set(siblings));
  if (composed === undefined) return value;
  const [lo, hi] = composed;
  if (lo === '' && hi === '') return hintBetween('', firstOf(siblings));
  return hintBetween(lo, hi);
}

const firstOf = (hints: readonly string[]) => [...hints].sort(compareHints)[0] ?? '';
export const lastOf = (hints: readonly string[]) => [...hints].sort(compareHints).at(-1) ?? '';

/** The bounds a "<prev> <next>!" value names, or undefined for a plain hint. Of the ways to split it at a space,
 *  the one whose sides are known (empty, a sibling's hint, or a composition) wins; the last such split, so that a
 *  composed left side keeps its own space. */
function compose(value: string, known: ReadonlySet<string>): [string, string] | undefined {
  if (!value.endsWith('!') || !value.includes(' ')) return undefined;
  const body = value.slice(0, -1);
  const splits: { lo: string; hi: string; score: number }[] = [];
  for (let i = body.indexOf(' '); i >= 0; i = body.indexOf(' ', i + 1)) {
    const [l, r] = [body.slice(0, i), body.slice(i + 1)];
    const side = (s: string) => (s === '' ? { hint: '', known: true } : compose(s, known) ? { hint: resolveSide(s, known), known: true } : { hint: s, known: known.has(s) });
    const [lo, hi] = [side(l), side(r)];
    if (lo.hint && hi.hint && compareHints(lo.hint, hi.hint) >= 0) continue;
    splits.push({ lo: lo.hint, hi: hi.hint, score: Number(lo.known) + Number(hi.known) });
  }
  if (!splits.length) throw invalid(value);
  const best = splits.reduce((a, b) => (b.score >= a.score ? b : a));
  return [best.lo, best.hi];
}

function resolveSide(s: string, known: ReadonlySet<string>): string {
  const [lo, hi] = compose(s, known)!;
  return hintBetween(lo, hi);
}
