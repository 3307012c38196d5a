// files_list's search of every drive the person can open (view everywhere): Microsoft Search's driveItem
// results (their OneDrive, files shared with them, their sites' libraries), ranked, with the matching words,
// a page at a time. The cursor carries the query, so a cursor from another search is refused, not misread.
import type { GraphReader } from '../../graph/client.js';
import { kql, type KqlProps, SearchSyntaxError } from '../../graph/odata.js';
import { isOffset, positionCursor, readPositionCursor } from '../content/paging.js';
import { ToolError } from '../define-tool.js';
import { type GraphDriveItem, type ItemSummaryOut, summarizeItem } from './shapes.js';

interface SearchHit {
  hitId: string;
  summary?: string;
  resource: GraphDriveItem;
}
interface SearchResponse {
  value: { hitsContainers?: { hits?: SearchHit[]; total?: number; moreResultsAvailable?: boolean }[] }[];
}

/** A hit's summary as plain text: highlights and cut marks removed. */
const plainSummary = (s: string) => s.replace(/<ddd\/>/g, '…').replace(/<\/?c\d+>/g, '').replace(/\s+/g, ' ').trim();

/** What Microsoft Search knows of files: `filetype:docx author:"Megan Bowen"`. */
const FILE_KQL: KqlProps = { text: new Set(['filename', 'filetype', 'author', 'title', 'path']), aliases: { name: 'filename', type: 'filetype' } };

export async function searchEverywhere(graph: GraphReader, words: string, limit: number, cursor: string | undefined, signal: AbortSignal): Promise<{ items: (ItemSummaryOut & { match?: string })[]; nextCursor?: string }> {
  let queryString: string;
  try {
    queryString = kql(words, FILE_KQL);
  } catch (e) {
    if (e instanceof SearchSyntaxError) throw new ToolError(`query: ${e.message}; give words, "a phrase", or filetype:docx, author:"Name".`);
    throw e;
  }
  const from = readPositionCursor(cursor, queryString, isOffset, 'search', 'query') ?? 0;
  const r = await graph.readAction<SearchResponse>('/search/query', { requests: [{ entityTypes: ['driveItem'], query: { queryString }, from, size: limit }] }, { signal });
  const container = r.value[0]?.hitsContainers?.[0];
  const hits = container?.hits ?? [];
  const items = hits.map((h) => {
    const s = summarizeItem(h.resource);
    const match = h.summary ? plainSummary(h.summary) : '';
    // Another drive's item opens only with its drive: always say which.
    return { ...s, ...(h.resource.parentReference?.driveId ? { driveId: h.resource.parentReference.driveId } : {}), ...(match ? { match } : {}) };
  });
  return { items, ...(container?.moreResultsAvailable ? { nextCursor: positionCursor(queryString, from + hits.length) } : {}) };
}
