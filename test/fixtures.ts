// The tests' one fixtures module: a sandbox per test file, `as(upn)` for a server signed in as that person with an
// MCP client, `graphAs(upn)` for looking at the tenant's state directly, `ok`/`fails` for tool calls, and the
// seed's facts (people, their ids, the shared mailbox, the SharePoint sites) from the sandbox's public testing entry.
import { afterAll, beforeAll, expect } from 'vitest';
import type { SandboxOptions } from '../src/sandbox/index.js';
import { addDays, calendarAnchorWeek, mailSeedEpoch, DEFAULT_USER_UPN, demoDirectory, demoUsers, NO_SHARED_ACCESS_UPN, SHARED_MAILBOX_UPN, SHAREPOINT_HOST, TENANT_DOMAIN } from '../src/sandbox/testing.js';
import { tokenFor, type GraphAs } from './support/graph.js';
import { call, signInAs, startTestSandbox, textOf, type Connected, type ConnectOptions, type TestSandbox } from './support/server.js';

export { addDays };
export { hm, PACIFIC, prefer, send, view } from './support/calendar.js';
export { allPages, EVENTUAL, graph, tokenFor, type GraphAs } from './support/graph.js';
export { bySubject, folderMessages, type ListResult } from './support/mail.js';
export { byOrderHint, groupIdOf, groupPlan, plannerAssignment, todoLists } from './support/tasks.js';
export * from './support/server.js';

// ---- Seed facts: what the demo organization holds, read from the seed itself rather than restated. ----

/** Directory users of the seed: the people, then the shared mailbox (a disabled user, as in Exchange). */
const SEED_USERS = demoUsers();

/** The UPN of a seed person by key ('adele.vance'). */
export const upn = (key: string) => `${key}@${TENANT_DOMAIN}`;

/** The seed's record of a user; throws for anyone the seed does not have, so a renamed person fails loudly. */
function seedUser(userPrincipalName: string) {
  const user = SEED_USERS.find((u) => u.userPrincipalName === userPrincipalName);
  if (!user) throw new Error(`the seed has no user ${userPrincipalName}`);
  return user;
}

const SEED_DIRECTORY = demoDirectory();
/** The seed's SharePoint site by its URL name ('Sales'): id, webUrl, members, visitors, libraries. */
export function siteOf(name: string) {
  const site = SEED_DIRECTORY.findSite(`${SHAREPOINT_HOST}:/sites/${name}`);
  if (!site) throw new Error(`the seed has no site ${name}`);
  return site;
}

/** The directory object id of a seed person or mailbox, by UPN. */
export const idOf = (userPrincipalName: string) => seedUser(userPrincipalName).id;

const person = (key: string) => seedUser(upn(key)).userPrincipalName;
/** The default user (Sales, Redmond, Pacific time), a delegate of the shared support mailbox. */
export const ADELE = DEFAULT_USER_UPN;
/** A person without access to the shared mailbox. */
export const PRADEEP = NO_SHARED_ACCESS_UPN;
/** The shared mailbox: a disabled directory user that delegates read and send as. */
export const SUPPORT = SHARED_MAILBOX_UPN;
export const PATTI = person('patti.fernandez');
export const ALEX = person('alex.wilber');
export const MEGAN = person('megan.bowen');
export const BEN = person('ben.walters');

// ---- A sandbox per test file ----

/** Scopes of graphAs when a test names none: enough to read and change every workload the sandbox serves. */
const STATE_SCOPES = 'User.Read.All Mail.ReadWrite Mail.ReadWrite.Shared Mail.Send Mail.Send.Shared Calendars.ReadWrite Calendars.ReadWrite.Shared MailboxSettings.ReadWrite';

export interface SandboxFixture {
  /** The running sandbox's address and fault injection (available from beforeAll on). */
  readonly url: string;
  readonly faults: TestSandbox['faults'];
  /** Monday (yyyy-MM-dd) of the week the calendar seed is anchored on ("this week"), and of the one after. */
  readonly thisWeek: string;
  readonly nextWeek: string;
  /** The instant the seeded mail is dated back from (a Monday, 18:00 UTC; see mailSeedEpoch). */
  readonly mailEpoch: string;
  /** The UTC date (yyyy-MM-dd) `days` days from the mail seed's epoch: mailDay(-1) is the Sunday before it. */
  mailDay(days: number): string;
  /** A server signed in as `upn` (organization mode unless env says otherwise) with a connected MCP client. */
  as(upn: string, env?: Record<string, string>, opts?: ConnectOptions): Promise<Connected>;
  /** `upn`'s token for Graph with these scopes, to look at the tenant's state directly; cached per file. */
  graphAs(upn: string, scopes?: string): Promise<GraphAs>;
}

/**
 * Starts a sandbox before the file's tests and closes it, and every connection `as` made, after them. The
 * sandbox is started again in the rare case the calendar week (or the mail seed's epoch) turned while it
 * started, so `thisWeek` and `mailEpoch` are what its seeds hold.
 */
export function useSandbox(opts: SandboxOptions = {}): SandboxFixture {
  let running: { sandbox: TestSandbox; week: string; epoch: string } | undefined;
  const connections: Connected[] = [];
  const tokens = new Map<string, Promise<GraphAs>>();
  const started = () => {
    if (!running) throw new Error('the sandbox starts in beforeAll; use the fixture inside hooks and tests');
    return running;
  };

  beforeAll(async () => {
    for (;;) {
      const [week, epoch] = [calendarAnchorWeek(Date.now()), mailSeedEpoch(Date.now())];
      const sandbox = await startTestSandbox(opts);
      if (calendarAnchorWeek(Date.now()) === week && mailSeedEpoch(Date.now()) === epoch) return void (running = { sandbox, week, epoch });
      await sandbox.close();
    }
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await running?.sandbox.close();
  });

  return {
    get url() {
      return started().sandbox.url;
    },
    get faults() {
      return started().sandbox.faults;
    },
    get thisWeek() {
      return started().week;
    },
    get nextWeek() {
      return addDays(started().week, 7);
    },
    get mailEpoch() {
      return started().epoch;
    },
    mailDay(days) {
      return addDays(started().epoch.slice(0, 10), days);
    },
    async as(upn, env, connectOpts) {
      const c = await signInAs(started().sandbox, upn, env, connectOpts);
      // Closed once, whether the test closes it itself or the file's end does.
      let closing: Promise<void> | undefined;
      const close = c.close;
      c.close = () => (closing ??= close());
      connections.push(c);
      return c;
    },
    graphAs(upn, scopes = STATE_SCOPES) {
      const key = `${upn} ${scopes}`;
      if (!tokens.has(key)) tokens.set(key, tokenFor(started().sandbox, upn, scopes));
      return tokens.get(key)!;
    },
  };
}

// ---- Tool calls ----

/** Calls a tool and insists that it succeeded; returns its structured result, with the content block's text as
 *  `textBlock` (a name no tool's output uses). */
export async function ok<T extends object = Record<string, unknown>>(c: Connected, tool: string, args: Record<string, unknown> = {}): Promise<T & { textBlock: string }> {
  const r = await call(c.client, tool, args);
  expect(r.isError, `${tool}: ${textOf(r)}`).toBeFalsy();
  return Object.assign((r.structuredContent ?? {}) as T, { textBlock: textOf(r) });
}

/** Calls a tool that must fail; returns its error text. */
export async function fails(c: Connected, tool: string, args: Record<string, unknown> = {}): Promise<string> {
  const r = await call(c.client, tool, args);
  expect(r.isError, `${tool} should fail: ${textOf(r)}`).toBe(true);
  return textOf(r);
}
