// Words a person typed, made safe as a Keyword Query Language queryString for Microsoft Search: "quoted
// phrases" and AND/OR/NOT stay; anything KQL would read as syntax in a bare word (a colon that would make a
// property restriction, brackets, a stray quote) is quoted instead, so a search for "Q4: targets" finds those
// words and never fails on them.

const TOKEN = /"([^"]*)"|(\S+)/g;
const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N}'’.\-_*]*$/u;

export function kqlQuery(words: string): string {
  const out: string[] = [];
  for (const m of words.matchAll(TOKEN)) {
    const [, phrase, bare] = m;
    if (phrase !== undefined) {
      if (phrase.trim()) out.push(`"${phrase.trim()}"`);
    } else if (OPERATORS.has(bare!) || PLAIN.test(bare!)) out.push(bare!);
    else {
      const inner = bare!.replace(/"/g, '').trim();
      if (inner) out.push(`"${inner}"`);
    }
  }
  // An operator with nothing on one side is a syntax error: drop leading and trailing ones.
  while (out.length && OPERATORS.has(out[0])) out.shift();
  while (out.length && OPERATORS.has(out[out.length - 1])) out.pop();
  return out.join(' ');
}
