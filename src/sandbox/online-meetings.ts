// The port the calendar offers Teams: the Teams meetings organizers have on their calendars, so that each has its
// meeting chat (a chat of type meeting, tied to the organizer's event and its join link) with the organizer and the
// attendees as members. Seeded meetings are there from the start; the chat of a meeting made later is Teams'
// business when someone first uses it, which the sandbox does not play.

export interface TeamsMeeting {
  /** The organizer's directory id. */
  organizerId: string;
  /** The Graph id of the event in the organizer's calendar (the chat's onlineMeetingInfo.calendarEventId). */
  eventId: string;
  subject: string;
  /** The meeting's Teams join link; its thread is the meeting chat's id. */
  joinUrl: string;
  /** Directory ids of the attendees who have mailboxes in the tenant. */
  attendeeIds: string[];
  /** When the meeting was scheduled, and when it (its series) first starts, in ms. */
  createdMs: number;
  startMs: number;
  recurring: boolean;
}

export interface OnlineMeetings {
  /** Every Teams meeting an organizer has on their calendar, single or series, not cancelled. */
  teamsMeetings(): TeamsMeeting[];
}
