// A list item's `fields` (Graph's fieldValueSet) as SharePoint shows them: each column's value under its internal
// name, a person column as `{name}LookupId` (the person's site user id) unless the column is selected by name,
// empty columns left out, then SharePoint's own fields (id, Created, Modified, AuthorLookupId...). And what a write
// may put there: known columns only, each value of its column's type.

import type { Directory } from '../../directory/directory.js';
import { defaultDialect } from '../../odata/dialect.js';
import type { EntityType, PropSpec, PropType } from '../../odata/entity.js';
import { invalidRequest, unknownField } from './errors.js';
import { columnsOf, type Column, type ListItem, type SpList } from './model.js';

type Rec = Record<string, unknown>;

/** SharePoint numbers the people of a site in its user information list; the sandbox numbers them once for every
 *  site, after the few ids SharePoint keeps for its own accounts. */
const FIRST_LOOKUP_ID = 7;
export const lookupIdOf = (directory: Directory, userId: string) => String(directory.users.findIndex((u) => u.id === userId) + FIRST_LOOKUP_ID);
export const userOfLookupId = (directory: Directory, lookupId: string) => (/^\d+$/.test(lookupId) ? directory.users[Number(lookupId) - FIRST_LOOKUP_ID] : undefined);

export const itemETag = (item: ListItem) => `"${item.uniqueId},${item.version}"`;
const lookupName = (c: Column) => `${c.name}LookupId`;

/** SharePoint's own fields after the columns, in its order. */
const SYSTEM_FIELDS = ['id', 'ContentType', 'Modified', 'Created', 'AuthorLookupId', 'EditorLookupId', '_UIVersionString', 'Attachments', 'LinkTitleNoMenu', 'LinkTitle', 'ItemChildCount', 'FolderChildCount'];

function systemFields(directory: Directory, item: ListItem): Rec {
  return {
    id: item.id,
    ContentType: 'Item',
    Modified: item.modified.at,
    Created: item.created.at,
    AuthorLookupId: lookupIdOf(directory, item.created.by),
    EditorLookupId: lookupIdOf(directory, item.modified.by),
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    LinkTitleNoMenu: item.fields.Title ?? '',
    LinkTitle: item.fields.Title ?? '',
    ItemChildCount: '0',
    FolderChildCount: '0',
  };
}

/** The item's fields as GET .../fields and a write's response show them. */
export function renderFields(directory: Directory, list: SpList, item: ListItem): Rec {
  const out: Rec = { '@odata.etag': itemETag(item) };
  for (const c of list.columns) {
    const v = item.fields[c.name];
    if (v === undefined || v === null) continue;
    out[c.type === 'personOrGroup' ? lookupName(c) : c.name] = v;
  }
  return { ...out, ...systemFields(directory, item) };
}

const TYPE: Record<Column['type'], PropType> = { text: 'string', choice: 'string', personOrGroup: 'string', number: 'int', currency: 'int', dateTime: 'datetime', boolean: 'boolean' };
const OPS: Record<PropType, string> = { string: 'eq ne startsWith', int: 'eq ne gt ge lt le', datetime: 'eq ne gt ge lt le', boolean: 'eq ne', 'string[]': '', object: '', 'object[]': '' };

/** How the OData engine sees `fields`: every column selectable (a person column by name for the person's name, or
 *  as `{name}LookupId`), SharePoint's own fields too. Expanded without $select, tidyFields trims it to the default. */
export function fieldsEntity(directory: Directory, list: SpList): EntityType<ListItem> {
  const props: Record<string, PropSpec> = { '@odata.etag': { type: 'string' } };
  for (const c of columnsOf(list)) {
    props[c.name] = { type: TYPE[c.type] };
    if (c.type === 'personOrGroup') props[lookupName(c)] = { type: 'string' };
  }
  for (const k of SYSTEM_FIELDS) props[k] ??= { type: 'string' };
  return {
    name: 'microsoft.graph.fieldValueSet',
    properties: props,
    defaultSelect: Object.keys(props),
    get: (item, p) => fieldValue(directory, list, item, p),
    pageSize: { default: 200, max: 5000 },
    dialect: defaultDialect,
  };
}

/** One field of an item by name: a column's value (a person column's by name is the person's display name, by
 *  `{name}LookupId` their site user id), or one of SharePoint's own fields. */
export function fieldValue(directory: Directory, list: SpList, item: ListItem, name: string): unknown {
  if (name === '@odata.etag') return itemETag(item);
  const own = systemFields(directory, item);
  const person = columnsOf(list).find((c) => c.type === 'personOrGroup' && (c.name === name || lookupName(c) === name));
  if (person) {
    const id = item.fields[person.name] ?? own[lookupName(person)];
    return name === person.name ? userOfLookupId(directory, String(id ?? ''))?.displayName : id;
  }
  return item.fields[name] ?? own[name];
}

/** The filterable and sortable paths of a list's items: `fields/{column}` (a person column by its lookup id). */
export function fieldPaths(list: SpList): Record<string, PropSpec> {
  const out: Record<string, PropSpec> = {};
  for (const c of columnsOf(list)) out[`fields/${c.type === 'personOrGroup' ? lookupName(c) : c.name}`] = { type: TYPE[c.type], filter: OPS[TYPE[c.type]], orderby: 'default' };
  return out;
}

/** An expanded `fields` as SharePoint sends it: empty columns left out, and without $select a person column only
 *  as its lookup id. */
export function tidyFields(list: SpList, fields: Rec, selected: boolean): Rec {
  const people = new Set(columnsOf(list).filter((c) => c.type === 'personOrGroup').map((c) => c.name));
  return Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== null && v !== undefined && (selected || !people.has(k))));
}

/** The values a write puts in an item, checked against the list's columns; null empties a column. */
export function checkFields(directory: Directory, list: SpList, raw: unknown, creating: boolean): Rec {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidRequest();
  const out: Rec = {};
  for (const [key, value] of Object.entries(raw as Rec)) {
    if (key.startsWith('@odata')) continue;
    const person = columnsOf(list).find((c) => c.type === 'personOrGroup' && lookupName(c) === key);
    const column = person ?? columnsOf(list).find((c) => c.name === key);
    if (!column) throw unknownField(key);
    if (column.readOnly) throw invalidRequest(`Invalid request: the field '${column.name}' is kept by SharePoint and cannot be set.`);
    if (column.type === 'personOrGroup' && !person) throw invalidRequest(`Invalid request: set the person column '${key}' as '${lookupName(column)}', the person's site user id.`);
    out[column.name] = value === null ? null : checkValue(directory, column, value);
  }
  if (creating) {
    for (const c of list.columns.filter((x) => x.required)) if (out[c.name] === undefined || out[c.name] === null || out[c.name] === '') throw invalidRequest(`Field '${c.name}' is required.`);
  }
  return out;
}

function checkValue(directory: Directory, c: Column, v: unknown): unknown {
  const wrong = () => invalidRequest(`Invalid request: the value '${typeof v === 'object' ? JSON.stringify(v) : String(v)}' is not valid for the field '${c.name}' (${c.type}${c.choices ? `: ${c.choices.join(', ')}` : ''}).`);
  switch (c.type) {
    case 'number':
    case 'currency':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw wrong();
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') throw wrong();
      return v;
    case 'dateTime':
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw wrong();
      return new Date(v).toISOString().replace(/\.\d{3}Z$/, 'Z');
    case 'choice':
      if (typeof v !== 'string' || !(c.choices ?? []).includes(v)) throw wrong();
      return v;
    case 'personOrGroup':
      // SharePoint takes the lookup id as a string; a number fails there ("General exception while processing").
      if (typeof v !== 'string' || !userOfLookupId(directory, v)) throw wrong();
      return v;
    default:
      if (typeof v !== 'string' || v.length > 255) throw wrong();
      return v;
  }
}
