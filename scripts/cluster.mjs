// A replica set on loopback for the tests and the bench: N built servers (dist/index.js, many-user mode with the
// sign-in front) sharing one real Redis, behind a real HAProxy running deploy/haproxy/haproxy.cfg, against a sandbox
// tenant. Ports are chosen beforehand, so a replica that is killed or restarted comes back where HAProxy looks for it.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { freePort } from './free-port.mjs';
import { startHaproxy } from './haproxy.mjs';
import { startRedis } from './redis-server.mjs';

export const ENTRY = path.resolve(import.meta.dirname, '..', 'dist', 'index.js');

/**
 * One replica: a built server on its own port and its own HOME (nothing is shared through files). `server` is its
 * name in HAProxy's configuration and log (replicas/<server>).
 * @param {string} name @param {string} server @param {number} port @param {Record<string, string>} env
 */
function replica(name, server, port, env) {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {Promise<number | null> | undefined} */
  let exited;
  let stderr = '';
  const self = {
    name,
    server,
    port,
    origin: `http://127.0.0.1:${port}`,
    /** Everything it wrote on stderr, across restarts. */
    stderr: () => stderr,
    get pid() { return child?.pid; },
    get running() { return child !== undefined && child.exitCode === null && child.signalCode === null; },
    /** Starts it and resolves once it serves. */
    async start() {
      const c = spawn(process.execPath, [ENTRY, '--http', `127.0.0.1:${port}`, '--org-mode'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
      child = c;
      exited = new Promise((resolve) => c.on('close', (code) => resolve(code)));
      const from = stderr.length;
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`replica ${name} did not start:\n${stderr.slice(from).slice(-3000)}`)), 30_000);
        c.stderr?.setEncoding('utf8');
        c.stderr?.on('data', (d) => {
          stderr += d;
          if (process.env.DEBUG_TESTS) process.stderr.write(`[${name}] ${d}`);
          if (/serving MCP at /.test(stderr.slice(from))) (clearTimeout(timer), resolve(undefined));
        });
        void exited?.then((code) => (clearTimeout(timer), reject(new Error(`replica ${name} exited (${code}) while starting:\n${stderr.slice(from).slice(-3000)}`))));
      });
    },
    /** Resolves once its /readyz answers 200 (it serves before it is ready: the identity platform's keys first). */
    async ready(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while ((await fetch(`${self.origin}/readyz`).then((r) => r.status, () => 0)) !== 200) {
        if (Date.now() > deadline) throw new Error(`replica ${name} not ready after ${timeoutMs} ms:\n${stderr.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** Sends a signal (SIGTERM: a graceful stop; SIGKILL: death) and resolves with the exit code once it is gone. */
    async kill(signal = 'SIGKILL') {
      if (!self.running) return exited;
      child?.kill(signal);
      return exited;
    },
  };
  return self;
}

/**
 * @param {{ dir: string, sandboxUrl: string, replicas: number, clients: { client_id: string, client_name: string, redirect_uris: string[] }[], env?: Record<string, string> }} o
 */
export async function startCluster(o) {
  const redis = await startRedis(o.dir);
  const keyFile = path.join(o.dir, 'encryption-key');
  await fs.writeFile(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  const clientsFile = path.join(o.dir, 'clients.json');
  await fs.writeFile(clientsFile, JSON.stringify(o.clients));
  const bind = await freePort();
  const url = `http://127.0.0.1:${bind}`;
  const replicas = [];
  for (let i = 1; i <= o.replicas; i++) {
    const home = path.join(o.dir, `replica-${i}`);
    await fs.mkdir(home, { recursive: true });
    replicas.push(replica(`replica-${i}`, `mcp${i}`, await freePort(), {
      HOME: home, MS365_MCP_CLOUD: 'sandbox', MS365_MCP_SANDBOX_URL: o.sandboxUrl, MS365_MCP_HTTP_AUTH: 'entra', MS365_MCP_PUBLIC_URL: url,
      MS365_MCP_OAUTH_CLIENTS_FILE: clientsFile, MS365_MCP_REDIS_URL: redis.url, MS365_MCP_REDIS_PASSWORD_FILE: redis.passwordFile,
      MS365_MCP_ENCRYPTION_KEY_FILE: keyFile,
      // Load tests call far faster than any person: the per-person rate limit is off unless `env` sets it.
      MS365_MCP_RATE_LIMIT: '0', ...o.env,
    }));
  }
  // Started together, as a Deployment does: one of them makes the shared signing key (SET NX), all use it.
  await Promise.all(replicas.map((r) => r.start()));
  const haproxy = await startHaproxy({ dir: o.dir, bind, ports: replicas.map((r) => r.port) });
  return {
    /** The one public address (HAProxy), MS365_MCP_PUBLIC_URL of every replica. */
    url,
    mcpUrl: `${url}/mcp`,
    redis,
    haproxy,
    replicas,
    keyFile,
    async stop() {
      await haproxy.stop();
      await Promise.all(replicas.map((r) => r.kill('SIGTERM')));
      await redis.stop();
    },
  };
}
