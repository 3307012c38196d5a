// The To Do side of the demo tenant: every mailbox has its "Tasks" and "Flagged email" lists; each person also has
// the tasks of tasks.ts in them and a list of their department's own, dated from the Monday of the anchor week
// (seed-clock.ts) in the person's own zone, so a fresh sandbox always has tasks due this week, overdue ones and
// done ones. Ids come from stable names: the same on every start.

import type { Directory, DirectoryUser } from '../../../../directory/directory.js';
import { addDays, startOfDate, wallToInstant } from '../../time/datetime.js';
import { calendarAnchorWeek } from '../../time/seed-clock.js';
import { findZone, UTC, type Zone } from '../../time/zones.js';
import { DAYS } from '../../recurrence-input.js';
import { NO_FLAGGED_MAIL } from '../../flagged-mail.js';
import { guid, listId, stableKey, taskId } from '../ids.js';
import type { StoredTask, StoredTaskList, StoredWhen, TodoBook, TodoState } from '../model.js';
import { EVERYONE, PERSONAL, TEAM_LISTS, type SeedTask } from './tasks.js';

export function createTodoState(directory: Directory, nowMs: number): TodoState {
  const monday = calendarAnchorWeek(nowMs);
  const books = new Map<string, TodoBook>();
  for (const user of directory.users) books.set(user.id, bookOf(user, directory, monday));
  return { books, flaggedMail: NO_FLAGGED_MAIL, flagged: new Map() };
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function newList(owner: DirectoryUser, displayName: string, wellknownListName: StoredTaskList['wellknownListName']): StoredTaskList {
  const key = stableKey(`${owner.id}/todo/list/${displayName}`);
  return { id: listId(key), changeKey: key.slice(0, 16), createdDateTime: owner.createdDateTime, lastModifiedDateTime: owner.createdDateTime, displayName, wellknownListName, isOwner: true, isShared: false };
}

function bookOf(owner: DirectoryUser, directory: Directory, monday: string): TodoBook {
  const lists = [newList(owner, 'Tasks', 'defaultList'), newList(owner, 'Flagged email', 'flaggedEmails')];
  const book: TodoBook = { lists, tasks: [] };
  // The shared mailbox cannot sign in: its lists exist, empty.
  if (!owner.accountEnabled) return book;
  const zone = findZone(owner.timeZone) ?? UTC;
  const team = TEAM_LISTS[owner.department ?? ''] ?? PERSONAL;
  const teamList = newList(owner, team.name, 'none');
  lists.push(teamList);
  const site = directory.sites.find((s) => s.name === owner.department) ?? directory.sites.find((s) => s.name === 'Intranet');
  const add = (t: SeedTask, list: StoredTaskList, n: number) => book.tasks.push(seedTask(t, { owner, list, zone, monday, n, site }));
  EVERYONE.forEach((t, n) => add(t, lists[0], n));
  team.tasks.forEach((t, n) => add(t, teamList, EVERYONE.length + n));
  return book;
}

interface Where {
  owner: DirectoryUser;
  list: StoredTaskList;
  zone: Zone;
  monday: string;
  /** Position in the seed, for creation times a minute apart. */
  n: number;
  site?: { id: string; displayName: string; webUrl: string };
}

function seedTask(t: SeedTask, w: Where): StoredTask {
  const key = stableKey(`${w.owner.id}/todo/task/${t.title}`);
  const date = (day: number) => addDays(w.monday, day);
  const at = (day: number, time: string): StoredWhen => ({ ms: wallToInstant(`${date(day)}T${time}:00`, w.zone)!, zone: w.zone.name });
  const due = t.due === undefined ? null : { ms: startOfDate(date(t.due), w.zone), zone: w.zone.name };
  // Made in the fortnight before the anchor week, a minute apart; changed when completed.
  const created = iso(Date.parse(`${addDays(w.monday, -14)}T08:00:00Z`) + w.n * 60_000);
  const completed = t.completed ? at(t.completed.day, t.completed.time) : null;
  const stamp = (suffix: string) => ({ id: guid(`${key}/${suffix}`), changeKey: key.slice(0, 8), createdDateTime: created, lastModifiedDateTime: created });
  return {
    id: taskId(key),
    changeKey: key.slice(0, 16),
    createdDateTime: created,
    lastModifiedDateTime: completed ? iso(completed.ms) : created,
    listId: w.list.id,
    title: t.title,
    body: { contentType: 'text', content: t.body ?? '' },
    bodyLastModifiedDateTime: created,
    importance: t.importance ?? 'normal',
    status: t.status ?? 'notStarted',
    isReminderOn: !!t.reminder,
    categories: t.categories ?? [],
    dueDateTime: due,
    startDateTime: null,
    reminderDateTime: t.reminder ? at(t.reminder.day, t.reminder.time) : null,
    completedDateTime: completed,
    recurrence: t.weekly && t.due !== undefined ? weeklyOn(date(t.due), w.zone) : null,
    checklistItems: (t.checklist ?? []).map(([displayName, isChecked], i) => ({ ...stamp(`check/${i}`), displayName, isChecked, checkedDateTime: isChecked ? created : null })),
    linkedResources: t.linkToTeamSite && w.site
      ? [{ ...stamp('link'), webUrl: w.site.webUrl, applicationName: 'SharePoint', displayName: `${w.site.displayName} team site`, externalId: w.site.id }]
      : [],
  };
}

/** Every week on the date's weekday, from that date on, as To Do writes a weekly recurrence. */
function weeklyOn(date: string, zone: Zone): StoredTask['recurrence'] {
  const weekday = DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return {
    pattern: { type: 'weekly', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: [weekday], firstDayOfWeek: 'sunday', index: 'first' },
    range: { type: 'noEnd', startDate: date, endDate: '0001-01-01', recurrenceTimeZone: zone.name, numberOfOccurrences: 0 },
  };
}
