// The port every searchable workload offers Microsoft Search (workloads/search): the documents of an entity type a person may
// see, each with the words a query matches and the resource a hit carries. Matching, ranking, highlights and
// paging are the search workload's, done once for every kind of content.

import type { RequestContext } from './graph/types.js';

export interface SearchDocument {
  /** The resource as a hit carries it: Graph's shape for the entity type, with its @odata.type. */
  resource: Record<string, unknown>;
  /** The hit's id (Graph's hitId). */
  hitId: string;
  /** The name or subject: matches here rank higher. */
  title: string;
  /** The words of the content. */
  body: string;
  /** Values for KQL property restrictions (`filetype:docx`, `from:megan`), by lower-case property name. */
  properties: Record<string, string | string[]>;
  /** ISO times for range restrictions (`received>=2026-11-01`, `lastmodifiedtime<2026-12-01`). */
  dates?: Record<string, string>;
  /** Addresses of the people it involves (sender, recipients, attendees, author): who the person works with. */
  people?: string[];
  /** ISO time of the last change: the newer of two equal matches ranks first. */
  modified: string;
}

export interface Searchable {
  /** The entity types this workload answers, as the Search API names them. */
  readonly entityTypes: readonly string[];
  /** Every document of the type the signed-in person may see (nothing they could not open). */
  documents(entityType: string, ctx: RequestContext): SearchDocument[];
}
