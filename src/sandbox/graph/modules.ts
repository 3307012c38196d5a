// Every capability of the sandbox's Graph, in one list. A new capability (mail, calendars, files...) is a
// module file exporting a GraphModule, added here; /me/... paths reach it through /users/{id}/... routes.

import { calendarModule } from './calendar/module.js';
import { mailModule } from './mail/index.js';
import { organizationModule } from './organization.js';
import type { GraphModule } from './types.js';
import { usersModule } from './users/routes.js';

export const MODULES: readonly GraphModule[] = [usersModule, organizationModule, mailModule, calendarModule];
