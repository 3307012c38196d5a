// How the OData engine sees OneNote's entities: the properties OneNote filters and sorts on (comparisons, and/or/
// not, contains/startswith/endswith, any property in $orderby), its $expand relationships (pages: parentNotebook,
// parentSection; sections: parentNotebook, parentSectionGroup; section groups and notebooks: sections,
// sectionGroups), $skip paging, at most 100 pages a request (20 by default), and its errors in its own codes.

import { GraphError } from '../../graph/types.js';
import type { EntityType, NavigationSpec, PropSpec, QueryDialect } from '../../odata/entity.js';
import { RELATIVES, type Relatives, type View } from './views.js';

const onenote = (code: number, message: string) => new GraphError(400, String(code), message);

export const onenoteDialect: QueryDialect = {
  advancedQueries: false,
  supportsSkip: true,
  sortWithFilterIsAdvanced: false,
  nextPage: 'skip',
  unknownProperty: (entity, name) => onenote(20127, `The property '${name}' does not exist on type '${entity.name}'.`),
  unsupportedFilter: (_entity, prop, op) => onenote(20106, `The query operator '${op}' is not supported on the property '${prop}'.`),
  unsupportedSort: (_entity, prop) => onenote(20143, `The OData query is invalid: the property '${prop}' cannot be sorted on.`),
  invalidFilter: (detail) => onenote(20128, `The request contains an OData syntax error: ${detail}`),
};

const text: PropSpec = { type: 'string', filter: 'eq ne gt ge lt le not startsWith endsWith contains', orderby: 'default' };
const id: PropSpec = { type: 'string', filter: 'eq ne not', orderby: 'default' };
const plain: PropSpec = { type: 'string' };
const time: PropSpec = { type: 'datetime', filter: 'eq ne gt ge lt le not', orderby: 'default' };
const flag: PropSpec = { type: 'boolean', filter: 'eq ne not', orderby: 'default' };
const number: PropSpec = { type: 'int', filter: 'eq ne gt ge lt le not', orderby: 'default' };
const object: PropSpec = { type: 'object' };

/** Graph lists notebooks, section groups and sections whole unless $top says otherwise. */
const HIERARCHY_PAGES = { default: 1000, max: 1000 };
/** Pages: 20 by default, 100 at most (OneNote's 20129 beyond). */
const PAGE_LIMITS = { default: 20, max: 100 };

const hierarchy = { id, self: plain, createdDateTime: time, displayName: text, lastModifiedDateTime: time, createdBy: object, lastModifiedBy: object };

export const notebookEntity: EntityType<View> = {
  name: 'microsoft.graph.notebook',
  properties: { ...hierarchy, isDefault: flag, userRole: { ...text }, isShared: flag, sectionsUrl: plain, sectionGroupsUrl: plain, links: object },
  defaultSelect: ['id', 'self', 'createdDateTime', 'displayName', 'lastModifiedDateTime', 'isDefault', 'userRole', 'isShared', 'sectionsUrl', 'sectionGroupsUrl', 'createdBy', 'lastModifiedBy', 'links'],
  pageSize: HIERARCHY_PAGES,
  dialect: onenoteDialect,
};

export const groupEntity: EntityType<View> = {
  name: 'microsoft.graph.sectionGroup',
  properties: { ...hierarchy, sectionsUrl: plain, sectionGroupsUrl: plain },
  defaultSelect: ['id', 'self', 'createdDateTime', 'displayName', 'lastModifiedDateTime', 'sectionsUrl', 'sectionGroupsUrl', 'createdBy', 'lastModifiedBy'],
  pageSize: HIERARCHY_PAGES,
  dialect: onenoteDialect,
};

export const sectionEntity: EntityType<View> = {
  name: 'microsoft.graph.onenoteSection',
  properties: { ...hierarchy, isDefault: flag, pagesUrl: plain, links: object },
  defaultSelect: ['id', 'self', 'createdDateTime', 'displayName', 'lastModifiedDateTime', 'isDefault', 'pagesUrl', 'createdBy', 'lastModifiedBy', 'links'],
  pageSize: HIERARCHY_PAGES,
  dialect: onenoteDialect,
};

const PAGE_DEFAULT = ['id', 'self', 'createdDateTime', 'title', 'createdByAppId', 'contentUrl', 'lastModifiedDateTime', 'links'];
const pageProperties = { id, self: plain, createdDateTime: time, title: text, createdByAppId: id, contentUrl: plain, lastModifiedDateTime: time, level: number, order: number, links: object };

/** Pages; with pagelevel=true they also show their level and order within the section. */
export function pageEntity(pageLevel: boolean): EntityType<View> {
  return pageLevel ? PAGE_WITH_LEVEL : PAGE;
}

const nav = (target: EntityType<View>, many: boolean, pick: (r: Relatives) => unknown): NavigationSpec<View> => ({ target, many, resolve: (item) => pick(item[RELATIVES]) });
const PAGE: EntityType<View> = { name: 'microsoft.graph.onenotePage', properties: pageProperties, defaultSelect: PAGE_DEFAULT, pageSize: PAGE_LIMITS, dialect: onenoteDialect };
const PAGE_WITH_LEVEL: EntityType<View> = { ...PAGE, defaultSelect: [...PAGE_DEFAULT, 'level', 'order'] };

// Relationships, once every entity exists.
notebookEntity.navigation = { sections: nav(sectionEntity, true, (r) => r.sections?.()), sectionGroups: nav(groupEntity, true, (r) => r.sectionGroups?.()) };
groupEntity.navigation = {
  sections: nav(sectionEntity, true, (r) => r.sections?.()),
  sectionGroups: nav(groupEntity, true, (r) => r.sectionGroups?.()),
  parentNotebook: nav(notebookEntity, false, (r) => r.parentNotebook?.()),
  parentSectionGroup: nav(groupEntity, false, (r) => r.parentSectionGroup?.()),
};
sectionEntity.navigation = { parentNotebook: nav(notebookEntity, false, (r) => r.parentNotebook?.()), parentSectionGroup: nav(groupEntity, false, (r) => r.parentSectionGroup?.()) };
PAGE.navigation = PAGE_WITH_LEVEL.navigation = { parentNotebook: nav(notebookEntity, false, (r) => r.parentNotebook?.()), parentSection: nav(sectionEntity, false, (r) => r.parentSection?.()) };
