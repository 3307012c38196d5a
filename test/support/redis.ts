// A real Redis for the tests of shared state: Debian's redis-server (installed from Debian's packages when this runs
// as root with apt, as CI does), started by the test on a free loopback port with its own data directory, a
// password and append-only persistence, so it can be stopped and started again with its data. With `tls` it speaks
// only TLS (rediss://), with a certificate for 127.0.0.1 from a throwaway CA whose certificate the test trusts or not.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import selfsigned from 'selfsigned';

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];
const found = () => [process.env.REDIS_SERVER, ...CANDIDATES].find((p) => p && existsSync(p));
const run = (cmd: string, args: string[]) =>
  new Promise<{ ok: boolean; out: string }>((resolve) => execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }, (err, stdout, stderr) => resolve({ ok: !err, out: `${stdout}${stderr}` })));

let installing: Promise<void> | undefined;

/** The path of redis-server: $REDIS_SERVER, Debian's package, or that package installed now. */
export async function redisServerPath(): Promise<string> {
  const have = found();
  if (have) return have;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    installing ??= (async () => {
      let r = await run('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server']);
      if (!r.ok) {
        await run('apt-get', ['update']);
        r = await run('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server']);
      }
      if (!r.ok) throw new Error(`installing redis-server from Debian's packages failed:\n${r.out.slice(-2000)}`);
    })();
    await installing;
    const now = found();
    if (now) return now;
  }
  throw new Error('No redis-server: install Debian\'s package (apt-get install redis-server) or set REDIS_SERVER to its path.');
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

export interface TestRedis {
  /** redis://127.0.0.1:<port>, or rediss:// with tls (no password in it: the password is in passwordFile). */
  url: string;
  /** With tls: the PEM of the CA that signed the server's certificate (for NODE_EXTRA_CA_CERTS). */
  caFile?: string;
  port: number;
  password: string;
  passwordFile: string;
  /** Stops it (SIGTERM: Redis writes its data and exits); start() brings it back on the same port and data. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A throwaway CA and, signed by it, a server certificate for 127.0.0.1, as files in dir. */
async function tlsFiles(dir: string): Promise<{ ca: string; cert: string; key: string }> {
  const notAfterDate = new Date(Date.now() + 86_400_000);
  const ca = await selfsigned.generate([{ name: 'commonName', value: 'ms365 test Redis CA' }], { notAfterDate, keyType: 'ec', algorithm: 'sha256', extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }] });
  const server = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], { notAfterDate, keyType: 'ec', algorithm: 'sha256', ca: { key: ca.private, cert: ca.cert }, extensions: [{ name: 'basicConstraints', cA: false }, { name: 'extKeyUsage', serverAuth: true }, { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }] });
  const files = { ca: path.join(dir, 'redis-ca.pem'), cert: path.join(dir, 'redis-cert.pem'), key: path.join(dir, 'redis-key.pem') };
  await Promise.all([fs.writeFile(files.ca, ca.cert), fs.writeFile(files.cert, server.cert), fs.writeFile(files.key, server.private, { mode: 0o600 })]);
  return files;
}

export async function startTestRedis(dir: string, opts: { tls?: boolean } = {}): Promise<TestRedis> {
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
  let child: ChildProcess | undefined;
  let log = '';
  const start = async () => {
    child = spawn(bin, [...listen, '--bind', '127.0.0.1', '--dir', dataDir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--requirepass', password, '--daemonize', 'no', '--protected-mode', 'yes', '--loglevel', 'notice'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const c = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${log.slice(-2000)}`)), 15_000);
      c.stdout!.on('data', (d) => {
        log += d;
        if (/Ready to accept connections/.test(log)) (clearTimeout(timer), resolve());
      });
      c.stderr!.on('data', (d) => (log += d));
      c.on('exit', (code) => (clearTimeout(timer), reject(new Error(`redis-server exited (${code}):\n${log.slice(-2000)}`))));
    });
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    log = '';
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
    child = undefined;
  };
  await start();
  return { url: `${tls ? 'rediss' : 'redis'}://127.0.0.1:${port}`, ...(tls ? { caFile: tls.ca } : {}), port, password, passwordFile, stop, start };
}
