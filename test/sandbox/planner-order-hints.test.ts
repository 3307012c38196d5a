// Planner's order-hint arithmetic on its own: a hint between any two sorts strictly between them and stays short,
// compositions "<previous> <next>!" resolve against their siblings (a composed side included), and what cannot
// be placed is refused with Planner's 400.
import { describe, expect, it } from 'vitest';
import { hintBetween, resolveOrderHint } from '../../src/sandbox/testing.js';

const sorted = (xs: string[]) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe('Planner order hints', () => {
  it('makes a hint strictly between two, at either end, and after many insertions at one place', () => {
    const first = hintBetween('', '');
    expect(first).toMatch(/^[\x22-\x7e]$/);
    const hints = [first];
    // Always before the first, always after the last, always just after the first: the list stays ordered.
    for (let i = 0; i < 60; i++) {
      const s = sorted(hints);
      const k = i % 3;
      const made = k === 0 ? hintBetween('', s[0]) : k === 1 ? hintBetween(s.at(-1)!, '') : hintBetween(s[0], s[1]);
      expect(hints).not.toContain(made);
      hints.push(made);
      const after = sorted(hints);
      if (k === 0) expect(after[0]).toBe(made);
      if (k === 1) expect(after.at(-1)).toBe(made);
      if (k === 2) expect(after[1]).toBe(made);
    }
    expect(Math.max(...hints.map((h) => h.length))).toBeLessThan(25);
    // Hints others wrote, with spaces and low characters, still get a value between them.
    for (const [lo, hi] of [['a', 'b'], ['a', 'a!'], ['a ', 'a"'], ['85752723360752+', '9223370609546166567W'], ['~~', ''], ['', '!#']]) {
      const h = hintBetween(lo, hi);
      expect(lo === '' || lo < h, `${lo} < ${h}`).toBe(true);
      expect(hi === '' || h < hi, `${h} < ${hi}`).toBe(true);
      expect(h.endsWith('!')).toBe(false);
    }
  });

  it('resolves compositions against the siblings, and refuses what cannot be placed', () => {
    const siblings = ['M', 'P', 'S'];
    expect(resolveOrderHint(' !', siblings) < 'M').toBe(true);
    expect(resolveOrderHint('S !', siblings) > 'S').toBe(true);
    const between = resolveOrderHint('M P!', siblings);
    expect(between > 'M' && between < 'P').toBe(true);
    // A side may itself be a composition: after "between M and P", before P.
    const nested = resolveOrderHint('M P! P!', siblings);
    expect(nested > between && nested < 'P').toBe(true);
    // A plain hint is taken as given.
    expect(resolveOrderHint('Q5', siblings)).toBe('Q5');
    for (const bad of ['', 'P M!', 'tab\there', 'é']) expect(() => resolveOrderHint(bad, siblings), bad).toThrow();
    expect(() => hintBetween('b', 'a')).toThrow();
  });
});
