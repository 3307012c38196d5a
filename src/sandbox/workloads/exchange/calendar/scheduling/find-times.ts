// user: findMeetingTimes, following Graph's documented rules.
// - Candidates start every 30 minutes inside the requested time slots (not in the past) and, for activityDomain
//   work, lie within the organizer's working hours (personal: the same hours on any day; unrestricted: any time).
// - The organizer must be free, tentative or working elsewhere unless isOrganizerOptional.
// - Each person's chance of attending: free, tentative or working elsewhere 100%, unknown 49% (outside the
//   organization, or no free/busy shared), busy or out of office 0%. Under work and personal, a person outside
//   their own working hours (in their own zone) cannot attend and shows as busy.
// - confidence = the average chance over the attendees (100 with none); suggestions below
//   minimumAttendeePercentage (default 50) are dropped; the rest are ordered by confidence, then by fewer
//   tentative participants, then chronologically, and cut to maxCandidates.
// - With no suggestion, emptySuggestionsReason says why: LocationsUnavailable, OrganizerUnavailable,
//   AttendeesUnavailable, AttendeesUnavailableOrUnknown, or Unknown.

import { METADATA } from '../../../../odata/query.js';
import type { GraphResponse } from '../../../../graph/types.js';
import { roleOn } from '../access.js';
import type { FreeBusyStatus } from '../model.js';
import { defaultCalendar, mailboxByAddress, routeMailbox } from '../store.js';
import { MINUTE, toDateTimeTimeZone } from '../../time/datetime.js';
import { preferenceApplied, readPreferences } from '../../time/prefer.js';
import { busySpans, statusDuring, withinHours, workingIntervals, type BusySpan } from './free-busy.js';
import { readFindRequest, type FindRequest } from './find-input.js';
import type { CalendarContext } from '../route-types.js';

const STEP = 30 * MINUTE;
const CHANCE: Record<FreeBusyStatus, number> = { free: 100, tentative: 100, workingElsewhere: 100, unknown: 49, busy: 0, oof: 0 };

interface Person {
  attendee: FindRequest['attendees'][number];
  known: boolean;
  spans: BusySpan[];
  hours: [number, number][];
}

interface Suggestion {
  startMs: number;
  confidence: number;
  tentatives: number;
  organizer: FreeBusyStatus;
  people: FreeBusyStatus[];
}

export function findMeetingTimes(ctx: CalendarContext): GraphResponse {
  const state = ctx.state;
  const organizer = routeMailbox(ctx);
  const now = state.now();
  const req = readFindRequest(ctx.req.body, now);
  const prefs = readPreferences(ctx.req);
  const from = Math.min(...req.windows.map((w) => w.at(0)!));
  const to = Math.max(...req.windows.map((w) => w.at(1)!));
  const allDays = req.activityDomain === 'personal';
  const restricted = req.activityDomain !== 'unrestricted';

  const people: Person[] = req.attendees.filter((a) => a.type !== 'resource').map((attendee) => {
    const mb = mailboxByAddress(state, attendee.emailAddress.address);
    const known = !!mb && roleOn(ctx, mb, defaultCalendar(mb)) !== 'none';
    return { attendee, known, spans: known ? busySpans(mb!, from, to) : [], hours: known ? workingIntervals(mb!.workingHours, from, to, allDays) : [] };
  });
  const organizerSpans = busySpans(organizer, from, to);
  const organizerHours = workingIntervals(organizer.workingHours, from, to, allDays);

  const candidates: number[] = [];
  for (const [start, end] of req.windows) {
    for (let t = Math.max(Math.ceil(start / STEP), Math.ceil(now / STEP)) * STEP; t + req.durationMs <= end; t += STEP) {
      if (!restricted || withinHours(organizerHours, t, t + req.durationMs)) candidates.push(t);
    }
  }

  let organizerFreeSomewhere = false;
  const suggestions: Suggestion[] = [];
  for (const t of [...new Set(candidates)].sort((a, b) => a - b)) {
    const end = t + req.durationMs;
    const organizerStatus = statusDuring(organizerSpans, t, end);
    if (!req.isOrganizerOptional && CHANCE[organizerStatus] < 100) continue;
    organizerFreeSomewhere = true;
    const statuses = people.map((p) => availability(p, t, end, restricted));
    const confidence = people.length ? statuses.reduce((n, s) => n + CHANCE[s], 0) / people.length : 100;
    if (confidence < req.minimumAttendeePercentage) continue;
    const tentatives = [organizerStatus, ...statuses].filter((s) => s === 'tentative').length;
    suggestions.push({ startMs: t, confidence, tentatives, organizer: organizerStatus, people: statuses });
  }
  suggestions.sort((a, b) => b.confidence - a.confidence || a.tentatives - b.tentatives || a.startMs - b.startMs);
  const kept = req.maxCandidates === undefined ? suggestions : suggestions.slice(0, req.maxCandidates);

  const noLocation = req.locationRequired && req.suggestLocation && req.locations.length === 0;
  const reason = noLocation
    ? 'LocationsUnavailable'
    : kept.length > 0
      ? ''
      : candidates.length === 0 || (!req.isOrganizerOptional && !organizerFreeSomewhere)
        ? 'OrganizerUnavailable'
        : people.some((p) => !p.known)
          ? 'AttendeesUnavailableOrUnknown'
          : people.length
            ? 'AttendeesUnavailable'
            : 'Unknown';
  const locations = req.locations.map((l) => ({ displayName: String(l.displayName ?? ''), ...(l.locationEmailAddress ? { locationEmailAddress: String(l.locationEmailAddress) } : {}) }));
  return {
    status: 200,
    headers: preferenceApplied(prefs),
    body: {
      '@odata.context': `${METADATA}#microsoft.graph.meetingTimeSuggestionsResult`,
      emptySuggestionsReason: reason,
      meetingTimeSuggestions: noLocation ? [] : kept.map((s, i) => ({
        // Two decimals, cut rather than rounded: the documentation's example gives (100 + 49 + 0) / 3 as 49.66.
        confidence: Math.floor(s.confidence * 100 + 1e-9) / 100,
        order: i + 1,
        organizerAvailability: s.organizer,
        ...(req.returnSuggestionReasons ? { suggestionReason: reasonFor(s, people) } : {}),
        attendeeAvailability: people.map((p, k) => ({ availability: s.people[k], attendee: { type: p.attendee.type, emailAddress: compact(p.attendee.emailAddress) } })),
        locations,
        meetingTimeSlot: { start: toDateTimeTimeZone(s.startMs, prefs.zone), end: toDateTimeTimeZone(s.startMs + req.durationMs, prefs.zone) },
      })),
    },
  };
}

function availability(p: Person, startMs: number, endMs: number, restricted: boolean): FreeBusyStatus {
  if (!p.known) return 'unknown';
  const status = statusDuring(p.spans, startMs, endMs);
  if (restricted && CHANCE[status] === 100 && !withinHours(p.hours, startMs, endMs)) return 'busy';
  return status;
}

const compact = (e: { name: string; address: string }) => (e.name ? { address: e.address, name: e.name } : { address: e.address });

function reasonFor(s: Suggestion, people: Person[]): string {
  if (people.length === 0) return 'Suggested because the organizer is available.';
  if (s.confidence === 100) return 'Suggested because it is one of the nearest times when all attendees are available.';
  if (s.people.includes('unknown')) return 'Suggested because it is one of the nearest times when most attendees are available or their availability is unknown.';
  return 'Suggested because it is one of the nearest times when most attendees are available.';
}
