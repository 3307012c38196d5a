// The tool groups, once: id, MS365_MCP_ENABLE_* toggle, title, description, instructions and token budget.
// Config, selection, --help, the server's instructions, `npm run docs` and the surface test all read this
// table. It is loaded at every start (even --help), so it imports nothing.

interface GroupRow {
  id: string;
  /** MS365_MCP_ENABLE_<toggle>; several groups may share one. auth has none: signing in is always offered. */
  toggle?: string;
  title: string;
  /** One line: what the group's tools work on (README headings, --help, the deployment guide). */
  description: string;
  /** Added to the server's instructions to the model when the group is enabled. */
  instructions?: string;
  /** o200k tokens the group's tools may take in tools/list (organization mode, JSON as listed), or the
   *  group whose budget it shares: auth + users, files + SharePoint, Excel + PowerPoint count together. */
  budget: number | { with: string };
}

const TABLE = [
  {
    id: 'auth', title: 'Sign-in', budget: { with: 'users' },
    description: 'Device-code sign-in, its status, the accounts in the token cache and sign-out; local sign-in state only.',
    instructions: 'If a tool answers that you are not signed in, call auth_login and show the user the URL and code.',
  },
  { id: 'users', toggle: 'USERS', title: 'Users', budget: 1_800, description: 'Your profile and, in organization mode, the people of the organization and their managers.' },
  { id: 'mail', toggle: 'MAIL', title: 'Mail', budget: 4_200, description: 'Read, search, send, reply to and organise mail, in your mailbox or (organization mode) a shared one.' },
  { id: 'calendar', toggle: 'CALENDAR', title: 'Calendar', budget: 3_600, description: 'Events, invitations and replies, free/busy and meeting times, in your calendar or (organization mode) a shared one.' },
  { id: 'files', toggle: 'FILES', title: 'Files', budget: 4_400, description: 'Files and folders in your OneDrive, colleagues\' OneDrives and SharePoint libraries: find, read, upload, organise and share.' },
  { id: 'sharepoint', toggle: 'SHAREPOINT', title: 'SharePoint', budget: { with: 'files' }, description: 'SharePoint sites, their document libraries and lists.' },
  { id: 'excel', toggle: 'EXCEL_POWERPOINT', title: 'Excel', budget: 2_400, description: 'Excel workbooks in OneDrive and SharePoint.' },
  { id: 'documents', toggle: 'EXCEL_POWERPOINT', title: 'PowerPoint and Word', budget: { with: 'excel' }, description: 'Presentations and Word documents made from an outline or Markdown, and Office files converted to PDF, in OneDrive and SharePoint.' },
  { id: 'teams', toggle: 'TEAMS', title: 'Teams', budget: 3_000, description: 'Chats, teams, channels and their messages.' },
  { id: 'tasks', toggle: 'TASKS', title: 'To Do and Planner', budget: 2_000, description: 'To Do lists and tasks; Planner plans and their tasks.' },
  { id: 'contacts', toggle: 'CONTACTS', title: 'Contacts', budget: 900, description: 'Your Outlook contacts.' },
  { id: 'onenote', toggle: 'ONENOTE', title: 'OneNote', budget: 1_300, description: 'OneNote notebooks, sections and pages.' },
  { id: 'search', toggle: 'SEARCH', title: 'Search', budget: 900, description: 'Microsoft Search across mail, events, files, sites and people.' },
] as const satisfies readonly GroupRow[];

export type Group = (typeof TABLE)[number]['id'];
export type Toggle = Extract<(typeof TABLE)[number], { toggle: string }>['toggle'];
export interface GroupInfo extends Omit<GroupRow, 'id' | 'toggle' | 'budget'> {
  id: Group;
  toggle?: Toggle;
  budget: number | { with: Group };
}

/** The table, in the order documentation lists it. */
export const GROUP_TABLE: readonly GroupInfo[] = TABLE;
export const GROUPS: readonly Group[] = TABLE.map((g) => g.id);

/** Toggle suffix (MS365_MCP_ENABLE_<suffix>) -> the groups it controls. */
export const TOGGLES = {} as Record<Toggle, readonly Group[]>;
for (const g of GROUP_TABLE) if (g.toggle) TOGGLES[g.toggle] = [...(TOGGLES[g.toggle] ?? []), g.id];
export const TOGGLE_NAMES = Object.keys(TOGGLES) as Toggle[];

/** The whole organization surface, every group on: o200k tokens of tools/list. */
export const SURFACE_BUDGET = 25_000;

/** Each budget with the groups it covers, e.g. { groups: ['auth', 'users'], tokens: 1800 }. */
export function tokenBudgets(): { groups: Group[]; tokens: number }[] {
  return GROUP_TABLE.flatMap((g) => (typeof g.budget === 'number'
    ? [{ groups: GROUP_TABLE.filter((o) => o === g || (typeof o.budget === 'object' && o.budget.with === g.id)).map((o) => o.id), tokens: g.budget }]
    : []));
}

export function enabledGroups(toggles: Record<Toggle, boolean>): Set<Group> {
  const groups = new Set<Group>(['auth']);
  for (const t of TOGGLE_NAMES) if (toggles[t]) for (const g of TOGGLES[t]) groups.add(g);
  return groups;
}

/** The server's instructions to the model: what it is, what the enabled groups add, how lists page. */
export function serverInstructions(groups: ReadonlySet<Group>): string {
  const extra = GROUP_TABLE.filter((g) => groups.has(g.id) && g.instructions).map((g) => g.instructions);
  return ['Microsoft 365 through Microsoft Graph.', ...extra, 'Lists return a nextCursor to continue.'].join(' ');
}
