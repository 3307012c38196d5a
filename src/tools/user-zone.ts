// The signed-in person's own time zone, for tools of any group that show times: the zone of their working hours,
// read through getSchedule (which the calendar permissions allow; MailboxSettings.Read would too, but no tool
// asks for it only for this). Without a permission that allows it, times stay in UTC and say so.
import type { GraphReader } from '../graph/client.js';
import { GraphError } from '../graph/errors.js';
import type { AuthService } from './auth-service.js';

type ScheduleZone = { value?: { workingHours?: { timeZone?: { name?: string } | null } | null }[] };
const ZONE_TTL_MS = 15 * 60_000;
/** Per sign-in service (one per server: what one server's token may read, another's may not), per account. */
const zones = new WeakMap<AuthService, Map<string, { name: string | undefined; at: number }>>();

/** The name of the user's zone as Outlook keeps it (a Windows name such as "Pacific Standard Time", or an IANA
 *  name), or undefined when it cannot be read (no mailbox, no calendar permission). Cached for 15 minutes. */
export async function userZoneName(ctx: { graph: GraphReader; signal: AbortSignal; auth: AuthService }): Promise<string | undefined> {
  const me = (await ctx.auth.status()).account?.username;
  if (!me) return undefined;
  let known = zones.get(ctx.auth);
  if (!known) zones.set(ctx.auth, (known = new Map()));
  const hit = known.get(me.toLowerCase());
  if (hit && Date.now() - hit.at < ZONE_TTL_MS) return hit.name;
  const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const wall = (d: Date) => d.toISOString().slice(0, 19);
  let name: string | undefined;
  try {
    const r = await ctx.graph.readAction<ScheduleZone>('/me/calendar/getSchedule', {
      schedules: [me],
      startTime: { dateTime: wall(hour), timeZone: 'UTC' },
      endTime: { dateTime: wall(new Date(hour.getTime() + 3_600_000)), timeZone: 'UTC' },
      availabilityViewInterval: 60,
    }, { signal: ctx.signal });
    name = r?.value?.[0]?.workingHours?.timeZone?.name ?? undefined;
  } catch (e) {
    // Not allowed or no calendar to ask (mail without the calendar group, a personal account): UTC, remembered.
    if (!(e instanceof GraphError && [400, 403, 404].includes(e.status))) throw e;
  }
  known.set(me.toLowerCase(), { name, at: Date.now() });
  return name;
}

/** The IANA zone of a Windows or IANA zone name, or undefined. Loads the Windows table on first use only. */
export async function ianaZone(name: string | undefined): Promise<string | undefined> {
  if (!name) return undefined;
  if (/^utc$/i.test(name)) return 'UTC';
  const { findIana } = await import('windows-iana');
  const iana = findIana(name)[0] ?? name;
  try {
    new Intl.DateTimeFormat('en', { timeZone: iana });
    return iana;
  } catch {
    return undefined;
  }
}

/** The offset of `iana` from UTC at an instant, in minutes, and as "+01:00" (undefined for UTC itself). */
function offsetAt(iana: string, at: number): { minutes: number; text?: string } {
  const name = new Intl.DateTimeFormat('en', { timeZone: iana, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? { minutes: (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])), text: `${m[1]}${m[2]}:${m[3]}` } : { minutes: 0 };
}

/** An instant (ISO, UTC) as the wall time in `iana` with its offset: 2026-11-16T08:30:00-08:00. UTC keeps Z. */
export function withOffset(iso: string, iana: string | undefined): string {
  const at = Date.parse(iso);
  if (!iana || iana === 'UTC' || Number.isNaN(at)) return iso;
  const offset = offsetAt(iana, at);
  const local = new Date(at + offset.minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${offset.text ?? 'Z'}`;
}

/** The instant a date (midnight) or date-time means in `iana` (UTC when undefined); one with Z or an offset is
 *  that instant. The value is one DateInput (shapes.ts) has checked. */
export function instantIn(value: string, iana: string | undefined): number {
  const v = /T/i.test(value) ? value : `${value}T00:00:00`;
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(v)) return Date.parse(v);
  const asUtc = Date.parse(`${v}Z`);
  if (!iana || iana === 'UTC') return asUtc;
  // The offset at the wall time read as UTC is right except within hours of a change; once more settles it.
  const first = asUtc - offsetAt(iana, asUtc).minutes * 60_000;
  return asUtc - offsetAt(iana, first).minutes * 60_000;
}

/** The user's zone as an IANA name, or undefined (times then stay in UTC). Never fails: a tool that only shows
 *  times in it starts this beside its own call, and an outage here must not fail that call. */
export const userIanaZone = (ctx: { graph: GraphReader; signal: AbortSignal; auth: AuthService }): Promise<string | undefined> =>
  userZoneName(ctx).then(ianaZone).catch(() => undefined);
