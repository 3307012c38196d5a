// SharePoint sites: finding them by words, and one site's document libraries (drives for the files tools) and
// lists (for sharepoint_list_items).
import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { Limit } from '../content/paging.js';
import { Text } from '../shapes.js';
import { findSite, SiteInput, siteError } from '../sites.js';

type GraphSite = { id: string; name?: string; displayName?: string; description?: string; webUrl?: string };
type GraphDrive = { id: string; name?: string; description?: string; webUrl?: string };
type GraphList = { id: string; name?: string; displayName?: string; description?: string; list?: { template?: string; hidden?: boolean } | null };

const Site = z.object({ id: z.string(), name: z.string(), url: z.string().optional(), description: z.string().optional() });
const site = (s: GraphSite) => ({ id: s.id, name: s.displayName ?? s.name ?? '', ...(s.webUrl ? { url: s.webUrl } : {}), ...(s.description ? { description: s.description } : {}) });

export const findSites = defineTool({
  name: 'sharepoint_find_sites',
  title: 'Find SharePoint sites',
  description: 'SharePoint sites you can open whose name or description has these words. sharepoint_get_site shows one.',
  group: 'sharepoint',
  kind: 'read',
  scopes: ['Sites.Read.All'],
  orgOnly: true,
  input: z.object({ query: Text(200).describe('Words, or * for every site'), limit: Limit(100, 25) }),
  output: z.object({ sites: z.array(Site) }),
  handler: async ({ query, limit }, { graph, signal }) => {
    const page = await graph.list<GraphSite>('/sites', { query: { search: query, $select: 'id,name,displayName,description,webUrl', $top: limit }, limit, signal });
    return { sites: page.items.map(site) };
  },
  text: (r) => `${r.sites.length} site(s)${r.sites.map((s) => `\n- ${s.name}${s.url ? ` ${s.url}` : ''}${s.description ? `: ${s.description}` : ''}\n  id: ${s.id}`).join('')}`,
});

export const getSite = defineTool({
  name: 'sharepoint_get_site',
  title: 'Get a SharePoint site',
  description: "A site's document libraries (drive ids for the files tools' drive) and lists (for sharepoint_list_items).",
  group: 'sharepoint',
  kind: 'read',
  scopes: ['Sites.Read.All'],
  orgOnly: true,
  input: z.object({ site: SiteInput() }),
  output: Site.extend({
    libraries: z.array(z.object({ driveId: z.string(), name: z.string(), description: z.string().optional() })),
    lists: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().optional() })),
  }),
  handler: async (a, ctx) => {
    const s = await findSite(ctx, a.site);
    const root = `/sites/${s.id.split(',').map(encodeURIComponent).join(',')}`;
    try {
      const [info, drives, lists] = await Promise.all([
        ctx.graph.get<GraphSite>(root, { query: { $select: 'id,name,displayName,description,webUrl' }, signal: ctx.signal }),
        ctx.graph.list<GraphDrive>(`${root}/drives`, { query: { $select: 'id,name,description' }, limit: 100, signal: ctx.signal }),
        ctx.graph.list<GraphList>(`${root}/lists`, { query: { $select: 'id,name,displayName,description,list' }, limit: 200, signal: ctx.signal }),
      ]);
      return {
        ...site(info),
        libraries: drives.items.map((d) => ({ driveId: d.id, name: d.name ?? '', ...(d.description ? { description: d.description } : {}) })),
        // Document libraries are lists too; they are listed once, as libraries. Hidden lists are SharePoint's own.
        lists: lists.items.filter((l) => l.list?.template !== 'documentLibrary' && !l.list?.hidden).map((l) => ({ id: l.id, name: l.displayName ?? l.name ?? '', ...(l.description ? { description: l.description } : {}) })),
      };
    } catch (e) {
      throw siteError(e, a.site);
    }
  },
  text: (r) => [
    `${r.name}${r.url ? ` ${r.url}` : ''}\nid: ${r.id}`,
    `libraries (files tools: drive = the drive id):${r.libraries.map((l) => `\n- ${l.name} | drive ${l.driveId}`).join('') || ' none'}`,
    `lists:${r.lists.map((l) => `\n- ${l.name}${l.description ? `: ${l.description}` : ''} | id ${l.id}`).join('') || ' none'}`,
  ].join('\n'),
});

export default [findSites, getSite];
