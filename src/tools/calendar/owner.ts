// Whose calendar a tool works in: the signed-in user's, or with `calendarOwner` someone else's (shared or
// delegated; organization mode only): the calendar group's owner parameter (see ../owner.ts), with its words.
import { type Owner, ownerSchema, type OwnerParam } from '../owner.js';
import { loadTimeLibs } from '../time-zones.js';

export const CalendarOwner = ownerSchema('Owner (address or id); default: you');

export type CalendarRef = Owner;

export const CALENDAR_OWNER: OwnerParam<'calendarOwner'> = {
  group: 'calendar',
  name: 'calendarOwner',
  schema: CalendarOwner,
  mine: 'your calendar',
  needsOrgMode: (who) =>
    `The calendar of ${who} is not yours: other people's calendars need organization mode (start the server with --org-mode or MS365_MCP_ORG_MODE=true, then sign in again). Leave out calendarOwner for your own; calendar_get_schedule shows when others are free.`,
  denied: (e, cal, tool) => {
    const writes = tool.kind !== 'read';
    if (cal.other) {
      return writes
        ? `You may not change the calendar of ${cal.label} (Graph ${e.code}: ${e.graphMessage}). They must share it with you with edit rights or make you a delegate (and the app needs Calendars.ReadWrite.Shared); or create the event in your own calendar and invite them.`
        : `The calendar of ${cal.label} is not shared with you (Graph ${e.code}: ${e.graphMessage}). They must share it with you (and the app needs Calendars.Read.Shared); calendar_get_schedule still shows when they are free.`;
    }
    // Through /me this is a calendar someone shared with you (by its id from calendar_list_calendars).
    if (e.code !== 'ErrorAccessDenied') return undefined;
    return `Graph ${e.code}: ${e.graphMessage} The calendar you named is one shared with you: ${writes ? 'its owner gave you read access only, or ' : ''}other people's calendars need organization mode (and Calendars.${writes ? 'ReadWrite' : 'Read'}.Shared). Its owner is shown by calendar_list_calendars.`;
  },
  notFound: (e, cal: Owner) => `No calendar found for ${cal.label} (Graph ${e.code}: ${e.graphMessage}). Check the address; users_list finds people.`,
  badId: {
    codes: /^(ErrorItemNotFound|ErrorInvalidIdMalformed|ErrorInvalidId|ErrorCalendarFolderNotFound|ErrorFolderNotFound)$/i,
    where: 'Event and calendar ids come from calendar_list_events and calendar_list_calendars, for the same calendarOwner; an event of a calendar shared with you needs calendarOwner set to its owner.',
  },
  // luxon and the Windows zone table are loaded with the first calendar call, not at start-up.
  prepare: loadTimeLibs,
};
