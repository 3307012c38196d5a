// search_query: one question across mail, chats, events, files and sites. Graph's Search API takes only some
// entity types together, so the kinds asked for become one request per compatible bucket, sent in one $batch;
// their hits are merged in turn (each bucket's first, then each one's second: ranks of different requests do not
// compare) and paged with one cursor that carries each bucket's offset, so pages have no gaps and no repeats.
// Kinds the configuration's permissions do not cover are skipped and named, not a failure of the search.
import { z } from 'zod';
import { GraphError, graphErrorFrom } from '../../graph/errors.js';
import { kql, SearchSyntaxError } from '../../graph/odata.js';
import { positionCursor, readPositionCursor } from '../content/paging.js';
import { DateInput, List, Text } from '../shapes.js';
import { defineTool, ToolError } from '../define-tool.js';
import { type GraphHit, Hit, hitLine, toHit } from './hits.js';
import { type Kind, KIND_INFO, KINDS, SEARCH_KQL } from './kinds.js';

interface Container { hits?: GraphHit[]; total?: number; moreResultsAvailable?: boolean }
/** Each request's offset. */
const isOffsets = (at: unknown): at is Record<string, number> => typeof at === 'object' && at !== null && Object.values(at).every((n) => Number.isInteger(n) && n >= 0);

type Bucket = { name: string; kinds: Kind[]; entityTypes: string[]; queryString: string };

export const searchQuery = defineTool({
  name: 'search_query',
  title: 'Search everything',
  description: 'One search across mail, chats, events, files and SharePoint: ranked hits with the matching words, each naming the tool and arguments that open it.',
  group: 'search',
  kind: 'read',
  scopes: [],
  input: z.object({
    query: Text(500, { min: 1 }).describe('Words, "phrases", filetype:pdf...'),
    kinds: List(z.enum(KINDS as [Kind, ...Kind[]]), 5).optional().describe('Default: all you may search'),
    from: Text(200).optional().describe('Sender, organizer or author'),
    after: DateInput.optional().describe('On or after, YYYY-MM-DD'),
    before: DateInput.optional().describe('Before, YYYY-MM-DD'),
    limit: z.number().int().min(1).max(25).default(10).describe('Hits per page'),
    cursor: Text(1000).optional().describe('nextCursor of the previous page'),
  }),
  output: z.object({ hits: z.array(Hit), skipped: z.array(z.string()).optional(), nextCursor: z.string().optional() }),
  handler: async (a, { graph, signal, auth }) => {
    const granted = new Set((await auth.status()).scopes.map((s) => s.toLowerCase()));
    const asked = a.kinds ?? [...KINDS];
    const skipped: string[] = [];
    const usable = asked.filter((k) => {
      const ok = KIND_INFO[k].scopes.some((s) => granted.has(s.toLowerCase()));
      if (!ok) skipped.push(`${k} (needs ${KIND_INFO[k].scopes[0]}: turn on its tool group${k === 'files' || k === 'sites' ? ' in organization mode' : ''} and sign in again)`);
      return ok;
    });
    if (!usable.length) throw new ToolError(`Nothing to search with this configuration's permissions: ${skipped.join('; ')}.`);
    let base: string;
    try {
      base = kql(a.query, SEARCH_KQL);
    } catch (e) {
      if (e instanceof SearchSyntaxError) throw new ToolError(`query: ${e.message}; give words, "a phrase", or filetype:pdf.`);
      throw e;
    }
    const buckets = new Map<string, Bucket>();
    for (const k of usable) {
      const info = KIND_INFO[k];
      const restrictions = [a.from ? `${info.from}:"${a.from.replace(/"/g, '')}"` : '', a.after ? `${info.date}>=${a.after.slice(0, 10)}` : '', a.before ? `${info.date}<${a.before.slice(0, 10)}` : ''].filter(Boolean);
      const b = buckets.get(info.bucket) ?? { name: info.bucket, kinds: [], entityTypes: [], queryString: [base, ...restrictions].join(' ') };
      b.kinds.push(k);
      b.entityTypes.push(...info.entityTypes);
      buckets.set(info.bucket, b);
    }
    const list = [...buckets.values()];
    const key = JSON.stringify([a.query, asked, a.from, a.after, a.before]);
    const offsets = readPositionCursor(a.cursor, key, isOffsets, 'search', 'query, kinds and filters') ?? Object.fromEntries(list.map((b) => [b.name, 0]));
    const live = list.filter((b) => offsets[b.name] !== undefined);
    const request = (b: Bucket) => ({ requests: [{ entityTypes: b.entityTypes, query: { queryString: b.queryString }, from: offsets[b.name], size: a.limit }] });
    const answers = await graph.batchRead(live.map((b) => ({ method: 'POST' as const, url: '/search/query', body: request(b), headers: { 'content-type': 'application/json' } })), { signal });
    const containers = new Map<string, Container>();
    for (const [i, b] of live.entries()) {
      let r = answers[i];
      // A member throttled or unavailable gets a second chance on its own, with the client's waiting and retries.
      if (r.status === 429 || r.status >= 500) {
        r = await graph.readAction<{ value: { hitsContainers?: Container[] }[] }>('/search/query', request(b), { signal }).then((body) => ({ id: r.id, status: 200, body }), (e: unknown) => (e instanceof GraphError ? { id: r.id, status: e.status, body: { error: { code: e.code, message: e.graphMessage } } } : Promise.reject(e)));
      }
      if (r.status === 403) {
        skipped.push(`${b.kinds.join(', ')} (Graph refused: ${graphErrorFrom(r.status, r.body).graphMessage})`);
        continue;
      }
      if (r.status >= 400) throw graphErrorFrom(r.status, r.body);
      containers.set(b.name, (r.body as { value: { hitsContainers?: Container[] }[] }).value[0]?.hitsContainers?.[0] ?? {});
    }
    // Turns: each bucket's next hit in order, until the page is full.
    const taken: Record<string, number> = Object.fromEntries(live.map((b) => [b.name, 0]));
    const hits: GraphHit[] = [];
    for (let round = 0; hits.length < a.limit; round++) {
      let any = false;
      for (const b of live) {
        const h = containers.get(b.name)?.hits?.[round];
        if (!h || hits.length >= a.limit) continue;
        hits.push(h);
        taken[b.name]++;
        any = true;
      }
      if (!any) break;
    }
    const next: Record<string, number> = {};
    for (const b of live) {
      const c = containers.get(b.name);
      if (!c) continue;
      const consumed = offsets[b.name] + taken[b.name];
      if (taken[b.name] < (c.hits?.length ?? 0) || c.moreResultsAvailable) next[b.name] = consumed;
    }
    return { hits: hits.map(toHit), ...(skipped.length ? { skipped } : {}), ...(Object.keys(next).length ? { nextCursor: positionCursor(key, next) } : {}) };
  },
  text: (r) => [`${r.hits.length} hit(s)`, ...r.hits.map(hitLine), ...(r.skipped ? [`skipped: ${r.skipped.join('; ')}`] : []), ...(r.nextCursor ? [`more: pass cursor ${r.nextCursor}`] : [])].join('\n'),
});

export default [searchQuery];
