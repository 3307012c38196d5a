// SharePoint lists of the demo sites as the sites workload holds them: each list's columns (type, whether indexed,
// whether required) and its items' stored field values, and the document libraries that appear as lists too.
// A person column stores the person's site user lookup id (fields.ts), as SharePoint does.

import { createHash } from 'node:crypto';
import type { Directory } from '../../directory/directory.js';

export type ColumnType = 'text' | 'choice' | 'number' | 'currency' | 'dateTime' | 'boolean' | 'personOrGroup';

export interface Column {
  /** Internal name: what `fields` and `fields/{name}` use. */
  name: string;
  /** What SharePoint shows; list columns are addressed by it in the UI only. */
  displayName: string;
  type: ColumnType;
  indexed?: boolean;
  required?: boolean;
  choices?: string[];
  /** SharePoint keeps it (who made or changed an item, and when); no write sets it. */
  readOnly?: boolean;
  /** SharePoint's column group; 'Custom Columns' unless said. */
  group?: string;
}

/** The columns SharePoint adds to every list, after the list's own: when an item was made and changed, and by whom.
 *  Their values are the item's own record, not stored fields. */
export const SYSTEM_COLUMNS: readonly Column[] = [
  { name: 'Modified', displayName: 'Modified', type: 'dateTime', readOnly: true, group: '_Hidden' },
  { name: 'Created', displayName: 'Created', type: 'dateTime', readOnly: true, group: '_Hidden' },
  { name: 'Author', displayName: 'Created By', type: 'personOrGroup', readOnly: true, group: '_Hidden' },
  { name: 'Editor', displayName: 'Modified By', type: 'personOrGroup', readOnly: true, group: '_Hidden' },
];

/** Every column of a list as /columns shows them: its own, then SharePoint's. */
export const columnsOf = (list: SpList): Column[] => [...list.columns, ...SYSTEM_COLUMNS];

export interface ListItem {
  /** SharePoint's item id: a counter per list, as a string. */
  id: string;
  /** The item's unique id (a GUID), which its eTag carries. */
  uniqueId: string;
  /** Stored values by column name; an empty column is absent. */
  fields: Record<string, unknown>;
  created: { at: string; by: string };
  modified: { at: string; by: string };
  version: number;
}

export interface SpList {
  id: string;
  siteId: string;
  /** URL name: `Lists/{name}` for a list, the library's folder for a library. */
  name: string;
  displayName: string;
  description: string;
  template: 'genericList' | 'documentLibrary';
  columns: Column[];
  items: ListItem[];
  nextItemId: number;
  created: string;
  /** Counts changes to the list and its items: its eTag's second half. */
  version: number;
}

export interface SitesState {
  directory: Directory;
  lists: SpList[];
  now: () => number;
}

/** The time of the latest change to a list (its creation, or an item's last change). */
export const listModified = (list: SpList) => list.items.reduce((m, i) => (i.modified.at > m ? i.modified.at : m), list.created);

/** A GUID-shaped id derived from a key: the same key, the same id, on every start. */
export function stableGuid(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
