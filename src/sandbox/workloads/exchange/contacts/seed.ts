// The contacts seed: every mailbox gets its default Contacts folder; people's books hold a few colleagues
// (from the directory) and outside contacts, the same on every start (ids from stable names).

import type { Directory, DirectoryUser } from '../../../directory/directory.js';
import { contactItemId, stableKey } from './ids.js';
import type { ContactBook, ContactsState, StoredContact } from './model.js';

/** Outside the organization: suppliers and partners of the demo company. */
const EXTERNAL: { givenName: string; surname: string; companyName: string; jobTitle: string; address: string; phone: string; mobile?: string; notes?: string }[] = [
  { givenName: 'Ravi', surname: 'Shankar', companyName: 'Northwind Traders', jobTitle: 'Account Manager', address: 'ravi.shankar@northwind.example', phone: '+1 425 555 0142' },
  { givenName: 'Sofia', surname: 'Lindqvist', companyName: 'Fabrikam Logistics', jobTitle: 'Operations Lead', address: 'sofia.lindqvist@fabrikam.example', phone: '+46 8 555 0190' },
  { givenName: 'Kenji', surname: 'Watanabe', companyName: 'Tailspin Toys', jobTitle: 'Buyer', address: 'kenji.watanabe@tailspin.example', phone: '+81 3 5555 0117' },
  // A realistic address book: suppliers, agencies, landlords and service firms, in several countries.
  { givenName: 'Grace', surname: 'Okonkwo', companyName: 'Litware Print', jobTitle: 'Print Production Manager', address: 'grace.okonkwo@litware.example', phone: '+1 206 555 0178', mobile: '+1 206 555 0199', notes: 'Window posters: order by the 1st of the month.' },
  { givenName: 'Matteo', surname: 'Ricci', companyName: 'Adventure Works Outdoor', jobTitle: 'Regional Sales Director', address: 'matteo.ricci@adventure-works.example', phone: '+39 02 5555 0143' },
  { givenName: 'Hannah', surname: 'Schulz', companyName: 'Proseware Logistik', jobTitle: 'Disponentin', address: 'hannah.schulz@proseware.example', phone: '+49 89 5555 0164', mobile: '+49 151 5555 0101' },
  { givenName: 'Amelia', surname: 'Turner', companyName: 'Blue Yonder Airlines', jobTitle: 'Corporate Travel Account Manager', address: 'amelia.turner@blueyonder.example', phone: '+44 20 5555 0126' },
  { givenName: 'Lucas', surname: 'Moreau', companyName: 'Coho Winery', jobTitle: 'Events Coordinator', address: 'lucas.moreau@cohowinery.example', phone: '+33 1 55 55 01 37', notes: 'Holiday party venue and wine list.' },
  { givenName: 'Priyanka', surname: 'Iyer', companyName: 'Trey Research', jobTitle: 'Market Research Consultant', address: 'priyanka.iyer@treyresearch.example', phone: '+91 80 5555 0152' },
  { givenName: 'Diego', surname: 'Alvarez', companyName: 'Wingtip Toys', jobTitle: 'Category Manager', address: 'diego.alvarez@wingtiptoys.example', phone: '+34 91 555 0168', mobile: '+34 600 555 016' },
  { givenName: 'Emma', surname: 'Nakamura', companyName: 'Contoso Pharmaceuticals', jobTitle: 'Facilities Manager', address: 'emma.nakamura@contosopharma.example', phone: '+1 425 555 0183' },
  { givenName: 'Oliver', surname: 'Brandt', companyName: 'Humongous Insurance', jobTitle: 'Broker', address: 'oliver.brandt@humongousinsurance.example', phone: '+1 312 555 0109', notes: 'Store liability policy renews in March.' },
  { givenName: 'Chloé', surname: 'Dubois', companyName: 'Graphic Design Institute', jobTitle: 'Art Director', address: 'chloe.dubois@graphicdesigninstitute.example', phone: '+33 4 55 55 02 48' },
  { givenName: 'Thabo', surname: 'Nkosi', companyName: 'Alpine Ski House', jobTitle: 'Wholesale Manager', address: 'thabo.nkosi@alpineskihouse.example', phone: '+27 21 555 0136' },
  { givenName: 'Mei', surname: 'Chen', companyName: 'Relecloud', jobTitle: 'Customer Success Manager', address: 'mei.chen@relecloud.example', phone: '+1 650 555 0121', mobile: '+1 650 555 0188' },
  { givenName: 'Jonas', surname: 'Berg', companyName: 'Lucerne Publishing', jobTitle: 'Catalogue Editor', address: 'jonas.berg@lucernepublishing.example', phone: '+47 22 55 50 19' },
  { givenName: 'Isabel', surname: 'Costa', companyName: 'Fourth Coffee', jobTitle: 'Franchise Partner', address: 'isabel.costa@fourthcoffee.example', phone: '+351 21 555 0174', notes: 'Coffee corners in the Bellevue and Redmond stores.' },
  { givenName: 'Yusuf', surname: 'Demir', companyName: 'Margie\'s Travel', jobTitle: 'Travel Agent', address: 'yusuf.demir@margiestravel.example', phone: '+90 212 555 0115' },
];
const SEEDED_AT = '2026-10-01T09:00:00Z';

export function createContactsState(directory: Directory): ContactsState {
  const books = new Map<string, ContactBook>();
  for (const user of directory.users) books.set(user.id, bookOf(user, directory));
  return { books };
}

function bookOf(owner: DirectoryUser, directory: Directory): ContactBook {
  const rootId = contactItemId('F', stableKey(`${owner.id}/contacts-root`));
  const defaultFolderId = contactItemId('F', stableKey(`${owner.id}/contacts`));
  const contacts: StoredContact[] = [];
  const add = (c: Omit<StoredContact, 'id' | 'changeKey' | 'createdDateTime' | 'lastModifiedDateTime' | 'parentFolderId' | 'displayName' | 'categories' | 'personalNotes'> & { categories?: string[] }) => {
    const key = stableKey(`${owner.id}/contact/${c.emailAddresses[0]?.address}`);
    contacts.push({
      id: contactItemId('C', key),
      changeKey: key.slice(0, 16),
      createdDateTime: SEEDED_AT,
      lastModifiedDateTime: SEEDED_AT,
      parentFolderId: defaultFolderId,
      displayName: [c.givenName, c.surname].filter(Boolean).join(' '),
      personalNotes: null,
      ...c,
      categories: c.categories ?? [],
    });
  };
  // People with a mailbox of their own: their manager, direct reports and a few colleagues.
  const colleagues = [directory.manager(owner), ...directory.directReports(owner), ...directory.users.filter((u) => u.department === owner.department)]
    .filter((u): u is DirectoryUser => !!u && u.id !== owner.id && !!u.mail);
  for (const u of [...new Map(colleagues.map((c) => [c.id, c])).values()].slice(0, 6)) {
    add({ givenName: u.givenName ?? null, surname: u.surname ?? null, companyName: directory.organization.displayName, jobTitle: u.jobTitle ?? null, department: u.department ?? null, emailAddresses: [{ name: u.displayName, address: u.mail! }], businessPhones: u.businessPhones ?? [], mobilePhone: u.mobilePhone ?? null, categories: ['Colleagues'] });
  }
  for (const e of EXTERNAL) {
    add({ givenName: e.givenName, surname: e.surname, companyName: e.companyName, jobTitle: e.jobTitle, department: null, emailAddresses: [{ name: `${e.givenName} ${e.surname}`, address: e.address }], businessPhones: [e.phone], mobilePhone: e.mobile ?? null, categories: ['Partners'], ...(e.notes ? { personalNotes: e.notes } : {}) });
  }
  return { rootId, defaultFolderId, folders: [], contacts };
}
