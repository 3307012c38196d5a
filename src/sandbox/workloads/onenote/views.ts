// Notebooks, section groups, sections and pages as Graph shows them, for one request: `self`, `contentUrl`,
// `sectionsUrl`... on the origin the client used (it follows them), the OneNote client and web links on the
// owner's personal site, createdBy/lastModifiedBy as identity sets. Each view also carries, out of the
// engine's sight, how to reach its relatives ($expand, and the parents a default query shows).

import type { RouteContext } from '../../graph/types.js';
import type { Actor, Notes, OneNoteState, StoredNotebook, StoredPage, StoredSection, StoredSectionGroup } from './model.js';

export type View = Record<string, unknown> & { [RELATIVES]: Relatives };
export const RELATIVES = Symbol('relatives');

export interface Relatives {
  kind: 'notebook' | 'sectionGroup' | 'section' | 'page';
  parentNotebook?: () => View;
  parentSectionGroup?: () => View | null;
  parentSection?: () => View;
  sections?: () => View[];
  sectionGroups?: () => View[];
}

type Ctx = RouteContext<OneNoteState>;

const identitySet = (a: Actor) => ({ user: { id: a.id, displayName: a.displayName } });
/** The root of a person's OneNote as the client reaches it. */
export const oneNoteRoot = (ctx: Ctx, notes: Notes) => `${ctx.serviceRoot}/users/${notes.owner.id}/onenote`;

/** The folder of a person's notebooks on their personal site. */
function notebookFolder(ctx: Ctx, notes: Notes): string {
  const upn = ctx.directory.findUser(notes.owner.id)?.userPrincipalName ?? notes.owner.id;
  return `https://${ctx.state.myHost}/personal/${upn.replace(/[@.]/g, '_')}/Documents/Notebooks`;
}

const links = (web: string, client: string) => ({ oneNoteClientUrl: { href: client }, oneNoteWebUrl: { href: web } });
const bare = (id: string) => id.replace(/^\d-/, '');

export function notebookView(ctx: Ctx, notes: Notes, n: StoredNotebook): View {
  const self = `${oneNoteRoot(ctx, notes)}/notebooks/${n.id}`;
  const web = `${notebookFolder(ctx, notes)}/${encodeURIComponent(n.displayName)}`;
  return {
    id: n.id,
    self,
    createdDateTime: n.createdDateTime,
    displayName: n.displayName,
    lastModifiedDateTime: n.lastModifiedDateTime,
    isDefault: n.isDefault,
    userRole: 'Owner',
    isShared: false,
    sectionsUrl: `${self}/sections`,
    sectionGroupsUrl: `${self}/sectionGroups`,
    createdBy: identitySet(n.createdBy),
    lastModifiedBy: identitySet(n.lastModifiedBy),
    links: links(web, `onenote:${web}`),
    [RELATIVES]: {
      kind: 'notebook',
      sections: () => notes.sections.filter((s) => s.notebookId === n.id && !s.parentGroupId).map((s) => sectionView(ctx, notes, s)),
      sectionGroups: () => notes.sectionGroups.filter((g) => g.notebookId === n.id && !g.parentGroupId).map((g) => groupView(ctx, notes, g)),
    },
  };
}

const parentNotebookView = (ctx: Ctx, notes: Notes, id: string) => notebookView(ctx, notes, notes.notebooks.find((n) => n.id === id)!);
const parentGroupView = (ctx: Ctx, notes: Notes, id: string | null) => {
  const g = id ? notes.sectionGroups.find((x) => x.id === id) : undefined;
  return g ? groupView(ctx, notes, g) : null;
};

export function groupView(ctx: Ctx, notes: Notes, g: StoredSectionGroup): View {
  const self = `${oneNoteRoot(ctx, notes)}/sectionGroups/${g.id}`;
  return {
    id: g.id,
    self,
    createdDateTime: g.createdDateTime,
    displayName: g.displayName,
    lastModifiedDateTime: g.lastModifiedDateTime,
    sectionsUrl: `${self}/sections`,
    sectionGroupsUrl: `${self}/sectionGroups`,
    createdBy: identitySet(g.createdBy),
    lastModifiedBy: identitySet(g.lastModifiedBy),
    [RELATIVES]: {
      kind: 'sectionGroup',
      parentNotebook: () => parentNotebookView(ctx, notes, g.notebookId),
      parentSectionGroup: () => parentGroupView(ctx, notes, g.parentGroupId),
      sections: () => notes.sections.filter((s) => s.parentGroupId === g.id).map((s) => sectionView(ctx, notes, s)),
      sectionGroups: () => notes.sectionGroups.filter((x) => x.parentGroupId === g.id).map((x) => groupView(ctx, notes, x)),
    },
  };
}

/** Where a section's file is: its notebook's folder, then the section groups it sits in. */
function sectionPath(ctx: Ctx, notes: Notes, s: StoredSection): string {
  const groups: string[] = [];
  for (let g = s.parentGroupId; g; ) {
    const group = notes.sectionGroups.find((x) => x.id === g);
    groups.unshift(encodeURIComponent(group?.displayName ?? ''));
    g = group?.parentGroupId ?? null;
  }
  const notebook = notes.notebooks.find((n) => n.id === s.notebookId)!;
  return [`${notebookFolder(ctx, notes)}/${encodeURIComponent(notebook.displayName)}`, ...groups, `${encodeURIComponent(s.displayName)}.one`].join('/');
}

export function sectionView(ctx: Ctx, notes: Notes, s: StoredSection): View {
  const self = `${oneNoteRoot(ctx, notes)}/sections/${s.id}`;
  const file = sectionPath(ctx, notes, s);
  return {
    id: s.id,
    self,
    createdDateTime: s.createdDateTime,
    displayName: s.displayName,
    lastModifiedDateTime: s.lastModifiedDateTime,
    isDefault: s.isDefault,
    pagesUrl: `${self}/pages`,
    createdBy: identitySet(s.createdBy),
    lastModifiedBy: identitySet(s.lastModifiedBy),
    links: links(`${file}#section-id={${bare(s.id)}}&end`, `onenote:${file}#section-id={${bare(s.id)}}&end`),
    [RELATIVES]: {
      kind: 'section',
      parentNotebook: () => parentNotebookView(ctx, notes, s.notebookId),
      parentSectionGroup: () => parentGroupView(ctx, notes, s.parentGroupId),
    },
  };
}

export function pageView(ctx: Ctx, notes: Notes, p: StoredPage): View {
  const self = `${oneNoteRoot(ctx, notes)}/pages/${p.id}`;
  const section = notes.sections.find((s) => s.id === p.sectionId)!;
  const file = sectionPath(ctx, notes, section);
  const anchor = `#${encodeURIComponent(p.title)}&section-id={${bare(section.id)}}&page-id={${p.id.split('!')[1]?.replace(/^\d+-/, '') ?? bare(p.id)}}&end`;
  return {
    id: p.id,
    self,
    createdDateTime: p.createdDateTime,
    title: p.title,
    createdByAppId: p.createdByAppId,
    contentUrl: `${self}/content`,
    lastModifiedDateTime: p.lastModifiedDateTime,
    level: p.level,
    order: p.order,
    links: links(`${file}${anchor}`, `onenote:${file}${anchor}`),
    [RELATIVES]: {
      kind: 'page',
      parentNotebook: () => parentNotebookView(ctx, notes, section.notebookId),
      parentSection: () => sectionView(ctx, notes, section),
    },
  };
}
