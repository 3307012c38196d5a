// onenote_create_section: a section at a path ("Notebook/Section" or "Notebook/Group/Section"), its notebook made
// when there is none of that name; a section already there is answered as it is, so asking twice makes one. Names
// are checked as OneNote checks them before anything is made, so a refused name leaves no new notebook behind.
import { z } from 'zod';
import type { GraphWriter } from '../../graph/client.js';
import { GraphError } from '../../graph/errors.js';
import { seg } from '../../graph/odata.js';
import { defineTool, ToolError } from '../define-tool.js';
import { Text } from '../shapes.js';
import { listed, readHierarchy, type Hierarchy } from './hierarchy.js';
import { Pacer } from './pace.js';

const SECTION_REFUSED = /[?*\\:<>|&#"%~]/;
const NOTEBOOK_REFUSED = /[?*\\:<>|'"]/;

function checkName(name: string, kind: 'notebook' | 'section'): void {
  const max = kind === 'notebook' ? 128 : 50;
  if ((kind === 'notebook' ? NOTEBOOK_REFUSED : SECTION_REFUSED).test(name)) {
    throw new ToolError(`OneNote refuses the ${kind} name "${name}": it cannot contain ${kind === 'notebook' ? `? * \\ : < > | ' "` : '? * \\ : < > | & # " % ~'}. Choose another name.`);
  }
  if (name.length > max) throw new ToolError(`The ${kind} name "${name}" is ${name.length} characters; OneNote takes at most ${max}.`);
}

type Made = { id: string; displayName: string };

const lower = (s: string) => s.toLowerCase();

/** Where the section goes: the id of its notebook (made when missing) or section group, and the POST path. */
async function parentOf(graph: GraphWriter, pacer: Pacer, h: Hierarchy, parts: string[], signal: AbortSignal): Promise<{ path: string; named: string; notebookMade?: true }> {
  const [notebookName, ...groupNames] = parts;
  const notebook = h.notebooks.find((n) => lower(n.name) === lower(notebookName));
  if (groupNames.length) {
    const wanted = lower(parts.join('/'));
    const group = h.groups.find((g) => lower(g.path) === wanted);
    if (!group) {
      const there = h.groups.filter((g) => !notebook || lower(g.path).startsWith(`${lower(notebook.name)}/`)).map((g) => `"${g.path}"`);
      throw new ToolError(`There is no section group "${parts.join('/')}" (these tools do not make section groups). Section groups: ${there.join(', ') || 'none'}; or give "Notebook/Section".`);
    }
    return { path: `/me/onenote/sectionGroups/${seg(group.id)}/sections`, named: group.path };
  }
  if (notebook) return { path: `/me/onenote/notebooks/${seg(notebook.id)}/sections`, named: notebook.name };
  const made = await pacer.run('making the notebook', () => graph.post<Made>('/me/onenote/notebooks', { displayName: notebookName }, { signal }));
  return { path: `/me/onenote/notebooks/${seg(made.id)}/sections`, named: made.displayName, notebookMade: true };
}

export const createSection = defineTool({
  name: 'onenote_create_section',
  title: 'Create a OneNote section',
  description: 'A section at "Notebook/Section" or "Notebook/Group/Section"; a new notebook name makes the notebook. An existing section is returned as is.',
  group: 'onenote',
  kind: 'write',
  scopes: ['Notes.Create'],
  idempotent: true,
  input: z.object({ path: Text(400).describe('"Notebook/Section" or "Notebook/Group/Section"') }),
  output: z.object({ id: z.string(), path: z.string(), created: z.boolean(), notebookMade: z.boolean().optional() }),
  handler: async (a, ctx) => {
    const { graph, signal } = ctx;
    const pacer = new Pacer(ctx);
    const parts = a.path.split('/').map((p) => p.trim());
    if (parts.length < 2 || parts.some((p) => !p)) {
      const h = await readHierarchy(graph, pacer, signal);
      throw new ToolError(`Give the section as "Notebook/Section"; your notebooks: ${h.notebooks.map((n) => `"${n.name}"`).join(', ') || 'none yet (a new name makes one)'}.`);
    }
    checkName(parts[0], 'notebook');
    const name = parts[parts.length - 1];
    checkName(name, 'section');
    const existing = async () => {
      const h = await readHierarchy(graph, pacer, signal);
      return { h, found: h.sections.find((s) => lower(s.path) === lower(parts.join('/'))) };
    };
    const first = await existing();
    if (first.found) return { id: first.found.id, path: first.found.path, created: false };
    const parent = await parentOf(graph, pacer, first.h, parts.slice(0, -1), signal);
    const notebookMade = parent.notebookMade ? { notebookMade: true } : {};
    for (let attempt = 0; ; attempt++) {
      try {
        const made = await pacer.run('making the section', () => graph.post<Made>(parent.path, { displayName: name }, { signal }));
        return { id: made.id, path: `${parent.named}/${made.displayName}`, created: true, ...notebookMade };
      } catch (e) {
        // Taken meanwhile (20117), or the answer was lost: the section there is the answer, else one more try.
        if (!(e instanceof GraphError && (e.status === 409 || e.unknownOutcome || e.status >= 500))) throw e;
        const again = await existing();
        if (again.found) return { id: again.found.id, path: again.found.path, created: e.status !== 409, ...notebookMade };
        if (attempt >= 1 || e.status === 409) throw new ToolError(`${e.message}. Sections now: ${listed(again.h.sections)}.`);
      }
    }
  },
  text: (r) => `${r.created ? 'created' : 'already there:'} ${r.path}${r.notebookMade ? ' (new notebook)' : ''} | id: ${r.id}`,
});

export default [createSection];
