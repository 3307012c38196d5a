// Calendar facts about the demo organization's people: working hours by office (in the office's time zone,
// with a few personal variations), calendars besides the default one, and who shared their calendar with whom.
// Every calendar also grants "My Organization" free/busy, Exchange's default, so anyone can see anyone's
// availability (getSchedule, findMeetingTimes) but not their items.

import type { CalendarRole, DayOfWeek, WorkingHours } from '../model.js';
import type { DirectoryUser } from '../../../../directory/directory.js';

const WEEKDAYS: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** Office hours by the Windows zone of the office (each office has its own zone in the seed). */
const OFFICE_HOURS: Record<string, [string, string]> = {
  'Pacific Standard Time': ['08:00:00', '17:00:00'],
  'Eastern Standard Time': ['09:00:00', '17:30:00'],
  'GMT Standard Time': ['09:00:00', '17:30:00'],
  'W. Europe Standard Time': ['08:00:00', '16:30:00'],
  'Tokyo Standard Time': ['09:00:00', '18:00:00'],
  'India Standard Time': ['09:30:00', '18:30:00'],
};

/** People whose hours differ from their office's. */
const PERSONAL_HOURS: Record<string, Partial<WorkingHours>> = {
  'patti.fernandez': { startTime: '07:30:00', endTime: '18:00:00' },
  // Part-time: four days a week.
  'anna.schmidt': { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday'] },
  // The support desk is staffed early to late, Pacific time.
  support: { startTime: '06:00:00', endTime: '18:00:00' },
};

export function workingHoursOf(user: DirectoryUser): WorkingHours {
  const [startTime, endTime] = OFFICE_HOURS[user.timeZone] ?? ['08:00:00', '17:00:00'];
  return { daysOfWeek: WEEKDAYS, startTime, endTime, timeZone: user.timeZone, ...PERSONAL_HOURS[user.mailNickname] };
}

/** Calendars besides the default "Calendar", by mailbox nickname: [name, color, hexColor]. */
export const EXTRA_CALENDARS: Record<string, [string, string, string][]> = {
  'adele.vance': [['Personal', 'lightGreen', '#87d28e'], ['Retail launches', 'lightOrange', '#f7a25e']],
  'alex.wilber': [['Travel', 'lightBlue', '#74b3e5']],
  'megan.bowen': [['Campaigns', 'lightPink', '#ee8ee0']],
  'patti.fernandez': [['Board', 'lightGray', '#c0c0c0']],
  support: [['Support rota', 'lightTeal', '#5fcfc2']],
};

/** Calendar shares on default calendars: [owner, grantee, role]. */
export const CALENDAR_SHARES: [string, string, CalendarRole][] = [
  ['alex.wilber', 'adele.vance', 'read'],
  ['ben.walters', 'adele.vance', 'write'],
  ['adele.vance', 'alex.wilber', 'read'],
  ['adele.vance', 'ben.walters', 'limitedRead'],
  ['lee.gu', 'grady.archie', 'delegateWithPrivateEventAccess'],
  ['megan.bowen', 'miriam.graham', 'read'],
  ['patti.fernandez', 'diego.siciliani', 'limitedRead'],
  ['christie.cline', 'henrietta.mueller', 'read'],
];
