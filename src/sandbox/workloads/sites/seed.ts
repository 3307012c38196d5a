// The demo sites' lists: Engineering's project tracker, Sales's customer contacts, the intranet's announcements,
// Marketing's campaign calendar and Finance's budget lines, each with typed columns (one indexed) and 10 to 30
// items; every site's document libraries ("Documents" and those the directory names) are listed too. Deterministic: fixed ids and dates.

import type { Directory } from '../../directory/directory.js';
import { lookupIdOf } from './fields.js';
import { stableGuid, type Column, type SitesState, type SpList } from './model.js';

const AT = '2026-09-14T09:00:00Z';
const guid = (key: string) => stableGuid(`list:${key}`);
const TITLE: Column = { name: 'Title', displayName: 'Title', type: 'text', required: true };
const day = (n: number) => new Date(Date.parse('2027-01-04T00:00:00Z') + n * 86_400_000).toISOString().replace('.000Z', 'Z');

/** A person column's seed value: the person's key, resolved to their site user lookup id when seeded. */
const PERSON = Symbol('person');
const person = (key: string) => ({ [PERSON]: key });
const isPerson = (v: unknown): v is { [PERSON]: string } => typeof v === 'object' && v !== null && PERSON in v;

type Spec = { site: string; name: string; description: string; columns: Column[]; rows: Record<string, unknown>[] };
// Rows are typed loosely: a person column holds person(key) until seeded.

const SPECS: Spec[] = [
  {
    site: 'Engineering', name: 'Project Tracker', description: 'Engineering projects, owners and due dates',
    columns: [TITLE, { name: 'Status', displayName: 'Status', type: 'choice', indexed: true, choices: ['Not started', 'Active', 'Blocked', 'Done'] }, { name: 'Owner', displayName: 'Owner', type: 'personOrGroup' }, { name: 'DueDate', displayName: 'Due date', type: 'dateTime' }, { name: 'Priority', displayName: 'Priority', type: 'number' }],
    rows: ['Payment service v2', 'Inventory sync', 'Store app offline mode', 'Search relevance', 'Checkout latency', 'Gift cards', 'Returns portal', 'Loyalty points', 'Price rules engine', 'Data warehouse migration', 'Mobile push alerts', 'Accessibility audit']
      .map((t, i) => ({ Title: t, Status: ['Active', 'Active', 'Not started', 'Blocked', 'Done', 'Active'][i % 6], Owner: person(['grady.archie', 'johanna.lorenz', 'pradeep.gupta', 'hiroshi.tanaka', 'lynne.robbins'][i % 5]), DueDate: day(i * 9), Priority: (i % 3) + 1 })),
  },
  {
    site: 'Sales', name: 'Customer Contacts', description: 'Key contacts at our customers',
    columns: [TITLE, { name: 'Company', displayName: 'Company', type: 'text', indexed: true }, { name: 'Email', displayName: 'Email', type: 'text' }, { name: 'Phone', displayName: 'Phone', type: 'text' }, { name: 'Region', displayName: 'Region', type: 'choice', choices: ['West', 'East', 'EMEA', 'APAC'] }, { name: 'LastContacted', displayName: 'Last contacted', type: 'dateTime' }],
    rows: [['Jordan Mitchell', 'Fabrikam'], ['Avery Chen', 'Northwind Traders'], ['Sam Patel', 'Tailspin Toys'], ['Maria Garcia', 'Wingtip Toys'], ['Lena Hoffmann', 'Adventure Works'], ['Kenta Mori', 'Litware'], ['Olivia Brown', 'Fabrikam'], ['Noah Wilson', 'Proseware'], ['Emma Davis', 'Woodgrove Bank'], ['Lucas Martin', 'Alpine Ski House']]
      .map(([n, c], i) => ({ Title: n, Company: c, Email: `${n.split(' ')[0].toLowerCase()}@${c.toLowerCase().replace(/\s+/g, '')}.example`, Phone: `+1 206 555 01${String(10 + i)}`, Region: ['West', 'East', 'EMEA', 'APAC'][i % 4], LastContacted: day(-30 + i * 2) })),
  },
  {
    site: 'Intranet', name: 'Announcements', description: 'Company news',
    columns: [TITLE, { name: 'Body', displayName: 'Body', type: 'text' }, { name: 'Expires', displayName: 'Expires', type: 'dateTime', indexed: true }],
    rows: ['Open enrollment for 2027 benefits', 'New office in Bengaluru', 'Holiday schedule', 'Security training due', 'All-hands on Thursday', 'Parking garage closed for repairs', 'Volunteer day sign-up', 'New expense tool', 'Quarterly results', 'Welcome our new interns']
      .map((t, i) => ({ Title: t, Body: `${t}: details on the intranet.`, Expires: day(i * 7) })),
  },
  {
    site: 'Marketing', name: 'Campaign Calendar', description: 'Campaigns and their launch dates',
    columns: [TITLE, { name: 'Channel', displayName: 'Channel', type: 'choice', indexed: true, choices: ['Social', 'Email', 'In-store', 'Web'] }, { name: 'Launch', displayName: 'Launch', type: 'dateTime' }, { name: 'Approved', displayName: 'Approved', type: 'boolean' }],
    rows: ['Spring launch', 'Mother\'s Day', 'Summer sale', 'Back to school', 'Black Friday', 'Holiday gifts', 'New Year', 'Loyalty relaunch', 'Store opening Tokyo', 'Earth Day', 'Rain gear', 'Winter jackets']
      .map((t, i) => ({ Title: t, Channel: ['Social', 'Email', 'In-store', 'Web'][i % 4], Launch: day(i * 30), Approved: i % 3 !== 2 })),
  },
  {
    site: 'Finance', name: 'Budget Lines', description: 'FY27 budget by department and line',
    columns: [TITLE, { name: 'Department', displayName: 'Department', type: 'text', indexed: true }, { name: 'Amount', displayName: 'Amount', type: 'currency' }],
    rows: [['People', 'Sales', 1_800_000], ['Travel', 'Sales', 240_000], ['People', 'Engineering', 4_200_000], ['Cloud', 'Engineering', 650_000], ['Tools', 'Engineering', 250_000], ['People', 'Marketing', 1_100_000], ['Media', 'Marketing', 600_000], ['Events', 'Marketing', 100_000], ['People', 'Finance', 900_000], ['Audit', 'Finance', 120_000]]
      .map(([t, d, a]) => ({ Title: t, Department: d, Amount: a })),
  },
];

/** A site's document libraries as lists: "Documents" (in SharePoint's "Shared Documents" folder) and the others the
 *  directory names, each in a folder of its own name; the drives workload serves their files at the same URLs. */
const libraries = (directory: Directory, siteName: string) => [{ displayName: 'Documents', name: 'Shared Documents' }, ...(directory.sites.find((s) => s.name === siteName)?.libraries ?? []).map((l) => ({ displayName: l, name: l }))];

export function seedSites(directory: Directory): SitesState {
  const lists: SpList[] = [];
  const hour = (n: number) => new Date(Date.parse(AT) + n * 3_600_000).toISOString().replace('.000Z', 'Z');
  for (const site of directory.sites) {
    const members = site.members.map((m) => directory.findUser(m)!.id);
    for (const library of libraries(directory, site.name)) {
      lists.push({ id: guid(`${site.id}:${library.displayName}`), siteId: site.id, ...library, description: `${library.displayName} of ${site.displayName}`, template: 'documentLibrary', columns: [TITLE], items: [], nextItemId: 1, created: AT, version: 1 });
    }
    for (const spec of SPECS.filter((s) => s.site === site.name)) {
      const id = guid(`${site.id}:${spec.name}`);
      const items = spec.rows.map((row, i) => {
        const fields = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, isPerson(v) ? lookupIdOf(directory, directory.findUser(`${v[PERSON]}@${directory.domain}`)!.id) : v]));
        const by = members[i % members.length];
        return { id: String(i + 1), uniqueId: stableGuid(`item:${id}:${i + 1}`), fields, created: { at: hour(i), by }, modified: { at: hour(i), by }, version: 1 };
      });
      lists.push({ id, siteId: site.id, name: spec.name.replace(/\s+/g, ''), displayName: spec.name, description: spec.description, template: 'genericList', columns: spec.columns, created: AT, items, nextItemId: items.length + 1, version: items.length + 1 });
    }
  }
  return { directory, lists, now: () => Date.now() };
}

/** What tests may rely on: each seeded list by site and name, with its item count and indexed columns. */
export const SEEDED_LISTS = SPECS.map((s) => ({ site: s.site, list: s.name, items: s.rows.length, indexed: s.columns.filter((c) => c.indexed).map((c) => c.name) }));
