// A person's notebooks, section groups and sections, read in three flat requests (any depth of section groups),
// each section with its path as people name it ("Notebook/Group/Section"); and a section the caller names by id,
// by path or by the end of a path ("Meetings"), resolved against them with an error that lists what there is.
import type { GraphReader } from '../../graph/client.js';
import { ToolError } from '../define-tool.js';
import type { Pacer } from './pace.js';

type Parent = { id: string } | null | undefined;
type GraphHierarchy = { id: string; displayName: string; isDefault?: boolean; parentNotebook?: Parent; parentSectionGroup?: Parent };

export interface Section {
  id: string;
  /** Notebook, section groups and section names joined by "/" (OneNote refuses "/" in names). */
  path: string;
  isDefault: boolean;
}

export interface Hierarchy {
  notebooks: { id: string; name: string }[];
  /** Section groups, each with its path like a section's. */
  groups: { id: string; path: string }[];
  sections: Section[];
}

/** OneNote's notebook, section group and section ids: a digit, a dash and a GUID. */
export const HIERARCHY_ID = /^\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A page id: `1-{32 hex}!{n}-{guid}`. */
export const PAGE_ID = /^\d-[0-9a-f]{32}!\d+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PARENTS = 'parentNotebook($select=id),parentSectionGroup($select=id)';

export async function readHierarchy(graph: GraphReader, pacer: Pacer, signal: AbortSignal): Promise<Hierarchy> {
  const list = (path: string, query: Record<string, string>) =>
    pacer.run('reading your notebooks', () => graph.list<GraphHierarchy>(path, { query, limit: 5000, signal })).then((p) => p.items);
  const [notebooks, groups, sections] = await Promise.all([
    list('/me/onenote/notebooks', { $select: 'id,displayName' }),
    list('/me/onenote/sectionGroups', { $select: 'id,displayName', $expand: PARENTS }),
    list('/me/onenote/sections', { $select: 'id,displayName,isDefault', $expand: PARENTS }),
  ]);
  const names = new Map([...notebooks, ...groups].map((x) => [x.id, x.displayName]));
  const groupParent = new Map(groups.map((g) => [g.id, g]));
  const pathOf = (s: GraphHierarchy): string => {
    const parts = [s.displayName];
    // Up through the section groups to the notebook; a cycle or a missing parent ends the walk.
    for (let at = s, hops = 0; hops < 50; hops++) {
      const up = at.parentSectionGroup?.id ? groupParent.get(at.parentSectionGroup.id) : undefined;
      if (!up) {
        parts.unshift(names.get(at.parentNotebook?.id ?? '') ?? '?');
        break;
      }
      parts.unshift(up.displayName);
      at = up;
    }
    return parts.join('/');
  };
  const byPath = (a: Section, b: Section) => a.path.localeCompare(b.path, 'en', { sensitivity: 'base' });
  return {
    notebooks: notebooks.map((n) => ({ id: n.id, name: n.displayName })),
    groups: groups.map((g) => ({ id: g.id, path: pathOf(g) })),
    sections: sections.map((s) => ({ id: s.id, path: pathOf(s), isDefault: !!s.isDefault })).sort(byPath),
  };
}

const parts = (path: string) => path.split('/').map((p) => p.trim().toLowerCase()).filter(Boolean);

/** The sections a name means: its whole path, else every section whose path ends with it ("Meetings",
 *  "Projects/Holiday 2026"). */
export function matchSections(sections: readonly Section[], name: string): Section[] {
  const wanted = parts(name);
  const whole = sections.filter((s) => parts(s.path).join('/') === wanted.join('/'));
  if (whole.length) return whole;
  return sections.filter((s) => parts(s.path).slice(-wanted.length).join('/') === wanted.join('/'));
}

/** Some of the paths, for an error message. */
export const listed = (sections: readonly Section[], max = 15) =>
  sections.length ? `${sections.slice(0, max).map((s) => `"${s.path}"`).join(', ')}${sections.length > max ? `, and ${sections.length - max} more` : ''}` : 'none';

/** The section `ref` names (an id, or a path or its end), with its path when the hierarchy was read. */
export async function resolveSection(graph: GraphReader, pacer: Pacer, ref: string, signal: AbortSignal): Promise<{ id: string; path?: string }> {
  if (HIERARCHY_ID.test(ref)) return { id: ref };
  const { sections } = await readHierarchy(graph, pacer, signal);
  const found = matchSections(sections, ref);
  if (found.length === 1) return found[0];
  if (found.length > 1) throw new ToolError(`"${ref}" names ${found.length} sections: ${listed(found)}. Give the whole path or the id.`);
  throw new ToolError(`There is no section "${ref}". Sections: ${listed(sections)}. Name one as "Notebook/Section", or make it with onenote_create_section.`);
}
