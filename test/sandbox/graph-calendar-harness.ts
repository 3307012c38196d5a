// Wiring for the calendar tests: one sandbox per file (one tenant, so an invitation one person sends reaches the
// others), tokens for any demo user approved on the /devicelogin page, the seed's dates (the anchor week the
// sandbox started in), and calendarView over all pages.
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { graph, type GraphCall } from './graph-harness.js';
import { allPages, tokenFor, upn } from './graph-mail-harness.js';
import { addDays, calendarAnchorWeek } from '../../src/sandbox/testing.js';

export { addDays, allPages, graph, tokenFor, upn };

/** Everything a calendar client of these tests may need. */
export const ALL_CALENDAR = 'Calendars.ReadWrite Calendars.ReadWrite.Shared MailboxSettings.ReadWrite Mail.Read';

export interface CalendarSandbox {
  sb: Sandbox;
  /** Monday (yyyy-MM-dd) of the seed's "this week"; next week starts seven days later. */
  thisWeek: string;
  nextWeek: string;
  token(user: string, scopes?: string): Promise<string>;
}

/** A sandbox whose anchor week is known: started again in the rare case the week turned while starting. */
export async function startCalendarSandbox(): Promise<CalendarSandbox> {
  for (;;) {
    const before = calendarAnchorWeek(Date.now());
    const sb = await startSandbox({});
    if (calendarAnchorWeek(Date.now()) === before) {
      const tokens = new Map<string, Promise<string>>();
      return {
        sb,
        thisWeek: before,
        nextWeek: addDays(before, 7),
        token: (user, scopes = ALL_CALENDAR) => {
          const key = `${user} ${scopes}`;
          if (!tokens.has(key)) tokens.set(key, tokenFor(sb, user, scopes));
          return tokens.get(key)!;
        },
      };
    }
    await sb.close();
  }
}

export const PACIFIC = { Prefer: 'outlook.timezone="Pacific Standard Time"' };
export const prefer = (zone: string) => ({ Prefer: `outlook.timezone="${zone}"` });

/** calendarView of a user ('me' or a UPN) between two instants (a bare date is UTC midnight), every page. */
export async function view(cs: CalendarSandbox, token: string, who: string, from: string, to: string, query = '', headers: Record<string, string> = {}): Promise<any[]> {
  const root = who === 'me' ? '/me' : `/users/${who}`;
  const at = (d: string) => encodeURIComponent(d.length === 10 ? `${d}T00:00:00Z` : d);
  const out: any[] = [];
  for (let url: string | undefined = `${root}/calendarView?startDateTime=${at(from)}&endDateTime=${at(to)}${query.includes('$top=') ? '' : '&$top=50'}${query}`; url; ) {
    const r: GraphCall = await graph(cs.sb, token, url, { headers });
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${r.text}`);
    out.push(...r.body.value);
    url = r.body['@odata.nextLink'];
  }
  return out;
}

/** "yyyy-MM-ddTHH:mm" of an event time, for short assertions. */
export const hm = (t: { dateTime: string }) => t.dateTime.slice(0, 16);

/** A JSON body for POST/PATCH with a Prefer header, through the shared fetch wrapper. */
export const send = (cs: CalendarSandbox, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  graph(cs.sb, token, path, { method, body, headers });
