// Tokens of an OData $filter expression (OData ABNF, the subset Graph accepts): string literals with ''
// escaping, numbers, booleans, null, GUIDs and unquoted date/time values, identifiers and punctuation.

export type Token =
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'datetime'; value: string; pos: number }
  | { kind: 'guid'; value: string; pos: number }
  | { kind: 'ident'; value: string; pos: number }
  | { kind: '(' | ')' | ',' | '/' | ':'; pos: number }
  | { kind: 'eof'; pos: number };

export class FilterSyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly text: string,
  ) {
    super(`Syntax error at position ${position} in '${text}'.`);
  }
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?(?![\w:.-])/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?(?![\w.])/;
const IDENT = /^[A-Za-z_$@][A-Za-z0-9_.]*/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError(start, text);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ kind: 'string', value, pos: start });
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === '/' || c === ':') {
      tokens.push({ kind: c, pos: i++ });
      continue;
    }
    const rest = text.slice(i);
    let m: RegExpExecArray | null;
    if ((m = GUID.exec(rest))) tokens.push({ kind: 'guid', value: m[0].toLowerCase(), pos: i });
    else if ((m = DATETIME.exec(rest))) tokens.push({ kind: 'datetime', value: m[0], pos: i });
    else if ((m = NUMBER.exec(rest))) tokens.push({ kind: 'number', value: Number(m[0]), pos: i });
    else if ((m = IDENT.exec(rest))) tokens.push({ kind: 'ident', value: m[0], pos: i });
    else throw new FilterSyntaxError(i, text);
    i += m[0].length;
  }
  tokens.push({ kind: 'eof', pos: text.length });
  return tokens;
}
