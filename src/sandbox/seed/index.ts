// The demo tenant's data, assembled from the seed files. One Tenant object per running sandbox holds the
// (mutable, in-memory) state every Graph route reads; later capabilities add their collections here
// (mail.ts, calendars.ts, files.ts, ...) next to users.ts.

import { demoUsers, sharedMailbox, type DirectoryUser, type SharedMailbox } from '../directory/seed/users.js';
import { createCalendarState } from '../workloads/exchange/calendar/seed/index.js';
import { connectMeetingMail } from '../workloads/exchange/calendar/meetings/mail-bridge.js';
import type { CalendarState } from '../workloads/exchange/calendar/model.js';
import { createMailStore, type MailStore } from '../workloads/exchange/mail/seed/index.js';

export { DEFAULT_USER_UPN, NO_SHARED_ACCESS_UPN, SHARED_MAILBOX_UPN, TENANT_DOMAIN, COMPANY_NAME } from '../directory/seed/users.js';
export { demoUsers, sharedMailbox } from '../directory/seed/users.js';
export type { DirectoryUser, SharedMailbox } from '../directory/seed/users.js';

export interface Tenant {
  readonly users: DirectoryUser[];
  readonly sharedMailboxes: SharedMailbox[];
  /** Every mailbox (people and shared), the address book and transport; see mail.ts. */
  readonly mail: MailStore;
  /** By object id (case-insensitive, as Entra treats GUIDs) or userPrincipalName (case-insensitive). */
  findUser(idOrUpn: string): DirectoryUser | undefined;
  manager(user: DirectoryUser): DirectoryUser | undefined;
  /** Derived from managerId, in seed order. */
  directReports(user: DirectoryUser): DirectoryUser[];
  /** Calendars, events, working hours and calendar shares of every mailbox (seed/calendar.ts). */
  readonly calendar: CalendarState;
}

export function createTenant(): Tenant {
  const users = demoUsers();
  const sharedMailboxes = [sharedMailbox()];
  const byKey = new Map<string, DirectoryUser>();
  for (const u of users) {
    byKey.set(u.id.toLowerCase(), u);
    byKey.set(u.userPrincipalName.toLowerCase(), u);
  }
  const findUser = (idOrUpn: string) => byKey.get(idOrUpn.toLowerCase());
  const tenant: Tenant = {
    users,
    sharedMailboxes,
    mail: createMailStore(users, sharedMailboxes),
    findUser,
    manager: (user) => (user.managerId ? findUser(user.managerId) : undefined),
    directReports: (user) => users.filter((u) => u.managerId === user.id),
    calendar: createCalendarState(users, sharedMailboxes, Date.now()),
  };
  // Meeting requests, responses and cancellations travel as mail; the calendar tells mail what makes them
  // eventMessages (their meeting facts and the event each links to), so mail never reads calendar internals.
  tenant.mail.meetings = connectMeetingMail(tenant.calendar, tenant.mail);
  return tenant;
}
