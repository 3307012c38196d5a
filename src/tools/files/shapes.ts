// A drive item as the files tools answer it: a short summary (name, folder or file, size, when and by whom last
// changed, where it is), never Graph's whole driveItem, and its one-line text.
import { z } from 'zod';

export type GraphIdentity = { user?: { displayName?: string; email?: string } | null } | null;
export interface GraphDriveItem {
  id: string;
  name?: string;
  size?: number;
  webUrl?: string;
  eTag?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  createdBy?: GraphIdentity;
  lastModifiedBy?: GraphIdentity;
  file?: { mimeType?: string } | null;
  folder?: { childCount?: number } | null;
  image?: { width?: number; height?: number } | null;
  photo?: { takenDateTime?: string; cameraMake?: string; cameraModel?: string } | null;
  parentReference?: { driveId?: string; id?: string; path?: string } | null;
  remoteItem?: GraphDriveItem | null;
  shared?: { owner?: GraphIdentity; scope?: string } | null;
  deleted?: unknown;
  '@microsoft.graph.downloadUrl'?: string;
}

export const ITEM_SELECT = 'id,name,size,file,folder,lastModifiedDateTime,lastModifiedBy,parentReference,remoteItem,shared';

export const ItemSummary = z.object({
  id: z.string(),
  name: z.string(),
  folder: z.boolean().optional(),
  items: z.number().optional(),
  size: z.number().optional(),
  type: z.string().optional(),
  modified: z.string().optional(),
  modifiedBy: z.string().optional(),
  path: z.string().optional(),
  driveId: z.string().optional().describe('Pass as drive'),
});
export type ItemSummaryOut = z.output<typeof ItemSummary>;

/** "/Documents/Plans" from Graph's "/drive/root:/Documents/Plans" (or "/drives/{id}/root:..."). */
export function folderPath(p: string | undefined): string | undefined {
  if (!p) return undefined;
  const i = p.indexOf('root:');
  return i < 0 ? undefined : decodeURIComponent(p.slice(i + 5)) || '/';
}

const who = (i: GraphIdentity | undefined) => i?.user?.displayName ?? i?.user?.email ?? undefined;

/** The summary of an item; a shared item (remoteItem) is summarized as the original, with its drive. */
export function summarizeItem(raw: GraphDriveItem, askedDrive?: string): ItemSummaryOut {
  const remote = raw.remoteItem;
  const m = remote ? { ...remote, name: remote.name ?? raw.name } : raw;
  const driveId = m.parentReference?.driveId;
  const modifiedBy = who(m.lastModifiedBy);
  return {
    id: m.id,
    name: m.name ?? '',
    ...(m.folder ? { folder: true, items: m.folder.childCount ?? 0 } : {}),
    ...(m.size !== undefined && !m.folder ? { size: m.size } : {}),
    ...(m.file?.mimeType ? { type: m.file.mimeType } : {}),
    ...(m.lastModifiedDateTime ? { modified: m.lastModifiedDateTime } : {}),
    ...(modifiedBy ? { modifiedBy } : {}),
    ...(folderPath(m.parentReference?.path) ? { path: folderPath(m.parentReference?.path) } : {}),
    ...(driveId && (remote || (askedDrive && driveId !== askedDrive)) ? { driveId } : {}),
  };
}

/** 1234567 -> "1.2 MB". */
export function bytes(n: number | undefined): string {
  if (n === undefined) return '';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

export function itemLine(i: ItemSummaryOut): string {
  const what = i.folder ? `${i.name}/ (${i.items} items)` : `${i.name} (${bytes(i.size)})`;
  const when = i.modified ? ` | ${i.modified.slice(0, 16).replace('T', ' ')}Z${i.modifiedBy ? ` by ${i.modifiedBy}` : ''}` : '';
  return `- ${what}${when}${i.path ? ` | in ${i.path}` : ''}\n  id: ${i.id}${i.driveId ? ` drive: ${i.driveId}` : ''}`;
}
