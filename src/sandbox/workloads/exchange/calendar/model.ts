// What the sandbox's Exchange stores for calendars: per mailbox, its calendar folders, the events in them
// (single instances and series masters; a master carries its exceptions and cancelled occurrences), the
// mailbox's calendar settings (time zone, working hours) and who may see or edit each calendar.
// A meeting exists once per mailbox: the organizer's item and each internal attendee's copy share an iCalUId.

import type { DirectoryUser } from '../../../directory/directory.js';
import type { DateTimeTimeZone, DayOfWeek, EmailAddress, PatternedRecurrence } from '../items.js';
import type { SyncStates } from '../delta/sync-states.js';
import type { MeetingTransport } from '../meeting-mail.js';

export type { EmailAddress } from '../items.js';
// A series' recurrence is Exchange's patternedRecurrence, shared with To Do's recurring tasks.
export type { DayOfWeek, PatternedRecurrence, RecurrencePattern, RecurrenceRange } from '../items.js';
export { DAYS } from '../recurrence-input.js';

export type FreeBusyStatus = 'unknown' | 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere';
export type ResponseType = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';
export type AttendeeType = 'required' | 'optional' | 'resource';
export type CalendarRole =
  | 'none' | 'freeBusyRead' | 'limitedRead' | 'read' | 'write' | 'delegateWithoutPrivateEventAccess' | 'delegateWithPrivateEventAccess' | 'custom';
/** Roles a person inside the organization can be given; "My Organization" offers fewer. */
export const INTERNAL_ROLES: CalendarRole[] = ['freeBusyRead', 'limitedRead', 'read', 'write', 'delegateWithoutPrivateEventAccess', 'delegateWithPrivateEventAccess'];
export const ORGANIZATION_ROLES: CalendarRole[] = ['none', 'freeBusyRead', 'limitedRead', 'read', 'write'];


export interface ResponseStatus {
  response: ResponseType;
  /** Edm.DateTimeOffset; NEVER until someone answers. */
  time: string;
}

export interface TimeSlot {
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
}

export interface StoredAttendee {
  type: AttendeeType;
  emailAddress: EmailAddress;
  status: ResponseStatus;
  proposedNewTime?: TimeSlot;
}

/** microsoft.graph.location as stored (only the members a client gave, plus Outlook's defaults). */
export type StoredLocation = Record<string, unknown> & { displayName: string };

export interface OnlineMeetingInfo {
  joinUrl: string;
  conferenceId: string;
  tollNumber: string;
  tollFreeNumbers: string[];
  quickDial: string;
  phones: { number: string; type: string }[];
}

/** An event item: a single instance, a series master, or (inside a master) an exception. */
export interface StoredEvent {
  /** Internal key; the Graph id is derived from it (see ../ids/calendar.ts). */
  key: string;
  calendarKey: string;
  iCalUId: string;
  createdMs: number;
  modifiedMs: number;
  changeKey: string;
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  importance: 'low' | 'normal' | 'high';
  sensitivity: 'normal' | 'personal' | 'private' | 'confidential';
  showAs: FreeBusyStatus;
  categories: string[];
  /** Instants of start and end; for all-day events, midnight in the start zone. */
  startMs: number;
  endMs: number;
  /** Zone names as the organizer gave them (originalStartTimeZone / originalEndTimeZone). */
  startZone: string;
  endZone: string;
  isAllDay: boolean;
  location: StoredLocation;
  locations: StoredLocation[];
  attendees: StoredAttendee[];
  organizer: EmailAddress;
  isOrganizer: boolean;
  responseRequested: boolean;
  responseStatus: ResponseStatus;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: 'unknown' | 'teamsForBusiness' | 'skypeForBusiness' | 'skypeForConsumer';
  onlineMeeting: OnlineMeetingInfo | null;
  allowNewTimeProposals: boolean;
  hideAttendees: boolean;
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  isCancelled: boolean;
  isDraft: boolean;
  transactionId: string | null;
  type: 'singleInstance' | 'seriesMaster' | 'exception';
  recurrence: PatternedRecurrence | null;
  /** Series masters: exceptions by the original start of the occurrence they replace. */
  exceptions: Map<number, StoredEvent>;
  /** Series masters: original starts of deleted or cancelled occurrences. */
  cancelledOccurrences: Set<number>;
  /** Exceptions: the original start of the occurrence. */
  originalStartMs?: number;
}

export interface StoredPermission {
  id: string;
  emailAddress: { name: string; address?: string };
  role: CalendarRole;
  isInsideOrganization: boolean;
  isRemovable: boolean;
  allowedRoles: CalendarRole[];
  /** The directory user the permission is for; undefined for "My Organization". */
  userId?: string;
}

export interface StoredCalendar {
  key: string;
  name: string;
  color: string;
  hexColor: string;
  isDefault: boolean;
  changeKey: string;
  permissions: StoredPermission[];
}

export interface WorkingHours {
  daysOfWeek: DayOfWeek[];
  /** "HH:mm:ss" in the working-hours zone. */
  startTime: string;
  endTime: string;
  /** Windows name. */
  timeZone: string;
}

export interface CalendarMailbox {
  owner: DirectoryUser;
  /** Windows time-zone name of the mailbox (mailboxSettings.timeZone). */
  timeZone: string;
  workingHours: WorkingHours;
  calendars: StoredCalendar[];
  /** Single instances and series masters, by key, in creation order. */
  events: Map<string, StoredEvent>;
  /** UPNs (lower case) of users with full access to the whole mailbox (shared-mailbox delegates). */
  fullAccess: Set<string>;
  /** This user's own settings for calendars others shared with them, by entry key (see shared.ts); made on first change. */
  sharedViews?: Map<string, SharedView>;
}

/** What a sharee changed on their entry of someone else's calendar: only their own list is affected. */
export interface SharedView {
  name?: string;
  color?: string;
  changeKey?: string;
  /** Removed from the list (DELETE): the share itself stays. */
  removed?: boolean;
}

/** A meeting request, response or cancellation on its way to someone's inbox (see invitations.ts). */
export interface MeetingMessage {
  kind: 'eventMessageRequest' | 'eventMessageResponse' | 'eventMessage';
  meetingMessageType: 'meetingRequest' | 'meetingCancelled' | 'meetingAccepted' | 'meetingTenativelyAccepted' | 'meetingDeclined';
  from: EmailAddress;
  to: EmailAddress[];
  /** Directory user ids of the recipients whose inboxes receive it. */
  recipientIds: string[];
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  sentMs: number;
  /** The event the message is about, in each recipient's mailbox (eventMessage.event). */
  eventIds: Record<string, string>;
  startDateTime: DateTimeTimeZone;
  endDateTime: DateTimeTimeZone;
  location: StoredLocation;
  isAllDay: boolean;
  type: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  recurrence: PatternedRecurrence | null;
  responseType?: ResponseType;
  proposedNewTime?: TimeSlot;
  importance: 'low' | 'normal' | 'high';
}

export interface CalendarState {
  /** Monday (yyyy-MM-dd) of the week the sandbox started in: the seed's "this week" (see seed/index.ts). */
  anchorWeek: string;
  mailboxes: Map<string, CalendarMailbox>;
  /** Delivers meeting messages to inboxes through mail's transport; until it is wired they queue up. */
  deliver: (message: MeetingMessage) => void;
  /** Messages nobody has taken yet (no transport wired). */
  undelivered: MeetingMessage[];
  /** Mail's MeetingTransport port, wired by tenant.ts (see meetings/ports.ts). */
  transport?: MeetingTransport;
  now: () => number;
  /** The sync states of calendarView delta queries (see ../delta/sync-states.ts). */
  syncStates: SyncStates;
}
