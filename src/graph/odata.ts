// Building OData query values from user intent, escaped: tools never splice raw user text into a query.
import { ToolError } from './errors.js';

/** A string literal for $filter: single quotes doubled, as OData requires. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** One clause of an advanced-query $search: "property:value", with quotes and backslashes escaped. */
export function searchClause(property: string, value: string): string {
  return `"${property}:${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Joins $filter clauses with `and`, skipping empty ones; undefined when nothing remains. */
export function andFilter(clauses: (string | undefined | false)[]): string | undefined {
  const kept = clauses.filter((c): c is string => !!c);
  return kept.length ? kept.map((c) => (kept.length > 1 && / or /i.test(c) ? `(${c})` : c)).join(' and ') : undefined;
}

/** Path segment for an id or address supplied by the caller. A segment of dots only (`.`, `..`) would be
 *  resolved by the URL parser (encoded or not) and change which resource the request reaches: refused here,
 *  where every path segment from a caller is built. */
export function seg(value: string): string {
  if (/^\.+$/.test(value.trim())) throw new ToolError(`'${value}' is not an id or address: copy the id from the tool that listed it.`);
  return encodeURIComponent(value);
}

/** A DateTimeOffset literal for $filter (unquoted, UTC). A bare date means midnight UTC of that day, a
 *  date-time without offset is UTC;
 *  `endOfDay` moves a bare date to the start of the next day, for "until" bounds that include the day. */
export function odataDateTime(value: string, endOfDay = false): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const d = new Date(dateOnly ? `${value}T00:00:00Z` : zoned ? value : `${value}Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${value}`);
  if (dateOnly && endOfDay) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().replace(/\.000Z$/, 'Z');
}

// The Keyword Query Language of Outlook's $search and of Microsoft Search's queryString. The caller's query is
// parsed into words, "phrases", property restrictions (from:ada subject:"q3 plan") and AND/OR/NOT; every value is
// emitted bare when it is a plain word and otherwise in double quotes, so colons, parentheses and the like inside
// it are text, not syntax, and a colon after a name the service does not know ("Re: budget") stays literal text.

/** The properties a KQL target knows: text ones (name:value), keyword ones (a value from a set), ranges. */
export interface KqlProps {
  text: ReadonlySet<string>;
  keyword?: Readonly<Record<string, RegExp>>;
  range?: ReadonlySet<string>;
  aliases?: Readonly<Record<string, string>>;
}

/** Outlook's message search. */
const MAIL_KQL: KqlProps = {
  text: new Set(['from', 'to', 'cc', 'bcc', 'participants', 'recipients', 'subject', 'body', 'attachment', 'category']),
  keyword: {
    hasattachments: /^(true|false|yes|no)$/i,
    importance: /^(low|normal|high)$/i,
    kind: /^(email|meetings|contacts|docs|notes|tasks|voicemail|im|posts|rssfeeds|faxes|journals)$/i,
  },
  range: new Set(['received', 'sent', 'size']),
  aliases: { hasattachment: 'hasattachments', categories: 'category', attachments: 'attachment' },
};

/** Thrown for a query the tool cannot turn into KQL; the message says what to change. */
export class SearchSyntaxError extends Error {}

/** The query as KQL for a target with these properties (no outer quotes). */
export function kql(query: string, props: KqlProps): string {
  const out: string[] = [];
  // Plain words (letters of any script, digits, address characters) go bare; anything else is quoted.
  const phrase = (s: string) => {
    const v = s.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim();
    if (!v) return '';
    return /^[\p{L}\p{N}\p{M}@._'+-]+$/u.test(v) && !/^(AND|OR|NOT)$/.test(v) ? v : `"${v}"`;
  };
  const re = /\s*(?:"([^"]*)"?|([^\s"]+?)(:|>=|<=|=|>|<)"([^"]*)"?|([^\s"]+))/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(query)) && m[0].trim()) {
    const [, quoted, qProp, qOp, qValue, word] = m;
    if (quoted !== undefined) {
      if (phrase(quoted)) out.push(phrase(quoted));
      continue;
    }
    let prop: string | undefined;
    let op = ':';
    let value: string;
    if (qProp !== undefined) {
      [prop, op, value] = [qProp, qOp, qValue];
    } else {
      const pm = /^([A-Za-z]+)(:|>=|<=|=|>|<)(.+)$/.exec(word);
      if (pm) [, prop, op, value] = pm;
      else value = word;
    }
    if (prop !== undefined) {
      const name = props.aliases?.[prop.toLowerCase()] ?? prop.toLowerCase();
      if (props.text.has(name) && op === ':') {
        if (phrase(value)) out.push(`${name}:${phrase(value)}`);
        continue;
      }
      const keyword = props.keyword?.[name];
      if (keyword && op === ':') {
        if (!keyword.test(value)) throw new SearchSyntaxError(`${name}: does not accept "${value}"`);
        const v = value.toLowerCase();
        out.push(`${name}:${v === 'yes' ? 'true' : v === 'no' ? 'false' : v}`);
        continue;
      }
      if (props.range?.has(name)) {
        const ok = name === 'size' ? /^\d+(\.\.\d+)?$/.test(value) : /^\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?$/.test(value);
        if (!ok) throw new SearchSyntaxError(`${name}${op} needs ${name === 'size' ? 'a number of bytes' : 'a date like 2026-11-01'}, not "${value}"`);
        out.push(`${name}${op}${value}`);
        continue;
      }
      value = `${prop}${op}${value}`; // not a search property: the whole thing is text
    }
    if (/^(AND|OR|NOT)$/.test(value)) out.push(value);
    else if (phrase(value)) out.push(phrase(value));
  }
  while (out.length && /^(AND|OR|NOT)$/.test(out[out.length - 1])) out.pop();
  while (out.length && /^(AND|OR)$/.test(out[0])) out.shift();
  if (!out.length) throw new SearchSyntaxError('the query has no words to search for');
  return out.join(' ');
}

/** Builds the $search value (with its surrounding double quotes) for a message search. */
export function kqlSearch(query: string): string {
  // Values hold no quotes or backslashes any more; the quotes around phrases are escaped as \" inside $search="...".
  return `"${kql(query, MAIL_KQL).replace(/"/g, '\\"')}"`;
}
