// The calendar's end of the OnlineMeetings port (../../../online-meetings.ts): the Teams meetings on organizers'
// calendars, with the organizer's event id and the attendees that are people of the tenant, for their meeting chats.

import type { OnlineMeetings, TeamsMeeting } from '../../../online-meetings.js';
import { eventId } from '../ids/calendar.js';
import type { CalendarState } from './model.js';
import { mailboxByAddress } from './store.js';

export function offerOnlineMeetings(state: CalendarState): OnlineMeetings {
  return {
    teamsMeetings: () =>
      [...state.mailboxes.values()].flatMap((mb) =>
        [...mb.events.values()]
          .filter((e) => e.isOrganizer && !e.isCancelled && e.onlineMeetingProvider === 'teamsForBusiness' && e.onlineMeeting)
          .map((e): TeamsMeeting => ({
            organizerId: mb.owner.id,
            eventId: eventId(e.key),
            subject: e.subject,
            joinUrl: e.onlineMeeting!.joinUrl,
            attendeeIds: e.attendees.map((a) => mailboxByAddress(state, a.emailAddress.address)?.owner.id).filter((id): id is string => !!id && id !== mb.owner.id),
            createdMs: e.createdMs,
            startMs: e.startMs,
            recurring: e.type === 'seriesMaster',
          }))),
  };
}
