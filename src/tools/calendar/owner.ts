// Whose calendar a tool works in: the signed-in user's, or with `calendarOwner` someone else's (shared or
// delegated; organization mode only). calendarTool() adds that parameter, resolves it to a path root, and
// turns Graph's refusals into errors that name the calendar and what is missing.
import { z } from 'zod';
import { GraphError } from '../../graph/errors.js';
import { seg } from '../../graph/odata.js';
import { type AnyTool, defineTool, type ToolContext, ToolError, type ToolKind } from '../define-tool.js';
import { isSignedInUser, NO_SUCH_MAILBOX } from '../other-user.js';
import { loadTimeLibs } from './time-zones.js';

export const CalendarOwner = z.string().trim().max(320).optional().describe("Whose calendar, if not yours: address or user id");

export interface CalendarRef {
  /** '/me' or '/users/{id or address}'. */
  root: string;
  /** 'your calendar' or the owner as given. */
  label: string;
  /** Someone else's calendar. */
  other: boolean;
}

type CalendarInput<S extends z.ZodRawShape> = z.ZodObject<S & { calendarOwner: typeof CalendarOwner }>;

export interface CalendarToolDef<S extends z.ZodRawShape, O extends z.ZodObject, K extends ToolKind> {
  name: string;
  title: string;
  description: string;
  kind: K;
  scopes: string[];
  /** Extra permissions for other people's calendars (organization mode). */
  orgScopes?: string[];
  /** Offer calendarOwner (tools that work in one calendar). */
  owner?: boolean;
  input: S;
  output: O;
  handler: (args: z.output<CalendarInput<S>>, ctx: ToolContext<K>, cal: CalendarRef) => Promise<z.input<O>>;
  text?: (out: z.output<O>) => string;
  confirm?: (args: z.output<CalendarInput<S>>) => string;
}

export function calendarTool<S extends z.ZodRawShape, O extends z.ZodObject, K extends ToolKind>(def: CalendarToolDef<S, O, K>): AnyTool {
  const withOwner = def.owner !== false;
  const input = (withOwner ? z.object(def.input).extend({ calendarOwner: CalendarOwner }) : z.object(def.input)) as unknown as CalendarInput<S>;
  return defineTool({
    name: def.name,
    title: def.title,
    description: def.description,
    group: 'calendar',
    kind: def.kind,
    scopes: def.scopes,
    ...(def.orgScopes ? { orgScopes: def.orgScopes } : {}),
    input,
    output: def.output,
    text: def.text,
    confirm: def.confirm,
    handler: async (args, ctx) => {
      await loadTimeLibs();
      const cal = await openCalendar((args as { calendarOwner?: string }).calendarOwner, ctx);
      try {
        return await def.handler(args, ctx, cal);
      } catch (e) {
        throw explain(e, cal, def.kind !== 'read');
      }
    },
  });
}

async function openCalendar(owner: string | undefined, ctx: ToolContext<ToolKind>): Promise<CalendarRef> {
  const mine: CalendarRef = { root: '/me', label: 'your calendar', other: false };
  if (!owner) return mine;
  if (await isSignedInUser(ctx.auth, owner)) return mine;
  if (!ctx.orgMode) {
    throw new ToolError(`The calendar of ${owner} is not yours: other people's calendars need organization mode (start the server with --org-mode or MS365_MCP_ORG_MODE=true, then sign in again). Leave out calendarOwner for your own; calendar_get_schedule shows when others are free.`);
  }
  return { root: `/users/${seg(owner)}`, label: owner, other: true };
}

const BAD_ID = /^(ErrorItemNotFound|ErrorInvalidIdMalformed|ErrorInvalidId|ErrorCalendarFolderNotFound|ErrorFolderNotFound)$/i;

/** Graph's refusals, worded for the model: whose calendar, what access is missing, where ids come from. */
function explain(e: unknown, cal: CalendarRef, writes: boolean): unknown {
  if (!(e instanceof GraphError)) return e;
  if (cal.other && (e.status === 403 || e.code === 'ErrorAccessDenied')) {
    return new ToolError(
      writes
        ? `You may not change the calendar of ${cal.label} (Graph ${e.code}: ${e.graphMessage}). They must share it with you with edit rights or make you a delegate (and the app needs Calendars.ReadWrite.Shared); or create the event in your own calendar and invite them.`
        : `The calendar of ${cal.label} is not shared with you (Graph ${e.code}: ${e.graphMessage}). They must share it with you (and the app needs Calendars.Read.Shared); calendar_get_schedule still shows when they are free.`,
    );
  }
  if (!cal.other && e.code === 'ErrorAccessDenied') {
    // Through /me this is a calendar someone shared with you (by its id from calendar_list_calendars).
    return new ToolError(
      `Graph ${e.code}: ${e.graphMessage} The calendar you named is one shared with you: ${writes ? 'its owner gave you read access only, or ' : ''}other people's calendars need organization mode (and Calendars.${writes ? 'ReadWrite' : 'Read'}.Shared). Its owner is shown by calendar_list_calendars.`,
    );
  }
  if (cal.other && e.status === 404 && NO_SUCH_MAILBOX.test(e.code)) {
    return new ToolError(`No calendar found for ${cal.label} (Graph ${e.code}: ${e.graphMessage}). Check the address; users_list finds people.`);
  }
  if ((e.status === 404 || e.status === 400) && BAD_ID.test(e.code)) {
    return new ToolError(`${e.message}. Event and calendar ids come from calendar_list_events and calendar_list_calendars, for the same calendarOwner; an event of a calendar shared with you needs calendarOwner set to its owner.`);
  }
  return e;
}
