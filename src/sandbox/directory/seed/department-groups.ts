// The demo organization's Microsoft 365 groups: one per department (its people are the members, its head the
// owner) and a cross-functional project group. Planner's team plans live in them. A literal table, so every start
// yields the same ids; add groups at the end, never renumber. Kept apart from the people so that other group
// seeds (Teams') merge beside it.

import type { DirectoryUser, GroupRecord } from '../directory.js';
import { TENANT_DOMAIN } from './users.js';

// [id, display name, mail nickname, description, members: a department's name or given.surname keys, owners]
type Row = [string, string, string, string, { department: string } | string[], string[]];

const GROUPS: Row[] = [
  ['5b3e9c1a-7d2f-4a8e-9c6b-1f0a3d5e7b21', 'Sales', 'sales', 'The sales team: pipeline, accounts and retail', { department: 'Sales' }, ['alex.wilber']],
  ['8e2a4c6d-1b3f-4d5a-8e7c-9f1b3d5a7c42', 'Engineering', 'engineering', 'Product engineering, releases and the backlog', { department: 'Engineering' }, ['lee.gu']],
  ['2c4e6a8b-3d5f-4b7a-9c1e-5f7a9c1e3b63', 'Marketing', 'marketing', 'Campaigns, content and brand', { department: 'Marketing' }, ['megan.bowen']],
  ['7a9c1e3b-5d7f-4e9a-b3c5-2d4f6a8c0e84', 'Finance', 'finance', 'Budgets, forecasts, audit and closing', { department: 'Finance' }, ['nestor.wilke']],
  ['4d6f8a0c-2e4a-4c6e-8a0c-7b9d1f3a5ca5', 'Operations', 'operations', 'Logistics, facilities and suppliers', { department: 'Operations' }, ['joni.sherman']],
  ['9f1b3d5a-4c6e-4a8c-9e0a-3c5e7a9b1dc6', 'IT', 'it', 'IT service, devices and security', { department: 'IT' }, ['isaiah.langer']],
  [
    '6e8a0c2e-5f7b-4d9c-8b1d-4e6a8c0e2fe7', 'Retail Launch', 'retaillaunch', 'The spring retail launch: stores, campaign and supply, across teams',
    ['adele.vance', 'ben.walters', 'megan.bowen', 'miriam.graham', 'allan.deyoung', 'lynne.robbins', 'klaus.becker'], ['adele.vance'],
  ],
];

export function departmentGroups(users: DirectoryUser[]): GroupRecord[] {
  const upn = (key: string) => {
    const found = users.find((u) => u.userPrincipalName === `${key}@${TENANT_DOMAIN}`);
    if (!found) throw new Error(`seed: the group table names ${key}, who is not in the directory`);
    return found.userPrincipalName;
  };
  return GROUPS.map(([id, displayName, mailNickname, description, members, owners]) => ({
    id,
    displayName,
    description,
    mailNickname,
    mail: `${mailNickname}@${TENANT_DOMAIN}`,
    visibility: 'Private',
    createdDateTime: '2016-03-01T09:00:00Z',
    members: Array.isArray(members) ? members.map(upn) : users.filter((u) => u.department === members.department && u.accountEnabled).map((u) => u.userPrincipalName),
    owners: owners.map(upn),
  }));
}
