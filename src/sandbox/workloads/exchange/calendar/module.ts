// Calendars and scheduling, as Exchange Online serves them through Graph v1.0: calendars and their sharing,
// events (with recurrence, invitations and responses), calendarView, getSchedule, findMeetingTimes, and the
// mailbox settings they read (time zone, working hours).

import type { GraphModule } from '../../../graph/types.js';
import { calendarRoutes } from './routes/calendars.js';
import { eventReadRoutes } from './routes/events-read.js';
import { eventWriteRoutes } from './routes/events-write.js';
import { settingsRoutes } from './routes/settings.js';
import { schedulingRoutes } from './scheduling/routes.js';

export const calendarModule: GraphModule = {
  name: 'calendar',
  routes: [...calendarRoutes, ...eventReadRoutes, ...eventWriteRoutes, ...settingsRoutes, ...schedulingRoutes],
};
