// The directory as a sandbox workload: its Graph routes (/users with the org chart, /organization) and the
// directory the tenant starts with, the demo organization of seed/. Every route sees the directory as
// ctx.directory, so its state is the directory itself.

import { workload } from '../workload.js';
import { createDirectory, type Directory } from './directory.js';
import { organizationRoutes } from './organization-routes.js';
import { departmentGroups } from './seed/department-groups.js';
import { ORGANIZATION } from './seed/organization.js';
import { demoSites } from './seed/sites.js';
import { DEFAULT_USER_UPN, TENANT_DOMAIN, demoUsers, sharedMailbox } from './seed/users.js';
import { userRoutes } from './user-routes.js';

/** The demo organization's directory, fresh for every tenant. */
export function seedDirectory(): Directory {
  const users = demoUsers();
  const shared = sharedMailbox();
  const people = users.filter((u) => u.id !== shared.userId).map((u) => u.userPrincipalName);
  return createDirectory({
    users,
    sharedMailboxes: [shared],
    sites: demoSites(people),
    groups: departmentGroups(users),
    organization: structuredClone(ORGANIZATION),
    domain: TENANT_DOMAIN,
    defaultUserUpn: DEFAULT_USER_UPN,
  });
}

export const directoryWorkload = workload<Directory>({
  name: 'directory',
  create: (directory) => directory,
  routes: [...userRoutes, ...organizationRoutes],
});
