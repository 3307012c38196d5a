// What the sites offer Microsoft Search (workloads/search): the sites a person may open, their lists (not the
// document libraries: their files are the drives' driveItems) and the lists' items, with the words of their
// names, descriptions and column values, and the site, list or listItem a hit carries.

import type { RequestContext } from '../../graph/types.js';
import type { SearchDocument, Searchable } from '../../searchable.js';
import { renderItem } from './items.js';
import { renderList, renderSite } from './json.js';
import { listModified, type SitesState } from './model.js';

const typed = (type: string, rec: Record<string, unknown>) => {
  const { '@odata.etag': _etag, ...rest } = rec;
  return { '@odata.type': `#microsoft.graph.${type}`, ...rest };
};

export function offerSiteSearch(state: SitesState): Searchable {
  return {
    entityTypes: ['site', 'list', 'listItem'],
    documents(type: string, ctx: RequestContext): SearchDocument[] {
      const sites = state.directory.sites.filter((s) => state.directory.siteRole(ctx.principal.user, s) !== 'none');
      if (type === 'site') {
        return sites.map((s) => {
          const json = renderSite(state, s);
          return { resource: typed('site', json), hitId: s.id, title: s.displayName, body: s.description, properties: { title: s.displayName, path: s.webUrl, site: s.name }, modified: String(json.lastModifiedDateTime) };
        });
      }
      const ids = new Set(sites.map((s) => s.id));
      const lists = state.lists.filter((l) => ids.has(l.siteId) && l.template === 'genericList');
      if (type === 'list') {
        return lists.map((l) => ({ resource: typed('list', renderList(state, l)), hitId: l.id, title: l.displayName, body: l.description, properties: { title: l.displayName, site: state.directory.findSite(l.siteId)?.name ?? '' }, modified: listModified(l) }));
      }
      return lists.flatMap((l) =>
        l.items.map((i) => {
          const json = renderItem(state, l, i);
          const values = Object.values(json.fields as Record<string, unknown>).filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
          const title = String((i.fields.Title as string | undefined) ?? '');
          return {
            resource: typed('listItem', json),
            hitId: i.uniqueId,
            title,
            body: values.filter((v) => v !== title).join('\n'),
            properties: { title, site: state.directory.findSite(l.siteId)?.name ?? '', list: l.displayName },
            dates: { lastmodifiedtime: i.modified.at, created: i.created.at },
            modified: i.modified.at,
          } satisfies SearchDocument;
        }),
      );
    },
  };
}
