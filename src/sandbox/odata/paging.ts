// Server-driven paging. Like Graph, the next page is an @odata.nextLink that repeats the query and adds an
// opaque $skiptoken; clients are meant to follow it verbatim. The token is bound to the query it came from,
// so a token replayed with a different $filter/$orderby is refused instead of silently skipping items.

import { createHash } from 'node:crypto';
import { badRequest } from '../graph/types.js';

const PREFIX = 'sbx1';

/** A digest of the path and every query option except $skiptoken, in a stable order. */
export function queryFingerprint(path: string, params: URLSearchParams): string {
  const pairs = [...params].filter(([k]) => k.toLowerCase() !== '$skiptoken').map(([k, v]) => `${k.toLowerCase()}=${v}`).sort();
  return createHash('sha256').update(`${path.toLowerCase()}?${pairs.join('&')}`).digest('base64url').slice(0, 16);
}

export function makeSkipToken(offset: number, fingerprint: string): string {
  return Buffer.from(`${PREFIX}:${offset}:${fingerprint}`).toString('base64url');
}

/** The offset a token stands for; a 400 for a token that is malformed or belongs to another query. */
export function readSkipToken(token: string, fingerprint: string): number {
  const [prefix, offset, fp] = Buffer.from(token, 'base64url').toString('utf8').split(':');
  const n = Number(offset);
  if (prefix !== PREFIX || !Number.isInteger(n) || n < 0 || fp !== fingerprint) {
    throw badRequest('The $skiptoken is not valid for this request. Follow @odata.nextLink as returned, without changing the query.', 'Request_BadRequest');
  }
  return n;
}

/** The absolute link to the next page: same path and options (in their original order), with the paging
 *  option (`$skiptoken` or `$skip`) replaced. */
export function nextLink(serviceRoot: string, path: string, params: URLSearchParams, paging: { name: '$skiptoken' | '$skip'; value: string }): string {
  const kept = [...params].filter(([k]) => k.toLowerCase() !== '$skiptoken' && k.toLowerCase() !== paging.name);
  kept.push([paging.name, paging.value]);
  const query = kept.map(([k, v]) => `${encodeURIComponent(k).replace(/^%24/, '$')}=${encodeURIComponent(v)}`).join('&');
  return `${serviceRoot}${path}?${query}`;
}
