// onenote_read: one page as text (headings marked by level, lists, tables, links, images by their alt text) with
// its title, its created time and its headings as an outline, in one request.
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { clip, truncated, Truncated } from '../content/text.js';
import { defineTool } from '../define-tool.js';
import { Text } from '../shapes.js';
import { PAGE_ID } from './hierarchy.js';
import { Pacer } from './pace.js';
import { pageText } from './page-text.js';

export const PageId = Text(200).refine((v) => PAGE_ID.test(v), 'must be a page id from onenote_list');

export const read = defineTool({
  name: 'onenote_read',
  title: 'Read a OneNote page',
  description: 'A page as text, headings marked with #, with its outline of headings.',
  group: 'onenote',
  kind: 'read',
  scopes: ['Notes.Read'],
  input: z.object({
    page: PageId.describe('Page id from onenote_list'),
    maxChars: z.number().int().min(200).max(200_000).default(20_000).describe('Longest text, in characters'),
  }),
  output: z.object({ id: z.string(), title: z.string(), created: z.string().optional(), headings: z.array(z.string()), text: z.string(), truncated: Truncated }),
  handler: async (a, ctx) => {
    const pacer = new Pacer(ctx);
    const html = await pacer.run('reading the page', async () => {
      const d = await ctx.graph.download(`/me/onenote/pages/${seg(a.page)}/content`, { signal: ctx.signal });
      return new Response(d.body).text();
    });
    const p = await pageText(html);
    const c = clip(p.text, a.maxChars);
    return { id: a.page, title: p.title, ...(p.created ? { created: p.created } : {}), headings: p.headings, text: c.text, ...truncated(c) };
  },
  text: (r) => `${r.title || '(untitled)'}${r.created ? ` (created ${r.created.slice(0, 16).replace('T', ' ')})` : ''}\n\n${r.text}${r.truncated ? '\n[cut; ask for a larger maxChars to read more]' : ''}`,
});

export default [read];
