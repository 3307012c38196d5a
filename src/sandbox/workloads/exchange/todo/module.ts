// Microsoft To Do as a sandbox workload of the Exchange family: every mailbox's task lists and tasks, with their
// checklist items and linked resources, served through Graph v1.0 (/me/todo/lists/...) by the collection engine
// (odata/collection.ts) over a TodoState seeded from seed/; the flagged-email lists show mail's flagged messages
// (the FlaggedMail port).

import { workload } from '../../../workload.js';
import type { TodoState } from './model.js';
import { listRoutes } from './routes-lists.js';
import { taskPartRoutes } from './routes-parts.js';
import { taskRoutes } from './routes-tasks.js';
import { createTodoState } from './seed/index.js';

export const todoWorkload = workload<TodoState>({
  name: 'todo',
  create: (directory) => createTodoState(directory, Date.now()),
  // Mail's flagged messages fill the "Flagged email" lists.
  start: (state, ports) => {
    state.flaggedMail = ports.flaggedMail;
  },
  routes: [...listRoutes, ...taskRoutes, ...taskPartRoutes],
});
