// Moving things around in a drive: move, rename or copy an item (Graph copies asynchronously: the answer follows
// its monitor until the copy is there, or says where it stands), and deleting one to the recycle bin.
import { z } from 'zod';
import type { GraphReader } from '../../graph/client.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { DRIVE, ItemInput, itemPath, NameInput } from '../drives.js';
import { bytes, folderPath, type GraphDriveItem, itemLine, ItemSummary, summarizeItem } from './shapes.js';
import { Conflict } from '../drives.js';

/** How long a copy is followed before the answer says it is still going (within a call's minute). */
const COPY_WAIT_MS = 40_000;

type Monitor = { status?: string; resourceId?: string; percentageComplete?: number; error?: { message?: string } };

async function folderRef(graph: GraphReader, root: string, folder: string, signal: AbortSignal): Promise<{ id: string; driveId: string }> {
  const f = await graph.get<GraphDriveItem>(itemPath(root, folder), { query: { $select: 'id,folder,parentReference' }, signal });
  if (!f.folder) throw new ToolError(`${folder} is not a folder; give the folder to move or copy into.`);
  const driveId = f.parentReference?.driveId ?? (await graph.get<{ id: string }>(root, { query: { $select: 'id' }, signal })).id;
  return { id: f.id, driveId };
}

export const moveFile = ownerTool(DRIVE, {
  name: 'files_move',
  title: 'Move, rename or copy',
  description: 'Move a file or folder to another folder, rename it, or copy it (copy: true) within the drive.',
  kind: 'write',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: {
    item: ItemInput('Path like /Documents/report.docx, or id'),
    to: ItemInput('Destination folder: path or id; default: where it is').optional(),
    newName: NameInput('New name').optional(),
    copy: z.boolean().default(false).describe('Copy instead of moving'),
    conflict: Conflict,
  },
  output: ItemSummary.extend({ id: z.string().optional(), copyStatus: z.string().optional().describe('A copy still in progress') }),
  idempotent: false,
  handler: async (a, ctx, d) => {
    if (!a.to && !a.newName) throw new ToolError(a.copy ? 'Give to (a folder) or newName for the copy.' : 'Give to (a folder to move into) or newName (to rename), or both.');
    const p = itemPath(d.root, a.item);
    const target = a.to ? await folderRef(ctx.graph, d.root, a.to, ctx.signal) : undefined;
    const query = { '@microsoft.graph.conflictBehavior': a.conflict };
    if (!a.copy) {
      const moved = await ctx.graph.patch<GraphDriveItem>(p, { ...(a.newName ? { name: a.newName } : {}), ...(target ? { parentReference: { id: target.id } } : {}) }, { query, signal: ctx.signal });
      return summarizeItem(moved);
    }
    const source = await ctx.graph.get<GraphDriveItem>(p, { query: { $select: 'id,name,parentReference' }, signal: ctx.signal });
    const into = target ?? { id: source.parentReference!.id!, driveId: source.parentReference!.driveId! };
    const { location } = await ctx.graph.postAccepted(`${p}/copy`, { parentReference: { driveId: into.driveId, id: into.id }, ...(a.newName ? { name: a.newName } : {}) }, { query, signal: ctx.signal });
    const name = a.newName ?? source.name ?? '';
    if (!location) throw new ToolError(`Graph accepted the copy of ${source.name} but gave no way to follow it; look for ${name} with files_list in a minute.`);
    const deadline = Date.now() + COPY_WAIT_MS;
    let state: Monitor = {};
    for (let wait = 250; Date.now() < deadline; wait = Math.min(wait * 2, 4000)) {
      state = await ctx.graph.getPreauthenticated<Monitor>(location, { signal: ctx.signal });
      const status = (state.status ?? '').toLowerCase();
      if (status === 'completed' && state.resourceId) {
        return summarizeItem(await ctx.graph.get<GraphDriveItem>(`/drives/${encodeURIComponent(into.driveId)}/items/${encodeURIComponent(state.resourceId)}`, { signal: ctx.signal }));
      }
      if (status === 'failed') throw new ToolError(`The copy of ${source.name} failed: ${state.error?.message ?? 'Graph gave no reason'}. Nothing was copied.`);
      await ctx.progress(state.percentageComplete ?? 0, 100, `copying ${source.name}`);
      await new Promise((r) => setTimeout(r, wait));
    }
    return { name, copyStatus: `still copying (${state.percentageComplete ?? 0}% done): it will appear as ${name}; check with files_list in a minute, and do not copy again` };
  },
  text: (r) => (r.copyStatus || !r.id ? `${r.name}: ${r.copyStatus}` : itemLine({ ...r, id: r.id })),
});

export const deleteFile = ownerTool(DRIVE, {
  name: 'files_delete',
  title: 'Delete a file or folder',
  description: 'Delete a file or folder (with its contents) to the recycle bin.',
  kind: 'destructive',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: { item: ItemInput('Path like /Documents/old.docx, or id') },
  output: z.object({ deleted: z.string(), id: z.string() }),
  confirm: async ({ item }, { graph, signal }, d) => {
    const m = await graph.get<GraphDriveItem>(itemPath(d.root, item), { query: { $select: 'id,name,size,folder,parentReference' }, signal });
    const what = m.folder ? `the folder ${m.name} with its ${m.folder.childCount ?? 0} item(s)` : `${m.name} (${bytes(m.size)})`;
    return `Delete ${what} from ${folderPath(m.parentReference?.path) ?? 'its folder'} in ${d.label}? It goes to the recycle bin, from which it can be restored on the web for 93 days.`;
  },
  handler: async ({ item }, ctx, d) => {
    const p = itemPath(d.root, item);
    const m = await ctx.graph.get<GraphDriveItem>(p, { query: { $select: 'id,name' }, signal: ctx.signal });
    await ctx.graph.delete(p, { signal: ctx.signal });
    return { deleted: m.name ?? item, id: m.id };
  },
  text: (r) => `deleted ${r.deleted} (id ${r.id}): it is in the recycle bin, where it can be restored on the web for 93 days`,
});

export default [moveFile, deleteFile];
