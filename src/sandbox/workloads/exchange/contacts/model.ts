// Contacts of Exchange mailboxes: each mailbox's contact folders (the default "Contacts" and those the user
// makes) and the contacts in them, as Graph's contact and contactFolder resources hold them.

import type { Stamp } from '../../../odata/collection.js';

export interface EmailAddress {
  name?: string;
  address: string;
}

export interface StoredContact extends Stamp {
  parentFolderId: string;
  givenName: string | null;
  surname: string | null;
  displayName: string | null;
  companyName: string | null;
  jobTitle: string | null;
  department: string | null;
  emailAddresses: EmailAddress[];
  businessPhones: string[];
  mobilePhone: string | null;
  categories: string[];
  personalNotes: string | null;
}

export interface StoredContactFolder extends Stamp {
  displayName: string;
  parentFolderId: string;
}

export interface ContactBook {
  /** The id of the mailbox's root, the parent of the default Contacts folder. */
  rootId: string;
  /** The default Contacts folder: contacts created at /contacts go there. */
  defaultFolderId: string;
  /** Folders the user made (the default folder is not listed in contactFolders, as in Graph). */
  folders: StoredContactFolder[];
  contacts: StoredContact[];
}

export interface ContactsState {
  /** By mailbox owner's directory id. */
  books: Map<string, ContactBook>;
}
