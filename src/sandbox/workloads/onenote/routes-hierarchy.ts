// Notebooks, section groups and sections through Graph v1.0 (/me/onenote/... or /users/{id}/onenote/...): list
// and get them with OneNote's query options, the sections and section groups of a notebook or section group, and
// create notebooks, section groups and sections (201 with the new entity; names checked as OneNote does).

import type { RouteContext, RouteDef } from '../../graph/types.js';
import { CREATE, groupOf, HIERARCHY_READ, needs, notebookOf, notesOf, sectionOf } from './access.js';
import { groupEntity, notebookEntity, sectionEntity } from './entities.js';
import { hierarchyId } from './ids.js';
import { madeNow, type Notes, type OneNoteState, type StoredSection, type StoredSectionGroup } from './model.js';
import { newName } from './names.js';
import { entitySet, getView, listViews } from './queries.js';
import { groupView, notebookView, sectionView } from './views.js';

type Ctx = RouteContext<OneNoteState>;
const ROOT = '/users/{id}/onenote';

const sections = (ctx: Ctx, notes: Notes, of: (s: StoredSection) => boolean) =>
  listViews(ctx, sectionEntity, notes.sections.filter(of).map((s) => sectionView(ctx, notes, s)), entitySet(notes.owner.id, 'sections'));
const groups = (ctx: Ctx, notes: Notes, of: (g: StoredSectionGroup) => boolean) =>
  listViews(ctx, groupEntity, notes.sectionGroups.filter(of).map((g) => groupView(ctx, notes, g)), entitySet(notes.owner.id, 'sectionGroups'));

/** A new section in a notebook, or in a section group of it. */
function addSection(ctx: Ctx, notes: Notes, notebookId: string, parentGroupId: string | null) {
  const siblings = notes.sections.filter((s) => s.notebookId === notebookId && s.parentGroupId === parentGroupId);
  const section: StoredSection = { id: hierarchyId(), displayName: newName(ctx.req.body, 'section', siblings), notebookId, parentGroupId, isDefault: false, ...madeNow(notes.owner) };
  notes.sections.push(section);
  return getView(ctx, sectionEntity, sectionView(ctx, notes, section), entitySet(notes.owner.id, 'sections'), 201);
}

function addGroup(ctx: Ctx, notes: Notes, notebookId: string, parentGroupId: string | null) {
  const siblings = notes.sectionGroups.filter((g) => g.notebookId === notebookId && g.parentGroupId === parentGroupId);
  const group: StoredSectionGroup = { id: hierarchyId(), displayName: newName(ctx.req.body, 'sectionGroup', siblings), notebookId, parentGroupId, ...madeNow(notes.owner) };
  notes.sectionGroups.push(group);
  return getView(ctx, groupEntity, groupView(ctx, notes, group), entitySet(notes.owner.id, 'sectionGroups'), 201);
}

export const hierarchyRoutes: RouteDef<OneNoteState>[] = [
  {
    method: 'GET', path: `${ROOT}/notebooks`, scopes: needs(HIERARCHY_READ),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      return listViews(ctx, notebookEntity, notes.notebooks.map((n) => notebookView(ctx, notes, n)), entitySet(notes.owner.id, 'notebooks'));
    },
  },
  {
    method: 'POST', path: `${ROOT}/notebooks`, scopes: needs(CREATE),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      const notebook = { id: hierarchyId(), displayName: newName(ctx.req.body, 'notebook', notes.notebooks), isDefault: false, ...madeNow(notes.owner) };
      notes.notebooks.push(notebook);
      return getView(ctx, notebookEntity, notebookView(ctx, notes, notebook), entitySet(notes.owner.id, 'notebooks'), 201);
    },
  },
  {
    method: 'GET', path: `${ROOT}/notebooks/{notebookId}`, scopes: needs(HIERARCHY_READ),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      return getView(ctx, notebookEntity, notebookView(ctx, notes, notebookOf(notes, ctx.params.notebookId)), entitySet(notes.owner.id, 'notebooks'));
    },
  },
  {
    method: 'GET', path: `${ROOT}/notebooks/{notebookId}/sections`, scopes: needs(HIERARCHY_READ),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      const n = notebookOf(notes, ctx.params.notebookId);
      return sections(ctx, notes, (s) => s.notebookId === n.id && !s.parentGroupId);
    },
  },
  {
    method: 'POST', path: `${ROOT}/notebooks/{notebookId}/sections`, scopes: needs(CREATE),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      return addSection(ctx, notes, notebookOf(notes, ctx.params.notebookId).id, null);
    },
  },
  {
    method: 'GET', path: `${ROOT}/notebooks/{notebookId}/sectionGroups`, scopes: needs(HIERARCHY_READ),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      const n = notebookOf(notes, ctx.params.notebookId);
      return groups(ctx, notes, (g) => g.notebookId === n.id && !g.parentGroupId);
    },
  },
  {
    method: 'POST', path: `${ROOT}/notebooks/{notebookId}/sectionGroups`, scopes: needs(CREATE),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      return addGroup(ctx, notes, notebookOf(notes, ctx.params.notebookId).id, null);
    },
  },
  { method: 'GET', path: `${ROOT}/sectionGroups`, scopes: needs(HIERARCHY_READ), handler: (ctx) => groups(ctx, notesOf(ctx), () => true) },
  {
    method: 'GET', path: `${ROOT}/sectionGroups/{groupId}`, scopes: needs(HIERARCHY_READ),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      return getView(ctx, groupEntity, groupView(ctx, notes, groupOf(notes, ctx.params.groupId)), entitySet(notes.owner.id, 'sectionGroups'));
    },
  },
  {
    method: 'GET', path: `${ROOT}/sectionGroups/{groupId}/sections`, scopes: needs(HIERARCHY_READ),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      const g = groupOf(notes, ctx.params.groupId);
      return sections(ctx, notes, (s) => s.parentGroupId === g.id);
    },
  },
  {
    method: 'POST', path: `${ROOT}/sectionGroups/{groupId}/sections`, scopes: needs(CREATE),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      const g = groupOf(notes, ctx.params.groupId);
      return addSection(ctx, notes, g.notebookId, g.id);
    },
  },
  {
    method: 'GET', path: `${ROOT}/sectionGroups/{groupId}/sectionGroups`, scopes: needs(HIERARCHY_READ),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      const g = groupOf(notes, ctx.params.groupId);
      return groups(ctx, notes, (x) => x.parentGroupId === g.id);
    },
  },
  {
    method: 'POST', path: `${ROOT}/sectionGroups/{groupId}/sectionGroups`, scopes: needs(CREATE),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      const g = groupOf(notes, ctx.params.groupId);
      return addGroup(ctx, notes, g.notebookId, g.id);
    },
  },
  { method: 'GET', path: `${ROOT}/sections`, scopes: needs(HIERARCHY_READ), handler: (ctx) => sections(ctx, notesOf(ctx), () => true) },
  {
    method: 'GET', path: `${ROOT}/sections/{sectionId}`, scopes: needs(HIERARCHY_READ),
    handler: (ctx) => {
      const notes = notesOf(ctx);
      return getView(ctx, sectionEntity, sectionView(ctx, notes, sectionOf(notes, ctx.params.sectionId)), entitySet(notes.owner.id, 'sections'));
    },
  },
];
