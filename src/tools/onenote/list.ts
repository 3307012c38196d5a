// onenote_list: your notebooks and sections (paths through section groups), or the pages of a section, or pages
// whose titles hold some words (in one section or everywhere), newest change first, a page at a time.
import { z } from 'zod';
import type { GraphReader } from '../../graph/client.js';
import { GraphError } from '../../graph/errors.js';
import { odataString, seg } from '../../graph/odata.js';
import { Cursor, isOffset, Limit, moreLine, nextCursor, NextCursor, positionCursor, readPositionCursor } from '../content/paging.js';
import { defineTool, ToolError } from '../define-tool.js';
import { Text } from '../shapes.js';
import { readHierarchy, resolveSection } from './hierarchy.js';
import { Pacer } from './pace.js';

type GraphPage = { id: string; title?: string; lastModifiedDateTime?: string; parentSection?: { displayName?: string } };

const PageSummary = z.object({ id: z.string(), title: z.string(), section: z.string().optional(), modified: z.string() });

/** OneNote's title filter: every word, in any case. */
const titleFilter = (words: string) => words.toLowerCase().split(/\s+/).filter(Boolean).map((w) => `contains(tolower(title),${odataString(w)})`).join(' and ');

async function listPages(graph: GraphReader, pacer: Pacer, a: { section?: string; title?: string; limit: number; cursor?: string }, signal: AbortSignal) {
  const section = a.section && !a.cursor ? await resolveSection(graph, pacer, a.section, signal) : undefined;
  const path = section ? `/me/onenote/sections/${seg(section.id)}/pages` : '/me/onenote/pages';
  const query = {
    $select: 'id,title,lastModifiedDateTime',
    $top: a.limit,
    ...(a.title ? { $filter: titleFilter(a.title) } : {}),
    ...(section ? {} : { $expand: 'parentSection($select=displayName)' }),
  };
  try {
    const page = await pacer.run('listing pages', () => graph.list<GraphPage>(path, { query, limit: a.limit, cursor: a.cursor, signal }));
    const pages = page.items.map((p) => ({ id: p.id, title: p.title ?? '', ...(p.parentSection?.displayName ? { section: p.parentSection.displayName } : {}), modified: p.lastModifiedDateTime ?? '' }));
    return { pages, ...nextCursor(page) };
  } catch (e) {
    // OneNote lists every page at once only for people with few enough sections.
    if (e instanceof GraphError && e.code === '20266') throw new ToolError('You have too many sections for OneNote to search them all at once: give section (onenote_list without arguments lists them).');
    throw e;
  }
}

export const list = defineTool({
  name: 'onenote_list',
  title: 'List OneNote notebooks, sections or pages',
  description: 'Without arguments: your notebooks and sections ("Notebook/Group/Section" paths). With section or title: pages, newest first; onenote_read reads one.',
  group: 'onenote',
  kind: 'read',
  scopes: ['Notes.Read'],
  input: z.object({
    section: Text(400).optional().describe('Section id or path; its pages'),
    title: Text(200).optional().describe('Words in page titles'),
    limit: Limit(100, 25),
    cursor: Cursor,
  }),
  output: z.object({
    notebooks: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
    sections: z.array(z.object({ id: z.string(), path: z.string() })).optional(),
    pages: z.array(PageSummary).optional(),
    nextCursor: NextCursor,
  }),
  handler: async (a, ctx) => {
    const pacer = new Pacer(ctx);
    if (a.section || a.title) return listPages(ctx.graph, pacer, a, ctx.signal);
    const h = await readHierarchy(ctx.graph, pacer, ctx.signal);
    const offset = readPositionCursor(a.cursor, 'sections', isOffset, 'list', 'arguments') ?? 0;
    const more = offset + a.limit < h.sections.length;
    return {
      notebooks: h.notebooks,
      sections: h.sections.slice(offset, offset + a.limit).map((s) => ({ id: s.id, path: s.path })),
      ...(more ? { nextCursor: positionCursor('sections', offset + a.limit) } : {}),
    };
  },
  text: (r) => {
    if (r.pages) return `${r.pages.length} page(s)${r.pages.map((p) => `\n- ${p.title || '(untitled)'}${p.section ? ` (${p.section})` : ''}, changed ${p.modified.slice(0, 16).replace('T', ' ')} | id: ${p.id}`).join('')}${moreLine(r.nextCursor)}`;
    return `${r.notebooks?.length ?? 0} notebook(s): ${(r.notebooks ?? []).map((n) => n.name).join(', ')}\n${r.sections?.length ?? 0} section(s)${(r.sections ?? []).map((s) => `\n- ${s.path} | id: ${s.id}`).join('')}${moreLine(r.nextCursor)}`;
  },
});

export default [list];
