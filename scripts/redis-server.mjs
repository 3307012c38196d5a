// A real Redis for the tests and the bench: Debian's redis-server, started on a free loopback port with its own data
// directory, a password and append-only persistence, so it can be stopped and started again with its data.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { debianBinary } from './debian-binary.mjs';
import { freePort } from './free-port.mjs';

/** The path of redis-server: $REDIS_SERVER, Debian's package, or that package installed now. */
export const redisServerPath = () => debianBinary({ pkg: 'redis-server', program: 'redis-server', envVar: 'REDIS_SERVER', paths: ['/usr/bin/redis-server', '/usr/local/bin/redis-server'] });

/**
 * @typedef {object} LoopbackRedis
 * @property {string} url redis://127.0.0.1:<port> (no password in it: the password is in passwordFile)
 * @property {number} port
 * @property {string} password
 * @property {string} passwordFile
 * @property {() => Promise<void>} stop SIGTERM: Redis writes its data and exits
 * @property {() => Promise<void>} start back on the same port with the same data
 */

/** @param {string} dir @returns {Promise<LoopbackRedis>} */
export async function startRedis(dir) {
  const bin = await redisServerPath();
  const dataDir = path.join(dir, 'redis-data');
  await fs.mkdir(dataDir, { recursive: true });
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const passwordFile = path.join(dir, 'redis-password');
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  const port = await freePort();
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let log = '';
  const start = async () => {
    child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--requirepass', password, '--daemonize', 'no', '--protected-mode', 'yes', '--loglevel', 'notice'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const c = child;
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${log.slice(-2000)}`)), 15_000);
      c.stdout?.on('data', (d) => {
        log += d;
        if (/Ready to accept connections/.test(log)) (clearTimeout(timer), resolve(undefined));
      });
      c.stderr?.on('data', (d) => (log += d));
      c.on('exit', (code) => (clearTimeout(timer), reject(new Error(`redis-server exited (${code}):\n${log.slice(-2000)}`))));
    });
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    log = '';
    await new Promise((resolve) => {
      c.once('exit', () => resolve(undefined));
      c.kill('SIGTERM');
    });
    child = undefined;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, password, passwordFile, stop, start };
}
