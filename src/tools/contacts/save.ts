// Changing contacts: one tool saves a new contact or changes fields of one (only the fields given), into a folder
// by name (made when new); another deletes, after saying whom.
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { EmailAddress, parseAddress } from '../content/addresses.js';
import { defineTool, ToolError } from '../define-tool.js';
import { List, Text } from '../shapes.js';
import { ensureFolder } from './folders.js';
import { CONTACT_SELECT, contactLine, ContactSummary, type GraphContact, summarize } from './shapes.js';

const ContactId = Text(512).refine((v) => /^[A-Za-z0-9_=+\/-]+$/.test(v), 'must be a contact id from contacts_find');
const Phone = Text(64).refine((v) => /^[\d\s()+.\-\/x]+$/i.test(v), 'must be a phone number like +1 425 555 0142');

export const saveContact = defineTool({
  name: 'contacts_save',
  title: 'Save a contact',
  description: 'Creates a contact, or with id changes only the fields given (lists replace the old ones). Into folder by name, made if new.',
  group: 'contacts',
  kind: 'write',
  scopes: ['Contacts.ReadWrite'],
  input: z.object({
    id: ContactId.optional().describe('Contact to change; omit to create'),
    givenName: Text(100).optional().describe('First name'),
    surname: Text(100).optional().describe('Last name'),
    company: Text(200).optional().describe('Company'),
    jobTitle: Text(200).optional().describe('Job title'),
    department: Text(200).optional().describe('Department'),
    emails: List(EmailAddress, 3).optional().describe('Addresses; "Name <address>" allowed'),
    businessPhones: List(Phone, 2).optional().describe('Work phones'),
    mobilePhone: Phone.optional().describe('Mobile phone'),
    notes: Text(4000).optional().describe('Notes'),
    folder: Text(255).optional().describe('Folder name, new contacts only'),
  }),
  output: ContactSummary.extend({ created: z.boolean(), folderMade: z.string().optional() }),
  handler: async (a, { graph, signal }) => {
    const fields: Record<string, unknown> = {
      ...(a.givenName !== undefined ? { givenName: a.givenName } : {}),
      ...(a.surname !== undefined ? { surname: a.surname } : {}),
      ...(a.company !== undefined ? { companyName: a.company } : {}),
      ...(a.jobTitle !== undefined ? { jobTitle: a.jobTitle } : {}),
      ...(a.department !== undefined ? { department: a.department } : {}),
      ...(a.emails ? { emailAddresses: a.emails.map((e) => { const p = parseAddress(e); return { address: p.address, name: p.name ?? p.address }; }) } : {}),
      ...(a.businessPhones ? { businessPhones: a.businessPhones } : {}),
      ...(a.mobilePhone !== undefined ? { mobilePhone: a.mobilePhone } : {}),
      ...(a.notes !== undefined ? { personalNotes: a.notes } : {}),
    };
    if (a.id) {
      if (a.folder) throw new ToolError('folder applies to new contacts only; leave it out when changing one.');
      if (!Object.keys(fields).length) throw new ToolError('Nothing to change: give the fields to change with id.');
      const c = await graph.patch<GraphContact>(`/me/contacts/${seg(a.id)}`, fields, { signal });
      return { ...summarize(c), created: false };
    }
    if (!a.givenName && !a.surname && !a.company && !a.emails) throw new ToolError('A new contact needs a name, a company or an email address.');
    // Outlook shows a contact by its display name and leaves it empty when none is given.
    fields.displayName = [a.givenName, a.surname].filter(Boolean).join(' ') || a.company || parseAddress(a.emails![0]).name || parseAddress(a.emails![0]).address;
    const folder = a.folder ? await ensureFolder(graph, a.folder, signal) : undefined;
    const c = await graph.post<GraphContact>(folder ? `/me/contactFolders/${seg(folder.id)}/contacts` : '/me/contacts', fields, { signal });
    return { ...summarize(c), created: true, ...(folder?.made ? { folderMade: a.folder } : {}) };
  },
  text: (r) => `${r.created ? 'created' : 'updated'}${r.folderMade ? ` (new folder ${r.folderMade})` : ''}\n${contactLine(r)}`,
});

export const deleteContact = defineTool({
  name: 'contacts_delete',
  title: 'Delete a contact',
  description: 'Deletes a contact; these tools cannot bring it back.',
  group: 'contacts',
  kind: 'destructive',
  scopes: ['Contacts.ReadWrite'],
  input: z.object({ id: ContactId.describe('Contact id from contacts_find') }),
  output: z.object({ deleted: z.string() }),
  confirm: async ({ id }, { graph, signal }) => {
    const c = summarize(await graph.get<GraphContact>(`/me/contacts/${seg(id)}`, { query: { $select: CONTACT_SELECT }, signal }));
    return `Delete the contact ${c.name}${c.company ? ` (${c.company})` : ''}${c.emails ? `, ${c.emails[0]}` : ''}. It cannot be restored with these tools.`;
  },
  handler: async ({ id }, { graph, signal }) => {
    await graph.delete(`/me/contacts/${seg(id)}`, { signal });
    return { deleted: id };
  },
  text: (r) => `deleted ${r.deleted}`,
});

export default [saveContact, deleteContact];
