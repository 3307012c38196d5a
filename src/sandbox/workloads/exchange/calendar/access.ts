// Who may do what with a calendar. Two gates, as in Exchange Online:
// 1. the token's delegated permission: Calendars.ReadBasic / Read / ReadWrite reach only the signed-in user's
//    own mailbox; anyone else's needs Calendars.Read.Shared or Calendars.ReadWrite.Shared;
// 2. the owner's sharing: a calendar permission for the caller (or "My Organization"), or full access to a
//    shared mailbox. freeBusyRead shows nothing of the items; limitedRead shows them without bodies; read and
//    above show them; write and the delegate roles may change them; only delegateWithPrivateEventAccess (and
//    full access) sees private items.
// Exchange answers both failures with 403 ErrorAccessDenied.
//
// A calendar someone shared with the user also sits in the user's own list (shared.ts), so listing it, or getting
// that entry, is reading their own mailbox. Its items are the owner's, though, and the sandbox asks for the .Shared
// permissions there as it does at the owner's address: the permissions reference says Calendars.Read covers "user
// calendars" and Calendars.Read.Shared "all calendars that the user can access, including delegate and shared
// calendars". (One docs page says Calendars.Read suffices through the entry; being stricter here means a client
// that works against the sandbox also works where Exchange follows the reference.)

import { accessDenied } from '../errors.js';
import type { CalendarMailbox, CalendarRole, StoredCalendar } from './model.js';
import type { RequestContext, ScopeRule } from '../../../graph/types.js';
import type { CalendarContext } from './route-types.js';

export type Operation = 'read' | 'write';

const OWN: Record<Operation, string[]> = {
  read: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite', 'Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'],
  write: ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared'],
};
const OTHERS: Record<Operation, string[]> = {
  read: ['Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'],
  write: ['Calendars.ReadWrite.Shared'],
};

const hasAny = (granted: string[], wanted: string[]) => granted.some((g) => wanted.some((w) => w.toLowerCase() === g.toLowerCase()));

const isSelf = (ctx: RequestContext) => ctx.viaMe || ctx.directory.findUser(ctx.params.id)?.id === ctx.principal.user.id;

/** The permission gate as a route's scope rule; a miss is Exchange's 403, not the directory's. */
export function calendarScopes(op: Operation, scopes?: { own: string[]; others: string[] }): ScopeRule {
  return (ctx) => {
    const wanted = isSelf(ctx) ? (scopes?.own ?? OWN[op]) : (scopes?.others ?? OTHERS[op]);
    if (!hasAny(ctx.principal.scopes, wanted)) throw accessDenied();
    return ctx.principal.scopes;
  };
}

/** The gate for a shared calendar's items reached through the entry in the caller's own list. */
export function requireSharedScopes(ctx: CalendarContext, op: Operation): void {
  if (!hasAny(ctx.principal.scopes, OTHERS[op])) throw accessDenied();
}

export interface Access {
  canWrite: boolean;
  /** Items without body and bodyPreview. */
  withoutBody: boolean;
  seesPrivate: boolean;
}

const RANK: Record<CalendarRole, number> = {
  none: 0, freeBusyRead: 1, limitedRead: 2, read: 3, custom: 3, write: 4, delegateWithoutPrivateEventAccess: 5, delegateWithPrivateEventAccess: 6,
};

/** The caller's role on a calendar of a mailbox. */
export function roleOn(ctx: CalendarContext, mb: CalendarMailbox, calendar: StoredCalendar): CalendarRole {
  const me = ctx.principal.user;
  if (mb.owner.id === me.id || mb.fullAccess.has(me.userPrincipalName.toLowerCase())) return 'delegateWithPrivateEventAccess';
  const own = calendar.permissions.find((p) => p.userId === me.id);
  if (own) return own.role;
  return calendar.permissions.find((p) => p.userId === undefined)?.role ?? 'none';
}

/** What the caller may do with a calendar's items, or 403 when they may not even see them. */
export function authorize(ctx: CalendarContext, mb: CalendarMailbox, calendar: StoredCalendar, op: Operation): Access {
  const role = roleOn(ctx, mb, calendar);
  const rank = RANK[role];
  if (rank < RANK.limitedRead || (op === 'write' && rank < RANK.write)) throw accessDenied();
  const basicToken = !hasAny(ctx.principal.scopes, ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.Read.Shared', 'Calendars.ReadWrite.Shared']);
  return { canWrite: rank >= RANK.write, withoutBody: rank === RANK.limitedRead || basicToken, seesPrivate: rank >= RANK.delegateWithPrivateEventAccess };
}

/** The mailbox's calendars the caller can see items of (all for the owner and full-access delegates). */
export function visibleCalendars(ctx: CalendarContext, mb: CalendarMailbox): StoredCalendar[] {
  return mb.calendars.filter((c) => RANK[roleOn(ctx, mb, c)] >= RANK.limitedRead);
}
