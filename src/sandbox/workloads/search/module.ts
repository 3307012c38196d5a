// Microsoft Search in the sandbox: POST /search/query over what the other workloads offer through their
// searchable ports (../../searchable.ts). Validates each request as Graph does (entity types it may combine, page
// sizes, the permission of each type), evaluates the KQL query string with the sandbox's engine (../../kql),
// ranks, writes summaries with highlights and pages with from/size. And /me/people (people.ts), ranked by the
// people the same documents involve.

import { GraphError, type RouteContext, type RouteDef } from '../../graph/types.js';
import { compareDates, evaluateKql, matchesAny, parseKql, positiveTerms } from '../../kql/kql.js';
import type { Ports } from '../../ports.js';
import type { SearchDocument, Searchable } from '../../searchable.js';
import { workload } from '../../workload.js';
import { peopleRoutes } from './people.js';
import { rankOf, summaryOf } from './summary.js';

interface SearchState {
  sources: Searchable[];
}

const SHAREPOINT = ['drive', 'driveItem', 'list', 'listItem', 'site', 'externalItem'];
/** Entity types one request may carry together (Graph's interleaving table); any other mix is a 400. */
const COMBINABLE: readonly (readonly string[])[] = [['message', 'chatMessage'], SHAREPOINT, ['event'], ['person'], ['acronym', 'bookmark', 'qna']];
/** Delegated permissions that allow searching each entity type (any one suffices). */
const TYPE_SCOPES: Record<string, readonly string[]> = {
  message: ['Mail.Read', 'Mail.ReadWrite'],
  event: ['Calendars.Read', 'Calendars.ReadWrite'],
  chatMessage: ['Chat.Read', 'Chat.ReadWrite', 'ChannelMessage.Read.All'],
  ...Object.fromEntries(SHAREPOINT.map((t) => [t, ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All']])),
};
/** The most hits one page may have: 25 for mail, events and chats, 500 for SharePoint and OneDrive. */
const maxSize = (type: string) => (SHAREPOINT.includes(type) ? 500 : 25);
const DEFAULT_SIZE = 25;
/** Names a query may restrict on; others are words. */
const PROPERTIES = new Set(['from', 'to', 'cc', 'participants', 'subject', 'body', 'filename', 'filetype', 'author', 'path', 'title', 'organizer', 'attendees', 'location', 'site', 'received', 'sent', 'start', 'lastmodifiedtime', 'created']);

const badRequest = (message: string) => new GraphError(400, 'BadRequest', message);

interface SearchRequestBody {
  entityTypes?: unknown;
  query?: { queryString?: unknown };
  from?: unknown;
  size?: unknown;
}

/** The request's entity types, checked: known, combinable, permitted. */
function typesOf(state: SearchState, r: SearchRequestBody, ctx: RouteContext<SearchState>): string[] {
  const types = r.entityTypes;
  if (!Array.isArray(types) || !types.length || !types.every((t) => typeof t === 'string')) throw badRequest('entityTypes is required: a list such as ["driveItem"].');
  const group = COMBINABLE.find((g) => g.includes(types[0]));
  if (!group) throw badRequest(`The entity type '${types[0]}' is not supported.`);
  const odd = (types as string[]).find((t) => !group.includes(t));
  if (odd) throw badRequest(`The entity types ${types.join(', ')} cannot be searched in one request: '${odd}' does not combine with '${types[0]}'.`);
  for (const type of types as string[]) {
    if (!state.sources.some((s) => s.entityTypes.includes(type))) throw new GraphError(501, 'NotImplemented', `The sandbox does not search '${type}' yet.`);
    const allowed = TYPE_SCOPES[type] ?? [];
    if (!allowed.some((s) => ctx.principal.scopes.some((p) => p.toLowerCase() === s.toLowerCase()))) {
      throw new GraphError(403, 'Forbidden', `Access to ${type} in Graph API requires the following permissions: ${allowed.join(' or ')}. However, the application only has the following permissions granted: ${ctx.principal.scopes.join(', ')}`);
    }
  }
  return types as string[];
}

/** A document as the KQL engine sees it: words in its title and body, restrictions on its properties and dates. */
const subjectOf = (doc: SearchDocument) => ({
  defaults: [doc.title, doc.body],
  restriction: (prop: string, op: string, value: string, phrase: boolean) => {
    const date = doc.dates?.[prop];
    if (date !== undefined) return compareDates(date, op, value);
    const v = doc.properties[prop];
    return v !== undefined && op === ':' && matchesAny(Array.isArray(v) ? v : [v], value, phrase);
  },
});

function answer(state: SearchState, r: SearchRequestBody, ctx: RouteContext<SearchState>) {
  const types = typesOf(state, r, ctx);
  const queryString = r.query?.queryString;
  if (typeof queryString !== 'string' || !queryString.trim()) throw badRequest('query.queryString is required and must not be empty.');
  const from = r.from ?? 0;
  const size = r.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(from) || (from as number) < 0) throw badRequest('from must be a non-negative integer.');
  const most = Math.min(...types.map(maxSize));
  if (!Number.isInteger(size) || (size as number) < 1 || (size as number) > most) throw badRequest(`size must be between 1 and ${most} for ${types.join(', ')}.`);
  const tree = parseKql(queryString, (name) => PROPERTIES.has(name));
  const terms = positiveTerms(tree);
  const found = types
    .flatMap((type) => state.sources.filter((s) => s.entityTypes.includes(type)).flatMap((s) => s.documents(type, ctx)))
    .filter((doc) => tree !== null && evaluateKql(tree, subjectOf(doc)))
    .map((doc) => ({ doc, rank: rankOf(terms, doc) }))
    .sort((a, b) => b.rank - a.rank || b.doc.modified.localeCompare(a.doc.modified) || a.doc.hitId.localeCompare(b.doc.hitId));
  const page = found.slice(from as number, (from as number) + (size as number));
  return {
    searchTerms: terms.flatMap((t) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
    hitsContainers: [
      {
        hits: page.map((h, i) => ({ hitId: h.doc.hitId, rank: (from as number) + i + 1, summary: summaryOf(terms, h.doc.body || h.doc.title), resource: h.doc.resource })),
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
      const requests = (ctx.req.body as { requests?: unknown } | undefined)?.requests;
      if (!Array.isArray(requests) || !requests.length) throw badRequest('requests is required: a list of search requests.');
      // Several requests in one call are for SharePoint and OneDrive types only.
      if (requests.length > 1 && !requests.every((r: SearchRequestBody) => Array.isArray(r?.entityTypes) && r.entityTypes.every((t) => SHAREPOINT.includes(String(t))))) {
        throw badRequest('Multiple search requests in one call are supported for SharePoint and OneDrive entity types only.');
      }
      return { status: 200, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.searchResponse)', value: requests.map((r: SearchRequestBody) => answer(ctx.state, r ?? {}, ctx)) } };
    },
  },
];

export const searchWorkload = workload<SearchState>({
  name: 'search',
  create: () => ({ sources: [] }),
  start: (state, ports: Ports) => {
    state.sources = [ports.fileSearch, ports.mailSearch, ports.eventSearch, ports.siteSearch, ports.chatSearch];
  },
  routes: [...routes, ...peopleRoutes],
});
