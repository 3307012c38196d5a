// The Microsoft 365 groups the Teams seed needs beside department-groups.ts: the company-wide group everyone is in
// (its team is the organization's town square), the two small departments that table leaves out (Human Resources,
// Legal) and the leadership group of the CEO and her direct reports. A literal table, so every start yields the
// same ids; add groups at the end, never renumber.

import type { DirectoryUser, GroupRecord } from '../directory.js';
import { TENANT_DOMAIN } from './users.js';

// [id, display name, mail nickname, description, visibility, members ('everyone', a department, or given.surname
// keys), owners]
type Members = 'everyone' | { department: string } | { reportsTo: string } | string[];
type Row = [string, string, string, string, GroupRecord['visibility'], Members, string[]];

const GROUPS: Row[] = [
  ['3c5e7a9b-1d2f-4e6a-8c0b-2d4f6a8c0e19', 'Contoso', 'contoso', 'Everyone at Contoso: announcements, town halls and the social side of the company', 'Public', 'everyone', ['patti.fernandez', 'diego.siciliani']],
  ['b1d3f5a7-9c2e-4b6d-8f0a-1c3e5a7b9d28', 'Human Resources', 'humanresources', 'People, hiring, onboarding and benefits', 'Private', { department: 'Human Resources' }, ['diego.siciliani']],
  ['c2e4a6b8-0d3f-4c7e-9a1b-2d4e6f8a0b37', 'Legal', 'legal', 'Contracts, compliance and counsel', 'Private', { department: 'Legal' }, ['irvin.sayers']],
  ['d3f5b7c9-1e4a-4d8f-a2c3-3e5f7a9b1c46', 'Leadership Team', 'leadership', 'The CEO and her staff: strategy, priorities and the operating plan', 'Private', { reportsTo: 'patti.fernandez' }, ['patti.fernandez']],
];

export function teamGroups(users: DirectoryUser[]): GroupRecord[] {
  const people = users.filter((u) => u.accountEnabled);
  const upn = (key: string) => {
    const found = people.find((u) => u.userPrincipalName === `${key}@${TENANT_DOMAIN}`);
    if (!found) throw new Error(`seed: the team group table names ${key}, who is not in the directory`);
    return found.userPrincipalName;
  };
  const membersOf = (m: Members): string[] => {
    if (m === 'everyone') return people.map((u) => u.userPrincipalName);
    if (Array.isArray(m)) return m.map(upn);
    if ('department' in m) return people.filter((u) => u.department === m.department).map((u) => u.userPrincipalName);
    const boss = people.find((u) => u.userPrincipalName === upn(m.reportsTo))!;
    return [boss, ...people.filter((u) => u.managerId === boss.id)].map((u) => u.userPrincipalName);
  };
  return GROUPS.map(([id, displayName, mailNickname, description, visibility, members, owners]) => ({
    id,
    displayName,
    description,
    mailNickname,
    mail: `${mailNickname}@${TENANT_DOMAIN}`,
    visibility,
    createdDateTime: '2016-03-01T09:00:00Z',
    members: membersOf(members),
    owners: owners.map(upn),
  }));
}
