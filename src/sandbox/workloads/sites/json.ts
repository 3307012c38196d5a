// Sites, lists, columns and list items as Graph shows them, and how the OData engine sees a list's items: each
// column is selectable under `fields`, and filterable and sortable as `fields/{name}` (SharePoint's indexing
// rule is the routes' to enforce).

import type { Directory, SiteRecord } from '../../directory/directory.js';
import type { RouteContext } from '../../graph/types.js';
import { defaultDialect } from '../../odata/dialect.js';
import type { EntityType, PropSpec, PropType } from '../../odata/entity.js';
import type { Column, ListItem, SpList } from './model.js';

type Rec = Record<string, unknown>;

export function renderSite(site: SiteRecord): Rec {
  return {
    createdDateTime: site.createdDateTime,
    description: site.description,
    id: site.id,
    lastModifiedDateTime: site.createdDateTime,
    name: site.name,
    webUrl: site.webUrl,
    displayName: site.displayName,
    root: {},
    siteCollection: { hostname: site.id.split(',')[0] },
  };
}

const siteOf = (directory: Directory, list: SpList) => directory.findSite(list.siteId)!;

export function renderList(directory: Directory, list: SpList): Rec {
  const site = siteOf(directory, list);
  return {
    '@odata.etag': `"${list.id},1"`,
    createdDateTime: list.created,
    description: list.description,
    eTag: `"${list.id},1"`,
    id: list.id,
    lastModifiedDateTime: list.items.reduce((m, i) => (i.modified.at > m ? i.modified.at : m), list.created),
    name: list.name,
    webUrl: `${site.webUrl}/${list.template === 'documentLibrary' ? list.name : `Lists/${list.name}`}`,
    displayName: list.displayName,
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
}

const FACET: Record<Column['type'], (c: Column) => Rec> = {
  text: () => ({ text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 } }),
  choice: (c) => ({ choice: { allowTextEntry: false, choices: c.choices ?? [], displayAs: 'dropDownMenu' } }),
  number: () => ({ number: { decimalPlaces: 'automatic', displayAs: 'number', maximum: 1.7976931348623157e308, minimum: -1.7976931348623157e308 } }),
  currency: () => ({ currency: { locale: 'en-us' } }),
  dateTime: () => ({ dateTime: { displayAs: 'default', format: 'dateTime' } }),
  boolean: () => ({ boolean: {} }),
  personOrGroup: () => ({ personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly', displayAs: 'nameWithPresence' } }),
};

export function renderColumn(list: SpList, c: Column): Rec {
  return {
    columnGroup: 'Custom Columns', description: '', displayName: c.displayName, enforceUniqueValues: false, hidden: false,
    id: `${list.id.slice(0, 24)}${Buffer.from(c.name).toString('hex').padEnd(12, '0').slice(0, 12)}`,
    indexed: !!c.indexed, name: c.name, readOnly: false, required: !!c.required, ...FACET[c.type](c),
  };
}

function identity(directory: Directory, userId: string): Rec {
  const u = directory.findUser(userId);
  return { user: { id: userId, displayName: u?.displayName ?? '' } };
}

export function renderItem(directory: Directory, list: SpList, item: ListItem): Rec {
  const site = siteOf(directory, list);
  return {
    '@odata.etag': `"${list.id},${item.version}"`,
    createdDateTime: item.created.at,
    eTag: `"${list.id},${item.version}"`,
    id: item.id,
    lastModifiedDateTime: item.modified.at,
    webUrl: `${site.webUrl}/Lists/${list.name}/DispForm.aspx?ID=${item.id}`,
    createdBy: identity(directory, item.created.by),
    lastModifiedBy: identity(directory, item.modified.by),
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: '0x0100', name: 'Item' },
    fields: renderFields(list, item),
  };
}

export function renderFields(list: SpList, item: ListItem): Rec {
  return { '@odata.etag': `"${list.id},${item.version}"`, id: item.id, ContentType: 'Item', Modified: item.modified.at, Created: item.created.at, ...item.fields };
}

const TYPE: Record<Column['type'], PropType> = { text: 'string', choice: 'string', personOrGroup: 'string', number: 'int', currency: 'int', dateTime: 'datetime', boolean: 'boolean' };
const OPS: Record<PropType, string> = { string: 'eq ne startsWith', int: 'eq ne gt ge lt le', datetime: 'eq ne gt ge lt le', boolean: 'eq ne', 'string[]': '', object: '', 'object[]': '' };

/** The list's items as the OData engine sees them: rendered records with `fields` expandable, and each column
 *  filterable and sortable as `fields/{name}`. */
export function itemEntity(list: SpList): EntityType<Rec> {
  const fieldProps: Record<string, PropSpec> = { id: { type: 'string' }, ContentType: { type: 'string' }, Modified: { type: 'datetime' }, Created: { type: 'datetime' } };
  for (const c of list.columns) fieldProps[c.name] = { type: TYPE[c.type] };
  const fieldsEntity: EntityType<Rec> = { name: 'microsoft.graph.fieldValueSet', properties: fieldProps, defaultSelect: Object.keys(fieldProps), get: (r, p) => r[p], pageSize: { default: 200, max: 5000 }, dialect: defaultDialect };
  const paths: Record<string, PropSpec> = {};
  for (const c of list.columns) paths[`fields/${c.name}`] = { type: TYPE[c.type], filter: OPS[TYPE[c.type]], orderby: 'default' };
  const plain = (type: PropType, orderby = false): PropSpec => ({ type, ...(orderby ? { orderby: 'default' as const, filter: 'eq ne gt ge lt le' } : {}) });
  return {
    name: 'microsoft.graph.listItem',
    properties: {
      '@odata.etag': plain('string'), createdDateTime: plain('datetime', true), eTag: plain('string'), id: plain('string'), lastModifiedDateTime: plain('datetime', true), webUrl: plain('string'),
      createdBy: plain('object'), lastModifiedBy: plain('object'), parentReference: plain('object'), contentType: plain('object'), ...paths,
    },
    defaultSelect: ['@odata.etag', 'createdDateTime', 'eTag', 'id', 'lastModifiedDateTime', 'webUrl', 'createdBy', 'lastModifiedBy', 'parentReference', 'contentType'],
    get: (r, p) => (p.startsWith('fields/') ? (r.fields as Rec)[p.slice(7)] : r[p]),
    navigation: { fields: { target: fieldsEntity, many: false, resolve: (r: Rec, _ctx: RouteContext) => r.fields } },
    pageSize: { default: 200, max: 5000 },
    dialect: { ...defaultDialect, nextPage: 'skiptoken', supportsSkip: false },
  };
}
