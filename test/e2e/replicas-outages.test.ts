// Three replicas behind a real HAProxy sharing a real Redis (scripts/cluster.mjs), issue 16, under a steady load of
// people's tool calls: a replica killed (SIGKILL) fails only the calls that were in flight on it and loses no
// sign-in; a rolling restart (SIGTERM, start, ready, next) loses no call; Redis stopped gives clear errors and a clear
// answer from HAProxy once no replica is ready, and once it is back everyone is served without signing in again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestSandbox, upn } from '../fixtures.js';
import { CLIENT, type Cluster, connect, diagnosis, failed, keepLogs, Load, logged, mixed, type Person, type Tokens, servedAgain, signIn, signInAndConnect, startReplicaSet } from '../support/replica-load.js';

const PEOPLE = ['adele.vance', 'megan.bowen', 'alex.wilber', 'patti.fernandez', 'lee.gu', 'nestor.wilke'].map(upn);

let sandbox: TestSandbox;
let cluster: Cluster;
const sandboxLog: string[] = [];
const people: Person[] = [];
const me = async (accessToken: string) => {
  const client = await connect(cluster, accessToken);
  try {
    return ((await client.callTool({ name: 'users_get_me', arguments: {} })).structuredContent as { userPrincipalName: string }).userPrincipalName;
  } finally {
    await client.close();
  }
};

beforeAll(async () => {
  ({ sandbox, cluster } = await startReplicaSet(sandboxLog));
  people.push(...(await Promise.all(PEOPLE.map((who) => signInAndConnect(cluster, who)))));
}, 90_000);

afterAll(async () => {
  keepLogs(cluster, 'outages');
  await Promise.all(people.map((p) => p.client.close()));
  await cluster?.stop();
  await sandbox?.close();
});

beforeEach((ctx) => {
  // Graph answers /me slowly, so that calls are in flight on every replica at any moment.
  sandbox.faults.clear();
  sandbox.faults.add({ path: '^/me$', latencyMs: 250 });
  ctx.onTestFailed(() => void process.stderr.write(`${diagnosis(cluster)}\n`));
});

describe('three replicas behind HAProxy, under load', () => {
  it('SIGKILL of a replica fails only the calls in flight on it; every other call and every sign-in survive', { timeout: 120_000 }, async () => {
    const victim = cluster.replicas[1];
    // A sign-in that starts on the victim (its pending state goes to Redis) and is still at Entra when it dies.
    let atEntra!: () => void;
    let proceed!: () => void;
    const reachedEntra = new Promise<void>((r) => (atEntra = r));
    const mayProceed = new Promise<void>((r) => (proceed = r));
    const lateSignIn: Promise<Tokens> = signIn(cluster, upn('lynne.robbins'), { authorizeOrigin: victim.origin, route: async (step) => void (step === 'callback' && (atEntra(), await mayProceed)) });
    await reachedEntra;
    expect(victim.stderr()).toContain('sign-in started for the client Contoso Desktop');

    const load = new Load(people);
    await load.further(60);
    // Killed while HAProxy has calls in flight on it. To count them exactly the victim is first frozen (SIGSTOP: it
    // answers nothing more) and HAProxy sends it nothing new (maintenance); the count cannot change until the kill.
    const deadline = Date.now() + 20_000;
    while (((await cluster.haproxy.inFlight())[victim.server] ?? 0) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    process.kill(victim.pid!, 'SIGSTOP');
    await cluster.haproxy.admin(`disable server replicas/${victim.server}`);
    const inFlight = (await cluster.haproxy.inFlight())[victim.server];
    const from = cluster.haproxy.log().length;
    const killedAt = Date.now();
    await victim.kill('SIGKILL');
    // Back in HAProxy's rotation at once, as a replica that died unnoticed is until its check fails: what is sent to
    // it now is refused at connect and must go to a survivor.
    await cluster.haproxy.admin(`enable server replicas/${victim.server}`);
    proceed();
    expect(await me((await lateSignIn).access_token)).toBe(upn('lynne.robbins'));
    await load.further(150);
    const restartFrom = cluster.haproxy.log().length;
    await victim.start();
    await victim.ready();
    await servedAgain(cluster, victim.server, restartFrom);
    const outcomes = await load.stop();

    // Exactly the calls in flight on it failed (a request on a kept-alive client connection is cut by HAProxy closing
    // that connection, without a log line: so they are counted from HAProxy's sessions, not from its log).
    expect(inFlight).toBeGreaterThanOrEqual(2);
    const failures = failed(outcomes);
    expect(failures.map((f) => f.started < killedAt)).toEqual(Array(inFlight).fill(true));
    // HAProxy's log agrees: the only errors are calls the victim aborted (S: on the server's side).
    const lines = await logged(cluster, from, () => false, 500);
    expect(lines.filter((l) => l.status >= 500 && !(l.server === victim.server && l.termination.startsWith('S'))).length).toBe(0);
    const resent = lines.filter((l) => l.redispatched && l.status < 500).length;
    expect(mixed(outcomes)).toEqual([]);
    for (const who of PEOPLE) expect(outcomes.some((o) => o.caller === who && o.started > killedAt && o.answeredFor === who)).toBe(true);
    process.stderr.write(`replicas: SIGKILL under load: ${outcomes.length} calls, ${failures.length} failed of ${inFlight} in flight on ${victim.server}, ${resent} sent to another replica\n`);
  });

  it('restarts every replica in turn under load without losing a call', { timeout: 180_000 }, async () => {
    const load = new Load(people);
    await load.further(30);
    const from = cluster.haproxy.log().length;
    for (const r of cluster.replicas) {
      expect(await r.kill('SIGTERM')).toBe(0);
      const mark = cluster.haproxy.log().length;
      await r.start();
      await r.ready();
      await servedAgain(cluster, r.server, mark);
    }
    const outcomes = await load.stop();
    expect(failed(outcomes)).toEqual([]);
    expect(mixed(outcomes)).toEqual([]);
    const lines = await logged(cluster, from, () => false, 1_000);
    expect(lines.filter((l) => l.status >= 500)).toEqual([]);
    // Calls did reach draining replicas (refused with 503) and were sent to another one.
    const resent = lines.filter((l) => l.retries > 0 && l.status === 200).length;
    expect(resent).toBeGreaterThan(0);
    for (const r of cluster.replicas) expect(r.stderr()).toMatch(/http: shutting down: refusing new requests/);
    process.stderr.write(`replicas: rolling restart under load: ${outcomes.length} calls, ${resent} sent again by HAProxy\n`);
  });

  it('answers clearly while Redis is down, and serves everyone again once it is back, without a new sign-in', { timeout: 120_000 }, async () => {
    const codeGrants = () => sandboxLog.filter((l) => l.includes('issued tokens (authorization_code)')).length;
    const signInsBefore = codeGrants();
    await cluster.redis.stop();
    // First the replicas answer (the tool says its shared state is away), then, once HAProxy's checks find every
    // replica unready, HAProxy answers itself: both say what is wrong.
    const errors = new Set<string>();
    const deadline = Date.now() + 30_000;
    let haproxyAnswered = '';
    while (!haproxyAnswered && Date.now() < deadline) {
      const o = await Promise.all(people.map(async (p) => p.client.callTool({ name: 'users_get_me', arguments: {} }).then((r) => JSON.stringify(r.content), (e: Error) => e.message)));
      for (const e of o) errors.add(/cannot reach its shared state \(Redis at 127\.0\.0\.1:\d+\)/.test(e) ? 'shared state' : e);
      haproxyAnswered = o.find((e) => /No replica of this server is ready/.test(e)) ?? '';
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(haproxyAnswered).toMatch(/No replica of this server is ready .*cannot reach its shared state, Redis\); nothing was done/);
    expect([...errors].filter((e) => e !== 'shared state' && !/No replica of this server is ready/.test(e))).toEqual([]);
    for (const r of cluster.replicas) {
      const ready = await fetch(`${r.origin}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([503, expect.objectContaining({ failing: ['redis'] })]);
    }

    await cluster.redis.start();
    const back = Date.now() + 30_000;
    while (Date.now() < back && (await people[0].client.callTool({ name: 'users_get_me', arguments: {} }).then((r) => r.isError, () => true))) await new Promise((r) => setTimeout(r, 250));
    const outcomes = await new Load(people, 6).done();
    expect(failed(outcomes)).toEqual([]);
    expect(mixed(outcomes)).toEqual([]);
    // The front's refresh tokens survived in Redis too.
    const turned = await fetch(`${cluster.url}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: CLIENT.client_id, grant_type: 'refresh_token', refresh_token: people[1].tokens.refresh_token }) });
    expect(turned.status).toBe(200);
    expect(await me(((await turned.json()) as Tokens).access_token)).toBe(PEOPLE[1]);
    expect(codeGrants()).toBe(signInsBefore);
  });
});
