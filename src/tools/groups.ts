// The tool groups and the MS365_MCP_ENABLE_* toggle that switches each on or off.
export const GROUPS = [
  'auth', 'users', 'mail', 'calendar', 'files', 'excel', 'powerpoint', 'teams', 'sharepoint',
  'onenote', 'tasks', 'contacts', 'search',
] as const;
export type Group = (typeof GROUPS)[number];

/** Toggle suffix (MS365_MCP_ENABLE_<suffix>) -> the groups it controls. auth has no toggle. */
export const TOGGLES = {
  MAIL: ['mail'],
  CALENDAR: ['calendar'],
  FILES: ['files'],
  TEAMS: ['teams'],
  EXCEL_POWERPOINT: ['excel', 'powerpoint'],
  ONENOTE: ['onenote'],
  TASKS: ['tasks'],
  CONTACTS: ['contacts'],
  SHAREPOINT: ['sharepoint'],
  USERS: ['users'],
  SEARCH: ['search'],
} as const satisfies Record<string, readonly Group[]>;
export type Toggle = keyof typeof TOGGLES;
export const TOGGLE_NAMES = Object.keys(TOGGLES) as Toggle[];

export function enabledGroups(toggles: Record<Toggle, boolean>): Set<Group> {
  const groups = new Set<Group>(['auth']);
  for (const t of TOGGLE_NAMES) if (toggles[t]) for (const g of TOGGLES[t]) groups.add(g);
  return groups;
}
