// The Prefer header as Outlook reads it: `outlook.timezone="..."` chooses the zone of every dateTimeTimeZone in
// the response (UTC without it) and `outlook.body-content-type="text"` asks for plain-text bodies. Outlook
// confirms each preference it honoured in Preference-Applied, and refuses a zone it does not know with 400.

import type { GraphRequest } from '../../../graph/types.js';
import { UTC, zoneOrThrow, type Zone } from './zones.js';

export interface OutlookPreferences {
  zone: Zone;
  /** True when the client asked for a zone (and Preference-Applied must say so). */
  zoneRequested: boolean;
  bodyContentType?: 'text' | 'html';
  maxPageSize?: number;
}

/** `name=value` pairs of all Prefer headers; values unquoted; names lower-cased. */
function preferencePairs(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of header.matchAll(/([\w.-]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^,;\s]+))?/g)) {
    const value = m[2] ?? '';
    out.set(m[1].toLowerCase(), value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value);
  }
  return out;
}

export function readPreferences(req: GraphRequest): OutlookPreferences {
  const pairs = preferencePairs(req.headers['prefer'] ?? '');
  const tz = pairs.get('outlook.timezone');
  const body = pairs.get('outlook.body-content-type')?.toLowerCase();
  const pageSize = Number(pairs.get('odata.maxpagesize'));
  return {
    zone: tz === undefined ? UTC : zoneOrThrow(tz),
    zoneRequested: tz !== undefined,
    bodyContentType: body === 'text' || body === 'html' ? body : undefined,
    maxPageSize: Number.isInteger(pageSize) && pageSize > 0 ? pageSize : undefined,
  };
}

/** The Preference-Applied header for the preferences a response honoured, or nothing. */
export function preferenceApplied(p: OutlookPreferences, applied: { zone?: boolean; body?: boolean; pageSize?: boolean } = { zone: true, body: true }): Record<string, string> {
  const parts: string[] = [];
  if (applied.zone !== false && p.zoneRequested) parts.push(`outlook.timezone="${p.zone.name}"`);
  if (applied.body !== false && p.bodyContentType) parts.push(`outlook.body-content-type="${p.bodyContentType}"`);
  if (applied.pageSize && p.maxPageSize) parts.push(`odata.maxpagesize=${p.maxPageSize}`);
  return parts.length ? { 'Preference-Applied': parts.join(', ') } : {};
}
