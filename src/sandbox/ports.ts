// The ports workloads offer each other, by name. A port is an interface the using workload declares; another
// workload implements it over its own state, and tenant.ts hands it over, so no workload reads another's
// internals. Next: online meetings (calendar and Teams), reference attachments (mail and drives), Planner and
// groups, search over everything.

import type { FlaggedMail } from './workloads/exchange/flagged-mail.js';
import type { MeetingMail, MeetingTransport } from './workloads/exchange/meeting-mail.js';
import type { OnlineMeetings } from './online-meetings.js';
import type { Searchable } from './searchable.js';

export interface Ports {
  /** Calendar, for mail: what makes a message an eventMessage, and the event it links to. */
  meetingMail: MeetingMail;
  /** Mail, for the calendar: the transport meeting requests, responses and cancellations travel by. */
  meetingTransport: MeetingTransport;
  /** Mail, for To Do: the flagged messages its "Flagged email" list shows, and their flags set from the tasks. */
  flaggedMail: FlaggedMail;
  /** For Microsoft Search, each workload's content as searchable documents: files (driveItem), mail (message),
   *  events, and sites with their lists and list items. */
  fileSearch: Searchable;
  mailSearch: Searchable;
  eventSearch: Searchable;
  siteSearch: Searchable;
  /** Teams' chat and channel messages, for the Search API's chatMessage (workloads/teams). */
  chatSearch: Searchable;
  /** Calendar, for Teams: the Teams meetings on organizers' calendars, each with its meeting chat. */
  onlineMeetings: OnlineMeetings;
}

/** Every port by name, so the tenant can tell which one no workload offers. */
export const PORT_NAMES = { meetingMail: true, meetingTransport: true, flaggedMail: true, fileSearch: true, mailSearch: true, eventSearch: true, siteSearch: true, chatSearch: true, onlineMeetings: true } as const satisfies Record<keyof Ports, true>;
