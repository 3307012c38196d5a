// The OneNote seed: every person has a default notebook "{Given} @ Contoso" with Quick Notes (the default
// section), Meetings (weekly team syncs with attendees, agenda, an action-item table and a chart; one-to-ones with
// their manager; customer calls for sales people) and a Projects section group with the holiday launch plan.
// Adele, the default user, also has many customer calls (more pages than one default page of results), a second
// notebook and a nested section group. Every date counts back from the seed clock's epoch (seed-clock.ts), so the
// notes are always of the weeks just past; ids derive from stable names.

import type { TenantSettings } from '../../../contract.js';
import { png } from '../../../content/office-files.js';
import type { Directory, DirectoryUser } from '../../../directory/directory.js';
import { mailSeedEpoch, shiftDate } from '../../../seed-clock.js';
import { hierarchyId } from '../ids.js';
import { defaultNotebookName } from '../names.js';
import type { Notes, OneNoteState, StoredSection } from '../model.js';
import { addPage } from '../page-create.js';
import { Throttle } from '../throttle.js';
import { customerCall, oneOnOne, projectPlan, quickNote, teamMeeting } from './pages.js';
import { AGENDAS, ACTIONS, CUSTOMERS, DECISIONS, ONE_ON_ONE } from './topics.js';

const CHART = `data:image/png;base64,${png(320, 160, [[31, 78, 121], [46, 117, 181], [91, 155, 213], [189, 215, 238]]).toString('base64')}`;

export function createOneNoteState(directory: Directory, settings: TenantSettings, nowMs: number): OneNoteState {
  const epoch = mailSeedEpoch(nowMs);
  const shared = new Set(directory.sharedMailboxes.map((m) => m.userId));
  const firstSite = directory.sites[0]?.webUrl;
  const state: OneNoteState = {
    notes: new Map(),
    resources: new Map(),
    throttle: new Throttle(settings.oneNoteLimits),
    myHost: firstSite ? new URL(firstSite).host.replace('.sharepoint.com', '-my.sharepoint.com') : 'contoso-my.sharepoint.com',
    seed: (ownerId) => {
      const user = directory.findUser(ownerId)!;
      const notes = shared.has(user.id) ? emptyNotes(user) : seedPerson(state, directory, user, epoch);
      state.notes.set(user.id, notes);
      return notes;
    },
  };
  return state;
}

const emptyNotes = (u: DirectoryUser): Notes => ({ owner: { id: u.id, displayName: u.displayName }, notebooks: [], sectionGroups: [], sections: [], pages: [] });

function seedPerson(state: OneNoteState, directory: Directory, user: DirectoryUser, epoch: string): Notes {
  const notes = emptyNotes(user);
  const me = notes.owner;
  const day = (daysBefore: number) => shiftDate(epoch.slice(0, 10), -daysBefore);
  const made = (key: string, daysBefore: number) => ({ id: hierarchyId(`${user.id}/${key}`), createdDateTime: `${day(daysBefore)}T09:00:00Z`, lastModifiedDateTime: `${day(daysBefore)}T09:00:00Z`, createdBy: me, lastModifiedBy: me });
  const notebook = { ...made('notebook', 120), displayName: defaultNotebookName(directory, user), isDefault: true };
  notes.notebooks.push(notebook);
  const section = (key: string, displayName: string, parentGroupId: string | null = null, isDefault = false): StoredSection => {
    const s = { ...made(key, 120), displayName, notebookId: notebook.id, parentGroupId, isDefault };
    notes.sections.push(s);
    return s;
  };
  const quick = section('quick', 'Quick Notes', null, true);
  const meetings = section('meetings', 'Meetings');
  const projects = { ...made('projects', 100), displayName: 'Projects', notebookId: notebook.id, parentGroupId: null };
  notes.sectionGroups.push(projects);
  const holiday = section('holiday', 'Holiday 2026', projects.id);

  const page = (s: StoredSection, key: string, p: { title: string; html: string }, date: string, time: string) => {
    const at = new Date(Date.parse(`${date}T${time}:00Z`) + 3600_000).toISOString().replace('.000Z', 'Z');
    addPage(state, notes, { section: s, source: { html: p.html }, appId: '', at, seedName: `${user.id}/page/${key}` });
  };
  const team = user.department ?? 'Leadership';
  const manager = directory.manager(user);
  const peers = directory.users.filter((u) => u.department === user.department && u.id !== user.id && u.accountEnabled);
  const attendees = [user, ...(manager ? [manager] : []), ...peers.filter((p) => p.id !== manager?.id)].slice(0, 5).map((u) => u.displayName);
  const agenda = AGENDAS[team] ?? AGENDAS.Default;
  for (let k = 0; k < 6; k++) {
    const date = day(6 + 7 * k);
    const actions = [0, 1, 2].map((i): [string, string, string] => [attendees[(k + i) % attendees.length], ACTIONS[(k * 3 + i) % ACTIONS.length], shiftDate(date, 3 + 2 * i)]);
    page(meetings, `sync/${k}`, teamMeeting({ date, time: '16:00', team, attendees, actions, agenda: [agenda[k % agenda.length], agenda[(k + 1) % agenda.length], 'Open questions'], decision: DECISIONS[k % DECISIONS.length], chart: k % 2 === 0 ? CHART : undefined }), date, '16:00');
  }
  if (manager) for (let k = 0; k < 3; k++) page(meetings, `1on1/${k}`, oneOnOne(day(4 + 14 * k), '17:30', user.displayName, manager.displayName, ONE_ON_ONE.slice(k, k + 3)), day(4 + 14 * k), '17:30');
  const calls = user.id === directory.defaultUser.id ? CUSTOMERS.length : user.department === 'Sales' ? 2 : 0;
  for (let k = 0; k < calls; k++) {
    const c = CUSTOMERS[k];
    page(meetings, `call/${k}`, customerCall(day(3 + 3 * k), '15:00', c.customer, c.contact, c.notes, c.next), day(3 + 3 * k), '15:00');
  }
  page(quick, 'quick/0', quickNote(day(1), '08:15', 'To do this week', ['Expense report', 'Book travel for the regional review', `Reply to ${attendees[1] ?? 'the team'} about the schedule`]), day(1), '08:15');
  page(quick, 'quick/1', quickNote(day(10), '12:40', 'Ideas', ['A shared calendar for store visits', 'Monthly lunch and learn']), day(10), '12:40');
  page(holiday, 'plan', projectPlan(day(20), '10:00', CHART), day(20), '10:00');
  if (user.id === directory.defaultUser.id) {
    const playbook = { ...made('playbook', 60), displayName: 'Sales Playbook', isDefault: false };
    notes.notebooks.push(playbook);
    notes.sections.push({ ...made('objections', 60), displayName: 'Objection handling', notebookId: playbook.id, parentGroupId: null, isDefault: false });
    const archive = { ...made('archive', 90), displayName: 'Archive', notebookId: notebook.id, parentGroupId: projects.id };
    notes.sectionGroups.push(archive);
    section('spring', 'Spring 2026', archive.id);
  }
  notebook.lastModifiedDateTime = notes.sections.map((s) => s.lastModifiedDateTime).reduce((a, b) => (a > b ? a : b));
  return notes;
}
