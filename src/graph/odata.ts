// Building OData query values from user intent, escaped: tools never splice raw user text into a query.

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

/** Path segment for an id or address supplied by the caller. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
