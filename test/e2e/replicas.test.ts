// Three replicas of the built server behind a real HAProxy (deploy/haproxy/haproxy.cfg) sharing a real Redis, on
// loopback (scripts/cluster.mjs), issue 16: a sign-in whose steps land on different replicas works, and 10 people
// making 2,000 tool calls at once over the one public URL, while their Graph tokens expire every few seconds, each get
// their own data only, every call answered, every replica serving a share, no refresh lost.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestSandbox, upn } from '../fixtures.js';
import { callsPerServer, type Cluster, connect, diagnosis, failed, keepLogs, Load, logged, mixed, type Person, signIn, signInAndConnect, startReplicaSet } from '../support/replica-load.js';

// Ten people of the demo organization.
const PEOPLE = ['adele.vance', 'megan.bowen', 'alex.wilber', 'patti.fernandez', 'lee.gu', 'nestor.wilke', 'diego.siciliani', 'irvin.sayers', 'joni.sherman', 'christie.cline'].map(upn);
let sandbox: TestSandbox;
let cluster: Cluster;
const sandboxLog: string[] = [];
const people: Person[] = [];
const refreshGrants = (who: string) => sandboxLog.filter((l) => l.includes(`issued tokens (refresh_token) to ${who} `)).length;

beforeAll(async () => {
  ({ sandbox, cluster } = await startReplicaSet(sandboxLog));
}, 90_000);

afterAll(async () => {
  keepLogs(cluster, 'replicas');
  await Promise.all(people.map((p) => p.client.close()));
  await cluster?.stop();
  await sandbox?.close();
});

beforeEach((ctx) => ctx.onTestFailed(() => void process.stderr.write(`${diagnosis(cluster)}\n`)));

describe('three replicas behind HAProxy', () => {
  it('finishes a sign-in on another replica than the one it started on', async () => {
    const from = cluster.haproxy.log().length;
    const stderrFrom = cluster.replicas.map((r) => r.stderr().length);
    const tokens = await signIn(cluster, PEOPLE[0]);
    // Which replica served each step, from HAProxy's log: round robin sent the three to three replicas.
    const lines = await logged(cluster, from, (ls) => ls.some((l) => l.path === '/token'));
    const step = (method: string, path: string) => lines.filter((l) => l.method === method && l.path.startsWith(path));
    const [authorize, callback, token] = [step('GET', '/authorize?'), step('GET', '/callback?'), step('POST', '/token')];
    expect([authorize, callback, token].map((s) => s.map((l) => l.status))).toEqual([[302], [302], [200]]);
    expect(new Set([authorize[0].server, callback[0].server, token[0].server]).size).toBe(3);
    // The replicas say the same: the sign-in started on one, was completed (its pending state read from Redis) on another.
    const said = (server: string) => cluster.replicas.find((r) => r.server === server)!;
    const since = (server: string) => said(server).stderr().slice(stderrFrom[cluster.replicas.indexOf(said(server))]);
    expect(since(authorize[0].server)).toContain('sign-in started for the client Contoso Desktop');
    expect(since(authorize[0].server)).not.toContain('sign-in completed');
    expect(since(callback[0].server)).toContain('sign-in completed');
    const client = await connect(cluster, tokens.access_token);
    try {
      const me = await client.callTool({ name: 'users_get_me', arguments: {} });
      expect((me.structuredContent as { userPrincipalName: string }).userPrincipalName).toBe(PEOPLE[0]);
    } finally {
      await client.close();
    }
  });

  it('serves 2,000 tool calls of 10 people spread over the replicas: each their own data, none failed, no refresh lost', { timeout: 240_000 }, async () => {
    people.push(...(await Promise.all(PEOPLE.map((who) => signInAndConnect(cluster, who)))));
    const from = cluster.haproxy.log().length;
    const grantsBefore = PEOPLE.map(refreshGrants);
    const started = Date.now();
    const outcomes = await new Load(people, 200).done();
    const tookMs = Date.now() - started;

    expect(outcomes).toHaveLength(2000);
    expect(failed(outcomes)).toEqual([]);
    expect(mixed(outcomes)).toEqual([]);
    for (const who of PEOPLE) expect(outcomes.filter((o) => o.caller === who && o.answeredFor === who)).toHaveLength(200);
    // Each replica served a share (round robin: a third each, give or take the calls of the clients' own start).
    await logged(cluster, from, (ls) => ls.filter((l) => l.method === 'POST' && l.path === '/mcp' && l.status === 200).length >= 2000);
    const served = callsPerServer(cluster, from);
    expect(Object.values(served).reduce((a, b) => a + b)).toBe(2000);
    for (const n of Object.values(served)) expect(n).toBeGreaterThan(2000 / 4);
    // The Graph tokens expired during the run and were renewed, by whichever replica met the expiry first (one at a
    // time per person: a Redis lock); no renewal failed, and everyone is still served after.
    const renewals = PEOPLE.map((who, i) => refreshGrants(who) - grantsBefore[i]);
    for (const n of renewals) expect(n).toBeGreaterThanOrEqual(1);
    for (const r of cluster.replicas) expect(r.stderr()).not.toMatch(/could not be refreshed|sign in again/);
    process.stderr.write(`replicas: 2000 calls in ${tookMs} ms; per replica ${JSON.stringify(served)}; Graph token renewals per person ${renewals.join(' ')}\n`);
    const last = await Promise.all(people.map((p) => p.client.callTool({ name: 'users_get_me', arguments: {} })));
    expect(last.map((r) => (r.structuredContent as { userPrincipalName: string }).userPrincipalName)).toEqual(PEOPLE);
  });
});
