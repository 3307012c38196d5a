// How a search a person types becomes Graph's $search for messages (Outlook's KQL): every value quoted or a
// plain word, colons after unknown names kept as text, quotes inside values harmless; and how dates become
// $filter literals.
import { describe, expect, it } from 'vitest';
import { kqlSearch, odataDateTime } from '../src/graph/odata.js';

describe('kqlSearch', () => {
  it('keeps plain words and property restrictions, quoting phrases', () => {
    expect(kqlSearch('budget')).toBe('"budget"');
    expect(kqlSearch('from:megan subject:"q3 plan" hasattachments:yes')).toBe('"from:megan subject:\\"q3 plan\\" hasattachments:true"');
    expect(kqlSearch('Subject:Budget importance:HIGH received>=2026-11-01')).toBe('"subject:Budget importance:high received>=2026-11-01"');
    expect(kqlSearch('budget OR forecast NOT draft')).toBe('"budget OR forecast NOT draft"');
  });

  it('treats colons after unknown names, stray quotes and backslashes as text', () => {
    expect(kqlSearch('Re: budget')).toBe('"\\"Re:\\" budget"');
    expect(kqlSearch('1:1 agenda')).toBe('"\\"1:1\\" agenda"');
    expect(kqlSearch('he said "hello world')).toBe('"he said \\"hello world\\""');
    expect(kqlSearch('a\\b x:y')).toBe('"\\"a b\\" \\"x:y\\""');
    expect(kqlSearch('subject:"(draft) v2"')).toBe('"subject:\\"(draft) v2\\""');
    expect(kqlSearch("from:O'Brien")).toBe('"from:O\'Brien"');
  });

  it('passes non-Latin text through as words', () => {
    expect(kqlSearch('東京オフィス移転')).toBe('"東京オフィス移転"');
    expect(kqlSearch('subject:दिवाली Müller')).toBe('"subject:दिवाली Müller"');
  });

  it('drops dangling operators and refuses what it cannot express', () => {
    expect(kqlSearch('AND budget OR')).toBe('"budget"');
    expect(() => kqlSearch('AND OR')).toThrow(/no words/);
    expect(() => kqlSearch('received>=yesterday')).toThrow(/needs a date like 2026-11-01/);
    expect(() => kqlSearch('importance:urgent')).toThrow(/importance: does not accept "urgent"/);
  });
});

describe('odataDateTime', () => {
  it('reads dates as UTC days and date-times with or without an offset', () => {
    expect(odataDateTime('2026-11-15')).toBe('2026-11-15T00:00:00Z');
    expect(odataDateTime('2026-11-15', true)).toBe('2026-11-16T00:00:00Z');
    expect(odataDateTime('2026-11-15T09:30')).toBe('2026-11-15T09:30:00Z');
    expect(odataDateTime('2026-11-15T09:30:00+02:00')).toBe('2026-11-15T07:30:00Z');
    expect(() => odataDateTime('soon')).toThrow(RangeError);
  });
});
