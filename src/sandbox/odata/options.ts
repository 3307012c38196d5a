// Reading the OData system query options of a request once, with OData's own complaints about them: repeated
// options, unknown $-options, malformed $top/$count. Names are matched case-insensitively, as Graph does.

import { badRequest, type GraphRequest } from '../graph/types.js';

const KNOWN = ['$select', '$expand', '$filter', '$orderby', '$top', '$skip', '$count', '$search', '$skiptoken', '$deltatoken', '$format'] as const;
export type OptionName = (typeof KNOWN)[number];

export interface RawOptions {
  get(name: OptionName): string | undefined;
  /** The request's `ConsistencyLevel: eventual`. */
  eventual: boolean;
  /** $count=true was asked for. */
  count: boolean;
}

export function readOptions(req: GraphRequest): RawOptions {
  const values = new Map<string, string>();
  for (const [key, value] of req.url.searchParams) {
    const k = key.toLowerCase();
    if (!k.startsWith('$')) continue; // non-system parameters are the route's business
    if (!(KNOWN as readonly string[]).includes(k)) throw badRequest(`The query parameter '${key}' is not supported.`);
    if (values.has(k)) throw badRequest(`Query option '${key}' was specified more than once, but it must be specified at most once.`);
    values.set(k, value);
  }
  const rawCount = values.get('$count');
  if (rawCount !== undefined && !/^(true|false)$/i.test(rawCount)) throw badRequest(`'${rawCount}' is not a valid count option.`);
  const format = values.get('$format');
  if (format !== undefined && !/^(json|application\/json)/i.test(format)) throw badRequest(`The format '${format}' is not supported.`);
  return {
    get: (name) => values.get(name),
    eventual: (req.headers['consistencylevel'] ?? '').trim().toLowerCase() === 'eventual',
    count: rawCount?.toLowerCase() === 'true',
  };
}

/** $top as a whole number within the entity's limits, or the service's 400. */
export function readTop(raw: string | undefined, limits: { default: number; max: number }): number {
  if (raw === undefined) return limits.default;
  if (!/^\d+$/.test(raw.trim())) {
    throw badRequest(`Invalid value '${raw}' for $top query option found. The $top query option requires a non-negative integer value.`);
  }
  const n = Number(raw);
  if (n < 1 || n > limits.max) {
    throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${limits.max} inclusive.`, 'Request_BadRequest');
  }
  return n;
}

export function readSkip(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^\d+$/.test(raw.trim())) {
    throw badRequest(`Invalid value '${raw}' for $skip query option found. The $skip query option requires a non-negative integer value.`);
  }
  return Number(raw);
}
