// The people of the demo organization, Contoso (contoso.sandbox). Everything here is a literal table so
// that every start of the sandbox, on every machine, yields the same tenant: same ids, same phone
// numbers, same org chart. Later capabilities (mail, calendars, files, teams) key their seed data on
// these ids and UPNs, so never renumber or rename an existing person; add new ones at the end.

import type { DirectoryUser, SharedMailbox } from '../directory.js';

export const TENANT_DOMAIN = 'contoso.sandbox';
export const COMPANY_NAME = 'Contoso Ltd.';

/** A regular employee (Sales, Seattle) with delegated access to the shared support mailbox. */
export const DEFAULT_USER_UPN = `adele.vance@${TENANT_DOMAIN}`;
/** A regular employee WITHOUT access to the shared mailbox, for negative tests and demos. */
export const NO_SHARED_ACCESS_UPN = `pradeep.gupta@${TENANT_DOMAIN}`;
export const SHARED_MAILBOX_UPN = `support@${TENANT_DOMAIN}`;

interface Site {
  building: string; // office-location prefix
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  usageLocation: string;
  language: string;
  timeZone: string;
  phone: (n: number) => string; // number plan of the site, fictitious ranges
  mobile: (n: number) => string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const SITES = {
  redmond: {
    building: '18', street: '1 Contoso Way', city: 'Redmond', state: 'WA', postalCode: '98052',
    country: 'United States', usageLocation: 'US', language: 'en-US', timeZone: 'Pacific Standard Time',
    phone: (n) => `+1 425 555 01${pad(n)}`, mobile: (n) => `+1 425 555 02${pad(n)}`,
  },
  newYork: {
    building: 'NYC-12', street: '350 Fifth Avenue', city: 'New York', state: 'NY', postalCode: '10118',
    country: 'United States', usageLocation: 'US', language: 'en-US', timeZone: 'Eastern Standard Time',
    phone: (n) => `+1 212 555 01${pad(n)}`, mobile: (n) => `+1 212 555 02${pad(n)}`,
  },
  london: {
    building: 'LON-3', street: '20 Sandbox Street', city: 'London', state: 'England', postalCode: 'EC2A 4NE',
    country: 'United Kingdom', usageLocation: 'GB', language: 'en-GB', timeZone: 'GMT Standard Time',
    phone: (n) => `+44 20 7946 0${pad(n, 3)}`, mobile: (n) => `+44 7700 900${pad(n, 3)}`,
  },
  munich: {
    building: 'MUC-2', street: 'Beispielstraße 12', city: 'Munich', state: 'Bavaria', postalCode: '80331',
    country: 'Germany', usageLocation: 'DE', language: 'de-DE', timeZone: 'W. Europe Standard Time',
    phone: (n) => `+49 89 5550 1${pad(n)}`, mobile: (n) => `+49 151 5550 2${pad(n)}`,
  },
  tokyo: {
    building: 'TYO-5', street: '1-2-3 Marunouchi', city: 'Tokyo', state: 'Tokyo', postalCode: '100-0005',
    country: 'Japan', usageLocation: 'JP', language: 'ja-JP', timeZone: 'Tokyo Standard Time',
    phone: (n) => `+81 3 5555 01${pad(n)}`, mobile: (n) => `+81 90 5555 02${pad(n)}`,
  },
  bengaluru: {
    building: 'BLR-4', street: '42 Residency Road', city: 'Bengaluru', state: 'Karnataka', postalCode: '560025',
    country: 'India', usageLocation: 'IN', language: 'en-IN', timeZone: 'India Standard Time',
    phone: (n) => `+91 80 5555 01${pad(n)}`, mobile: (n) => `+91 98450 002${pad(n)}`,
  },
} satisfies Record<string, Site>;
type SiteKey = keyof typeof SITES;

// [id, given, surname, jobTitle, department, site, manager (given.surname key), hire date, room]
type Row = [string, string, string, string, string, SiteKey, string | null, string, string];

// The org chart: Patti Fernandez (CEO) at the top; every other person names their manager.
const PEOPLE: Row[] = [
  ['b896c38b-8f55-4721-9825-bef177c044c5', 'Patti', 'Fernandez', 'Chief Executive Officer', 'Executive', 'redmond', null, '2012-02-01', '1101'],
  ['6a7eed39-d4dc-41e7-a705-4bbfb87fc835', 'Lee', 'Gu', 'VP of Engineering', 'Engineering', 'redmond', 'patti.fernandez', '2013-05-13', '2201'],
  ['0e92e066-2ded-4978-bc67-d4f6a0c15585', 'Megan', 'Bowen', 'VP of Marketing', 'Marketing', 'redmond', 'patti.fernandez', '2014-01-20', '1205'],
  ['3f1156b9-3208-4fbc-8faf-6bb1f9731777', 'Alex', 'Wilber', 'VP of Sales', 'Sales', 'newYork', 'patti.fernandez', '2013-09-02', '1201'],
  ['8d6651ef-1710-471e-8c0f-5a713101145e', 'Nestor', 'Wilke', 'Chief Financial Officer', 'Finance', 'redmond', 'patti.fernandez', '2012-11-05', '1103'],
  ['5c9b590f-5f8d-45cc-a1fd-2ee540a775fd', 'Diego', 'Siciliani', 'HR Director', 'Human Resources', 'redmond', 'patti.fernandez', '2015-03-16', '1310'],
  ['588df929-fa1c-4d22-80f4-639e7b892e6a', 'Irvin', 'Sayers', 'General Counsel', 'Legal', 'london', 'patti.fernandez', '2016-06-01', '301'],
  ['1b2c881f-d870-4828-a25f-100a4b1daeab', 'Joni', 'Sherman', 'VP of Operations', 'Operations', 'munich', 'patti.fernandez', '2014-08-11', '210'],
  ['e4bf1535-f38b-456e-a3e0-52fcaa1c8500', 'Isaiah', 'Langer', 'IT Director', 'IT', 'redmond', 'patti.fernandez', '2015-10-19', '2105'],
  ['a15381af-d771-4968-bf66-da45753c5786', 'Grady', 'Archie', 'Engineering Manager', 'Engineering', 'redmond', 'lee.gu', '2016-02-29', '2210'],
  ['70516b5b-e321-4965-9d8a-1274e0ff5dce', 'Johanna', 'Lorenz', 'Senior Software Engineer', 'Engineering', 'munich', 'grady.archie', '2017-04-03', '214'],
  ['6d228af7-f372-4536-bd85-a606963a5fa6', 'Pradeep', 'Gupta', 'Software Engineer', 'Engineering', 'bengaluru', 'grady.archie', '2019-07-15', '402'],
  ['010019b6-e6c5-40ed-b92e-357a9cfea21b', 'Hiroshi', 'Tanaka', 'Software Engineer', 'Engineering', 'tokyo', 'grady.archie', '2020-04-01', '512'],
  ['010e0220-533b-4544-95de-8bb54bb1aa92', 'Lynne', 'Robbins', 'Program Manager', 'Engineering', 'redmond', 'lee.gu', '2018-01-08', '2215'],
  ['adcfc4ae-2542-4145-b5ff-aae2c3db5674', 'Adele', 'Vance', 'Retail Manager', 'Sales', 'redmond', 'alex.wilber', '2017-03-06', '2111'],
  ['0f5cb7ba-77f6-499e-a006-820a5837c9ea', 'Christie', 'Cline', 'Sales Manager, EMEA', 'Sales', 'london', 'alex.wilber', '2016-09-12', '305'],
  ['1fbce3a0-1080-4a8d-8685-acd825a72c35', 'Henrietta', 'Mueller', 'Account Executive', 'Sales', 'munich', 'christie.cline', '2018-10-01', '220'],
  ['05ab7b9e-4d9f-4503-b600-5a64c64b5fc0', 'Yuki', 'Sato', 'Account Executive', 'Sales', 'tokyo', 'alex.wilber', '2019-04-01', '520'],
  ['fd4c63f5-544f-4f84-8c5c-a145874111ff', 'Ben', 'Walters', 'Sales Associate', 'Sales', 'redmond', 'adele.vance', '2021-06-14', '2115'],
  ['cc67f4f3-17bf-455d-b88a-af6953227cca', 'Miriam', 'Graham', 'Marketing Manager', 'Marketing', 'redmond', 'megan.bowen', '2016-11-21', '1210'],
  ['9e640af5-b3f9-42c4-a553-5eb7b42bb707', 'Allan', 'Deyoung', 'Marketing Specialist', 'Marketing', 'newYork', 'miriam.graham', '2019-02-18', '1215'],
  ['fb9dc81f-f9b1-43b5-b894-e40316038e62', 'Emily', 'Braun', 'Content Lead', 'Marketing', 'london', 'megan.bowen', '2018-05-08', '310'],
  ['bf35faa5-12de-4282-a00e-c21861b5c33f', 'Priya', 'Nair', 'Marketing Analyst', 'Marketing', 'bengaluru', 'miriam.graham', '2020-08-03', '410'],
  ['7f831ce1-8a74-4f26-82b3-a72fb47a2163', 'Sofia', 'Rossi', 'Senior Accountant', 'Finance', 'london', 'nestor.wilke', '2017-01-09', '315'],
  ['dc139a76-4e76-4dba-9433-72d3f2425aa9', 'Raj', 'Patel', 'Financial Analyst', 'Finance', 'bengaluru', 'nestor.wilke', '2021-01-11', '415'],
  ['a1c8b5f5-f837-4a45-a4dd-1095cc3ace95', 'Kenji', 'Watanabe', 'HR Generalist', 'Human Resources', 'tokyo', 'diego.siciliani', '2018-04-02', '530'],
  ['f77215b1-7544-4f7c-bd07-cb6a21cf727a', 'Anna', 'Schmidt', 'Recruiter', 'Human Resources', 'munich', 'diego.siciliani', '2020-02-03', '225'],
  ['3a48187d-c99b-40fb-bf34-f8b72fd36a53', 'Olivia', 'Bennett', 'Paralegal', 'Legal', 'london', 'irvin.sayers', '2019-09-16', '320'],
  ['e94aa055-d96d-48ef-8a57-bf782d00d541', 'Lidia', 'Holloway', 'Operations Manager', 'Operations', 'newYork', 'joni.sherman', '2017-07-10', '1220'],
  ['c7747962-a46f-48f6-8f98-6e3d96ba02b9', 'Klaus', 'Becker', 'Logistics Coordinator', 'Operations', 'munich', 'joni.sherman', '2019-11-04', '230'],
  ['9b816ab6-0101-49f2-8de1-f003e9375c54', 'Debra', 'Berger', 'IT Administrator', 'IT', 'redmond', 'isaiah.langer', '2016-04-25', '2120'],
  ['d70ee977-89ad-4fe1-9cc3-7ba5ead90852', 'Arjun', 'Mehta', 'Support Engineer', 'IT', 'bengaluru', 'isaiah.langer', '2020-10-05', '420'],
  ['a91d48aa-b74d-46eb-9a2d-363429fb17eb', 'Aiko', 'Nakamura', 'IT Specialist', 'IT', 'tokyo', 'debra.berger', '2021-03-01', '540'],
];

const SHARED_MAILBOX_ID = '4e5b78e9-381d-48cb-b320-70d19ceca532';
const SHARED_DELEGATES = ['adele.vance', 'ben.walters', 'debra.berger', 'arjun.mehta', 'isaiah.langer'];

const upnOf = (key: string) => `${key}@${TENANT_DOMAIN}`;
const keyOf = (given: string, surname: string) => `${given}.${surname}`.toLowerCase();

function buildUsers(): DirectoryUser[] {
  const idByKey = new Map(PEOPLE.map((r) => [keyOf(r[1], r[2]), r[0]]));
  const users = PEOPLE.map((row, index): DirectoryUser => {
    const [id, given, surname, jobTitle, department, siteKey, managerKey, hired, room] = row;
    const site: Site = SITES[siteKey];
    const key = keyOf(given, surname);
    const upn = upnOf(key);
    const managerId = managerKey === null ? null : idByKey.get(managerKey);
    if (managerId === undefined) throw new Error(`seed: unknown manager ${managerKey} of ${key}`);
    // Accounts were created a week before the start date, at 08:00 UTC.
    const created = new Date(Date.parse(`${hired}T08:00:00Z`) - 7 * 86_400_000).toISOString().replace('.000Z', 'Z');
    return {
      id,
      userPrincipalName: upn,
      displayName: `${given} ${surname}`,
      mail: upn,
      accountEnabled: true,
      givenName: given,
      surname,
      mailNickname: key,
      jobTitle,
      department,
      companyName: COMPANY_NAME,
      officeLocation: `${site.building}/${room}`,
      businessPhones: [site.phone(index + 1)],
      mobilePhone: site.mobile(index + 1),
      usageLocation: site.usageLocation,
      preferredLanguage: site.language,
      streetAddress: site.street,
      city: site.city,
      state: site.state,
      postalCode: site.postalCode,
      country: site.country,
      employeeId: `C${1001 + index}`,
      employeeType: 'Employee',
      employeeHireDate: `${hired}T00:00:00Z`,
      createdDateTime: created,
      userType: 'Member',
      proxyAddresses: [`SMTP:${upn}`, `smtp:${key.replace('.', '')}@contoso.onmicrosoft.com`],
      otherMails: [],
      imAddresses: [`sip:${upn}`],
      showInAddressList: null,
      managerId,
      timeZone: site.timeZone,
    };
  });
  // Exchange shared mailboxes show up in Graph as disabled member users without a person's details.
  users.push({
    id: SHARED_MAILBOX_ID,
    userPrincipalName: SHARED_MAILBOX_UPN,
    displayName: 'Contoso Support',
    mail: SHARED_MAILBOX_UPN,
    accountEnabled: false,
    givenName: null,
    surname: null,
    mailNickname: 'support',
    jobTitle: null,
    department: null,
    companyName: null,
    officeLocation: null,
    businessPhones: [],
    mobilePhone: null,
    usageLocation: null,
    preferredLanguage: null,
    streetAddress: null,
    city: null,
    state: null,
    postalCode: null,
    country: null,
    employeeId: null,
    employeeType: null,
    employeeHireDate: null,
    createdDateTime: '2015-01-05T08:00:00Z',
    userType: 'Member',
    proxyAddresses: [`SMTP:${SHARED_MAILBOX_UPN}`, 'smtp:support@contoso.onmicrosoft.com'],
    otherMails: [],
    imAddresses: [],
    showInAddressList: null,
    managerId: null,
    timeZone: 'Pacific Standard Time',
  });
  return users;
}

/** All directory users, people first, then the shared mailbox. A fresh copy on every call. */
export function demoUsers(): DirectoryUser[] {
  return buildUsers();
}

/** The shared support mailbox and its delegates. */
export function sharedMailbox(): SharedMailbox {
  return {
    userId: SHARED_MAILBOX_ID,
    upn: SHARED_MAILBOX_UPN,
    displayName: 'Contoso Support',
    delegates: SHARED_DELEGATES.map(upnOf),
  };
}
