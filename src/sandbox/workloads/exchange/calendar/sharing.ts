// Calendars other people shared with a user, as they appear in that user's own calendar list. In Exchange a
// share the recipient accepted (Outlook adds it) becomes an entry in the recipient's mailbox: it has its own
// id, not the owner's calendar id, and Graph lists it in GET /me/calendars after the user's own calendars
// ("Get shared or delegated Outlook calendar and its events", the sharee's-mailbox part). The sandbox takes
// every share to a person as accepted; "My Organization"'s default free/busy is no share to anyone in particular
// and adds nothing. An entry stays as long as the share does; its recipient may rename, recolour or remove it,
// which touches only their own list.
//
// Through an entry the recipient reaches the owner's calendar: the owner's items, with exactly the rules of
// addressing that calendar in the owner's mailbox (the role, and the .Shared permissions: see access.ts).

import { calendarId, newChangeKey, newKey, parseId } from '../ids/calendar.js';
import type { CalendarMailbox, CalendarRole, CalendarState, SharedView, StoredCalendar } from './model.js';

export interface SharedEntry {
  key: string;
  /** The entry's id in the recipient's mailbox. */
  id: string;
  /** Whose calendar it is, and the calendar there. */
  owner: CalendarMailbox;
  calendar: StoredCalendar;
  role: CalendarRole;
  view: SharedView;
}

const entryKey = (recipient: CalendarMailbox, owner: CalendarMailbox, calendar: StoredCalendar) =>
  newKey(`shared:${recipient.owner.id}:${owner.owner.id}:${calendar.key}`);

/** The recipient's settings for an entry; only a change stores them. */
function viewOf(recipient: CalendarMailbox, key: string): SharedView {
  return recipient.sharedViews?.get(key) ?? { changeKey: newChangeKey(`shared:${key}`) };
}

/** The calendars shared with the mailbox's owner that are in their list, in the order of the tenant's mailboxes. */
export function sharedEntries(state: CalendarState, recipient: CalendarMailbox): SharedEntry[] {
  const me = recipient.owner.id;
  const out: SharedEntry[] = [];
  for (const owner of state.mailboxes.values()) {
    if (owner === recipient) continue;
    for (const calendar of owner.calendars) {
      const share = calendar.permissions.find((p) => p.userId === me && p.role !== 'none');
      if (!share) continue;
      const key = entryKey(recipient, owner, calendar);
      const view = viewOf(recipient, key);
      if (!view.removed) out.push({ key, id: calendarId(key), owner, calendar, role: share.role, view });
    }
  }
  return out;
}

/** The entry an id names in the recipient's list, if any. */
export function findSharedEntry(state: CalendarState, recipient: CalendarMailbox, id: string): SharedEntry | undefined {
  const parsed = parseId(id);
  if (parsed?.kind !== 'calendar') return undefined;
  return sharedEntries(state, recipient).find((e) => e.key === parsed.key);
}

/** Records the recipient's change to their entry (a new change key each time, as for any folder). */
export function changeSharedView(recipient: CalendarMailbox, entry: SharedEntry, change: Omit<SharedView, 'changeKey'>): void {
  const views = (recipient.sharedViews ??= new Map());
  const view = { ...entry.view, ...change, changeKey: newChangeKey() };
  views.set(entry.key, view);
  entry.view = view;
}

/** What the entry's name is: the recipient's own, else the owner's name for a main calendar (as Outlook adds it). */
export const sharedName = (e: SharedEntry) => e.view.name ?? (e.calendar.isDefault ? e.owner.owner.displayName : e.calendar.name);
