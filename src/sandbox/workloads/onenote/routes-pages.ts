// Pages through Graph v1.0: every page of a person (/onenote/pages) or of a section, with OneNote's query options
// (20 a request by default, 100 at most, newest change first, pagelevel=true for level and order); one page's
// metadata; creating a page in a section, or in the default notebook's default section or the section that
// sectionName names there (made when missing); deleting a page with its resources.

import type { RouteContext, RouteDef } from '../../graph/types.js';
import { CREATE, needs, notesOf, PAGE_READ, pageOf, sectionOf, UPDATE } from './access.js';
import { pageEntity } from './entities.js';
import { hierarchyId } from './ids.js';
import { madeNow, nowIso, type Notes, type OneNoteState, type StoredSection } from './model.js';
import { checkName, defaultNotebookName } from './names.js';
import { addPage, pageSource, type PageSource } from './page-create.js';
import { pageLevelHere } from './errors.js';
import { entitySet, getView, listViews, oneNoteParam } from './queries.js';
import { pageView } from './views.js';

type Ctx = RouteContext<OneNoteState>;
const ROOT = '/users/{id}/onenote';
const pageLevel = (ctx: Ctx) => oneNoteParam(ctx, 'pagelevel')?.toLowerCase() === 'true';

function listPages(ctx: Ctx, notes: Notes, section?: StoredSection) {
  if (pageLevel(ctx) && !section) throw pageLevelHere();
  const pages = notes.pages.filter((p) => !section || p.sectionId === section.id);
  return listViews(ctx, pageEntity(pageLevel(ctx)), pages.map((p) => pageView(ctx, notes, p)), entitySet(notes.owner.id, 'pages'));
}

function create(ctx: Ctx, notes: Notes, section: StoredSection, source: PageSource) {
  const page = addPage(ctx.state, notes, { section, source, appId: ctx.principal.appId, at: nowIso() });
  const r = getView(ctx, pageEntity(false), pageView(ctx, notes, page), entitySet(notes.owner.id, 'pages'), 201);
  return { ...r, headers: { ...r.headers, Location: (r.body as { self: string }).self } };
}

/** Where POST /onenote/pages puts a page: the default notebook's section named by sectionName (a top-level one,
 *  made when missing), else its default section. A person without notebooks gets a default one first. */
function targetSection(ctx: Ctx, notes: Notes): StoredSection {
  const stamps = madeNow(notes.owner);
  let notebook = notes.notebooks.find((n) => n.isDefault);
  if (!notebook) {
    notebook = { id: hierarchyId(), displayName: defaultNotebookName(ctx.directory, ctx.directory.findUser(notes.owner.id)!), isDefault: true, ...stamps };
    notes.notebooks.push(notebook);
  }
  const top = notes.sections.filter((s) => s.notebookId === notebook.id && !s.parentGroupId);
  const wanted = oneNoteParam(ctx, 'sectionName');
  const found = wanted === undefined ? top.find((s) => s.isDefault) ?? top[0] : top.find((s) => s.displayName.toLowerCase() === wanted.toLowerCase());
  if (found) return found;
  const section: StoredSection = { id: hierarchyId(), displayName: wanted === undefined ? 'Quick Notes' : checkName(wanted, 'section', top), notebookId: notebook.id, parentGroupId: null, isDefault: wanted === undefined, ...stamps };
  notes.sections.push(section);
  return section;
}

export const pageRoutes: RouteDef<OneNoteState>[] = [
  { method: 'GET', path: `${ROOT}/pages`, scopes: needs(PAGE_READ), handler: (ctx) => listPages(ctx, notesOf(ctx)) },
  {
    method: 'POST', path: `${ROOT}/pages`, scopes: needs(CREATE),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      // The body is checked before a section is made for it.
      const source = pageSource(ctx);
      return create(ctx, notes, targetSection(ctx, notes), source);
    },
  },
  {
    method: 'GET', path: `${ROOT}/sections/{sectionId}/pages`, scopes: needs(PAGE_READ),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      return listPages(ctx, notes, sectionOf(notes, ctx.params.sectionId));
    },
  },
  {
    method: 'POST', path: `${ROOT}/sections/{sectionId}/pages`, scopes: needs(CREATE),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      return create(ctx, notes, sectionOf(notes, ctx.params.sectionId), pageSource(ctx));
    },
  },
  {
    method: 'GET', path: `${ROOT}/pages/{pageId}`, scopes: needs(PAGE_READ),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      return getView(ctx, pageEntity(pageLevel(ctx)), pageView(ctx, notes, pageOf(notes, ctx.params.pageId)), entitySet(notes.owner.id, 'pages'));
    },
  },
  {
    method: 'DELETE', path: `${ROOT}/pages/{pageId}`, scopes: needs(UPDATE),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      const page = pageOf(notes, ctx.params.pageId);
      notes.pages.splice(notes.pages.indexOf(page), 1);
      for (const [id, r] of ctx.state.resources) if (r.pageId === page.id) ctx.state.resources.delete(id);
      return { status: 204 };
    },
  },
];
