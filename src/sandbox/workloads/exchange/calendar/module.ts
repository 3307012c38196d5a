// Exchange calendar as a sandbox workload: calendars and their sharing, events (with recurrence, invitations and
// responses), calendarView and its delta, getSchedule, findMeetingTimes, and the mailbox settings they read (time
// zone, working hours), served through Graph v1.0 over a CalendarState seeded from seed/. It offers mail the
// MeetingMail port and sends meeting mail through mail's MeetingTransport port (meetings/ports.ts); it offers Teams
// the OnlineMeetings port (the Teams meetings whose chats Teams keeps).

import { workload } from '../../../workload.js';
import { offerMeetingMail, useMeetingTransport } from './meetings/ports.js';
import type { CalendarState } from './model.js';
import { calendarRoutes } from './routes/calendars.js';
import { eventDeltaRoutes } from './routes/events-delta.js';
import { eventReadRoutes } from './routes/events-read.js';
import { eventWriteRoutes } from './routes/events-write.js';
import { settingsRoutes } from './routes/settings.js';
import { schedulingRoutes } from './scheduling/routes.js';
import { offerOnlineMeetings } from './online-meetings.js';
import { offerEventSearch } from './searchable.js';
import { createCalendarState } from './seed/index.js';

export const calendarWorkload = workload<CalendarState>({
  name: 'calendar',
  create: (directory) => createCalendarState(directory.users, directory.sharedMailboxes, Date.now()),
  provide: (state) => ({ meetingMail: offerMeetingMail(state), eventSearch: offerEventSearch(state), onlineMeetings: offerOnlineMeetings(state) }),
  start: (state, ports) => useMeetingTransport(state, ports.meetingTransport),
  routes: [...calendarRoutes, ...eventReadRoutes, ...eventDeltaRoutes, ...eventWriteRoutes, ...settingsRoutes, ...schedulingRoutes],
});
