// calendar: getSchedule. For each requested address: availabilityView (one digit per interval of
// availabilityViewInterval minutes, default 30, from 5 to 1440), the scheduleItems behind it, and the mailbox's
// working hours. Subject, location and isPrivate appear only for items that are not private and only when the
// owner has shared the calendar with the caller (or the caller is the owner); everyone else sees status and
// times, the organization-wide free/busy Exchange grants by default. Addresses that are nobody in the
// organization come back with an error entry, not a failed request.

import { METADATA } from '../../../../odata/query.js';
import type { GraphResponse } from '../../../../graph/types.js';
import { roleOn } from '../access.js';
import { invalidParameter, invalidRequest } from '../../errors.js';
import type { CalendarMailbox } from '../model.js';
import { workingHoursJson } from '../routes/settings.js';
import { defaultCalendar, mailboxByAddress } from '../store.js';
import { MINUTE, readDateTimeTimeZone, toDateTimeTimeZone } from '../../time/datetime.js';
import { preferenceApplied, readPreferences } from '../../time/prefer.js';
import { zoneOrThrow, type Zone } from '../../time/zones.js';
import { busySpans, statusDuring, VIEW_DIGIT } from './free-busy.js';
import type { CalendarContext } from '../route-types.js';

const MAX_SCHEDULES = 20;
const MAX_DAYS = 62;
const DETAIL_ROLES = ['limitedRead', 'read', 'write', 'delegateWithoutPrivateEventAccess', 'delegateWithPrivateEventAccess'];

export function getSchedule(ctx: CalendarContext): GraphResponse {
  const b = (ctx.req.body ?? {}) as Record<string, unknown>;
  const get = (name: string) => b[name] ?? b[name.charAt(0).toUpperCase() + name.slice(1)];
  const schedules = get('schedules');
  if (!Array.isArray(schedules) || schedules.length === 0 || schedules.some((s) => typeof s !== 'string')) {
    throw invalidRequest("The parameter 'schedules' must list the SMTP addresses to look up.");
  }
  if (schedules.length > MAX_SCHEDULES) throw invalidRequest(`getSchedule looks up at most ${MAX_SCHEDULES} schedules at a time.`);
  const start = readDateTimeTimeZone(get('startTime'), 'startTime', zoneOrThrow);
  const end = readDateTimeTimeZone(get('endTime'), 'endTime', zoneOrThrow);
  if (end.ms <= start.ms) throw invalidParameter('The endTime must be later than the startTime.');
  if (end.ms - start.ms >= MAX_DAYS * 1440 * MINUTE) throw invalidParameter(`The requested time period must be less than ${MAX_DAYS} days.`);
  const rawInterval = get('availabilityViewInterval');
  const interval = rawInterval === undefined || rawInterval === null ? 30 : Number(rawInterval);
  if (!Number.isInteger(interval) || interval < 5 || interval > 1440) throw invalidParameter('The availabilityViewInterval must be a whole number of minutes from 5 to 1440.');

  const prefs = readPreferences(ctx.req);
  const state = ctx.state;
  const value = (schedules as string[]).map((address) => {
    const mb = mailboxByAddress(state, address);
    if (!mb) {
      return { scheduleId: address, availabilityView: '', scheduleItems: [], error: { message: `The e-mail address '${address}' cannot be found in the organization.`, responseCode: 'ErrorMailRecipientNotFound' } };
    }
    return scheduleOf(ctx, mb, address, start.ms, end.ms, interval, prefs.zone);
  });
  return {
    status: 200,
    headers: preferenceApplied(prefs),
    body: { '@odata.context': `${METADATA}#Collection(microsoft.graph.scheduleInformation)`, value },
  };
}

function scheduleOf(ctx: CalendarContext, mb: CalendarMailbox, scheduleId: string, fromMs: number, toMs: number, interval: number, zone: Zone) {
  const spans = busySpans(mb, fromMs, toMs);
  const details = DETAIL_ROLES.includes(roleOn(ctx, mb, defaultCalendar(mb)));
  let availabilityView = '';
  for (let t = fromMs; t < toMs; t += interval * MINUTE) availabilityView += VIEW_DIGIT[statusDuring(spans, t, Math.min(t + interval * MINUTE, toMs))];
  const scheduleItems = spans.map((s) => {
    const shown = details && s.event.sensitivity !== 'private' && s.event.sensitivity !== 'confidential';
    return {
      ...(shown ? { isPrivate: false } : {}),
      status: s.status,
      ...(shown ? { subject: s.event.subject, location: s.event.location.displayName } : {}),
      start: toDateTimeTimeZone(s.startMs, zone),
      end: toDateTimeTimeZone(s.endMs, zone),
    };
  });
  return { scheduleId, availabilityView, scheduleItems, workingHours: workingHoursJson(mb.workingHours) };
}
