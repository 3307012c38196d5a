// Microsoft Search in the sandbox: POST /search/query over what the other workloads offer through their
// searchable ports (searchable.ts). Validates the request as Graph does, matches the KQL query string (kql.ts),
// ranks, writes summaries with highlights and pages with from/size. Files are searchable today; mail, events,
// chats and people join as their workloads offer the port.

import { GraphError, type RouteDef } from '../../graph/types.js';
import { workload } from '../../workload.js';
import type { Ports } from '../../ports.js';
import { parseKql, score } from './kql.js';
import type { Searchable } from '../../searchable.js';
import { summaryOf } from './summary.js';

interface SearchState {
  sources: Searchable[];
}

/** Delegated permissions that allow searching each entity type (any one suffices). */
const TYPE_SCOPES: Record<string, readonly string[]> = {
  driveItem: ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
};
/** The most hits one page may have, per entity type (SharePoint and OneDrive allow 500). */
const MAX_SIZE: Record<string, number> = { driveItem: 500 };
const DEFAULT_SIZE = 25;

const badRequest = (message: string) => new GraphError(400, 'BadRequest', message);

interface SearchRequestBody {
  entityTypes?: unknown;
  query?: { queryString?: unknown };
  from?: unknown;
  size?: unknown;
}

function answer(state: SearchState, r: SearchRequestBody, ctx: Parameters<RouteDef<SearchState>['handler']>[0]) {
  const types = r.entityTypes;
  if (!Array.isArray(types) || !types.length || !types.every((t) => typeof t === 'string')) throw badRequest('entityTypes is required: a list such as ["driveItem"].');
  const queryString = r.query?.queryString;
  if (typeof queryString !== 'string' || !queryString.trim()) throw badRequest('query.queryString is required and must not be empty.');
  const from = r.from ?? 0;
  const size = r.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(from) || (from as number) < 0) throw badRequest('from must be a non-negative integer.');
  for (const type of types as string[]) {
    const source = state.sources.find((s) => s.entityTypes.includes(type));
    if (!source) throw new GraphError(400, 'BadRequest', `The entity type '${type}' is not supported in this request.`);
    if (!TYPE_SCOPES[type]!.some((s) => ctx.principal.scopes.some((p) => p.toLowerCase() === s.toLowerCase()))) {
      throw new GraphError(403, 'Forbidden', `Access to ${type} in Graph API requires the following permissions: ${TYPE_SCOPES[type]!.join(' or ')}.`);
    }
    if (!Number.isInteger(size) || (size as number) < 1 || (size as number) > MAX_SIZE[type]!) throw badRequest(`size must be between 1 and ${MAX_SIZE[type]} for ${type}.`);
  }
  const q = parseKql(queryString);
  const found = (types as string[])
    .flatMap((type) => state.sources.find((s) => s.entityTypes.includes(type))!.documents(type, ctx))
    .map((doc) => ({ doc, score: q.length ? score(q, doc) : 0 }))
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || b.doc.modified.localeCompare(a.doc.modified) || a.doc.hitId.localeCompare(b.doc.hitId));
  const page = found.slice(from as number, (from as number) + (size as number));
  return {
    searchTerms: queryString.match(/[\p{L}\p{N}]+/gu)?.map((w) => w.toLowerCase()) ?? [],
    hitsContainers: [
      {
        hits: page.map((h, i) => ({ hitId: h.doc.hitId, rank: (from as number) + i + 1, summary: summaryOf(q, h.doc.body || h.doc.title), resource: h.doc.resource })),
        total: found.length,
        moreResultsAvailable: (from as number) + page.length < found.length,
      },
    ],
  };
}

const routes: RouteDef<SearchState>[] = [
  {
    // Each entity type checks its own permission; any delegated token may ask.
    method: 'POST', path: '/search/query', scopes: (ctx) => ctx.principal.scopes,
    handler: (ctx) => {
      const body = ctx.req.body as { requests?: unknown } | undefined;
      const requests = body?.requests;
      if (!Array.isArray(requests) || !requests.length) throw badRequest('requests is required: a list of one search request.');
      return { status: 200, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.searchResponse)', value: requests.map((r: SearchRequestBody) => answer(ctx.state, r ?? {}, ctx)) } };
    },
  },
];

export const searchWorkload = workload<SearchState>({
  name: 'search',
  create: () => ({ sources: [] }),
  start: (state, ports: Ports) => {
    state.sources = [ports.fileSearch];
  },
  routes,
});
