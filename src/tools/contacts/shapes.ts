// A contact as the contacts tools answer it: name, company, role, addresses and phones, never Graph's whole record;
// and the words a search matches (a phone number by its digits, so "555 0142" finds "+1 425 555 0142").
import { z } from 'zod';

export interface GraphContact {
  id: string;
  displayName?: string | null;
  givenName?: string | null;
  surname?: string | null;
  companyName?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  emailAddresses?: { name?: string | null; address?: string | null }[];
  businessPhones?: string[];
  mobilePhone?: string | null;
  personalNotes?: string | null;
  categories?: string[];
  parentFolderId?: string;
}

export const CONTACT_SELECT = 'id,displayName,givenName,surname,companyName,jobTitle,department,emailAddresses,businessPhones,mobilePhone,personalNotes,categories';

export const ContactSummary = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().optional(),
  jobTitle: z.string().optional(),
  department: z.string().optional(),
  emails: z.array(z.string()).optional(),
  phones: z.array(z.string()).optional().describe('Business, then mobile (m)'),
  notes: z.string().optional(),
});
export type ContactOut = z.output<typeof ContactSummary>;

export function summarize(c: GraphContact): ContactOut {
  const emails = (c.emailAddresses ?? []).map((e) => e.address ?? '').filter(Boolean);
  const phones = [...(c.businessPhones ?? []), ...(c.mobilePhone ? [`${c.mobilePhone} (m)`] : [])];
  const name = c.displayName || [c.givenName, c.surname].filter(Boolean).join(' ') || emails[0] || '(no name)';
  return {
    id: c.id,
    name,
    ...(c.companyName ? { company: c.companyName } : {}),
    ...(c.jobTitle ? { jobTitle: c.jobTitle } : {}),
    ...(c.department ? { department: c.department } : {}),
    ...(emails.length ? { emails } : {}),
    ...(phones.length ? { phones } : {}),
    ...(c.personalNotes ? { notes: c.personalNotes } : {}),
  };
}

export const contactLine = (c: ContactOut) =>
  `- ${c.name}${c.jobTitle ? `, ${c.jobTitle}` : ''}${c.company ? ` (${c.company})` : ''}${c.emails ? ` | ${c.emails.join(', ')}` : ''}${c.phones ? ` | ${c.phones.join(', ')}` : ''}\n  id: ${c.id}`;

const digits = (s: string) => s.replace(/\D/g, '');
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether every word of the query is in the contact: names, company, role, addresses, notes; a word of digits
 *  (3 or more) also matches inside a phone number, whatever its spaces and dashes. */
export function matches(c: GraphContact, query: string): boolean {
  const hay = fold([c.displayName, c.givenName, c.surname, c.companyName, c.jobTitle, c.department, c.personalNotes, ...(c.emailAddresses ?? []).flatMap((e) => [e.address, e.name]), ...(c.categories ?? [])].filter(Boolean).join(' '));
  const phones = [...(c.businessPhones ?? []), c.mobilePhone ?? ''].map(digits).join(' ');
  const queryDigits = digits(query);
  // A query that is a phone number (digits with spaces, dashes, + or brackets) matches by its digits as a whole.
  if (/^[\d\s()+.-]+$/.test(query.trim()) && queryDigits.length >= 3) return phones.includes(queryDigits);
  return fold(query).split(/\s+/).filter(Boolean).every((w) => hay.includes(w) || (/^\d{3,}$/.test(w) && phones.includes(w)));
}
