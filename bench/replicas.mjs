// The replica bench (called by bench/run.mjs; bench/replica-report.mjs writes its figures): tool calls per second,
// latency, CPU per call of each process and memory per replica of the many-user server run as 1, 2 and 3 replicas
// sharing a real Redis behind a real HAProxy (scripts/cluster.mjs), and one replica with the embedded store (no
// Redis) for what shared state costs. Without redis-server or haproxy it says why and measures nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { ENTRY, startCluster } from '../scripts/cluster.mjs';
import { freePort } from '../scripts/free-port.mjs';
import { signInThroughFront } from '../scripts/front-sign-in.mjs';
import { haproxyPath } from '../scripts/haproxy.mjs';
import { redisServerPath } from '../scripts/redis-server.mjs';
import { childrenByName, closedLoop, cpuSeconds, ownCpuSeconds, residentMiB, toolCall } from './load.mjs';

export const PEOPLE = ['adele.vance', 'megan.bowen', 'alex.wilber', 'lee.gu', 'nestor.wilke', 'diego.siciliani', 'joni.sherman', 'isaiah.langer'].map((k) => `${k}@contoso.sandbox`);
// 24 in flight: 3 per person, under Outlook's 4 concurrent requests per mailbox (the server's slots would make a
// 4th wait, which would measure the limit rather than the server).
export const IN_FLIGHT = 24;
const WARM_UP_SECONDS = 5;
export const SECONDS = 10;
// One call at a time, after the loaded run: the latency of a call that waits for nothing but its own work.
const ALONE_SECONDS = 3;
const CLIENT = { client_id: 'bench-desktop', client_name: 'Bench', redirect_uris: ['http://127.0.0.1:33421/callback'] };
// A realistic mix: who am I (one Graph read), and the 10 newest messages of the inbox (one Graph read, summarised).
// users_get_me's answer must be the asking person's: a mixed-up token would show here as a failure.
const CALLS = [
  toolCall('users_get_me', {}, (text, upn) => (text.includes(upn) ? undefined : `users_get_me answered for someone else than ${upn}`)),
  toolCall('mail_list_messages', { limit: 10 }),
];
const WITHOUT_REDIS = { MS365_MCP_REDIS_URL: '', MS365_MCP_REDIS_PASSWORD_FILE: '', MS365_MCP_ENCRYPTION_KEY_FILE: '' };
// The per-person limit on tool calls (a setting of issue 16) would refuse most of the bench's calls: set
// far above the load, so its bookkeeping is paid as in production but nobody is refused.
// V8's heap is bounded as deploy/kubernetes/base/deployment.yaml bounds it, so that the memory measured is a pod's.
const AS_DEPLOYED = { MS365_MCP_RATE_LIMIT: '100000000', MS365_MCP_RATE_LIMIT_BURST: '100000000', NODE_OPTIONS: '--max-old-space-size=384' };

/** The sandbox tenant as a process of its own, so that its CPU time is counted apart from the load generator's. */
async function startSandboxProcess(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, [ENTRY, 'sandbox', '--host', '127.0.0.1', '--port', String(port)], { env: { PATH: process.env.PATH ?? '', HOME: dir, LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 30_000; !(await fetch(`${url}/v1.0/me`).then(() => true, () => false));) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('the sandbox tenant did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: /** @type {number} */ (child.pid), stop: () => new Promise((r) => (child.once('close', r), child.kill('SIGTERM'))) };
}

/** CPU seconds of every process of the run, by role. @param {{ pid?: number }[]} replicas @param {number} sandboxPid */
async function cpuByRole(replicas, sandboxPid) {
  const children = await childrenByName();
  const sum = async (/** @type {number[]} */ pids) => (await Promise.all(pids.map(cpuSeconds))).reduce((a, b) => a + b, 0);
  return {
    replicas: await sum(replicas.map((r) => /** @type {number} */ (r.pid))),
    haproxy: await sum(children.haproxy ?? []),
    redis: await sum(children['redis-server'] ?? []),
    sandbox: await cpuSeconds(sandboxPid),
    generator: ownCpuSeconds(),
  };
}

/** The bytes Redis's keys take (MEMORY USAGE of each: the data, without connections' buffers). @param {{ url: string, password: string }} redis */
async function redisDataBytes(redis) {
  const client = new Redis(redis.url, { password: redis.password, lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    let bytes = 0;
    for await (const keys of client.scanStream({ count: 500 })) {
      for (const key of /** @type {string[]} */ (keys)) bytes += Number(await client.memory('USAGE', key)) || 0;
    }
    return bytes;
  } finally {
    client.disconnect();
  }
}

/**
 * One configuration: the cluster started, the people signed in through the front, a warm-up, the measured loop,
 * the CPU each role spent during it and each replica's resident memory after it.
 * @param {{ dir: string, sandbox: { url: string, pid: number }, replicas: number, redis: boolean }} o
 */
async function measure(o) {
  const cluster = await startCluster({ dir: o.dir, sandboxUrl: o.sandbox.url, replicas: o.replicas, clients: [CLIENT], env: { ...AS_DEPLOYED, ...(o.redis ? {} : WITHOUT_REDIS) } });
  try {
    const atStart = await Promise.all(cluster.replicas.map((r) => residentMiB(/** @type {number} */ (r.pid))));
    const redisBefore = await redisDataBytes(cluster.redis);
    const people = [];
    for (const upn of PEOPLE) {
      const tokens = await signInThroughFront(cluster.url, { upn, clientId: CLIENT.client_id, redirectUri: CLIENT.redirect_uris[0] });
      people.push({ upn, token: tokens.access_token });
    }
    const load = { url: cluster.mcpUrl, people, calls: CALLS, inFlight: IN_FLIGHT };
    // The warm-up: every person's Graph token obtained on their behalf (once, then from the cache), the JIT warm.
    const warm = await closedLoop({ ...load, seconds: WARM_UP_SECONDS });
    if (warm.failures) throw new Error(`bench: ${warm.failures} calls failed in the warm-up, the first: ${warm.firstFailure}`);
    const before = await cpuByRole(cluster.replicas, o.sandbox.pid);
    const run = await closedLoop({ ...load, seconds: SECONDS });
    const after = await cpuByRole(cluster.replicas, o.sandbox.pid);
    if (run.failures) throw new Error(`bench: ${run.failures} of ${run.failures + run.latencies.length} calls failed, the first: ${run.firstFailure}`);
    const cpu = Object.fromEntries(Object.entries(after).map(([role, s]) => [role, s - before[/** @type {keyof typeof before} */ (role)]]));
    const memory = await Promise.all(cluster.replicas.map((r) => residentMiB(/** @type {number} */ (r.pid))));
    const alone = await closedLoop({ ...load, inFlight: 1, seconds: ALONE_SECONDS });
    if (alone.failures) throw new Error(`bench: ${alone.failures} calls failed one at a time, the first: ${alone.firstFailure}`);
    // What each person's shared state (sealed MSAL cache, refresh token, mailbox slots) takes in Redis.
    const redisPerPerson = !o.redis ? undefined : ((await redisDataBytes(cluster.redis)) - redisBefore) / PEOPLE.length / 1024;
    return { ...run, cpu, atStart, memory, redisPerPerson, calls: run.latencies.length, alone: alone.latencies };
  } finally {
    await cluster.stop();
  }
}

/**
 * Why the bench cannot start the replica set here (no redis-server or haproxy, and no way to install them), or
 * undefined when it can.
 */
async function missingPrograms() {
  for (const find of [redisServerPath, haproxyPath]) {
    const problem = await find().then(() => undefined, (/** @type {Error} */ e) => e.message);
    if (problem) return problem;
  }
  return undefined;
}

/** @typedef {Awaited<ReturnType<typeof measure>> & { label: string, replicas: number, redis: boolean }} ReplicaRun */

/**
 * Every configuration measured in turn, or undefined when the replica set cannot run on this machine (said on stderr).
 * @returns {Promise<ReplicaRun[] | undefined>}
 */
export async function replicaRuns() {
  const missing = await missingPrograms();
  if (missing) {
    process.stderr.write(`bench: the replica figures are left as they were: ${missing}\n`);
    return undefined;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms365-bench-replicas-'));
  const sandbox = await startSandboxProcess(path.join(dir, 'sandbox'));
  try {
    /** @type {ReplicaRun[]} */
    const runs = [];
    for (const [label, replicas, redis] of /** @type {const} */ ([['1 replica, embedded store (no Redis)', 1, false], ['1 replica, state in Redis', 1, true], ['2 replicas, state in Redis', 2, true], ['3 replicas, state in Redis', 3, true]])) {
      const run = await measure({ dir: path.join(dir, `run-${runs.length}`), sandbox, replicas, redis });
      runs.push({ ...run, label, replicas, redis });
    }
    return runs;
  } finally {
    await sandbox.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
