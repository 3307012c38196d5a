// The Graph client against the sandbox's fault injection: throttling, outages, no repeated writes, paging,
// batching, cancellation and the shape of errors.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphError } from '../src/graph/errors.js';
import { ADELE, call, type Connected, signInAs, startTestSandbox, type TestSandbox, textOf, useSandbox, whenLogged } from './fixtures.js';

const sandbox = useSandbox();
let s: Connected;

beforeAll(async () => {
  s = await sandbox.as(ADELE);
});
beforeEach(() => sandbox.faults.clear());

const journal = (method: string, path: string) => sandbox.faults.journal.filter((j) => j.method === method && j.path === path);

describe('Graph client resilience', () => {
  it('rides out a 429 storm, waiting as Retry-After says', async () => {
    sandbox.faults.add({ path: '^/me$', status: 429, retryAfter: 1, times: 2 });
    const started = Date.now();
    const me = await call(s.client, 'users_get_me');
    expect(me.isError).toBeFalsy();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(journal('GET', '/me').map((j) => j.status)).toEqual([429, 429, 200]);
  });

  it('retries reads after 503s, and gives up with a clear error when they persist', async () => {
    sandbox.faults.add({ path: '^/me$', status: 503, times: 1 });
    expect((await call(s.client, 'users_get_me')).isError).toBeFalsy();
    sandbox.faults.clear();
    sandbox.faults.add({ path: '^/me$', status: 503, retryAfter: 0, times: 10 });
    const r = await call(s.client, 'users_get_me');
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/Graph 503 ServiceUnavailable/);
    expect(textOf(r)).toMatch(/request-id [0-9a-f-]{36}/);
    expect(journal('GET', '/me')).toHaveLength(4); // the first try and three retries
  });

  it('never repeats a POST that met a 503: it may have taken effect', async () => {
    sandbox.faults.add({ method: 'POST', path: '^/me/sendMail$', status: 503 });
    const err = await s.runtime.graph.post('/me/sendMail', { message: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).message).toMatch(/not repeated automatically/);
    expect(journal('POST', '/me/sendMail')).toHaveLength(1);
  });

  it('repeats a POST refused with 429 (Graph did not act on it)', async () => {
    sandbox.faults.add({ method: 'POST', path: '^/\\$batch$', status: 429, retryAfter: 0 });
    const results = await s.runtime.graph.batch([{ method: 'GET', url: '/me' }]);
    expect(results[0].status).toBe(200);
    expect(journal('POST', '/$batch').map((j) => j.status)).toEqual([429, 200]);
  });

  it('fails at once when Retry-After asks for longer than it will wait', async () => {
    sandbox.faults.add({ path: '^/me$', status: 429, retryAfter: 3600 });
    const started = Date.now();
    const r = await call(s.client, 'users_get_me');
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/429/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('is cancelled by the caller\'s signal, mid-wait', async () => {
    sandbox.faults.add({ path: '^/me$', latencyMs: 3000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const started = Date.now();
    await expect(s.runtime.graph.get('/me', { signal: ac.signal })).rejects.toThrow(/cancelled/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('Graph client paging and batching', () => {
  it('pages with an opaque cursor that continues where it stopped and covers everyone once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await call(s.client, 'users_list', { limit: 10, ...(cursor ? { cursor } : {}) });
      expect(r.isError, textOf(r)).toBeFalsy();
      const out = r.structuredContent as { users: { id: string }[]; nextCursor?: string };
      seen.push(...out.users.map((u) => u.id));
      cursor = out.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(30);
  });

  it('refuses a forged cursor instead of sending the token elsewhere', async () => {
    const forged = Buffer.from('https://evil.example/v1.0/users').toString('base64url');
    const r = await call(s.client, 'users_list', { cursor: forged });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/cursor is not one this server returned/);
  });

  it('batches more than 20 requests in chunks, results in order', async () => {
    const users = (await s.runtime.graph.list<{ id: string }>('/users', { query: { $select: 'id', $top: 25 }, limit: 25 })).items;
    const results = await s.runtime.graph.batch(users.map((u) => ({ method: 'GET' as const, url: `/users/${u.id}?$select=id` })));
    expect(results.map((r) => (r.body as { id: string }).id)).toEqual(users.map((u) => u.id));
    expect(journal('POST', '/$batch')).toHaveLength(2);
  });

  it('turns Graph errors into short texts with status, code and request-id', async () => {
    const r = await call(s.client, 'users_get_user', { user: 'nobody@contoso.sandbox' });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/^Graph 404 Request_ResourceNotFound: .*\(request-id [0-9a-f-]{36}\)\. Check the id or address\.$/);
  });
});

describe('Graph briefly unreachable', () => {
  it('sends a write again only when the connection was refused, so it is done exactly once', async () => {
    const first = await startTestSandbox();
    const port = Number(new URL(first.url).port);
    const c = await signInAs(first, ADELE);
    let second: TestSandbox | undefined;
    try {
      await first.close();
      // The tenant comes back once the client has met the refused connection, whatever the machine's speed.
      const back = whenLogged(c.log, /network error \(ECONNREFUSED\), retrying/).then(async () => {
        second = await startTestSandbox({ stateDir: first.stateDir, port });
      });
      const r = await call(c.client, 'mail_create_folder', { name: 'Outage test' });
      await back;
      expect(textOf(r)).toMatch(/^created folder Outage test/);
      expect(c.log.lines.some((l) => /warn graph: POST \S+ network error \(ECONNREFUSED\), retrying/.test(l))).toBe(true);
      expect(second!.faults.journal.filter((j) => j.method === 'POST' && j.path === '/me/mailFolders')).toHaveLength(1);
      const folders = await call(c.client, 'mail_list_folders');
      expect(JSON.stringify(folders.structuredContent).match(/"Outage test"/g)).toHaveLength(1);
    } finally {
      await c.close();
      await second?.close();
    }
  });
});

describe('Graph client logs', () => {
  it('name no one: an address in a path is masked whether written with @ or encoded as %40', async () => {
    const from = s.log.lines.length;
    sandbox.faults.add({ path: '^/users/[^/]+$', status: 503, retryAfter: 0, times: 1 });
    expect((await call(s.client, 'users_get_user', { user: 'patti.fernandez@contoso.sandbox' })).isError).toBeFalsy();
    const logged = s.log.lines.slice(from).join('');
    expect(logged).toMatch(/GET \/v1\.0\/users\/\{address\}/);
    expect(decodeURIComponent(logged)).not.toMatch(/patti/i);
  });
});

describe('Graph client limits', () => {
  it('a throttled call that gives up says how often it tried and how long Graph asks to wait', async () => {
    sandbox.faults.add({ path: '^/me$', status: 429, retryAfter: 0, times: 10 });
    const r = await call(s.client, 'users_get_me');
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/Graph 429[\s\S]*tried 4 times over \d+ s; Graph asks to wait 1 s before trying again/);
    sandbox.faults.clear();
    // A wait longer than the client honours is not waited for: the answer passes Graph's figure on at once.
    sandbox.faults.add({ path: '^/me$', status: 429, retryAfter: 120, times: 1 });
    const long = await call(s.client, 'users_get_me');
    expect(textOf(long)).toMatch(/Graph asks to wait 120 s before trying again/);
    expect(journal('GET', '/me')).toHaveLength(1); // not retried
  });

  it('keeps all tries of one call within its budget, and says what happened', async () => {
    const { GraphClient } = await import('../src/graph/client.js');
    const { tokenFor } = await import('./fixtures.js');
    const token = (await tokenFor(sandbox, ADELE, 'User.Read')).token;
    const client = new GraphClient({ baseUrl: sandbox.url, getToken: async () => token, log: s.log, timeoutMs: 2000, totalBudgetMs: 5000 });
    sandbox.faults.add({ path: '^/me$', latencyMs: 4000, times: 10 });
    const started = Date.now();
    const e = await client.get('/me').catch((x: unknown) => x);
    expect(Date.now() - started).toBeLessThan(7000);
    expect(e).toBeInstanceOf(GraphError);
    expect((e as GraphError).message).toMatch(/no answer from Microsoft Graph within \d s; tried \d times over [45] s/);
  });
});

describe('paging when Graph returns pages shorter than asked', () => {
  /** Every item a list tool returns, following its cursors, `limit` at a time. */
  async function all(tool: string, args: Record<string, unknown>, key: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 50; i++) {
      const r = await call(s.client, tool, { ...args, limit, ...(cursor ? { cursor } : {}) });
      expect(r.isError, textOf(r)).toBeFalsy();
      const out = r.structuredContent as Record<string, { id: string }[]> & { nextCursor?: string };
      ids.push(...out[key].map((x) => x.id));
      cursor = out.nextCursor;
      if (!cursor) return ids;
    }
    throw new Error('more than 50 pages');
  }

  const cases: [string, Record<string, unknown>, string][] = [
    ['mail_list_messages', { folder: 'inbox' }, 'messages'],
    ['mail_search_messages', { query: 'the' }, 'messages'],
    ['mail_list_folders', {}, 'folders'],
    ['users_list', {}, 'users'],
  ];
  for (const [tool, args, key] of cases) {
    it(`${tool}: a cursor continues exactly after the last item returned`, async () => {
      const whole = await all(tool, args, key, 100);
      expect(whole.length).toBeGreaterThan(7);
      // Pages of 3 whatever $top says, for every request of this walk.
      sandbox.faults.add({ method: 'GET', pageSize: 3, times: 1000 });
      const walked = await all(tool, args, key, 5);
      sandbox.faults.clear();
      expect(walked).toEqual(whole);
    });
  }

  it('calendar_list_events: the same with occurrences', async () => {
    const args = { start: sandbox.thisWeek, end: sandbox.nextWeek };
    const whole = await all('calendar_list_events', args, 'events', 100);
    expect(whole.length).toBeGreaterThan(7);
    sandbox.faults.add({ method: 'GET', pageSize: 3, times: 1000 });
    const walked = await all('calendar_list_events', args, 'events', 4);
    sandbox.faults.clear();
    expect(walked).toEqual(whole);
  });
});

describe('a write whose answer is lost', () => {
  it('says it may have taken effect and where to check; the same call again creates nothing twice (transactionId)', async () => {
    const subject = `Lost answer ${Date.now()}`;
    const args = { subject, start: `${sandbox.nextWeek}T15:00`, end: `${sandbox.nextWeek}T15:30`, timeZone: 'UTC', attendees: ['megan.bowen@contoso.sandbox'] };
    // The sandbox creates the event, then breaks the connection instead of answering.
    sandbox.faults.add({ method: 'POST', path: '^/me/events$', resetAfter: true });
    const lost = await call(s.client, 'calendar_create_event', args);
    expect(lost.isError).toBe(true);
    expect(textOf(lost)).toMatch(/The change may have taken effect before the answer was lost: check with calendar_list_events around that time before calling calendar_create_event again\./);
    expect(journal('POST', '/me/events')).toHaveLength(1); // not repeated by the client
    const token = await sandbox.graphAs(ADELE);
    const { allPages } = await import('./fixtures.js');
    const made = async () => (await allPages(sandbox, token, `/me/events?$select=subject&$top=100`)).filter((e) => e.subject === subject);
    expect(await made()).toHaveLength(1);
    // A model that calls again anyway: the event it already made answers, and nobody is invited twice.
    const again = await call(s.client, 'calendar_create_event', args);
    expect(again.isError, textOf(again)).toBeFalsy();
    expect(await made()).toHaveLength(1);
    const megan = await sandbox.graphAs('megan.bowen@contoso.sandbox', 'Mail.Read');
    const invites = (await allPages(sandbox, megan, `/me/messages?$select=subject&$top=100`)).filter((m) => m.subject === subject);
    expect(invites).toHaveLength(1);
  });
});
