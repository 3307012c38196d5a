// The replica rows of the README's table (called by bench/run.mjs): tool calls per second, p99 latency, CPU per call
// and memory per replica of the many-user server run as 1, 2 and 3 replicas sharing a real Redis behind a real
// HAProxy (scripts/cluster.mjs), and one replica with the embedded store (no Redis) for what shared state costs.
// Without redis-server or haproxy it says why and returns nothing: run.mjs then keeps the rows it had.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ENTRY, startCluster } from '../scripts/cluster.mjs';
import { freePort } from '../scripts/free-port.mjs';
import { signInThroughFront } from '../scripts/front-sign-in.mjs';
import { haproxyPath } from '../scripts/haproxy.mjs';
import { redisServerPath } from '../scripts/redis-server.mjs';
import { childrenByName, closedLoop, cpuSeconds, ownCpuSeconds, residentMiB, toolCall } from './load.mjs';

/** The label every row of this part starts with: how run.mjs finds them in the README to keep them. */
export const REPLICA_ROW = 'replicas:';
const PEOPLE = ['adele.vance', 'megan.bowen', 'alex.wilber', 'lee.gu', 'nestor.wilke', 'diego.siciliani', 'joni.sherman', 'isaiah.langer'].map((k) => `${k}@contoso.sandbox`);
// 24 in flight: 3 per person, under Outlook's 4 concurrent requests per mailbox (the server's slots would make a
// 4th wait, which would measure the limit rather than the server).
const IN_FLIGHT = 24;
const WARM_UP_SECONDS = 3;
const SECONDS = 10;
const CLIENT = { client_id: 'bench-desktop', client_name: 'Bench', redirect_uris: ['http://127.0.0.1:33421/callback'] };
// A realistic mix: who am I (one Graph read), and the 10 newest messages of the inbox (one Graph read, summarised).
// users_get_me's answer must be the asking person's: a mixed-up token would show here as a failure.
const CALLS = [
  toolCall('users_get_me', {}, (text, upn) => (text.includes(upn) ? undefined : `users_get_me answered for someone else than ${upn}`)),
  toolCall('mail_list_messages', { limit: 10 }),
];
const WITHOUT_REDIS = { MS365_MCP_REDIS_URL: '', MS365_MCP_REDIS_PASSWORD_FILE: '', MS365_MCP_ENCRYPTION_KEY_FILE: '' };
// The per-person limit on tool calls (a setting of issue 16) would refuse a bench's hundreds of calls a second: set
// far above the load, so its bookkeeping is paid as in production but nobody is refused.
const UNLIMITED = { MS365_MCP_RATE_LIMIT: '100000000', MS365_MCP_RATE_LIMIT_BURST: '100000000' };

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

/**
 * One configuration: the cluster started, the people signed in through the front, a warm-up, the measured loop,
 * the CPU each role spent during it and each replica's resident memory after it.
 * @param {{ dir: string, sandbox: { url: string, pid: number }, replicas: number, env?: Record<string, string> }} o
 */
async function measure(o) {
  const cluster = await startCluster({ dir: o.dir, sandboxUrl: o.sandbox.url, replicas: o.replicas, clients: [CLIENT], env: { ...UNLIMITED, ...o.env } });
  try {
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
    return { ...run, cpu, memory, calls: run.latencies.length };
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

/**
 * The rows (label, figure), or undefined when the replica set cannot run on this machine (said on stderr).
 * @param {{ quantile: (xs: number[], q: number) => number, ms: (x: number) => string }} f
 * @returns {Promise<[string, string][] | undefined>}
 */
export async function replicaRows({ quantile, ms }) {
  const missing = await missingPrograms();
  if (missing) {
    process.stderr.write(`bench: the replica rows are left as they were: ${missing}\n`);
    return undefined;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms365-bench-replicas-'));
  const sandbox = await startSandboxProcess(path.join(dir, 'sandbox'));
  try {
    /** @type {[string, Awaited<ReturnType<typeof measure>>][]} */
    const runs = [];
    for (const [label, replicas, env] of /** @type {const} */ ([['1 replica, embedded store (no Redis)', 1, WITHOUT_REDIS], ['1 replica', 1, {}], ['2 replicas', 2, {}], ['3 replicas', 3, {}]])) {
      runs.push([label, await measure({ dir: path.join(dir, `${replicas}-${runs.length}`), sandbox, replicas, env })]);
    }
    const one = runs[1][1].perSecond;
    const perCall = (/** @type {number} */ s, /** @type {number} */ calls) => ms((s * 1000) / calls);
    return runs.map(([label, r]) => [
      `${REPLICA_ROW} ${label} behind HAProxy${label.includes('no Redis') ? '' : ', state in Redis'} (${IN_FLIGHT} calls in flight from ${PEOPLE.length} people, users_get_me and mail_list_messages in turn, ${SECONDS} s)`,
      [
        `${Math.round(r.perSecond)} calls/s${label.endsWith('replicas') ? ` (${(r.perSecond / one).toFixed(2)}x one replica)` : ''}, median ${ms(quantile(r.latencies, 0.5))}, p99 ${ms(quantile(r.latencies, 0.99))}`,
        `CPU per call: replicas ${perCall(r.cpu.replicas, r.calls)}, HAProxy ${perCall(r.cpu.haproxy, r.calls)}, Redis ${perCall(r.cpu.redis, r.calls)}, sandbox ${perCall(r.cpu.sandbox, r.calls)}, load generator ${perCall(r.cpu.generator, r.calls)}`,
        `resident memory per replica after the load ${r.memory.map((m) => m.toFixed(0)).join(', ')} MiB`,
      ].join('; '),
    ]);
  } finally {
    await sandbox.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The note under the table that says what the replica rows can and cannot show on this machine. */
export const REPLICA_NOTE = 'Replica rows: every process shares the same cores (the sandbox answering as Graph, Redis, HAProxy, the load generator and the replicas), so the sandbox and the load generator take CPU the replicas would otherwise have and no scaling beyond the machine\'s cores can show; the CPU per call of the replicas is the figure that carries over to other machines (calls/s per core = 1000 / that figure in ms).';
