// A real HAProxy (Debian's package) on loopback running deploy/haproxy/haproxy.cfg, for the tests and the bench: only
// the listener and the replicas' discovery (Docker's DNS in the file) are changed, to a loopback port and a list of
// loopback replicas, plus a runtime API socket in the caller's directory (what the tests ask HAProxy, or tell it);
// every other line is used as it is.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import fs from 'node:fs/promises';
import path from 'node:path';
import { debianBinary } from './debian-binary.mjs';

export const HAPROXY_CFG = path.resolve(import.meta.dirname, '..', 'deploy', 'haproxy', 'haproxy.cfg');

/** The path of haproxy: $HAPROXY, Debian's package, or that package installed now. */
export const haproxyPath = () => debianBinary({ pkg: 'haproxy', program: 'haproxy', envVar: 'HAPROXY', paths: ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'] });

/**
 * deploy/haproxy/haproxy.cfg listening on 127.0.0.1:`bind` with the replicas at 127.0.0.1:`ports`. Throws when a line
 * it replaces is not there: the file has changed shape and the caller would test something else.
 * @param {number} bind
 * @param {number[]} ports
 */
export function loopbackConfig(bind, ports, statsSocket = '') {
  const cfg = readFileSync(HAPROXY_CFG, 'utf8');
  const withoutResolvers = cfg.replace(/^resolvers docker\n(?:[ \t]+.*\n)+/m, '');
  const servers = ports.map((p, i) => `    server mcp${i + 1} 127.0.0.1:${p}`).join('\n');
  const out = withoutResolvers
    .replace(/^(\s*bind) :\d+$/m, `$1 127.0.0.1:${bind}`)
    .replace(/ resolvers docker init-addr none resolve-prefer ipv4$/m, '')
    .replace(/^\s*server-template .*$/m, servers);
  const withStats = statsSocket ? out.replace(/^global\n/m, `global\n    stats socket ${statsSocket} mode 600 level admin\n`) : out;
  if (/resolvers|server-template|bind :/.test(out) || !out.includes(`bind 127.0.0.1:${bind}`)) throw new Error(`${HAPROXY_CFG} no longer has the lines loopbackConfig replaces (bind :PORT, resolvers docker, server-template)`);
  return withStats;
}

/**
 * Starts HAProxy in the foreground on `bind` for the replicas at `ports`; resolves once it accepts connections.
 * @param {{ dir: string, bind: number, ports: number[] }} o
 */
export async function startHaproxy({ dir, bind, ports }) {
  const bin = await haproxyPath();
  const file = path.join(dir, 'haproxy.cfg');
  const statsSocket = path.join(dir, 'haproxy.sock');
  await fs.writeFile(file, loopbackConfig(bind, ports, statsSocket));
  const child = spawn(bin, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const deadline = Date.now() + 10_000;
  while (!(await fetch(`http://127.0.0.1:${bind}/readyz`).then(() => true, () => false))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`HAProxy did not start:\n${log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  /** Runs a command of HAProxy's runtime API (`show stat`, `disable server replicas/mcp2`...) and answers its output. */
  const admin = (/** @type {string} */ command) => new Promise((resolve, reject) => {
    let out = '';
    const c = net.createConnection(statsSocket, () => c.end(`${command}\n`));
    c.on('data', (d) => (out += d));
    c.on('end', () => resolve(out));
    c.on('error', reject);
  });
  return {
    url: `http://127.0.0.1:${bind}`,
    /** What HAProxy logged (one line per request: `option httplog`). */
    log: () => log,
    admin,
    /** The requests each server (mcp1...) has been sent and not answered yet (its current sessions in `show stat`). */
    async inFlight() {
      const [head, ...rows] = String(await admin('show stat')).replace(/^# /, '').trim().split('\n').map((l) => l.split(','));
      const [sv, scur] = [head.indexOf('svname'), head.indexOf('scur')];
      /** @type {Record<string, number>} */
      const out = {};
      for (const r of rows) if (!['FRONTEND', 'BACKEND'].includes(r[sv])) out[r[sv]] = Number(r[scur]);
      return out;
    },
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(undefined);
      child.once('close', () => resolve(undefined));
      child.kill('SIGTERM');
    }),
  };
}
