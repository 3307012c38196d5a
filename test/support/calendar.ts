// Calendar reads for the tests: calendarView over all pages in a chosen time zone, POST/PATCH with headers,
// and the Prefer header that picks the time zone of the answer.
import { allPages, graph, type GraphAs } from './graph.js';

export const PACIFIC = { Prefer: 'outlook.timezone="Pacific Standard Time"' };
export const prefer = (zone: string) => ({ Prefer: `outlook.timezone="${zone}"` });

/** calendarView of a user ('me' or a UPN) between two instants (a bare date is UTC midnight), every page. */
export async function view(sandbox: { url: string }, who: GraphAs | string, owner: string, from: string, to: string, query = '', headers: Record<string, string> = {}): Promise<any[]> {
  const root = owner === 'me' ? '/me' : `/users/${owner}`;
  const at = (d: string) => encodeURIComponent(d.length === 10 ? `${d}T00:00:00Z` : d);
  return allPages(sandbox, who, `${root}/calendarView?startDateTime=${at(from)}&endDateTime=${at(to)}${query.includes('$top=') ? '' : '&$top=50'}${query}`, headers);
}

/** "yyyy-MM-ddTHH:mm" of an event time, for short assertions. */
export const hm = (t: { dateTime: string }) => t.dateTime.slice(0, 16);

/** A JSON body for POST/PATCH with a Prefer header, through the shared fetch wrapper. */
export const send = (sandbox: { url: string }, who: GraphAs | string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  graph(sandbox, who, path, { method, body, headers });
