// SharePoint list items: read with their columns, filtered by column values and sorted by a column; and, where
// the deployment allows writing to SharePoint (MS365_MCP_SITE_WRITES), created and changed. Column names are
// taken as SharePoint shows them or as Graph names them, and checked against the list before Graph is asked.
import { z } from 'zod';
import type { GraphReader } from '../../graph/client.js';
import { odataString, seg } from '../../graph/odata.js';
import { Cursor, Limit, moreLine, NextCursor, nextCursor } from '../content/paging.js';
import { defineTool, ToolError } from '../define-tool.js';
import { List, Text } from '../shapes.js';
import { findSite, SiteInput, siteError } from '../sites.js';

type GraphColumn = { name: string; displayName?: string; indexed?: boolean; hidden?: boolean; readOnly?: boolean } & Record<string, unknown>;
type GraphItem = { id: string; lastModifiedDateTime?: string; webUrl?: string; fields?: Record<string, unknown> };

const TYPES = ['text', 'choice', 'number', 'currency', 'dateTime', 'boolean', 'personOrGroup', 'lookup', 'hyperlinkOrPicture', 'calculated'];
const typeOf = (c: GraphColumn) => TYPES.find((t) => c[t] !== undefined && c[t] !== null) ?? 'text';

const Value = z.union([z.string(), z.number(), z.boolean()]);
const ListInput = Text(255).refine((v) => !/[/\\?#]/.test(v) && !/^\.+$/.test(v), 'must be a list name or id from sharepoint_get_site').describe('List name or id');
const Column = z.object({ name: z.string(), title: z.string(), type: z.string(), indexed: z.boolean().optional() });

interface ListRef { path: string; name: string; columns: GraphColumn[] }

async function openList(ctx: { graph: GraphReader; signal: AbortSignal; auth: Parameters<typeof findSite>[0]['auth'] }, site: string, list: string): Promise<ListRef> {
  const s = await findSite(ctx, site);
  const path = `/sites/${s.id.split(',').map(seg).join(',')}/lists/${seg(list)}`;
  try {
    const l = await ctx.graph.get<{ displayName?: string; columns?: GraphColumn[] }>(path, { query: { $select: 'id,displayName', $expand: 'columns' }, signal: ctx.signal });
    // SharePoint's own columns (Created, Modified, Created By...) are read-only: the list's columns are the rest.
    return { path, name: l.displayName ?? list, columns: (l.columns ?? []).filter((c) => !c.hidden && !c.readOnly) };
  } catch (e) {
    throw siteError(e, `${site}`);
  }
}

/** The internal name of a column given by either name, or an error listing the columns there are. */
function column(l: ListRef, given: string): GraphColumn {
  const key = given.toLowerCase();
  const c = l.columns.find((x) => x.name.toLowerCase() === key) ?? l.columns.find((x) => (x.displayName ?? '').toLowerCase() === key);
  if (!c) throw new ToolError(`The list ${l.name} has no column "${given}". Its columns: ${l.columns.map((x) => (x.displayName && x.displayName !== x.name ? `${x.displayName} (${x.name})` : x.name)).join(', ')}.`);
  return c;
}

const literal = (v: string | number | boolean) => (typeof v === 'string' ? odataString(v) : String(v));

export const listItems = defineTool({
  name: 'sharepoint_list_items',
  title: 'Read SharePoint list items',
  description: "Items of a site's list with their column values, filtered by columns (equal to a value) and sorted by one. The first page lists the columns.",
  group: 'sharepoint',
  kind: 'read',
  scopes: ['Sites.Read.All'],
  orgOnly: true,
  input: z.object({
    site: SiteInput(),
    list: ListInput,
    where: z.record(z.string(), Value).optional().describe('Column = value, all must hold, e.g. {"Status": "Active"}'),
    orderBy: Text(255).optional().describe('Column to sort by'),
    descending: z.boolean().default(false).describe('Sort high to low'),
    columns: List(Text(255), 30).optional().describe('Only these columns'),
    limit: Limit(200, 50),
    cursor: Cursor,
  }),
  output: z.object({
    list: z.string(),
    columns: z.array(Column).optional(),
    items: z.array(z.object({ id: z.string(), fields: z.record(z.string(), z.unknown()), modified: z.string().optional() })),
    nextCursor: NextCursor,
  }),
  handler: async (a, ctx) => {
    const l = await openList(ctx, a.site, a.list);
    const shown = a.columns ? a.columns.map((c) => column(l, c).name) : l.columns.map((c) => c.name);
    const filter = Object.entries(a.where ?? {}).map(([k, v]) => `fields/${column(l, k).name} eq ${literal(v)}`).join(' and ');
    const order = a.orderBy ? `fields/${column(l, a.orderBy).name}${a.descending ? ' desc' : ''}` : undefined;
    const page = await ctx.graph.list<GraphItem>(`${l.path}/items`, {
      query: { $expand: `fields($select=${shown.join(',')})`, $filter: filter || undefined, $orderby: order, $top: a.limit },
      // Filtering or sorting on a column SharePoint has not indexed is refused without this; lists past 5,000
      // items may still refuse it, and the error then says to index the column.
      headers: filter || order ? { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } : undefined,
      limit: a.limit,
      cursor: a.cursor,
      signal: ctx.signal,
    });
    const keep = new Set(shown);
    return {
      list: l.name,
      ...(a.cursor ? {} : { columns: l.columns.map((c) => ({ name: c.name, title: c.displayName ?? c.name, type: typeOf(c), ...(c.indexed ? { indexed: true } : {}) })) }),
      items: page.items.map((i) => ({
        id: i.id,
        fields: Object.fromEntries(Object.entries(i.fields ?? {}).filter(([k]) => keep.has(k))),
        ...(i.lastModifiedDateTime ? { modified: i.lastModifiedDateTime } : {}),
      })),
      ...nextCursor(page),
    };
  },
  text: (r) => [
    `${r.list}: ${r.items.length} item(s)`,
    r.columns && `columns: ${r.columns.map((c) => `${c.name}${c.title !== c.name ? ` "${c.title}"` : ''} (${c.type}${c.indexed ? ', indexed' : ''})`).join(', ')}`,
    ...r.items.map((i) => `- ${i.id}: ${Object.entries(i.fields).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('; ')}`),
  ].filter(Boolean).join('\n') + moreLine(r.nextCursor),
});

export const saveItem = defineTool({
  name: 'sharepoint_save_item',
  title: 'Create or change a list item',
  description: "Create an item in a site's list, or change an item's columns (itemId). Columns by name, checked against the list.",
  group: 'sharepoint',
  kind: 'write',
  scopes: ['Sites.ReadWrite.All'],
  orgOnly: true,
  needsSiteWrites: true,
  input: z.object({
    site: SiteInput(),
    list: ListInput,
    itemId: Text(40).refine((v) => /^\d+$/.test(v), 'must be an item id (a number) from sharepoint_list_items').optional().describe('Item to change; leave out to create'),
    fields: z.record(z.string(), Value).default({}).describe('Column = new value'),
    clear: List(Text(255), 30).optional().describe('Columns to empty'),
  }),
  output: z.object({ list: z.string(), id: z.string(), created: z.boolean(), fields: z.record(z.string(), z.unknown()) }),
  idempotent: false,
  handler: async (a, ctx) => {
    const l = await openList(ctx, a.site, a.list);
    if (!Object.keys(a.fields).length && !a.clear?.length) throw new ToolError('Give at least one column in fields (or clear).');
    const body: Record<string, unknown> = {};
    for (const [k, v] of [...Object.entries(a.fields), ...(a.clear ?? []).map((c): [string, null] => [c, null])]) {
      const c = column(l, k);
      if (c.readOnly || typeOf(c) === 'calculated') throw new ToolError(`The column ${c.displayName ?? c.name} of ${l.name} cannot be set (SharePoint computes it).`);
      body[c.name] = v;
    }
    if (a.itemId) {
      const fields = await ctx.graph.patch<Record<string, unknown>>(`${l.path}/items/${seg(a.itemId)}/fields`, body, { signal: ctx.signal });
      return { list: l.name, id: a.itemId, created: false, fields: pick(fields, body) };
    }
    const item = await ctx.graph.post<GraphItem>(`${l.path}/items`, { fields: body }, { signal: ctx.signal });
    return { list: l.name, id: item.id, created: true, fields: pick(item.fields ?? {}, body) };
  },
  text: (r) => `${r.created ? 'created' : 'changed'} item ${r.id} in ${r.list}: ${Object.entries(r.fields).map(([k, v]) => `${k}=${String(v)}`).join('; ')}`,
});

/** The saved values of the columns the call set, as SharePoint stored them. */
const pick = (fields: Record<string, unknown>, set: Record<string, unknown>) => Object.fromEntries(Object.keys(set).map((k) => [k, fields[k] ?? null]));

export default [listItems, saveItem];
