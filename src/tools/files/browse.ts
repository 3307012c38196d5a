// Finding files: a folder's contents (sorted, a page at a time), a search of a drive by words, your recent files
// and the files others shared with you; and one item's details, with who has access and its versions on request.
import { z } from 'zod';
import { odataString } from '../../graph/odata.js';
import { Cursor, Limit, moreLine, NextCursor, nextCursor } from '../content/paging.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { List, Text } from '../shapes.js';
import { DRIVE, ItemInput, itemPath } from '../drives.js';
import { accessOf, Access, accessLine } from './access.js';
import { searchEverywhere } from './search-all.js';
import { bytes, type GraphDriveItem, ITEM_SELECT, itemLine, ItemSummary, summarizeItem } from './shapes.js';

const ORDER = { name: 'name', modified: 'lastModifiedDateTime desc', size: 'size desc' } as const;

export const listFiles = ownerTool(DRIVE, {
  name: 'files_list',
  title: 'List or search files',
  description: 'A folder of a drive (default: the root), files matching words (query), your recent files or the files shared with you (view). Summaries with ids; files_read reads one.',
  kind: 'read',
  scopes: ['Files.Read'],
  orgScopes: ['Files.Read.All', 'Sites.Read.All'],
  input: {
    folder: ItemInput('Folder: path like /Documents or id; default: the root').optional(),
    query: Text(500).optional().describe('Words to find in names and contents'),
    view: z.enum(['folder', 'recent', 'shared', 'everywhere']).default('folder').describe('recent: yours; shared: shared with you; everywhere: query every drive and site you can open (org mode)'),
    orderBy: z.enum(['name', 'modified', 'size']).default('name').describe('Sort'),
    limit: Limit(200, 50),
    cursor: Cursor,
  },
  output: z.object({ items: z.array(ItemSummary.extend({ match: z.string().optional() })), nextCursor: NextCursor }),
  handler: async (a, { graph, signal, orgMode }, d) => {
    if (a.view === 'everywhere') {
      if (!a.query || d.other || a.folder) throw new ToolError('view everywhere searches every drive you can open: give query, and leave out drive and folder.');
      if (!orgMode) throw new ToolError('Searching every drive and site needs organization mode (start the server with --org-mode or MS365_MCP_ORG_MODE=true, then sign in again). Without it, query alone searches your OneDrive and the files shared with you.');
      return searchEverywhere(graph, a.query, a.limit, a.cursor, signal);
    }
    if (a.view !== 'folder' && (d.other || a.folder || a.query)) throw new ToolError(`view ${a.view} lists your own ${a.view === 'recent' ? 'recent files' : 'shared files'}: leave out drive, folder and query.`);
    const select = ITEM_SELECT;
    let path: string;
    let query: Record<string, string | number | undefined>;
    if (a.view === 'recent') [path, query] = ['/me/drive/recent', { $top: a.limit }];
    else if (a.view === 'shared') [path, query] = ['/me/drive/sharedWithMe', { $top: a.limit }];
    // A search of the whole drive also finds what is shared with the user; of a folder, only what is in it.
    else if (a.query) [path, query] = [`${a.folder ? itemPath(d.root, a.folder) : d.root}/search(q=${encodeURIComponent(odataString(a.query))})`, { $select: select, $top: a.limit }];
    else [path, query] = [`${itemPath(d.root, a.folder)}/children`, { $select: select, $orderby: ORDER[a.orderBy], $top: a.limit }];
    const page = await graph.list<GraphDriveItem>(path, { query, limit: a.limit, cursor: a.cursor, signal });
    return { items: page.items.map((i) => summarizeItem(i)), ...nextCursor(page) };
  },
  text: (r) => `${r.items.length} item(s)${r.items.length ? '\n' : ''}${r.items.map((i) => `${itemLine(i)}${i.match ? `\n  match: ${i.match}` : ''}`).join('\n')}${moreLine(r.nextCursor)}`,
});

const Version = z.object({ id: z.string(), modified: z.string().optional(), modifiedBy: z.string().optional(), size: z.number().optional() });
type GraphVersion = { id: string; lastModifiedDateTime?: string; size?: number; lastModifiedBy?: { user?: { displayName?: string } } };

export const getFile = ownerTool(DRIVE, {
  name: 'files_get',
  title: 'Get file details',
  description: 'One file or folder by path or id: size, type, dates, people, web link; with include, who has access (permission ids for files_unshare) and its versions.',
  kind: 'read',
  scopes: ['Files.Read'],
  orgScopes: ['Files.Read.All', 'Sites.Read.All'],
  input: {
    item: ItemInput('Path like /Documents/report.docx, or id'),
    include: List(z.enum(['access', 'versions']), 2).optional().describe('Also list who has access, or versions'),
  },
  output: ItemSummary.extend({
    created: z.string().optional(),
    createdBy: z.string().optional(),
    webUrl: z.string().optional(),
    image: z.string().optional(),
    access: z.array(Access).optional(),
    versions: z.array(Version).optional(),
  }),
  handler: async ({ item, include }, { graph, signal }, d) => {
    const path = itemPath(d.root, item);
    const m = await graph.get<GraphDriveItem>(path, { query: { $select: `${ITEM_SELECT},createdDateTime,createdBy,webUrl,image,photo` }, signal });
    const [access, versions] = await Promise.all([
      include?.includes('access') ? accessOf(graph, path, signal) : undefined,
      include?.includes('versions') && !m.folder ? graph.list<GraphVersion>(`${path}/versions`, { limit: 50, signal }).then((p) => p.items) : undefined,
    ]);
    const photo = [m.image?.width && m.image.height ? `${m.image.width}x${m.image.height}` : '', m.photo?.cameraMake ?? '', m.photo?.cameraModel ?? '', m.photo?.takenDateTime ? `taken ${m.photo.takenDateTime}` : ''].filter(Boolean).join(', ');
    const createdBy = m.createdBy?.user?.displayName;
    return {
      ...summarizeItem(m),
      ...(m.createdDateTime ? { created: m.createdDateTime } : {}),
      ...(createdBy ? { createdBy } : {}),
      ...(m.webUrl ? { webUrl: m.webUrl } : {}),
      ...(photo ? { image: photo } : {}),
      ...(access ? { access } : {}),
      ...(versions ? { versions: versions.map((v) => ({ id: v.id, ...(v.lastModifiedDateTime ? { modified: v.lastModifiedDateTime } : {}), ...(v.lastModifiedBy?.user?.displayName ? { modifiedBy: v.lastModifiedBy.user.displayName } : {}), ...(v.size !== undefined ? { size: v.size } : {}) })) } : {}),
    };
  },
  text: (r) => [
    itemLine(r),
    r.created && `created ${r.created.slice(0, 16).replace('T', ' ')}Z${r.createdBy ? ` by ${r.createdBy}` : ''}`,
    r.type && `type: ${r.type}`,
    r.image && `image: ${r.image}`,
    r.webUrl && `open: ${r.webUrl}`,
    ...(r.access ? ['access:', ...r.access.map(accessLine)] : []),
    ...(r.versions ? ['versions (newest first):', ...r.versions.map((v) => `  ${v.id} | ${v.modified ?? ''}${v.modifiedBy ? ` by ${v.modifiedBy}` : ''} | ${bytes(v.size)}`)] : []),
  ].filter((l): l is string => !!l).join('\n'),
});

export default [listFiles, getFile];
