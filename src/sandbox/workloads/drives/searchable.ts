// What the drives offer Microsoft Search (../search): every file and folder a person may open, in their own
// OneDrive, the OneDrives of people who shared with them and the libraries of their sites, as documents with the
// words of their names and contents and the driveItem a hit carries.

import type { RequestContext } from '../../graph/types.js';
import type { SearchDocument, Searchable } from '../../searchable.js';
import { roleOn } from './access.js';
import { renderItem } from './json.js';
import type { DrivesState } from './model.js';

/** What a search hit's driveItem has: no download URL, eTag or hashes (the Search API leaves them out). */
const HIT_PROPS = ['id', 'name', 'size', 'webUrl', 'createdDateTime', 'lastModifiedDateTime', 'createdBy', 'lastModifiedBy', 'parentReference', 'fileSystemInfo', 'folder'];

export function offerFileSearch(state: DrivesState): Searchable {
  return {
    entityTypes: ['driveItem'],
    documents(_type: string, ctx: RequestContext): SearchDocument[] {
      const me = ctx.principal.user;
      const docs: SearchDocument[] = [];
      for (const item of state.items.values()) {
        if (item.deleted || !item.parentId) continue;
        const drive = state.drives.get(item.driveId)!;
        if (!roleOn(state, drive, item, me)) continue;
        const full = renderItem(state, item, { ...ctx, state });
        const resource: Record<string, unknown> = { '@odata.type': '#microsoft.graph.driveItem' };
        for (const k of HIT_PROPS) if (full[k] !== undefined) resource[k] = full[k];
        if (!item.folder) resource.file = { mimeType: item.mimeType };
        const dot = item.name.lastIndexOf('.');
        const author = state.directory.findUser(item.created.by);
        docs.push({
          resource,
          hitId: item.id,
          title: item.name,
          body: item.text,
          properties: {
            filename: item.name,
            title: item.name,
            filetype: dot > 0 && !item.folder ? item.name.slice(dot + 1) : '',
            author: author ? [author.displayName, author.userPrincipalName] : [],
            path: String(full.webUrl ?? ''),
          },
          dates: { lastmodifiedtime: item.modified.at, created: item.created.at },
          people: author ? [author.userPrincipalName.toLowerCase()] : [],
          modified: item.modified.at,
        });
      }
      return docs;
    },
  };
}
