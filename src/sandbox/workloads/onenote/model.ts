// OneNote's data for each person: notebooks, section groups, sections and pages (each page's body kept as the
// element tree of its output HTML, html/tree.ts), and the images and files pages carry (resources), as Graph's
// notebook, sectionGroup, onenoteSection, onenotePage and onenoteResource hold them; and the stamps of new ones.

import type { El } from './html/tree.js';
import type { Throttle } from './throttle.js';

/** Who made or last changed an entity (Graph's identitySet, its user part). */
export interface Actor {
  id: string;
  displayName: string;
}

interface Hierarchy {
  id: string;
  displayName: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: Actor;
  lastModifiedBy: Actor;
}

export interface StoredNotebook extends Hierarchy {
  isDefault: boolean;
}

export interface StoredSectionGroup extends Hierarchy {
  notebookId: string;
  /** The section group it sits in, or null at the notebook's top level. */
  parentGroupId: string | null;
}

export interface StoredSection extends Hierarchy {
  notebookId: string;
  parentGroupId: string | null;
  /** The default notebook's default section: where POST /onenote/pages puts a page. */
  isDefault: boolean;
}

export interface StoredPage {
  id: string;
  sectionId: string;
  title: string;
  createdDateTime: string;
  /** The creation time as the page's HTML shows it (meta name="created"): the wall time it was given in. */
  createdWallTime: string;
  lastModifiedDateTime: string;
  createdByAppId: string;
  /** Indentation (0 a top-level page, 1 a subpage) and position in the section, as pagelevel=true shows them. */
  level: number;
  order: number;
  /** The page's body: its outlines (absolute-positioned divs, the first the default one) in output form. */
  body: El;
  /** Generated element ids are `{tag}:{guid}{n}`: the page's guid and the last n handed out. */
  elementGuid: string;
  lastElement: number;
}

export interface StoredResource {
  id: string;
  ownerId: string;
  pageId: string;
  contentType: string;
  bytes: Buffer;
}

/** One person's OneNote. */
export interface Notes {
  owner: Actor;
  notebooks: StoredNotebook[];
  sectionGroups: StoredSectionGroup[];
  sections: StoredSection[];
  pages: StoredPage[];
}

export interface OneNoteState {
  /** By the owner's directory id. */
  notes: Map<string, Notes>;
  /** By resource id, for every person. */
  resources: Map<string, StoredResource>;
  /** Graph's per-app, per-user request limits for OneNote. */
  throttle: Throttle;
  /** Where personal notebooks live (the tenant's "-my" SharePoint host), for their links. */
  myHost: string;
  /** A person's seeded notes, made the first time anyone asks for them (and kept in `notes`): most sandboxes
   *  never open most people's notebooks. */
  seed(ownerId: string): Notes;
}

/** The current instant as OneNote writes it (UTC, milliseconds). */
export const nowIso = () => new Date().toISOString();

/** What a notebook, section group or section made now by `owner` carries. */
export const madeNow = (owner: Actor) => {
  const at = nowIso();
  return { createdDateTime: at, lastModifiedDateTime: at, createdBy: owner, lastModifiedBy: owner };
};
