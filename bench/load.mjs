// The load generator of the replica bench (bench/replicas.mjs): a closed loop of JSON-RPC tool calls over keep-alive
// HTTP from several signed-in people, and what the processes involved spent (CPU time, resident memory) read from
// /proc. Plain node:http with a keep-alive agent rather than an MCP client: the generator shares the machine with the
// replicas, so its own cost per call is kept low.
import fs from 'node:fs/promises';
import http from 'node:http';

/**
 * One tool call as a stateless MCP request (no initialize: the many-user mode answers a bare tools/call).
 * `check` says what is wrong with an answer (undefined when it is right) for the person who asked.
 * @typedef {{ name: string, body: string, check: (status: number, text: string, upn: string) => string | undefined }} BenchCall
 */

/** @param {string} name @param {Record<string, unknown>} args @param {(text: string, upn: string) => string | undefined} [more] @returns {BenchCall} */
export function toolCall(name, args, more = () => undefined) {
  return {
    name,
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } }),
    check: (status, text, upn) => {
      if (status !== 200 || !text.includes('"result"') || text.includes('"isError":true')) return `${name} answered ${status}: ${text.slice(0, 300)}`;
      return more(text, upn);
    },
  };
}

/**
 * Posts `body` to `url` with the person's bearer token; resolves with the status and the whole answer.
 * @param {http.Agent} agent @param {URL} url @param {string} token @param {string} body
 * @returns {Promise<{ status: number, text: string }>}
 */
function post(agent, url, token, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      agent, method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A closed loop: `inFlight` workers, each one person's (worker i is person i mod people), each sending its next
 * call as soon as the previous one is answered, the calls taken in turn, for `seconds`. A wrong answer (an error,
 * or another person's data) is counted and its first one kept; only right answers count as served.
 * @param {{ url: string, people: { upn: string, token: string }[], calls: BenchCall[], inFlight: number, seconds: number }} o
 */
export async function closedLoop(o) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.inFlight });
  const url = new URL(o.url);
  /** @type {number[]} */
  const latencies = [];
  let failures = 0;
  /** @type {string | undefined} */
  let firstFailure;
  const started = performance.now();
  const end = started + o.seconds * 1000;
  await Promise.all(Array.from({ length: o.inFlight }, async (_, worker) => {
    const person = o.people[worker % o.people.length];
    for (let i = worker; performance.now() < end; i++) {
      const call = o.calls[i % o.calls.length];
      const t = performance.now();
      const answer = await post(agent, url, person.token, call.body).catch((e) => ({ status: 0, text: String(e) }));
      const wrong = call.check(answer.status, answer.text, person.upn);
      if (wrong) (failures++, (firstFailure ??= wrong));
      else latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, failures, firstFailure, seconds, perSecond: latencies.length / seconds };
}

// /proc/PID/stat's utime and stime are in clock ticks: 100 a second on every Linux the project runs on.
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far; 0 when it is gone. @param {number} pid */
export async function cpuSeconds(pid) {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The command name (field 2) may hold spaces: count fields from after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / TICKS_PER_SECOND;
}

/** Resident memory of a process in MiB (NaN when it is gone). @param {number} pid */
export async function residentMiB(pid) {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** This process's children by command name (redis-server, haproxy, node), for their CPU time. */
export async function childrenByName() {
  /** @type {Record<string, number[]>} */
  const out = {};
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const name = /\((.*)\)/.exec(stat)?.[1];
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (name && ppid === process.pid) (out[name] ??= []).push(Number(entry));
  }
  return out;
}

/** CPU seconds used so far by this process (the load generator and the in-process sandbox). */
export const ownCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
