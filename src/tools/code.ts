// Each group's code, loaded on demand: a process that only lists tools never loads a tool module, and a
// call loads only its own group. The one list of groups that have tools.
import type { AnyTool } from './define-tool.js';
import type { Group } from './groups.js';

type Loader = () => Promise<readonly AnyTool[]>;

export const GROUP_CODE: Partial<Record<Group, Loader>> = {
  auth: async () => (await import('./auth/auth-tools.js')).default,
  users: async () => (await import('./users/users.js')).default,
  mail: async () => (await import('./mail/index.js')).default,
  calendar: async () => (await import('./calendar/index.js')).default,
  files: async () => (await import('./files/index.js')).default,
  sharepoint: async () => (await import('./sharepoint/index.js')).default,
  excel: async () => (await import('./excel/index.js')).default,
  documents: async () => (await import('./documents/index.js')).default,
  contacts: async () => (await import('./contacts/index.js')).default,
  teams: async () => (await import('./teams/index.js')).default,
  tasks: async () => (await import('./tasks/index.js')).default,
  onenote: async () => (await import('./onenote/index.js')).default,
  search: async () => (await import('./search/index.js')).default,
};
