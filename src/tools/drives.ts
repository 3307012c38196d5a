// Whose files a tool works in (the drive owner parameter of the files, Excel and document groups, see ./owner.ts): your OneDrive by default, a
// colleague's OneDrive by address, a SharePoint site's document library (site:Sales), or any drive by id (a
// library listed by sharepoint_get_site, the drive of an item shared with you). And items in it, by path or id,
// built into Graph paths here only, where no name can step outside the drive.
import { z } from 'zod';
import type { GraphWriter } from '../graph/client.js';
import { GraphError } from '../graph/errors.js';
import { seg } from '../graph/odata.js';
import { isAddress } from './content/addresses.js';
import { ToolError } from './define-tool.js';
import { type Owner, type OwnerParam, personOwner } from './owner.js';
import { isUserId, Text } from './shapes.js';
import { findSite, SiteInput } from './sites.js';

const DRIVE_ID = /^[A-Za-z0-9!_.-]{3,200}$/;
const siteInput = SiteInput();

export const DriveInput = Text(1100)
  .refine((v) => isAddress(v) || isUserId(v) || (v.toLowerCase().startsWith('site:') && siteInput.safeParse(v.slice(5).trim()).success) || (DRIVE_ID.test(v) && !/^\.+$/.test(v)),
    "must be a person's address, site:<site name or address>, or a drive id")
  .describe('Whose: an address, site:<name>, or a drive id; default: your OneDrive')
  .optional();

const MINE = 'your OneDrive';
const needsOrgMode = (who: string) =>
  `The files of ${who} are not yours: other people's files and SharePoint need organization mode (start the server with --org-mode or MS365_MCP_ORG_MODE=true, then sign in again). Leave out drive for your own OneDrive.`;

type Resolve = NonNullable<OwnerParam<'drive'>['resolve']>;

const resolveDrive: Resolve = async (who, ctx, tool) => {
  const owner = await driveOf(who, ctx);
  // Writing anywhere but your own OneDrive needs Files.ReadWrite.All, which the deployment guide does not list:
  // only a deployment that chose it (MS365_MCP_SITE_WRITES) asks for it.
  if (owner.other && tool.kind !== 'read' && !ctx.siteWrites) {
    throw new ToolError(`Changing files in ${owner.label} needs organization mode with MS365_MCP_SITE_WRITES=true (--site-writes), which asks for Files.ReadWrite.All and Sites.ReadWrite.All, beyond the deployment guide's permissions: an admin grants them to the app, then sign in again with --login --org-mode --site-writes. Your own OneDrive needs none of this.`);
  }
  return owner;
};

async function driveOf(who: string | undefined, ctx: Parameters<Resolve>[1]): Promise<Owner> {
  if (!who || isAddress(who) || isUserId(who)) {
    const person = await personOwner(who, ctx, { mine: MINE, needsOrgMode });
    return { ...person, root: `${person.root}/drive`, label: person.other ? `the OneDrive of ${who}` : MINE };
  }
  if (!ctx.orgMode) throw new ToolError(needsOrgMode(who));
  if (who.toLowerCase().startsWith('site:')) {
    const site = await findSite(ctx, who.slice(5).trim());
    return { root: `/sites/${site.id.split(',').map(seg).join(',')}/drive`, label: `the documents of the site ${site.displayName}`, other: true };
  }
  return { root: `/drives/${seg(who)}`, label: `the drive ${who}`, other: true };
}

export const DRIVE: OwnerParam<'drive'> = {
  group: 'files',
  name: 'drive',
  schema: DriveInput,
  mine: MINE,
  needsOrgMode,
  resolve: resolveDrive,
  denied: (e, d, tool) => {
    if (!d.other) return undefined;
    const write = tool.kind !== 'read';
    return `No ${write ? 'write ' : ''}access to ${d.label}: ${e.graphMessage}. The signed-in user needs ${write ? 'edit' : 'read'} permission there (its owner shares it), and the app needs ${write ? 'Files.ReadWrite.All' : 'Files.Read.All or Sites.Read.All'}.`;
  },
  notFound: (e, d) => `${d.label} was not found (Graph ${e.code}: ${e.graphMessage}). Check the address; users_list finds people, sharepoint_find_sites finds sites.`,
  badId: {
    codes: /^(itemNotFound|invalidRequest|notFound|ResourceNotFound)$/i,
    where: 'Give a path from the drive root like /Documents/report.docx, or an id from files_list, in the same drive.',
  },
};

/** OneDrive and SharePoint refuse these in names: refuse them before Graph does, saying which. */
const BAD_NAME = /["*:<>?\\|\u0000-\u001f]/;

/** A file or folder name, checked as OneDrive checks it. */
export const NameInput = (what: string) =>
  Text(400).refine((v) => !BAD_NAME.test(v) && !v.includes('/') && !/^\.+$/.test(v), 'must not contain / \\ : * ? " < > | or be only dots').describe(what);

/** An item: a path from the drive's root (starts with /) or an id. */
export const ItemInput = (what: string) =>
  Text(2000).refine((v) => v.startsWith('/') || /^[A-Za-z0-9!_.-]+$/.test(v), 'must be a path like /Documents/report.docx or an item id from files_list').describe(what);

/** Graph's path of a new item `name` in `folder` (a path or an id), for /content and /createUploadSession. */
export function childPath(root: string, folder: string | undefined, name: string): string {
  if (!folder || folder.startsWith('/')) return itemPath(root, `${folder ?? ''}/${name}`);
  if (BAD_NAME.test(name) || /^\.+$/.test(name) || name.includes('/')) throw new ToolError(`The name "${name}" is not allowed in OneDrive (no / \\ : * ? " < > |, not only dots).`);
  return `${root}/items/${seg(folder)}:/${encodeURIComponent(name)}:`;
}

/** Graph's path of an item of the drive at `root`: /items/{id}, /root, or /root:/a/b: with each name encoded (a
 *  `#`, `%` or unicode stays part of the name) and `.`/`..` refused, so no name leaves the drive. */
export function itemPath(root: string, item: string | undefined): string {
  if (!item || item === '/') return `${root}/root`;
  if (!item.startsWith('/')) return `${root}/items/${seg(item)}`;
  const names = item.split('/').filter(Boolean);
  for (const n of names) {
    if (/^\.+$/.test(n)) throw new ToolError(`The path ${item} has a "${n}" part: give the full path from the drive root, like /Documents/report.docx.`);
    if (BAD_NAME.test(n)) throw new ToolError(`The name "${n}" has a character OneDrive does not allow (" * : < > ? \\ |).`);
  }
  return names.length ? `${root}/root:/${names.map((n) => encodeURIComponent(n)).join('/')}:` : `${root}/root`;
}

/** What to do when a name is taken: the caller's choice, default fail (nothing is overwritten unasked). */
export const Conflict = z.enum(['fail', 'rename', 'replace']).default('fail').describe('If the name is taken: fail, rename (keep both), replace');

/** Graph's 409 on a taken name, worded with the way out. */
export function nameTaken(e: unknown, name: string, where: string): unknown {
  if (e instanceof GraphError && e.status === 409) {
    return new ToolError(`${where} already has an item named ${name}; nothing was changed. Call again with conflict "rename" to keep both, or "replace" to overwrite it (the old file stays as a version).`);
  }
  return e;
}

/** A file made here (a document, a conversion) saved into a folder in one request (they are small). */
export async function saveFile(graph: GraphWriter, root: string, folder: string | undefined, name: string, content: Uint8Array, contentType: string, conflict: 'fail' | 'rename' | 'replace', signal: AbortSignal): Promise<{ id: string; name: string; size?: number; webUrl?: string; parentReference?: { driveId?: string; path?: string } }> {
  try {
    return await graph.put(`${childPath(root, folder, name)}/content`, content, { query: { '@microsoft.graph.conflictBehavior': conflict }, headers: { 'content-type': contentType }, signal });
  } catch (e) {
    // The file's own path cannot be missing, so a 404 is its folder (a folder by path is not made on the way).
    if (e instanceof GraphError && e.status === 404 && folder) {
      throw new ToolError(`The folder ${folder} does not exist in this drive; nothing was saved. files_create_folder makes it (then call again), or leave out folder to save in the root.`);
    }
    throw nameTaken(e, name, folder ?? 'The root folder');
  }
}
