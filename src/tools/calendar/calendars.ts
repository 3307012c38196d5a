// The calendars of a mailbox: the user's own (with those others shared with them) or another person's.
import { z } from 'zod';
import { ownerTool } from '../owner.js';
import { CALENDAR_OWNER } from './owner.js';

type GraphCalendar = {
  id: string;
  name?: string | null;
  owner?: { name?: string | null; address?: string | null } | null;
  canEdit?: boolean;
  isDefaultCalendar?: boolean;
};

const Calendar = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string().optional(),
  canEdit: z.boolean(),
  isDefault: z.boolean().optional(),
});

export const listCalendars = ownerTool(CALENDAR_OWNER, {
  name: 'calendar_list_calendars',
  title: 'List calendars',
  description: "Your calendars, with those shared with you (owner set), or another person's. Ids go to calendar_list_events and calendar_create_event.",
  kind: 'read',
  scopes: ['Calendars.Read'],
  orgScopes: ['Calendars.Read.Shared'],
  input: {},
  output: z.object({ calendars: z.array(Calendar) }),
  handler: async (_args, { graph, signal }, cal) => {
    const page = await graph.list<GraphCalendar>(`${cal.root}/calendars`, {
      query: { $select: 'id,name,owner,canEdit,isDefaultCalendar', $top: 100 },
      limit: 200,
      signal,
    });
    return {
      calendars: page.items.map((c) => ({
        id: c.id,
        name: c.name ?? '',
        ...(c.owner?.address ? { owner: c.owner.address } : {}),
        canEdit: c.canEdit === true,
        ...(c.isDefaultCalendar ? { isDefault: true } : {}),
      })),
    };
  },
  text: (r) => `${r.calendars.length} calendar(s)\n${r.calendars.map((c) => `- ${c.name}${c.isDefault ? ' (default)' : ''} | owner ${c.owner ?? '?'} | ${c.canEdit ? 'can edit' : 'read only'}\n  id: ${c.id}`).join('\n')}`,
});

export default [listCalendars];
