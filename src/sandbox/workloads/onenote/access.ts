// Who may reach which notes, and finding what a request addresses. Permissions per route as Graph documents them:
// the hierarchy (notebooks, section groups, sections) may be read with Notes.Create too, so an app that only
// creates can find where to; pages and their content need Notes.Read or more; creating takes Notes.Create;
// changing or deleting a page needs Notes.ReadWrite. OneNote answers a missing permission with 403 40004. A
// person's notes are theirs alone here (the sandbox shares no notebook): another person's are 403 40003.

import type { RouteContext, ScopeRule } from '../../graph/types.js';
import { invalidId, noAccess, noScope, notFound } from './errors.js';
import { wellFormedId } from './ids.js';
import type { Notes, OneNoteState, StoredNotebook, StoredPage, StoredSection, StoredSectionGroup } from './model.js';

type Ctx = RouteContext<OneNoteState>;

export const HIERARCHY_READ = ['Notes.Create', 'Notes.Read', 'Notes.ReadWrite', 'Notes.Read.All', 'Notes.ReadWrite.All'];
export const PAGE_READ = ['Notes.Read', 'Notes.ReadWrite', 'Notes.Read.All', 'Notes.ReadWrite.All'];
export const CREATE = ['Notes.Create', 'Notes.ReadWrite', 'Notes.ReadWrite.All'];
export const UPDATE = ['Notes.ReadWrite', 'Notes.ReadWrite.All'];

/** The permission gate, in OneNote's words when none of the permissions is granted. */
export const needs = (allowed: readonly string[]): ScopeRule<OneNoteState> => (ctx) => {
  const wanted = allowed.map((s) => s.toLowerCase());
  if (!ctx.principal.scopes.some((g) => wanted.includes(g.toLowerCase()))) throw noScope();
  return ctx.principal.scopes;
};

/** The addressed person's notes (/me or /users/{id | upn}). */
export function notesOf(ctx: Ctx): Notes {
  const owner = ctx.directory.findUser(ctx.params.id);
  if (!owner) throw notFound();
  if (owner.id !== ctx.principal.user.id) throw noAccess();
  return ctx.state.notes.get(owner.id) ?? ctx.state.seed(owner.id);
}

function byId<T extends { id: string }>(items: readonly T[], id: string): T {
  if (!wellFormedId(id)) throw invalidId();
  const found = items.find((x) => x.id.toLowerCase() === id.toLowerCase());
  if (!found) throw notFound();
  return found;
}

export const notebookOf = (notes: Notes, id: string): StoredNotebook => byId(notes.notebooks, id);
export const groupOf = (notes: Notes, id: string): StoredSectionGroup => byId(notes.sectionGroups, id);
export const sectionOf = (notes: Notes, id: string): StoredSection => byId(notes.sections, id);
export const pageOf = (notes: Notes, id: string): StoredPage => byId(notes.pages, id);
