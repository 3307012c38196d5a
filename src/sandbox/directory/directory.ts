// The directory of the tenant (Entra ID's part of it): its users, the org chart they form, the shared mailboxes,
// the Microsoft 365 groups and the organization record. Identity, Graph and every workload depend on this model, never on the whole
// tenant; directory/seed/ fills it with the demo organization.

import type { SeedUser } from '../contract.js';

/** A user as the directory stores it. Property names follow microsoft.graph.user where they exist;
 *  `managerId` and `timeZone` are the seed's own (the manager navigation property and the mailbox
 *  setting are derived from them). */
export interface DirectoryUser extends SeedUser {
  givenName: string | null;
  surname: string | null;
  mailNickname: string;
  jobTitle: string | null;
  department: string | null;
  companyName: string | null;
  officeLocation: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  usageLocation: string | null;
  preferredLanguage: string | null;
  streetAddress: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  employeeId: string | null;
  employeeType: string | null;
  employeeHireDate: string | null;
  createdDateTime: string;
  userType: 'Member' | 'Guest';
  proxyAddresses: string[];
  otherMails: string[];
  imAddresses: string[];
  showInAddressList: boolean | null;
  managerId: string | null;
  /** Windows time-zone name, as mailboxSettings.timeZone reports it. */
  timeZone: string;
}

/** The Exchange shared mailbox and who may use it (full access + send as). */
export interface SharedMailbox {
  userId: string;
  upn: string;
  displayName: string;
  /** UPNs of the users with full access and send-as rights. */
  delegates: string[];
}

/** A SharePoint site and who may use it. Members edit its libraries and lists; visitors read them; others are
 *  denied (SharePoint's 403 accessDenied). */
export interface SiteRecord {
  /** Graph's composite id: `{hostname},{siteCollectionId},{webId}`. */
  id: string;
  /** The site's URL name (`/sites/{name}`). */
  name: string;
  displayName: string;
  description: string;
  webUrl: string;
  createdDateTime: string;
  /** UPNs with edit rights. */
  members: string[];
  /** UPNs with read rights. */
  visitors: string[];
  /** Document libraries besides the default "Documents" every site has (the drives and sites workloads both list them). */
  libraries: string[];
}

/** A Microsoft 365 group and its people. Planner's plans live in groups: only members see and change them. */
export interface GroupRecord {
  /** The group's object id (a GUID). */
  id: string;
  displayName: string;
  description: string;
  mailNickname: string;
  mail: string;
  visibility: 'Private' | 'Public';
  createdDateTime: string;
  /** UPNs of the members. */
  members: string[];
  /** UPNs of the owners (an owner who is not also a member does not see the group's plans, as in Planner). */
  owners: string[];
}

/** The organization record GET /organization serves (microsoft.graph.organization's properties). */
export type Organization = Record<string, unknown> & { id: string; displayName: string };

export interface Directory {
  readonly users: DirectoryUser[];
  readonly sharedMailboxes: SharedMailbox[];
  readonly sites: SiteRecord[];
  readonly groups: GroupRecord[];
  readonly organization: Organization;
  /** The tenant's default verified domain; sign-in accepts it in place of the tenant id. */
  readonly domain: string;
  /** The user 'default' stands for: device codes auto-approved as 'default', the sign-in page's suggestion. */
  readonly defaultUser: DirectoryUser;
  /** By object id (case-insensitive, as Entra treats GUIDs) or userPrincipalName (case-insensitive). */
  findUser(idOrUpn: string): DirectoryUser | undefined;
  manager(user: DirectoryUser): DirectoryUser | undefined;
  /** Derived from managerId, in seed order. */
  directReports(user: DirectoryUser): DirectoryUser[];
  /** By composite id, by `{hostname}:/sites/{name}` or by the bare site collection id (case-insensitive). */
  findSite(key: string): SiteRecord | undefined;
  /** What the user may do on the site. */
  siteRole(user: DirectoryUser, site: SiteRecord): 'write' | 'read' | 'none';
  /** By object id (case-insensitive). */
  findGroup(id: string): GroupRecord | undefined;
  isGroupMember(user: DirectoryUser, group: GroupRecord): boolean;
}

export interface DirectoryContents {
  users: DirectoryUser[];
  sharedMailboxes: SharedMailbox[];
  sites: SiteRecord[];
  groups: GroupRecord[];
  organization: Organization;
  domain: string;
  defaultUserUpn: string;
}

export function createDirectory(c: DirectoryContents): Directory {
  const byKey = new Map<string, DirectoryUser>();
  for (const u of c.users) {
    byKey.set(u.id.toLowerCase(), u);
    byKey.set(u.userPrincipalName.toLowerCase(), u);
  }
  const findUser = (idOrUpn: string) => byKey.get(idOrUpn.toLowerCase());
  const defaultUser = findUser(c.defaultUserUpn);
  if (!defaultUser) throw new Error(`directory: the default user ${c.defaultUserUpn} is not in the directory`);
  return {
    users: c.users,
    sharedMailboxes: c.sharedMailboxes,
    sites: c.sites,
    groups: c.groups,
    organization: c.organization,
    domain: c.domain,
    defaultUser,
    findUser,
    manager: (user) => (user.managerId ? findUser(user.managerId) : undefined),
    directReports: (user) => c.users.filter((u) => u.managerId === user.id),
    findSite: (key) => {
      const k = key.toLowerCase();
      return c.sites.find((s) => {
        const [host, collection] = s.id.toLowerCase().split(',');
        return s.id.toLowerCase() === k || collection === k || `${host}:/sites/${s.name.toLowerCase()}` === k.replace(/:$/, '');
      });
    },
    siteRole: (user, site) => {
      const upn = user.userPrincipalName.toLowerCase();
      if (site.members.some((m) => m.toLowerCase() === upn)) return 'write';
      return site.visitors.some((v) => v.toLowerCase() === upn) ? 'read' : 'none';
    },
    findGroup: (id) => c.groups.find((g) => g.id.toLowerCase() === id.toLowerCase()),
    isGroupMember: (user, group) => group.members.some((m) => m.toLowerCase() === user.userPrincipalName.toLowerCase()),
  };
}
