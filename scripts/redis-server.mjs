// A real Redis for the tests and the bench: Debian's redis-server, started on a free loopback port with its own data
// directory, a password and append-only persistence, so it can be stopped and started again with its data. With `tls`
// it speaks only TLS (rediss://), with a certificate for 127.0.0.1 from a throwaway CA the caller trusts or not.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { debianBinary } from './debian-binary.mjs';
import { freePort } from './free-port.mjs';

/** The path of redis-server: $REDIS_SERVER, Debian's package, or that package installed now. */
export const redisServerPath = () => debianBinary({ pkg: 'redis-server', program: 'redis-server', envVar: 'REDIS_SERVER', paths: ['/usr/bin/redis-server', '/usr/local/bin/redis-server'] });

/**
 * @typedef {object} LoopbackRedis
 * @property {string} url redis://127.0.0.1:<port>, or rediss:// with tls (no password in it: it is in passwordFile)
 * @property {string} [caFile] with tls: the PEM of the CA that signed the server's certificate (NODE_EXTRA_CA_CERTS)
 * @property {number} port
 * @property {string} password
 * @property {string} passwordFile
 * @property {() => Promise<void>} stop SIGTERM: Redis writes its data and exits
 * @property {() => Promise<void>} start back on the same port with the same data
 */

/** A throwaway CA and, signed by it, a server certificate for 127.0.0.1, as files in dir. @param {string} dir */
async function tlsFiles(dir) {
  const { default: selfsigned } = await import('selfsigned');
  const notAfterDate = new Date(Date.now() + 86_400_000);
  const ca = await selfsigned.generate([{ name: 'commonName', value: 'ms365 test Redis CA' }], { notAfterDate, keyType: 'ec', algorithm: 'sha256', extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }] });
  const server = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], { notAfterDate, keyType: 'ec', algorithm: 'sha256', ca: { key: ca.private, cert: ca.cert }, extensions: [{ name: 'basicConstraints', cA: false }, { name: 'extKeyUsage', serverAuth: true }, { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }] });
  const files = { ca: path.join(dir, 'redis-ca.pem'), cert: path.join(dir, 'redis-cert.pem'), key: path.join(dir, 'redis-key.pem') };
  await Promise.all([fs.writeFile(files.ca, ca.cert), fs.writeFile(files.cert, server.cert), fs.writeFile(files.key, server.private, { mode: 0o600 })]);
  return files;
}

/** @param {string} dir @param {{ tls?: boolean }} [opts] @returns {Promise<LoopbackRedis>} */
export async function startRedis(dir, opts = {}) {
  const bin = await redisServerPath();
  const dataDir = path.join(dir, 'redis-data');
  await fs.mkdir(dataDir, { recursive: true });
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const passwordFile = path.join(dir, 'redis-password');
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  const port = await freePort();
  const tls = opts.tls ? await tlsFiles(dir) : undefined;
  // TLS only: the plain port is closed.
  const listen = tls ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', tls.cert, '--tls-key-file', tls.key, '--tls-ca-cert-file', tls.ca, '--tls-auth-clients', 'no'] : ['--port', String(port)];
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let log = '';
  const start = async () => {
    child = spawn(bin, [...listen, '--bind', '127.0.0.1', '--dir', dataDir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--requirepass', password, '--daemonize', 'no', '--protected-mode', 'yes', '--loglevel', 'notice'], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  return { url: `${tls ? 'rediss' : 'redis'}://127.0.0.1:${port}`, ...(tls ? { caFile: tls.ca } : {}), port, password, passwordFile, stop, start };
}
