// Every capability of the sandbox's Graph, in one list. A new capability (mail, calendars, files...) is a
// module file exporting a GraphModule, added here; /me/... paths reach it through /users/{id}/... routes.

import { calendarModule } from '../workloads/exchange/calendar/module.js';
import { mailModule } from '../workloads/exchange/mail/module.js';
import { organizationModule } from '../directory/organization-routes.js';
import type { GraphModule } from './types.js';
import { usersModule } from '../directory/user-routes.js';

export const MODULES: readonly GraphModule[] = [usersModule, organizationModule, mailModule, calendarModule];
