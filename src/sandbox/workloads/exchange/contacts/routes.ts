// Graph's contacts routes, declared to the collection engine: a mailbox's contacts (in its default folder),
// its contact folders, and the contacts of one folder. What is Exchange's own is here: who may open whose
// book, which properties a client may set, and the display name Outlook derives from the name parts.

import { collectionRoutes, type CollectionDecl, type Setter } from '../../../odata/collection.js';
import type { RequestContext, RouteContext, ScopeRule } from '../../../graph/types.js';
import { accessDenied, folderExists, invalidUser, itemNotFound } from '../errors.js';
import { outlookStyle } from '../outlook-style.js';
import { contactEntity, contactFolderEntity } from './entity.js';
import { contactItemId, freshKey } from './ids.js';
import type { ContactBook, ContactsState, EmailAddress, StoredContact, StoredContactFolder } from './model.js';

type Ctx = RouteContext<ContactsState>;
type Access = 'read' | 'write';

const OWN: Record<Access, string[]> = { read: ['Contacts.Read', 'Contacts.ReadWrite', 'Contacts.Read.Shared', 'Contacts.ReadWrite.Shared'], write: ['Contacts.ReadWrite', 'Contacts.ReadWrite.Shared'] };
const OTHERS: Record<Access, string[]> = { read: ['Contacts.Read.Shared', 'Contacts.ReadWrite.Shared'], write: ['Contacts.ReadWrite.Shared'] };
const isSelf = (ctx: RequestContext) => ctx.viaMe || ctx.directory.findUser(ctx.params.id)?.id === ctx.principal.user.id;

/** The permission gate: Contacts.* for one's own book, the .Shared ones for another's (Exchange's 403). */
const scopes = (access: Access): ScopeRule<ContactsState> => (ctx) => {
  const wanted = (isSelf(ctx) ? OWN : OTHERS)[access].map((s) => s.toLowerCase());
  if (!ctx.principal.scopes.some((g) => wanted.includes(g.toLowerCase()))) throw accessDenied();
  return ctx.principal.scopes;
};

/** The addressed mailbox's book. Another person's book opens only when it is a shared mailbox the caller has
 *  full access to: nobody shares a contact folder in the sandbox's seed, and Exchange denies the rest. */
function book(ctx: Ctx): ContactBook {
  const owner = ctx.directory.findUser(ctx.params.id);
  const found = owner && ctx.state.books.get(owner.id);
  if (!found) throw invalidUser(ctx.params.id);
  if (owner.id === ctx.principal.user.id) return found;
  const shared = ctx.directory.sharedMailboxes.find((m) => m.userId === owner.id);
  if (!shared?.delegates.some((d) => d.toLowerCase() === ctx.principal.user.userPrincipalName.toLowerCase())) throw accessDenied();
  return found;
}

const text: Setter = (v, fail) => (typeof v === 'string' ? v : fail('a string is expected'));
const texts: Setter = (v, fail) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : fail('an array of strings is expected'));
const addresses: Setter = (v, fail) => {
  if (!Array.isArray(v)) return fail('an array of emailAddress is expected');
  return v.map((a): EmailAddress => {
    if (typeof a !== 'object' || a === null || typeof a.address !== 'string') return fail('each emailAddress needs an address');
    return { ...(typeof a.name === 'string' ? { name: a.name } : {}), address: a.address };
  });
};

const CONTACT_SETTERS: Record<string, Setter> = {
  givenName: text, surname: text, displayName: text, companyName: text, jobTitle: text, department: text,
  emailAddresses: addresses, businessPhones: texts, mobilePhone: text, categories: texts, personalNotes: text,
};
const STAMP = ['id', 'changeKey', 'createdDateTime', 'lastModifiedDateTime', 'parentFolderId'];

function contactsDecl(path: string, folderOf: (ctx: Ctx, b: ContactBook) => string, context: (ctx: Ctx) => string, anyFolder = false): CollectionDecl<ContactsState, StoredContact> {
  return {
    path,
    itemParam: 'contactId',
    typeName: contactEntity.name,
    scopes: { read: scopes('read'), write: scopes('write') },
    items: (ctx) => {
      const b = book(ctx);
      const folder = folderOf(ctx, b);
      return b.contacts.filter((c) => c.parentFolderId === folder);
    },
    ...(anyFolder ? { addressable: (ctx: Ctx) => book(ctx).contacts } : {}),
    add: (ctx, c) => book(ctx).contacts.push(c),
    remove: (ctx, c) => removeFrom(book(ctx).contacts, c),
    context,
    style: outlookStyle(contactEntity, true),
    writable: CONTACT_SETTERS,
    ignored: STAMP,
    newId: () => contactItemId('C', freshKey()),
    create: (ctx, fields, stamp) => ({
      ...stamp,
      parentFolderId: folderOf(ctx, book(ctx)),
      givenName: null, surname: null, displayName: null, companyName: null, jobTitle: null, department: null,
      emailAddresses: [], businessPhones: [], mobilePhone: null, categories: [], personalNotes: null,
      ...fields,
    } as StoredContact),
    // Outlook fills the display name from the name parts when none is given.
    changed: (c) => {
      if (!c.displayName) c.displayName = [c.givenName, c.surname].filter(Boolean).join(' ') || null;
    },
  };
}

const removeFrom = <T>(list: T[], item: T) => void list.splice(list.indexOf(item), 1);

function folderById(ctx: Ctx, b: ContactBook): string {
  const id = ctx.params.folderId;
  if (id === b.defaultFolderId || b.folders.some((f) => f.id === id)) return id;
  throw itemNotFound();
}

const users = (ctx: Ctx) => `users('${ctx.directory.findUser(ctx.params.id)?.id ?? ctx.params.id}')`;

const folderDecl: CollectionDecl<ContactsState, StoredContactFolder> = {
  path: '/users/{id}/contactFolders',
  itemParam: 'folderId',
  typeName: contactFolderEntity.name,
  scopes: { read: scopes('read'), write: scopes('write') },
  items: (ctx) => book(ctx).folders,
  add: (ctx, f) => book(ctx).folders.push(f),
  // A deleted folder's contacts go with it (Exchange moves them to Deleted Items; the sandbox keeps none).
  remove: (ctx, f) => {
    const b = book(ctx);
    removeFrom(b.folders, f);
    b.contacts = b.contacts.filter((c) => c.parentFolderId !== f.id);
  },
  context: (ctx) => `${users(ctx)}/contactFolders`,
  style: outlookStyle(contactFolderEntity, false),
  writable: { displayName: text },
  ignored: STAMP,
  newId: () => contactItemId('F', freshKey()),
  create: (ctx, fields, stamp) => {
    const b = book(ctx);
    const name = typeof fields.displayName === 'string' ? fields.displayName.trim() : '';
    if (!name) throw outlookStyle(contactFolderEntity, false).badBody('A contact folder needs a displayName.');
    if (b.folders.some((f) => f.displayName.toLowerCase() === name.toLowerCase())) throw folderExists();
    return { ...stamp, displayName: name, parentFolderId: b.defaultFolderId };
  },
};

export const contactRoutes = [
  // By id, /me/contacts reaches a contact in any folder; listed, only the default folder's.
  ...collectionRoutes(contactsDecl('/users/{id}/contacts', (_ctx, b) => b.defaultFolderId, (ctx) => `${users(ctx)}/contacts`, true)),
  ...collectionRoutes(folderDecl),
  ...collectionRoutes(contactsDecl('/users/{id}/contactFolders/{folderId}/contacts', folderById, (ctx) => `${users(ctx)}/contactFolders('${ctx.params.folderId}')/contacts`)),
];
