// The moving anchors of the tenant's seeds: "this week" (the Monday of the week the sandbox starts, a UTC calendar
// date) and the instant the seeded mail is dated back from. Every workload that dates its seed (calendar, mail, To
// Do, Planner) counts from these, so a fresh sandbox always has this week's meetings, tasks due this week and mail
// from the days just past, deterministic for a given start instant. Plain UTC date arithmetic, no zones.

const DAY_MS = 86_400_000;

/** Monday (yyyy-MM-dd, UTC calendar) of the week containing `nowMs`: the seeds' anchor week. */
export function calendarAnchorWeek(nowMs: number): string {
  const d = new Date(nowMs);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - sinceMonday)).toISOString().slice(0, 10);
}

/** A calendar date (yyyy-MM-dd) moved by whole days. */
export const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The mail seed's epoch: 18:00 UTC on the Monday of the anchor week, or of the week before while that instant
 *  is still to come (a sandbox started on a Monday morning), so no seeded message is dated in the future. Every
 *  seeded message is dated whole days before it, at its UTC time of day. */
export function mailSeedEpoch(nowMs: number): string {
  const monday = Date.parse(`${calendarAnchorWeek(nowMs)}T18:00:00Z`);
  return new Date(monday > nowMs ? monday - 7 * DAY_MS : monday).toISOString().replace('.000Z', 'Z');
}
