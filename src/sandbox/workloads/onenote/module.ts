// OneNote as a sandbox workload: every person's notebooks, section groups, sections and pages (pages kept as
// OneNote's output HTML, made from the input HTML or multipart requests Graph accepts), their image and file
// resources, and Graph's OneNote throttling per app and user (429 without Retry-After), over a state seeded
// lazily from seed/ (a person's notes are made when first asked for).

import { workload } from '../../workload.js';
import type { OneNoteState } from './model.js';
import { contentRoutes } from './routes-content.js';
import { hierarchyRoutes } from './routes-hierarchy.js';
import { pageRoutes } from './routes-pages.js';
import { createOneNoteState } from './seed/index.js';
import { throttledRoutes } from './throttle.js';

export const oneNoteWorkload = workload<OneNoteState>({
  name: 'onenote',
  create: (directory, settings) => createOneNoteState(directory, settings, Date.now()),
  routes: throttledRoutes([...hierarchyRoutes, ...pageRoutes, ...contentRoutes]),
});
