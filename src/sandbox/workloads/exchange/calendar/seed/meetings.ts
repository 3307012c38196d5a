// The demo organization's calendars: recurring series that began on SERIES_START and never end, and one-off
// items in "this week" (week 0: the Monday-to-Sunday week, UTC dates, in which the sandbox started) and "next
// week" (week 1). Days are ISO weekdays (1 = Monday); times are wall-clock in the organizer's time zone unless
// a row names another. People are mailbox nicknames (given.surname, or "support" for the shared mailbox).
// Tests rely on these rows: change them only together with test/sandbox/graph-calendar*.test.ts.

import type { ResponseType } from '../model.js';

export type SeedResponse = Extract<ResponseType, 'accepted' | 'tentativelyAccepted' | 'declined' | 'notResponded'>;
/** [nickname, response, 'optional'?] */
export type SeedAttendee = [string, SeedResponse, 'optional'?];

export interface SeedRecurrence {
  type: 'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly';
  interval?: number;
  days?: number[];
  dayOfMonth?: number;
  index?: 'first' | 'second' | 'third' | 'fourth' | 'last';
}

export interface SeedException {
  week: 0 | 1;
  day: number;
  /** Move the occurrence to these times on the same day. */
  move?: [string, string];
  subject?: string;
  cancel?: boolean;
}

export interface SeedMeeting {
  /** Stable name; ids derive from it. */
  name: string;
  organizer: string;
  subject: string;
  body?: string;
  week?: 0 | 1;
  day: number;
  /** [start, end] 'HH:mm'; absent for all-day rows. */
  time?: [string, string];
  /** All-day rows: number of days. */
  allDayDays?: number;
  zone?: string;
  /** 'everyone': every person of the organization, not yet answered. */
  attendees?: SeedAttendee[] | 'everyone';
  showAs?: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere';
  sensitivity?: 'private';
  importance?: 'high';
  location?: string;
  online?: boolean;
  categories?: string[];
  calendar?: string;
  recurrence?: SeedRecurrence;
  exceptions?: SeedException[];
}

const EXEC_STAFF = ['lee.gu', 'megan.bowen', 'alex.wilber', 'nestor.wilke', 'diego.siciliani', 'irvin.sayers', 'joni.sherman', 'isaiah.langer'];

export const SEED_MEETINGS: SeedMeeting[] = [
  // Recurring series.
  {
    name: 'store-opening', organizer: 'adele.vance', subject: 'Store opening check-in', day: 1, time: ['08:00', '08:15'],
    body: 'Quick check before the doors open: staffing, deliveries, displays.', location: 'Contoso Store, Bellevue Square',
    attendees: [['ben.walters', 'accepted']], recurrence: { type: 'daily' },
    exceptions: [
      { week: 1, day: 3, move: ['09:00', '09:15'], subject: 'Store opening check-in (late delivery)' },
      { week: 1, day: 5, cancel: true },
    ],
  },
  {
    name: 'sales-leadership', organizer: 'alex.wilber', subject: 'Sales leadership sync', day: 1, time: ['11:00', '11:30'], online: true,
    attendees: [['adele.vance', 'accepted'], ['christie.cline', 'accepted']], recurrence: { type: 'weekly', days: [1] },
  },
  {
    name: 'adele-alex-1on1', organizer: 'alex.wilber', subject: 'Adele / Alex 1:1', day: 4, time: ['13:00', '13:30'], online: true,
    attendees: [['adele.vance', 'accepted']], recurrence: { type: 'weekly', days: [4] },
  },
  {
    name: 'monthly-sales-review', organizer: 'alex.wilber', subject: 'Monthly sales review', day: 2, time: ['10:00', '11:00'], online: true,
    attendees: [['adele.vance', 'accepted'], ['christie.cline', 'accepted'], ['henrietta.mueller', 'tentativelyAccepted'], ['yuki.sato', 'declined', 'optional'], ['ben.walters', 'notResponded']],
    recurrence: { type: 'relativeMonthly', days: [2], index: 'first' },
  },
  {
    name: 'month-end-close', organizer: 'nestor.wilke', subject: 'Month-end close review', day: 1, time: ['09:00', '10:00'],
    attendees: [['sofia.rossi', 'accepted'], ['raj.patel', 'notResponded', 'optional']], recurrence: { type: 'absoluteMonthly', dayOfMonth: 25 },
  },
  {
    name: 'eng-standup', organizer: 'grady.archie', subject: 'Engineering stand-up', day: 1, time: ['09:30', '09:45'], online: true,
    attendees: [['lee.gu', 'tentativelyAccepted'], ['lynne.robbins', 'accepted']], recurrence: { type: 'weekly', days: [1, 2, 3, 4, 5] },
  },
  {
    name: 'tokyo-standup', organizer: 'kenji.watanabe', subject: 'Tokyo office stand-up', day: 1, time: ['09:30', '09:45'],
    attendees: [['yuki.sato', 'accepted'], ['hiroshi.tanaka', 'accepted'], ['aiko.nakamura', 'accepted']], recurrence: { type: 'weekly', days: [1, 2, 3, 4, 5] },
  },
  {
    name: 'munich-coffee', organizer: 'joni.sherman', subject: 'Munich team coffee', day: 5, time: ['10:00', '10:30'], location: 'MUC-2 kitchen',
    attendees: [['klaus.becker', 'accepted'], ['anna.schmidt', 'accepted'], ['johanna.lorenz', 'accepted'], ['henrietta.mueller', 'accepted']],
    recurrence: { type: 'weekly', days: [5] },
  },
  {
    name: 'blr-sync', organizer: 'arjun.mehta', subject: 'Bengaluru sync', day: 2, time: ['10:00', '10:30'],
    attendees: [['pradeep.gupta', 'accepted'], ['priya.nair', 'accepted'], ['raj.patel', 'tentativelyAccepted']], recurrence: { type: 'weekly', days: [2, 4] },
  },
  {
    name: 'emea-sales-weekly', organizer: 'christie.cline', subject: 'EMEA sales weekly', day: 3, time: ['16:00', '16:45'], online: true,
    attendees: [['henrietta.mueller', 'accepted'], ['alex.wilber', 'accepted'], ['emily.braun', 'notResponded', 'optional']],
    recurrence: { type: 'weekly', days: [3] },
  },
  {
    name: 'support-triage', organizer: 'support', subject: 'Weekly support triage', day: 1, time: ['10:00', '10:30'], online: true,
    attendees: [['debra.berger', 'accepted'], ['isaiah.langer', 'tentativelyAccepted'], ['adele.vance', 'accepted'], ['ben.walters', 'accepted'], ['arjun.mehta', 'notResponded', 'optional']],
    recurrence: { type: 'weekly', days: [1] },
  },
  {
    name: 'exec-staff', organizer: 'patti.fernandez', subject: 'Executive staff meeting', day: 2, time: ['08:00', '09:00'], online: true,
    location: 'Conf Room 18/1100 (Rainier)', attendees: EXEC_STAFF.map((p): SeedAttendee => [p, p === 'irvin.sayers' ? 'tentativelyAccepted' : 'accepted']),
    recurrence: { type: 'weekly', days: [2] },
  },
  {
    name: 'adele-ben-1on1', organizer: 'adele.vance', subject: 'Ben / Adele 1:1', day: 5, time: ['14:00', '14:30'],
    attendees: [['ben.walters', 'accepted']], recurrence: { type: 'weekly', interval: 2, days: [5] },
  },

  // This week and next week.
  {
    name: 'fabrikam-visit', organizer: 'adele.vance', subject: 'Customer visit: Fabrikam', week: 0, day: 3, time: ['10:00', '12:00'],
    body: 'Walk-through of the spring range with the Fabrikam buyers.', location: 'Fabrikam HQ, Redmond', importance: 'high',
    attendees: [['ben.walters', 'accepted'], ['alex.wilber', 'tentativelyAccepted', 'optional']],
  },
  { name: 'adele-lunch', organizer: 'adele.vance', subject: 'Lunch with Megan', week: 0, day: 2, time: ['12:00', '13:00'], location: 'Cafe 34', attendees: [['megan.bowen', 'accepted']] },
  { name: 'vendor-webinar', organizer: 'adele.vance', subject: 'Vendor webinar: spring collection', week: 0, day: 4, time: ['11:00', '12:00'], showAs: 'tentative' },
  { name: 'yoga', organizer: 'adele.vance', subject: 'Yoga class', week: 0, day: 1, time: ['18:00', '19:00'], calendar: 'Personal' },
  { name: 'retail-expo', organizer: 'adele.vance', subject: 'Retail Expo (Las Vegas)', week: 1, day: 1, allDayDays: 2, showAs: 'workingElsewhere', location: 'Las Vegas Convention Center' },
  { name: 'dentist', organizer: 'adele.vance', subject: 'Dentist', week: 1, day: 5, time: ['15:00', '16:00'], sensitivity: 'private' },
  { name: 'megan-vacation', organizer: 'megan.bowen', subject: 'Vacation', week: 0, day: 4, allDayDays: 2, showAs: 'oof' },
  { name: 'christie-oof', organizer: 'christie.cline', subject: 'Out of office', week: 1, day: 5, allDayDays: 1, showAs: 'oof' },
  {
    name: 'alex-redmond', organizer: 'alex.wilber', subject: 'Working from the Redmond office', week: 1, day: 2, time: ['08:00', '17:00'],
    zone: 'Pacific Standard Time', showAs: 'workingElsewhere', location: 'Building 18, Redmond',
  },
  {
    name: 'roadmap-review', organizer: 'lee.gu', subject: 'Q3 roadmap review', week: 1, day: 3, time: ['08:00', '09:00'], online: true,
    location: 'Conf Room 18/2001 (Lake Washington)',
    attendees: [['grady.archie', 'accepted'], ['johanna.lorenz', 'accepted'], ['lynne.robbins', 'tentativelyAccepted'], ['pradeep.gupta', 'notResponded', 'optional']],
  },
  {
    name: 'emea-pipeline', organizer: 'christie.cline', subject: 'EMEA pipeline review', week: 0, day: 4, time: ['14:00', '15:00'],
    attendees: [['henrietta.mueller', 'accepted'], ['alex.wilber', 'accepted'], ['emily.braun', 'notResponded', 'optional']],
  },
  {
    name: 'budget-review', organizer: 'nestor.wilke', subject: 'FY budget review', week: 1, day: 1, time: ['10:00', '11:30'],
    attendees: [['patti.fernandez', 'accepted'], ['megan.bowen', 'declined'], ['alex.wilber', 'tentativelyAccepted'], ['lee.gu', 'accepted']],
  },
  { name: 'security-training', organizer: 'hiroshi.tanaka', subject: 'Security training', week: 0, day: 3, time: ['14:00', '16:00'] },
  { name: 'focus-time', organizer: 'johanna.lorenz', subject: 'Focus time', week: 0, day: 2, time: ['13:00', '16:00'], categories: ['Focus'] },
  { name: 'marketing-offsite', organizer: 'priya.nair', subject: 'Marketing offsite', week: 1, day: 4, allDayDays: 2, showAs: 'workingElsewhere' },
  {
    name: 'holiday-coverage', organizer: 'support', subject: 'Holiday coverage planning', week: 1, day: 3, time: ['09:00', '09:30'],
    attendees: [['debra.berger', 'accepted'], ['isaiah.langer', 'notResponded']],
  },
  {
    name: 'all-hands', organizer: 'patti.fernandez', subject: 'Contoso all hands', week: 1, day: 4, time: ['09:00', '10:00'], online: true,
    body: 'Quarterly update from the leadership team, with Q&A.', attendees: 'everyone',
  },
];
