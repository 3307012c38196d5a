// The replica bench's figures in words (called by bench/run.mjs): its rows of the README's table, the note under the
// table, and the measured block of docs/deployment.md's sizing text (<!-- sizing:start --> ... <!-- sizing:end -->),
// so that the guide's numbers are the table's. A run that cannot measure them keeps what the files had.
import { IN_FLIGHT, PEOPLE, SECONDS } from './replicas.mjs';

/** @typedef {import('./replicas.mjs').ReplicaRun} ReplicaRun */
/** @typedef {{ quantile: (xs: number[], q: number) => number, ms: (x: number) => string }} Figures */

/** The label every row of this part starts with: how a run that cannot measure finds them in the README. */
export const REPLICA_ROW = 'replicas:';
const EARLIER = ' (from an earlier run)';
// The resources and autoscaling of deploy/kubernetes (base, and Redis's in overlays/redis-in-cluster): what the
// guide's derived figures are computed for.
const CPU_REQUEST_MILLICORES = 250;
const HPA_TARGET = 0.7;
const MIN_REPLICAS = 3;
const MAX_REPLICAS = 10;
const REDIS_CPU_REQUEST_MILLICORES = 100;

/** The run every ratio is against: one replica with its state in Redis. @param {ReplicaRun[]} runs */
const oneReplica = (runs) => /** @type {ReplicaRun} */ (runs.find((r) => r.redis && r.replicas === 1));
/** Replicas' CPU time per served call, in ms. @param {ReplicaRun} r */
const replicaCpuMs = (r) => (r.cpu.replicas * 1000) / r.calls;
const mib = (/** @type {number[]} */ xs) => xs.map((m) => m.toFixed(0)).join(', ');

/** @param {ReplicaRun[]} runs @param {Figures} f @returns {[string, string][]} */
export function replicaRows(runs, { quantile, ms }) {
  const one = oneReplica(runs).perSecond;
  const perCall = (/** @type {number} */ s, /** @type {number} */ calls) => ms((s * 1000) / calls);
  return runs.map((r) => [
    `${REPLICA_ROW} ${r.label}, behind HAProxy (${IN_FLIGHT} calls in flight from ${PEOPLE.length} people, users_get_me and mail_list_messages in turn, ${SECONDS} s)`,
    [
      `${Math.round(r.perSecond)} calls/s${r.replicas > 1 ? ` (${(r.perSecond / one).toFixed(2)}x one replica)` : ''}, median ${ms(quantile(r.latencies, 0.5))}, p99 ${ms(quantile(r.latencies, 0.99))}`,
      `one call at a time: median ${ms(quantile(r.alone, 0.5))}, p99 ${ms(quantile(r.alone, 0.99))}`,
      `CPU per call: replicas ${perCall(r.cpu.replicas, r.calls)}, HAProxy ${perCall(r.cpu.haproxy, r.calls)}, ${r.redis ? `Redis ${perCall(r.cpu.redis, r.calls)}, ` : ''}sandbox ${perCall(r.cpu.sandbox, r.calls)}, load generator ${perCall(r.cpu.generator, r.calls)}`,
      `resident memory per replica ${mib(r.atStart)} MiB at start, ${mib(r.memory)} MiB after the load${r.redisPerPerson === undefined ? '' : `; Redis ${r.redisPerPerson.toFixed(0)} KiB per person`}`,
    ].join('; '),
  ]);
}

/**
 * The replica rows of the README's table as they are, for a run that cannot measure them: marked as from an earlier
 * run, since the table's date is the new run's.
 * @param {string} readme
 * @returns {[string, string][]}
 */
export function rowsOfTable(readme) {
  return readme.split('\n').flatMap((line) => {
    const m = /^\| (.+?) \| (.+) \|$/.exec(line);
    if (!m || !m[1].startsWith(REPLICA_ROW)) return [];
    return [[m[1], m[2].endsWith(EARLIER) ? m[2] : `${m[2]}${EARLIER}`]];
  });
}

/** The note under the table that says what the replica rows can and cannot show on this machine. */
export const REPLICA_NOTE = 'Replica rows: every process shares the same cores (the sandbox answering as Graph, Redis, HAProxy, the load generator and the replicas), so the sandbox and the load generator take CPU the replicas would otherwise have and no scaling beyond the machine\'s cores can show; the replicas\' CPU per call is the figure that carries over to other machines (calls/s per core = 1000 / that figure in ms).';

/**
 * The measured block of the guide's sizing text: a table of the runs and the figures derived from them for the
 * base's resources.
 * @param {ReplicaRun[]} runs @param {Figures} f @param {{ date: string, machine: string }} when
 */
export function sizingBlock(runs, { quantile, ms }, when) {
  const one = oneReplica(runs);
  // The highest of the runs with Redis: a replica's CPU per call grows as its share of the load shrinks (fewer writes
  // batched together) and as processes compete for the same cores, so the figures derived are the cautious ones.
  const cpuMs = Math.max(...runs.filter((r) => r.redis).map(replicaCpuMs));
  const perCore = 1000 / cpuMs;
  const redisCpuMs = (one.cpu.redis * 1000) / one.calls;
  const atTarget = (perCore * CPU_REQUEST_MILLICORES * HPA_TARGET) / 1000;
  const rows = runs.map((r) => `| ${r.label} | ${Math.round(r.perSecond)}${r.replicas > 1 ? ` (${(r.perSecond / one.perSecond).toFixed(2)}x)` : ''} | ${ms(quantile(r.latencies, 0.99))} | ${ms(quantile(r.alone, 0.99))} | ${ms(replicaCpuMs(r))} | ${mib(r.atStart)} → ${mib(r.memory)} MiB |`);
  const redisKiB = Math.max(...runs.flatMap((r) => (r.redisPerPerson === undefined ? [] : [r.redisPerPerson])));
  return [
    `Measured ${when.date} by \`npm run bench\` on ${when.machine}, every process on the same cores: ${IN_FLIGHT} tool calls in flight from ${PEOPLE.length} signed-in people (\`users_get_me\` and \`mail_list_messages\` in turn) through HAProxy, for ${SECONDS} seconds each, with V8's heap bounded as in the Deployment:`,
    '',
    '| replicas | tool calls/s | p99 | p99 one call at a time | replica CPU per call | memory per replica (start → after the load) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Derived for the base's values from the highest replica CPU per call with Redis (${ms(cpuMs)}): one CPU serves about **${Math.round(perCore)} tool calls/s**;`,
    `the request of ${CPU_REQUEST_MILLICORES} m is about ${Math.round((perCore * CPU_REQUEST_MILLICORES) / 1000)} calls/s, so the HorizontalPodAutoscaler (${HPA_TARGET * 100} % of the request) adds a replica`,
    `when the replicas average about **${Math.round(atTarget)} calls/s each**, and the limit of one CPU caps a replica near ${Math.round(perCore)} calls/s.`,
    `The base's ${MIN_REPLICAS} to ${MAX_REPLICAS} replicas hold about ${Math.round(MIN_REPLICAS * atTarget)} to ${Math.round(MAX_REPLICAS * atTarget)} calls/s at the autoscaler's target.`,
    `Redis spends about ${ms(redisCpuMs)} of CPU per call: its request of ${REDIS_CPU_REQUEST_MILLICORES} m is about ${Math.round(REDIS_CPU_REQUEST_MILLICORES / redisCpuMs)} calls/s of the whole deployment.`,
    `Each signed-in person's shared state takes about ${redisKiB.toFixed(0)} KiB in Redis.`,
  ].join('\n');
}

const SIZING = /<!-- sizing:start -->[\s\S]*<!-- sizing:end -->/;

/** The guide with its measured block replaced (unchanged when it has none). @param {string} guide @param {string} block */
export const withSizing = (guide, block) => guide.replace(SIZING, `<!-- sizing:start -->\n${block}\n<!-- sizing:end -->`);
