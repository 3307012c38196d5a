// The OData engine's parsers on their own: $filter syntax (precedence, literals, lambdas, errors with
// positions) and the directory's $search tokenizer. Behaviour over HTTP is in graph-users.test.ts.
import { describe, expect, it } from 'vitest';
import { defaultDialect, matchesTerm, tokens, type EntityType, listCollection, type RouteContext, parseFilter, FilterSyntaxError } from '../../src/sandbox/testing.js';

describe('$filter parser', () => {
  it('binds and tighter than or, and not tighter than and', () => {
    expect(parseFilter("a eq 1 or b eq 2 and not c eq 'x'")).toEqual({
      kind: 'or',
      left: { kind: 'compare', op: 'eq', left: { kind: 'path', segments: ['a'] }, right: { kind: 'literal', type: 'number', value: 1 } },
      right: {
        kind: 'and',
        left: { kind: 'compare', op: 'eq', left: { kind: 'path', segments: ['b'] }, right: { kind: 'literal', type: 'number', value: 2 } },
        right: { kind: 'not', operand: { kind: 'compare', op: 'eq', left: { kind: 'path', segments: ['c'] }, right: { kind: 'literal', type: 'string', value: 'x' } } },
      },
    });
  });

  it('reads literals: doubled quotes, null, booleans in any case, GUIDs, dates and date-times, negative numbers', () => {
    const right = (f: string) => (parseFilter(f) as { right: unknown }).right;
    expect(right("x eq 'it''s'")).toEqual({ kind: 'literal', type: 'string', value: "it's" });
    expect(right('x eq NULL')).toEqual({ kind: 'literal', type: 'null', value: null });
    expect(right('x eq True')).toEqual({ kind: 'literal', type: 'boolean', value: true });
    expect(right('x eq b896c38b-8f55-4721-9825-bef177c044c5')).toEqual({ kind: 'literal', type: 'guid', value: 'b896c38b-8f55-4721-9825-bef177c044c5' });
    expect(right('x ge 2024-05-01T08:30:00.1234567+02:00')).toEqual({ kind: 'literal', type: 'datetime', value: '2024-05-01T08:30:00.1234567+02:00' });
    expect(right('x le 2024-05-01')).toEqual({ kind: 'literal', type: 'datetime', value: '2024-05-01' });
    expect(right('x gt -3.5')).toEqual({ kind: 'literal', type: 'number', value: -3.5 });
  });

  it('reads in (...), functions and any/all lambdas, operators in any case', () => {
    expect(parseFilter("mail IN ('a', 'b')")).toMatchObject({ kind: 'in', values: [{ value: 'a' }, { value: 'b' }] });
    expect(parseFilter("StartsWith(displayName,'Ad')")).toMatchObject({ kind: 'call', name: 'startswith' });
    expect(parseFilter("proxyAddresses/any(p: startswith(p, 'smtp:'))")).toMatchObject({
      kind: 'lambda',
      op: 'any',
      collection: ['proxyAddresses'],
      variable: 'p',
      body: { kind: 'call', name: 'startswith', args: [{ kind: 'path', segments: ['p'] }, { kind: 'literal', value: 'smtp:' }] },
    });
    expect(parseFilter('otherMails/any()')).toEqual({ kind: 'lambda', op: 'any', collection: ['otherMails'] });
  });

  it('reports the position of a syntax error', () => {
    const position = (f: string) => {
      try {
        parseFilter(f);
      } catch (e) {
        if (e instanceof FilterSyntaxError) return e.position;
        throw e;
      }
      throw new Error(`no error for ${f}`);
    };
    expect(position('displayName eq')).toBe(14);
    expect(position("displayName eq 'open")).toBe(15);
    expect(position('(a eq 1')).toBe(7);
    expect(position('a eq 1 b')).toBe(7);
    expect(position('a eq 1 and')).toBe(10);
    expect(position('a # 1')).toBe(2);
    expect(position('frobnicate(a)')).toBe(0);
  });
});

describe('directory $search matching', () => {
  it('splits values on spaces, punctuation, case changes and letter/digit boundaries', () => {
    expect(tokens('Adele Vance')).toEqual(['adele', 'vance']);
    expect(tokens('adele.vance@contoso.sandbox')).toEqual(['adele', 'vance', 'contoso', 'sandbox']);
    expect(tokens('OneVsAll2024x')).toEqual(['one', 'vs', 'all', '2024', 'x']);
  });

  it('matches a prefix of the value or of a run of its words', () => {
    expect(matchesTerm('Adele Vance', 'ade')).toBe(true);
    expect(matchesTerm('Adele Vance', 'van')).toBe(true);
    expect(matchesTerm('Adele Vance', 'adele va')).toBe(true);
    expect(matchesTerm('adele.vance@contoso.sandbox', 'vance@cont')).toBe(true);
    expect(matchesTerm('Adele Vance', 'ance')).toBe(false);
    expect(matchesTerm('Adele Vance', 'vance adele')).toBe(false);
  });
});

describe('the engine for other workloads', () => {
  // How a later capability (mail, files...) describes its items: plain OData, no advanced-query rules.
  type Note = { id: string; subject: string; received: string; flagged: boolean; size: number };
  const notes: Note[] = Array.from({ length: 12 }, (_, i) => ({
    id: `n${i}`,
    subject: i % 3 === 0 ? `Budget review ${i}` : `Lunch ${i}`,
    received: `2024-05-${String(i + 1).padStart(2, '0')}T09:00:00Z`,
    flagged: i % 2 === 0,
    size: 100 * i,
  }));
  const entity: EntityType<Note> = {
    name: 'microsoft.graph.note',
    properties: {
      id: { type: 'string', filter: 'eq' },
      subject: { type: 'string', filter: 'eq ne startsWith contains not' },
      received: { type: 'datetime', filter: 'eq ge gt le lt', orderby: 'default' },
      flagged: { type: 'boolean', filter: 'eq ne' },
      size: { type: 'int', filter: 'eq gt lt', orderby: 'default' },
    },
    defaultSelect: ['id', 'subject'],
    pageSize: { default: 5, max: 1000 },
    dialect: defaultDialect,
  };
  const list = (query: string) => {
    const url = new URL(`http://127.0.0.1:1/v1.0/me/notes?${query}`);
    const ctx = { req: { method: 'GET', url, headers: {}, body: undefined }, serviceRoot: 'http://127.0.0.1:1/v1.0' } as unknown as RouteContext;
    return listCollection(ctx, { entity, items: notes, entitySet: 'notes' }).body as { value: Note[]; '@odata.nextLink'?: string; '@odata.count'?: number };
  };

  it('takes ne, contains, gt/lt and $count without ConsistencyLevel, and pages with $skip', () => {
    const r = list(`$filter=${encodeURIComponent("contains(subject,'budget') and received gt 2024-05-01T09:00:00Z and not(subject eq 'x')")}&$count=true`);
    expect(r.value.map((n) => n.id)).toEqual(['n3', 'n6', 'n9']);
    expect(r['@odata.count']).toBe(3);
    const page1 = list('$orderby=size%20desc&$select=id');
    expect(page1.value.map((n) => n.id)).toEqual(['n11', 'n10', 'n9', 'n8', 'n7']);
    expect(page1['@odata.nextLink']).toBe('http://127.0.0.1:1/v1.0/me/notes?$orderby=size%20desc&$select=id&$skip=5');
    const page2 = list(page1['@odata.nextLink']!.split('?')[1]);
    expect(page2.value.map((n) => n.id)).toEqual(['n6', 'n5', 'n4', 'n3', 'n2']);
    expect(list("$filter=flagged ne true and size lt 500").value.map((n) => n.id)).toEqual(['n1', 'n3']);
  });

  it('still refuses what the entity does not declare', () => {
    expect(() => list(`$filter=${encodeURIComponent("endswith(subject,'1')")}`)).toThrow(/not supported on property 'subject'/);
    expect(() => list('$orderby=subject')).toThrow(/cannot be used in the \$orderby/);
  });
});
