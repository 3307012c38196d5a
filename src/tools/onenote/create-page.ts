// onenote_create_page: a page from Markdown in a section named by id or path (default: your default section), made
// once: a create whose answer was lost (timeout, broken connection, a server error) is looked for by its title
// among the pages made since, and sent again only when it is not there, at most once more.
import { z } from 'zod';
import type { GraphWriter } from '../../graph/client.js';
import { GraphError } from '../../graph/errors.js';
import { odataString, seg } from '../../graph/odata.js';
import { sleep } from '../../graph/retry.js';
import { defineTool, ToolError } from '../define-tool.js';
import { Text } from '../shapes.js';
import { resolveSection } from './hierarchy.js';
import { pageRequest } from './markdown.js';
import { Pacer } from './pace.js';

type GraphPage = { id: string; title?: string; createdDateTime?: string; links?: { oneNoteWebUrl?: { href?: string } }; parentSection?: { id?: string; displayName?: string } };

/** A create may have reached OneNote when its answer was lost or OneNote failed on its side. */
const ambiguous = (e: unknown): e is GraphError => e instanceof GraphError && (e.unknownOutcome || (e.status >= 500 && e.status !== 501));

/** OneNote lists a new page after a moment: looked for this many times, this far apart, before sending again. */
const LOOKS = 3;
const LOOK_APART_MS = 2_000;
/** Clocks differ: a page made up to this long before the first try counts as made by it. */
const CLOCK_SLACK_MS = 120_000;

async function findMade(graph: GraphWriter, pacer: Pacer, sectionId: string | undefined, title: string, since: number, signal: AbortSignal): Promise<GraphPage | undefined> {
  const path = sectionId ? `/me/onenote/sections/${seg(sectionId)}/pages` : '/me/onenote/pages';
  const after = new Date(since - CLOCK_SLACK_MS).toISOString().replace(/\.\d+Z$/, 'Z');
  for (let look = 0; look < LOOKS; look++) {
    if (look) await sleep(LOOK_APART_MS, signal);
    const r = await pacer.run('looking for the page', () => graph.get<{ value: GraphPage[] }>(path, {
      query: { $filter: `title eq ${odataString(title)} and createdDateTime ge ${after}`, $select: 'id,title,createdDateTime,links', $expand: 'parentSection($select=id,displayName)', $top: 5 },
      signal,
    }));
    if (r.value.length) return r.value[0];
  }
  return undefined;
}

export const createPage = defineTool({
  name: 'onenote_create_page',
  title: 'Create a OneNote page',
  description: 'A page from Markdown: headings, lists, "- [ ]" to-dos, tables, links, images (https or data: URL, or a local path over stdio).',
  group: 'onenote',
  kind: 'write',
  scopes: ['Notes.Create', 'Notes.Read'],
  input: z.object({
    title: Text(255).describe('Page title'),
    markdown: Text(500_000, { trim: false }).describe('The content'),
    section: Text(400).optional().describe('Section id or "Notebook/Section"; default: your default section'),
  }),
  output: z.object({ id: z.string(), title: z.string(), section: z.string(), images: z.number(), webUrl: z.string().optional(), recovered: z.boolean().optional() }),
  handler: async (a, ctx) => {
    const { graph, signal } = ctx;
    const request = await pageRequest(a.title, a.markdown, ctx);
    const pacer = new Pacer(ctx);
    const section = a.section ? await resolveSection(graph, pacer, a.section, signal) : undefined;
    const target = section ? `/me/onenote/sections/${seg(section.id)}/pages` : '/me/onenote/pages';
    const title = a.title.replace(/\s+/g, ' ').trim();
    const since = Date.now();
    const answer = (p: GraphPage, recovered = false) => ({
      id: p.id,
      title: p.title ?? title,
      section: section?.path ?? p.parentSection?.displayName ?? section?.id ?? '',
      images: request.images,
      ...(p.links?.oneNoteWebUrl?.href ? { webUrl: p.links.oneNoteWebUrl.href } : {}),
      ...(recovered ? { recovered } : {}),
    });
    for (let attempt = 0; ; attempt++) {
      try {
        // A 429 was refused before anything was made: the pacer sends the same request again.
        const made = await pacer.run('creating the page', () => graph.post<GraphPage>(target, request.body, { headers: { 'content-type': request.contentType }, signal }));
        return answer(made);
      } catch (e) {
        if (!ambiguous(e)) throw e;
        const found = await findMade(graph, pacer, section?.id, title, since, signal);
        if (found) return answer(found, true);
        if (attempt >= 1) {
          throw new ToolError(`${e.message}. The page may still appear: check with onenote_list (title "${title}") before calling onenote_create_page again.`);
        }
      }
    }
  },
  text: (r) => `created "${r.title}" in ${r.section}${r.images ? ` with ${r.images} image(s)` : ''}${r.recovered ? ' (found after its answer was lost; made once)' : ''} | id: ${r.id}${r.webUrl ? `\nopen: ${r.webUrl}` : ''}`,
});

export default [createPage];
