// Going back to an earlier version of a file (files_get with include versions lists them): the version becomes
// the current one, and what was current stays in the history as a version of its own, so nothing is lost.
import { seg } from '../../graph/odata.js';
import { ownerTool } from '../owner.js';
import { Text } from '../shapes.js';
import { DRIVE, ItemInput, itemPath } from '../drives.js';
import { type GraphDriveItem, itemLine, ItemSummary, summarizeItem } from './shapes.js';

export const restoreVersion = ownerTool(DRIVE, {
  name: 'files_restore_version',
  title: 'Restore a file version',
  description: 'Make an earlier version (from files_get with include versions) the current one; the current one is kept as a version.',
  kind: 'write',
  scopes: ['Files.ReadWrite'],
  siteWriteScopes: ['Files.ReadWrite.All'],
  input: {
    item: ItemInput('Path or id of the file'),
    versionId: Text(100).refine((v) => /^[^/\\?#]+$/.test(v) && !/^\.+$/.test(v), 'must be a version id from files_get').describe('Version id from files_get'),
  },
  output: ItemSummary,
  idempotent: false,
  handler: async (a, ctx, d) => {
    const p = itemPath(d.root, a.item);
    await ctx.graph.post(`${p}/versions/${seg(a.versionId)}/restoreVersion`, undefined, { signal: ctx.signal });
    return summarizeItem(await ctx.graph.get<GraphDriveItem>(p, { signal: ctx.signal }));
  },
  text: (r) => `restored; the file now:\n${itemLine(r)}`,
});

export default [restoreVersion];
