// The contacts seed: every mailbox gets its default Contacts folder; people's books hold a few colleagues
// (from the directory) and outside contacts, the same on every start (ids from stable names).

import type { Directory, DirectoryUser } from '../../../directory/directory.js';
import { contactItemId, stableKey } from './ids.js';
import type { ContactBook, ContactsState, StoredContact } from './model.js';

/** Outside the organization: suppliers and partners of the demo company. */
const EXTERNAL = [
  { givenName: 'Ravi', surname: 'Shankar', companyName: 'Northwind Traders', jobTitle: 'Account Manager', address: 'ravi.shankar@northwind.example', phone: '+1 425 555 0142' },
  { givenName: 'Sofia', surname: 'Lindqvist', companyName: 'Fabrikam Logistics', jobTitle: 'Operations Lead', address: 'sofia.lindqvist@fabrikam.example', phone: '+46 8 555 0190' },
  { givenName: 'Kenji', surname: 'Watanabe', companyName: 'Tailspin Toys', jobTitle: 'Buyer', address: 'kenji.watanabe@tailspin.example', phone: '+81 3 5555 0117' },
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
    add({ givenName: e.givenName, surname: e.surname, companyName: e.companyName, jobTitle: e.jobTitle, department: null, emailAddresses: [{ name: `${e.givenName} ${e.surname}`, address: e.address }], businessPhones: [e.phone], mobilePhone: null, categories: ['Partners'] });
  }
  return { rootId, defaultFolderId, folders: [], contacts };
}
