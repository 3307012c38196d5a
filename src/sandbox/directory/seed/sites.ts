// The demo organization's SharePoint sites: each department's team site and the intranet, with who belongs to
// them. Sites live beside the people because both the drives workload (a site's document libraries) and the
// sites workload (the site, its lists) key on them, as shared mailboxes are read by mail and contacts. A literal
// table, so every start yields the same ids; add new sites at the end, never renumber.

import type { SiteRecord } from '../directory.js';
import { TENANT_DOMAIN } from './users.js';

/** SharePoint's host for the tenant; real tenants have `<name>.sharepoint.com`. */
export const SHAREPOINT_HOST = 'contoso.sharepoint.com';

// [url name, display name, description, site collection guid, web guid, members (write), visitors (read)]
// Members and visitors are given.surname keys; 'everyone' means every person of the organization.
type Row = [string, string, string, string, string, string[], string[] | 'everyone'];

const SITES: Row[] = [
  ['Intranet', 'Contoso Intranet', 'News, policies and the handbook for everyone at Contoso', '2c5f8a1e-4b7d-4e2a-9c3f-1a6b8d0e2f41', '7d1e3b5a-9c2f-4a8e-b6d0-3f5a7c9e1b24', ['diego.siciliani', 'irvin.sayers', 'isaiah.langer'], 'everyone'],
  ['Sales', 'Sales', 'Pipeline, proposals and customer contacts of the sales team', '4a9e2c7b-1d3f-4b8a-a5e6-7c0d2f4b6a83', 'e3b7d1f5-2a4c-4e9b-8d6f-0a2c4e6b8d15', ['alex.wilber', 'adele.vance', 'christie.cline', 'henrietta.mueller', 'yuki.sato', 'ben.walters'], ['patti.fernandez', 'megan.bowen', 'nestor.wilke']],
  ['Engineering', 'Engineering', 'Specs, designs and the project tracker of engineering', '9b3d5f7a-2c4e-4a6b-8d0f-1e3a5c7b9d26', 'a4c6e8b0-3d5f-4b7a-9c1e-2f4a6c8e0b37', ['lee.gu', 'grady.archie', 'johanna.lorenz', 'pradeep.gupta', 'hiroshi.tanaka', 'lynne.robbins'], ['patti.fernandez', 'isaiah.langer']],
  ['Marketing', 'Marketing', 'Campaigns, brand assets and launch plans', '1e7a3c5b-8d2f-4e6a-b4c0-9f1d3b5a7c58', 'b5d7f9a1-4e6b-4c8d-a0f2-3b5d7f9a1c69', ['megan.bowen', 'miriam.graham', 'allan.deyoung', 'emily.braun', 'priya.nair'], ['patti.fernandez', 'alex.wilber']],
  ['Finance', 'Finance', 'Budgets, forecasts and expense policies; restricted to finance', '6c0e2a4d-7f9b-4d1c-8e3a-5b7d9f1c3e7a', 'c6e8a0b2-5f7d-4e9a-b1c3-4d6f8a0c2e8b', ['nestor.wilke', 'sofia.rossi', 'raj.patel'], ['patti.fernandez']],
];

/** Document libraries a site has besides "Documents". */
const LIBRARIES: Record<string, string[]> = { Marketing: ['Brand Assets'], Engineering: ['Design Reviews'] };

const upn = (key: string) => `${key}@${TENANT_DOMAIN}`;

export function demoSites(everyone: string[]): SiteRecord[] {
  return SITES.map(([name, displayName, description, collection, web, members, visitors]) => ({
    id: `${SHAREPOINT_HOST},${collection},${web}`,
    name,
    displayName,
    description,
    webUrl: `https://${SHAREPOINT_HOST}/sites/${name}`,
    createdDateTime: '2016-03-01T09:00:00Z',
    members: members.map(upn),
    visitors: visitors === 'everyone' ? everyone.filter((u) => !members.map(upn).includes(u)) : visitors.map(upn),
    libraries: LIBRARIES[name] ?? [],
  }));
}
