// Exchange contacts as a sandbox workload: every mailbox's contacts and contact folders, served through
// Graph v1.0 by the collection engine (odata/collection.ts) over a ContactsState seeded from seed.ts.

import { workload } from '../../../workload.js';
import type { ContactsState } from './model.js';
import { contactRoutes } from './routes.js';
import { createContactsState } from './seed.js';

export const contactsWorkload = workload<ContactsState>({
  name: 'contacts',
  create: (directory) => createContactsState(directory),
  routes: contactRoutes,
});
