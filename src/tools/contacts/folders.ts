// Contact folders by name, as a person names them ("Suppliers"), found (or made, when saving into a new one).
import { odataString } from '../../graph/odata.js';
import type { GraphReader, GraphWriter } from '../../graph/client.js';
import { ToolError } from '../define-tool.js';

type Folder = { id: string; displayName: string };

async function byName(graph: GraphReader, name: string, signal: AbortSignal): Promise<Folder | undefined> {
  const r = await graph.get<{ value: Folder[] }>('/me/contactFolders', { query: { $filter: `displayName eq ${odataString(name)}`, $select: 'id,displayName' }, signal });
  return r.value[0];
}

/** The id of the folder named `name`; an error naming the folders there are when none is. */
export async function folderIdOf(graph: GraphReader, name: string, signal: AbortSignal): Promise<string> {
  const found = await byName(graph, name, signal);
  if (found) return found.id;
  const all = await graph.get<{ value: Folder[] }>('/me/contactFolders', { query: { $select: 'displayName', $top: 100 }, signal });
  throw new ToolError(`There is no contact folder "${name}". Folders: ${all.value.map((f) => f.displayName).join(', ') || 'none besides Contacts'}; leave out folder for all contacts.`);
}

/** The folder named `name`, made when there is none yet; `made` says so. */
export async function ensureFolder(graph: GraphWriter, name: string, signal: AbortSignal): Promise<{ id: string; made: boolean }> {
  const found = await byName(graph, name, signal);
  if (found) return { id: found.id, made: false };
  const made = await graph.post<Folder>('/me/contactFolders', { displayName: name }, { signal });
  return { id: made.id, made: true };
}
