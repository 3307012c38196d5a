// What the document tools share: the drive they save into (the files group's "whose data" parameter), the folder
// and name of a new file, and the answer: the saved file's id, place and link, never its bytes.
import { z } from 'zod';
import { DRIVE, ItemInput, NameInput } from '../drives.js';
import type { OwnerParam } from '../owner.js';

export const DOCS: OwnerParam<'drive'> = { ...DRIVE, group: 'documents' };

export const Folder = ItemInput('Folder: path like /Documents or id; default: the root').optional();
export const fileName = (ext: string) => NameInput(`File name, ending .${ext}`).refine((n) => n.toLowerCase().endsWith(`.${ext}`), `must end with .${ext}`);

export const Saved = z.object({ id: z.string(), name: z.string(), size: z.number().optional(), path: z.string().optional(), driveId: z.string().optional(), webUrl: z.string().optional() });
type SavedOut = z.input<typeof Saved>;

export function saved(item: { id: string; name: string; size?: number; webUrl?: string; parentReference?: { driveId?: string; path?: string } }): SavedOut {
  const i = item.parentReference?.path?.indexOf('root:') ?? -1;
  const path = i >= 0 ? decodeURIComponent(item.parentReference!.path!.slice(i + 5)) || '/' : undefined;
  return { id: item.id, name: item.name, ...(item.size !== undefined ? { size: item.size } : {}), ...(path ? { path } : {}), ...(item.parentReference?.driveId ? { driveId: item.parentReference.driveId } : {}), ...(item.webUrl ? { webUrl: item.webUrl } : {}) };
}

export const savedLine = (r: z.output<typeof Saved>) => `saved ${r.name}${r.path ? ` in ${r.path}` : ''}\n  id: ${r.id}${r.webUrl ? `\n  open: ${r.webUrl}` : ''}`;
