// SharePoint lists of the demo sites: each list's columns (with their types, whether indexed, whether required)
// and its items' field values, plus the document libraries that appear as lists too.

export type ColumnType = 'text' | 'choice' | 'number' | 'currency' | 'dateTime' | 'boolean' | 'personOrGroup';

export interface Column {
  name: string;
  displayName: string;
  type: ColumnType;
  indexed?: boolean;
  required?: boolean;
  choices?: string[];
}

export interface ListItem {
  id: string;
  fields: Record<string, unknown>;
  created: { at: string; by: string };
  modified: { at: string; by: string };
  version: number;
}

export interface SpList {
  id: string;
  siteId: string;
  name: string;
  displayName: string;
  description: string;
  template: 'genericList' | 'documentLibrary';
  columns: Column[];
  items: ListItem[];
  nextItemId: number;
  created: string;
}

export interface SitesState {
  lists: SpList[];
  now: () => number;
}
