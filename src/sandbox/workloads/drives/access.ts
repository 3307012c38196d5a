// Who may do what in a drive, as OneDrive and SharePoint decide it: a person's own OneDrive is theirs; another's
// only through what was shared with them (a direct grant, or a link for the organization or for them, on the
// item or a folder above it); a site's libraries by the person's role on the site. And the permissions a route
// takes: Files.* for one's own files, the .All ones (or Sites.*) for anyone else's.

import type { DirectoryUser } from '../../directory/directory.js';
import type { RouteContext } from '../../graph/types.js';
import { accessDenied, itemNotFound } from './errors.js';
import { ancestry, type Drive, type DriveItem, type DrivesState, type Permission } from './model.js';

export type Need = 'read' | 'write';

const OWN: Record<Need, string[]> = {
  read: ['Files.Read', 'Files.ReadWrite', 'Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
  write: ['Files.ReadWrite', 'Files.ReadWrite.All', 'Sites.ReadWrite.All'],
};
const OTHERS: Record<Need, string[]> = {
  read: ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
  write: ['Files.ReadWrite.All', 'Sites.ReadWrite.All'],
};

/** The delegated permissions a route takes on this drive: own files or anyone else's. */
export const scopesFor = (state: DrivesState, drive: Drive | undefined, user: DirectoryUser, need: Need): string[] =>
  (drive && 'userId' in drive.owner && drive.owner.userId === user.id ? OWN : OTHERS)[need];

/** Whether a permission covers this person. */
function grants(p: Permission, user: DirectoryUser, now: number): boolean {
  if (p.expires && Date.parse(p.expires) < now) return false;
  if (p.link?.scope === 'organization') return true;
  return p.grantees.includes(user.id);
}

/** What the person may do on this item: 'write', 'read' or nothing. */
export function roleOn(state: DrivesState, drive: Drive, item: DriveItem, user: DirectoryUser): Need | undefined {
  if ('userId' in drive.owner) {
    if (drive.owner.userId === user.id) return 'write';
    let best: Need | undefined;
    for (const i of ancestry(state, item)) {
      for (const p of i.permissions) {
        if (!grants(p, user, state.now())) continue;
        if (p.roles.includes('write') || p.roles.includes('owner')) return 'write';
        best = 'read';
      }
    }
    return best;
  }
  const site = state.directory.findSite(drive.owner.siteId);
  const role = site ? state.directory.siteRole(user, site) : 'none';
  return role === 'none' ? undefined : role;
}

/** Refuses a person who may not `need` this item: 404 for what they cannot see at all (as OneDrive hides
 *  others' files), 403 for what they may see but not change, or a site they do not belong to. */
export function check(state: DrivesState, drive: Drive, item: DriveItem, ctx: RouteContext, need: Need): void {
  const role = roleOn(state, drive, item, ctx.principal.user);
  if (role === 'write' || (role === 'read' && need === 'read')) return;
  if (role === 'read' || 'siteId' in drive.owner || item.parentId === null) throw accessDenied();
  throw itemNotFound();
}
