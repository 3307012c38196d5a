// List items as Graph shows them (listItem: who made and changed it, its eTag, its URL, `fields` on $expand) and
// as the OData engine sees them: the listItem properties, `fields` expandable with its own $select, and each
// column filterable and sortable as `fields/{name}` (SharePoint's indexing rule is the routes' to enforce).

import type { Directory } from '../../directory/directory.js';
import type { RouteContext } from '../../graph/types.js';
import { defaultDialect } from '../../odata/dialect.js';
import type { EntityType, PropSpec, PropType } from '../../odata/entity.js';
import { fieldPaths, fieldsEntity, itemETag, renderFields, tidyFields } from './fields.js';
import type { ListItem, SitesState, SpList } from './model.js';

type Rec = Record<string, unknown>;

function identity(directory: Directory, userId: string): Rec {
  return { user: { id: userId, displayName: directory.findUser(userId)?.displayName ?? '' } };
}

/** The listItem properties of an item, in Graph's order (without `fields`). */
function itemProperties(state: SitesState, list: SpList, item: ListItem): Rec {
  const site = state.directory.findSite(list.siteId)!;
  return {
    '@odata.etag': itemETag(item),
    createdDateTime: item.created.at,
    eTag: itemETag(item),
    id: item.id,
    lastModifiedDateTime: item.modified.at,
    webUrl: `${site.webUrl}/Lists/${list.name}/${item.id}_.000`,
    createdBy: identity(state.directory, item.created.by),
    lastModifiedBy: identity(state.directory, item.modified.by),
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: '0x0100', name: 'Item' },
  };
}

/** An item with its fields, as a write's response shows it. */
export function renderItem(state: SitesState, list: SpList, item: ListItem): Rec {
  return { ...itemProperties(state, list, item), fields: renderFields(state.directory, list, item) };
}

const DEFAULT = ['@odata.etag', 'createdDateTime', 'eTag', 'id', 'lastModifiedDateTime', 'webUrl', 'createdBy', 'lastModifiedBy', 'parentReference', 'contentType'];
const TYPES: Record<string, PropType> = { createdDateTime: 'datetime', lastModifiedDateTime: 'datetime', createdBy: 'object', lastModifiedBy: 'object', parentReference: 'object', contentType: 'object' };

/** The list's items as the OData engine sees them. */
export function itemEntity(state: SitesState, list: SpList): EntityType<ListItem> {
  const properties: Record<string, PropSpec> = {};
  for (const p of DEFAULT) {
    const type = TYPES[p] ?? 'string';
    properties[p] = type === 'datetime' || p === 'id' ? { type, filter: 'eq ne gt ge lt le', orderby: 'default' } : { type };
  }
  return {
    name: 'microsoft.graph.listItem',
    properties: { ...properties, ...fieldPaths(list) },
    defaultSelect: DEFAULT,
    get: (item, p) => (p.startsWith('fields/') ? renderFields(state.directory, list, item)[p.slice(7)] : itemProperties(state, list, item)[p]),
    navigation: { fields: { target: fieldsEntity(state.directory, list), many: false, resolve: (item: ListItem, _ctx: RouteContext) => item } },
    pageSize: { default: 200, max: 5000 },
    dialect: { ...defaultDialect, nextPage: 'skiptoken', supportsSkip: false },
  };
}

/** Items of a response body (one item, or a collection's `value`) with their expanded fields trimmed as SharePoint
 *  sends them: empty columns left out, person columns by lookup id unless selected by name. */
export function tidyItems(list: SpList, body: Rec, fieldsSelected: boolean): Rec {
  const one = (i: Rec) => (i.fields ? { ...i, fields: tidyFields(list, i.fields as Rec, fieldsSelected) } : i);
  return Array.isArray(body.value) ? { ...body, value: (body.value as Rec[]).map(one) } : one(body);
}
