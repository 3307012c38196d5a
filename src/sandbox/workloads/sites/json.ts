// Sites, lists and columns as Graph shows them, and how the OData engine sees each ($select, $expand=columns).
// Property names and order follow Graph's documented responses; ids are the seed's, stable across starts.

import type { SiteRecord } from '../../directory/directory.js';
import { defaultDialect } from '../../odata/dialect.js';
import type { EntityType, PropSpec } from '../../odata/entity.js';
import { columnsOf, listModified, type Column, type SitesState, type SpList } from './model.js';

type Rec = Record<string, unknown>;
const props = (names: string[], objects: string[] = []): Record<string, PropSpec> =>
  Object.fromEntries(names.map((n) => [n, { type: objects.includes(n) ? ('object' as const) : ('string' as const) }]));

/** A site's last change: its creation, or the latest change to one of its lists. */
const siteModified = (state: SitesState, site: SiteRecord) =>
  state.lists.filter((l) => l.siteId === site.id).map(listModified).reduce((m, t) => (t > m ? t : m), site.createdDateTime);

export function renderSite(state: SitesState, site: SiteRecord): Rec {
  return {
    createdDateTime: site.createdDateTime,
    description: site.description,
    id: site.id,
    lastModifiedDateTime: siteModified(state, site),
    name: site.name,
    webUrl: site.webUrl,
    displayName: site.displayName,
    isPersonalSite: false,
    // Each department site is the root web of its own site collection (/sites/{name}).
    root: {},
    siteCollection: { hostname: site.id.split(',')[0] },
  };
}

const SITE_PROPS = ['createdDateTime', 'description', 'id', 'lastModifiedDateTime', 'name', 'webUrl', 'displayName', 'isPersonalSite', 'root', 'siteCollection'];
export const siteEntity: EntityType<Rec> = {
  name: 'microsoft.graph.site',
  properties: { ...props(SITE_PROPS, ['root', 'siteCollection']), isPersonalSite: { type: 'boolean' } },
  defaultSelect: SITE_PROPS,
  pageSize: { default: 200, max: 500 },
  dialect: defaultDialect,
};

export function renderList(state: SitesState, list: SpList): Rec {
  const site = state.directory.findSite(list.siteId)!;
  const etag = `"${list.id},${list.version}"`;
  return {
    '@odata.etag': etag,
    createdDateTime: list.created,
    description: list.description,
    eTag: etag,
    id: list.id,
    lastModifiedDateTime: listModified(list),
    name: list.name,
    webUrl: `${site.webUrl}/${list.template === 'documentLibrary' ? encodeURI(list.name) : `Lists/${list.name}`}`,
    displayName: list.displayName,
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
}

const LIST_PROPS = ['@odata.etag', 'createdDateTime', 'description', 'eTag', 'id', 'lastModifiedDateTime', 'name', 'webUrl', 'displayName', 'parentReference', 'list'];
export function listEntity(state: SitesState): EntityType<Rec> {
  return {
    name: 'microsoft.graph.list',
    properties: props(LIST_PROPS, ['parentReference', 'list']),
    defaultSelect: LIST_PROPS,
    navigation: {
      columns: { target: columnEntity, many: true, resolve: (r) => { const l = state.lists.find((x) => x.id === r.id)!; return columnsOf(l).map((c) => renderColumn(l, c)); } },
    },
    pageSize: { default: 200, max: 500 },
    dialect: defaultDialect,
  };
}

const FACET: Record<Column['type'], (c: Column) => Rec> = {
  text: () => ({ text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 } }),
  choice: (c) => ({ choice: { allowTextEntry: false, choices: c.choices ?? [], displayAs: 'dropDownMenu' } }),
  number: () => ({ number: { decimalPlaces: 'automatic', displayAs: 'number', maximum: 1.7976931348623157e308, minimum: -1.7976931348623157e308 } }),
  currency: () => ({ currency: { locale: 'en-US' } }),
  dateTime: () => ({ dateTime: { displayAs: 'default', format: 'dateOnly' } }),
  boolean: () => ({ boolean: {} }),
  personOrGroup: () => ({ personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly', displayAs: 'nameWithPresence' } }),
};

/** A column's id: stable per list and column name, GUID-shaped. */
const columnId = (list: SpList, c: Column) => `${list.id.slice(0, 24)}${Buffer.from(c.name).toString('hex').padEnd(12, '0').slice(0, 12)}`;

export function renderColumn(list: SpList, c: Column): Rec {
  return {
    columnGroup: c.group ?? 'Custom Columns', description: '', displayName: c.displayName, enforceUniqueValues: false, hidden: false,
    id: columnId(list, c), indexed: !!c.indexed, name: c.name, readOnly: !!c.readOnly, required: !!c.required, ...FACET[c.type](c),
  };
}

const COLUMN_PROPS = ['columnGroup', 'description', 'displayName', 'enforceUniqueValues', 'hidden', 'id', 'indexed', 'name', 'readOnly', 'required', ...Object.keys(FACET)];
export const columnEntity: EntityType<Rec> = {
  name: 'microsoft.graph.columnDefinition',
  properties: { ...props(COLUMN_PROPS, Object.keys(FACET)), indexed: { type: 'boolean', filter: 'eq ne' }, hidden: { type: 'boolean', filter: 'eq ne' }, required: { type: 'boolean', filter: 'eq ne' }, name: { type: 'string', filter: 'eq ne startsWith' }, displayName: { type: 'string', filter: 'eq ne startsWith' } },
  // Only the facet of the column's own type is present; the engine leaves out what a column does not have.
  defaultSelect: COLUMN_PROPS,
  get: (r, p) => r[p],
  pageSize: { default: 200, max: 500 },
  dialect: defaultDialect,
};
