// The moving anchors of the Exchange seeds: the calendar's "this week" and the instant the seeded mail is dated
// back from. Both follow the start of the sandbox, so a fresh sandbox always has this week's meetings and mail
// from the days just past ("mail since Monday" finds some), and both are deterministic for a given start instant.

import { addDays, isoWeekday } from './datetime.js';

/** Monday (yyyy-MM-dd, UTC calendar) of the week containing `nowMs`: the calendar seed's anchor week. */
export function calendarAnchorWeek(nowMs: number): string {
  const today = new Date(nowMs).toISOString().slice(0, 10);
  return addDays(today, 1 - isoWeekday(today));
}

/** The mail seed's epoch: 18:00 UTC on the Monday of the anchor week, or of the week before while that instant
 *  is still to come (a sandbox started on a Monday morning), so no seeded message is dated in the future. Every
 *  seeded message is dated whole days before it, at its UTC time of day. */
export function mailSeedEpoch(nowMs: number): string {
  const monday = Date.parse(`${calendarAnchorWeek(nowMs)}T18:00:00Z`);
  return new Date(monday > nowMs ? monday - 7 * 86_400_000 : monday).toISOString().replace('.000Z', 'Z');
}
