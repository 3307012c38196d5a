// Finding and reading sites through Graph v1.0: `GET /sites?search=` over the sites the person may open (name,
// display name and description, every word), a site by composite id, by `{host}:/sites/{name}`, by host or
// `root` (the intranet), with $select.

import type { RouteDef } from '../../graph/types.js';
import { getEntity, listCollection } from '../../odata/query.js';
import { renderSite, siteEntity } from './json.js';
import { perSite, READ, site } from './locate.js';
import type { SitesState } from './model.js';

export const siteRoutes: RouteDef<SitesState>[] = [
  {
    method: 'GET', path: '/sites', scopes: READ,
    handler: (ctx) => {
      // `search=*` and no search at all list every site the person may open; words must all appear.
      const q = (ctx.req.url.searchParams.get('search') ?? '').trim().toLowerCase().replace(/^"(.*)"$/, '$1');
      const words = q === '*' ? [] : q.split(/\s+/).filter(Boolean);
      const visible = ctx.directory.sites.filter((s) => ctx.directory.siteRole(ctx.principal.user, s) !== 'none');
      const hits = visible.filter((s) => words.every((w) => `${s.name} ${s.displayName} ${s.description}`.toLowerCase().includes(w)));
      return listCollection(ctx, { entity: siteEntity, items: hits.map((s) => renderSite(ctx.state, s)), entitySet: 'sites' });
    },
  },
  ...perSite('', { method: 'GET', scopes: READ, handler: (ctx) => getEntity(ctx, siteEntity, renderSite(ctx.state, site(ctx)), 'sites') }),
];
