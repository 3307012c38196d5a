// OneDrive and SharePoint document libraries as one sandbox workload: the driveItem store (model.ts) seeded for the
// demo organization (seed.ts), served through Graph v1.0 (reading, writing, sharing) and the pre-authenticated
// URLs for downloads, upload sessions and copy monitors; and Excel's workbook API over its XLSX files (workbook/).

import { workload } from '../../workload.js';
import { driveEndpoints } from './endpoints.js';
import type { DrivesState } from './model.js';
import { readRoutes } from './routes-read.js';
import { shareRoutes } from './routes-share.js';
import { versionRoutes } from './routes-versions.js';
import { writeRoutes } from './routes-write.js';
import { workbookRoutes } from './workbook/routes.js';
import { offerFileSearch } from './searchable.js';
import { seedDrives } from './seed.js';

export const drivesWorkload = workload<DrivesState>({
  name: 'drives',
  create: (directory) => seedDrives(directory),
  provide: (state) => ({ fileSearch: offerFileSearch(state) }),
  routes: [...readRoutes, ...writeRoutes, ...versionRoutes, ...shareRoutes, ...workbookRoutes],
  endpoints: driveEndpoints,
});
