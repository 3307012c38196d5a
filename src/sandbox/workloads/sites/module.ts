// SharePoint sites as a sandbox workload: the directory's sites, their lists (seed.ts) and list items, served
// through Graph v1.0. Their document libraries' files are the drives workload's.

import { workload } from '../../workload.js';
import type { SitesState } from './model.js';
import { itemRoutes } from './routes-items.js';
import { listRoutes } from './routes-lists.js';
import { siteRoutes } from './routes-sites.js';
import { offerSiteSearch } from './searchable.js';
import { seedSites } from './seed.js';

export const sitesWorkload = workload<SitesState>({
  name: 'sites',
  create: (directory) => seedSites(directory),
  provide: (state) => ({ siteSearch: offerSiteSearch(state) }),
  routes: [...siteRoutes, ...listRoutes, ...itemRoutes],
});
