// Scheduling actions. getSchedule reads free/busy with the caller's own calendar permission (Calendars.Read is
// the least privilege Graph documents; ReadBasic and the Shared variants also do); findMeetingTimes reads other
// people's calendars and so needs Calendars.Read.Shared or Calendars.ReadWrite.Shared, as Graph documents.

import type { ScopeRule } from '../../../../graph/types.js';
import { accessDenied } from '../../errors.js';
import { findMeetingTimes } from './find-times.js';
import { getSchedule } from './get-schedule.js';
import type { CalendarRoute } from '../route-types.js';

const anyOf = (wanted: string[]): ScopeRule => (ctx) => {
  if (!ctx.principal.scopes.some((s) => wanted.some((w) => w.toLowerCase() === s.toLowerCase()))) throw accessDenied();
  return ctx.principal.scopes;
};

const SCHEDULE = ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite', 'Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'];
const FIND = ['Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'];

export const schedulingRoutes: CalendarRoute[] = [
  { method: 'POST', path: '/users/{id}/calendar/getSchedule', scopes: anyOf(SCHEDULE), params: ['schedules', 'startTime', 'endTime', 'availabilityViewInterval'], handler: getSchedule },
  {
    method: 'POST',
    path: '/users/{id}/findMeetingTimes',
    scopes: anyOf(FIND),
    params: ['attendees', 'locationConstraint', 'timeConstraint', 'meetingDuration', 'maxCandidates', 'isOrganizerOptional', 'returnSuggestionReasons', 'minimumAttendeePercentage'],
    handler: findMeetingTimes,
  },
];
