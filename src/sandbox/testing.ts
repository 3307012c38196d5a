// The sandbox's one public entry for tests, beside index.ts: the seed facts they assert against (the demo
// organization's people and domain, the shared mailbox, the SharePoint host, the mail and calendar seed's anchors,
// the seeded To Do tasks and Planner plans,
// the largest file a drive keeps), the identity service on its own, and the OData parsers for unit tests. Tests
// import nothing else under src/sandbox/.

export { SANDBOX_CLIENT_ID, SANDBOX_ORG_CLIENT_ID, SANDBOX_SERVER_APP_ID, SANDBOX_SERVER_SECRET, SANDBOX_TENANT_ID } from './contract.js';
export type { DirectoryUser, SharedMailbox } from './directory/directory.js';
export { seedDirectory as demoDirectory } from './directory/module.js';
export {
  COMPANY_NAME,
  DEFAULT_USER_UPN,
  NO_SHARED_ACCESS_UPN,
  SHARED_MAILBOX_UPN,
  TENANT_DOMAIN,
  demoUsers,
  sharedMailbox,
} from './directory/seed/users.js';
export { SHAREPOINT_HOST } from './directory/seed/sites.js';
export { calendarAnchorWeek, mailSeedEpoch } from './seed-clock.js';
export { addDays } from './workloads/exchange/time/datetime.js';

// To Do and Planner: the tasks every person's default list holds, each department's own list, and the team plans.
export { EVERYONE as SEEDED_TODO_TASKS, PERSONAL as SEEDED_TODO_PERSONAL_LIST, TEAM_LISTS as SEEDED_TODO_TEAM_LISTS } from './workloads/exchange/todo/seed/tasks.js';
export { SEED_PLANS as SEEDED_PLANS } from './workloads/planner/seed/plans.js';
// Planner's order hints, for unit tests of the hint arithmetic.
export { hintBetween, resolveOrderHint } from './workloads/planner/order-hint.js';

// Drives: the largest file the sandbox keeps (an upload session for more is refused).
export { SANDBOX_FILE_MAX } from './workloads/drives/upload-session.js';

// Teams: the seeded teams (ids, channels, their members and posts) and chats.
export { SEEDED_CHATS, SEEDED_TEAM_NAMES, seededTeam, type SeededChannel } from './workloads/teams/seed/facts.js';

export { AUTHORITY_HOST, createIdentity, type IdentityOptions, type IdentityService } from './identity/index.js';
export { assertionError, JWT_BEARER_ASSERTION, registeredCertificate } from './identity/client-assertion.js';

export type { RouteContext } from './graph/types.js';
export { defaultDialect } from './odata/dialect.js';
export type { EntityType } from './odata/entity.js';
export { parseFilter } from './odata/filter-parser.js';
export { FilterSyntaxError } from './odata/lexer.js';
export { listCollection } from './odata/query.js';
export { matchesTerm, tokens } from './directory/search.js';

// SharePoint: the lists the sites workload seeds (site, name, item count, indexed columns).
export { SEEDED_LISTS } from './workloads/sites/seed.js';
export { BRAND_DESIGN, BUDGET_WORKBOOK, DECK_TEMPLATE } from './workloads/drives/seed.js';
