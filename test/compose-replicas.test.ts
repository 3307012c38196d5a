// docker-compose.replicas.yaml and deploy/haproxy/haproxy.cfg (docs/deployment.md, "Several replicas with Docker
// Compose"): N replicas of the server in entra mode sharing one Redis, HAProxy in front on loopback; the
// balancer's config is checked by a real HAProxy, the replicas' health check run against a real HTTP server.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_VARS } from '../src/config.js';
import { run } from '../scripts/debian-binary.mjs';
import { haproxyPath } from '../scripts/haproxy.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.replicas.yaml'), 'utf8'));
const CFG = path.join(ROOT, 'deploy', 'haproxy', 'haproxy.cfg');
const cfg = readFileSync(CFG, 'utf8');
const { 'ms365-mcp': server, redis, haproxy } = compose.services;
/** Compose's `${NAME:-default}`: the default. */
const fallback = (v: string) => /^\$\{[A-Z0-9_]+:-([^}]*)\}$/.exec(v)?.[1];

describe('docker-compose.replicas.yaml', () => {
  it('runs several replicas of the server in entra mode, reachable only through the load balancer', () => {
    expect(server.container_name).toBeUndefined();
    expect(server.ports).toBeUndefined();
    const replicas = Number(fallback(server.deploy.replicas));
    expect(replicas).toBeGreaterThanOrEqual(2);
    // HAProxy has a slot for each replica.
    const slots = Number(/server-template\s+\S+\s+(\d+)\s/.exec(cfg)?.[1]);
    expect(slots).toBeGreaterThanOrEqual(replicas);
    expect(server.command).toEqual(['node', '/app/dist/index.js', '--http', '0.0.0.0:3000', '--org-mode']);
    expect(server.environment.MS365_MCP_HTTP_AUTH).toBe('entra');
    expect(haproxy.ports).toEqual([expect.stringMatching(/^127\.0\.0\.1:\$\{MS365_MCP_HTTP_PORT:-3000\}:3000$/)]);
    // What the comment says to put in .env is what config.ts demands of this mode.
    const text = readFileSync(path.join(ROOT, 'docker-compose.replicas.yaml'), 'utf8');
    for (const v of ['MS365_MCP_CLIENT_ID', 'MS365_MCP_TENANT_ID', 'MS365_MCP_PUBLIC_URL', 'MS365_MCP_ALLOWED_HOSTS', 'MS365_MCP_REPLICAS']) expect(text).toContain(v);
  });

  it('names only variables the server reads, and gives every secret as a file it is given', () => {
    for (const name of Object.keys(server.environment)) expect(ENV_VARS).toContain(name);
    const files = Object.entries(server.environment).filter(([k]) => k.endsWith('_FILE'));
    expect(files.map(([k]) => k).sort()).toEqual(['MS365_MCP_CLIENT_SECRET_FILE', 'MS365_MCP_ENCRYPTION_KEY_FILE', 'MS365_MCP_REDIS_PASSWORD_FILE']);
    for (const [, file] of files) {
      const secret = /^\/run\/secrets\/(\w+)$/.exec(String(file))?.[1];
      expect(server.secrets).toContain(secret);
      expect(compose.secrets[secret!].file).toMatch(/^\.\/[\w-]+$/);
    }
  });

  it('points the replicas at the Redis service, which needs the password and keeps its data', () => {
    const url = new URL(server.environment.MS365_MCP_REDIS_URL);
    expect(compose.services[url.hostname]).toBe(redis);
    const script = redis.command.join(' ');
    expect(script).toContain(`port ${url.port}`);
    expect(script).toContain('appendonly yes');
    expect(script).toContain('requirepass');
    expect(redis.secrets).toEqual(['redis_password']);
    expect(script).toContain('/run/secrets/redis_password');
    // `$$` is a literal `$` for Compose; a single one would be replaced by Compose before the shell sees it.
    expect(script).not.toMatch(/(^|[^$])\$\(/);
    expect(redis.volumes).toEqual([expect.stringMatching(/^redis-data:\/data$/)]);
    expect(compose.volumes['redis-data']).toBeDefined();
    expect(server.depends_on.redis.condition).toBe('service_healthy');
  });

  it('lets a replica drain before Docker kills it', () => {
    const drain = Number(server.environment.MS365_MCP_SHUTDOWN_GRACE_SECONDS);
    expect(drain).toBeGreaterThan(0);
    expect(Number(/^(\d+)s$/.exec(server.stop_grace_period)?.[1])).toBeGreaterThan(drain);
  });

  it('bounds every service and runs it on a read-only root with no capabilities', () => {
    for (const [name, s] of Object.entries<Record<string, unknown>>(compose.services)) {
      expect(s.mem_limit, name).toMatch(/^\d+m$/);
      expect(s.pids_limit, name).toBeGreaterThan(32);
      expect(s.read_only, name).toBe(true);
      expect(s.cap_drop, name).toEqual(['ALL']);
      expect(s.security_opt, name).toEqual(['no-new-privileges:true']);
      expect(s.logging, name).toEqual({ driver: 'local', options: { 'max-size': '10m', 'max-file': '5' } });
      expect(s.tmpfs, name).toContainEqual(expect.stringMatching(/^\/tmp:size=\d+m/));
    }
  });
});

describe('the replicas\' health check', () => {
  const check = server.healthcheck.test as string[];
  let status = 200;
  const asked: string[] = [];
  const probe = http.createServer((req, res) => {
    asked.push(req.url ?? '');
    res.writeHead(status).end();
  });
  beforeAll(() => new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise<void>((resolve) => probe.close(() => resolve())));
  /** Runs the check's own script, against this test's server instead of the container's port 3000. */
  const runCheck = () => {
    expect(check.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    const script = check[3].replace('127.0.0.1:3000', `127.0.0.1:${(probe.address() as AddressInfo).port}`);
    return new Promise<number>((resolve) => execFile(process.execPath, ['-e', script], (err) => resolve(err ? Number(err.code) : 0)));
  };

  it('is healthy while /readyz answers 200 and not once it does not', async () => {
    status = 200;
    expect(await runCheck()).toBe(0);
    status = 503;
    expect(await runCheck()).toBe(1);
    expect(asked).toEqual(['/readyz', '/readyz']);
  });
});

describe('deploy/haproxy/haproxy.cfg', () => {
  it('balances over the replicas found by name, each while its /readyz answers 200, with no stickiness', () => {
    const [, service, port] = /server-template\s+\S+\s+\d+\s+([\w-]+):(\d+)/.exec(cfg) ?? [];
    expect(compose.services[service]).toBe(server);
    expect(server.command).toContain(`0.0.0.0:${port}`);
    expect(cfg).toMatch(/http-check send meth GET uri \/readyz /);
    expect(cfg).toMatch(/http-check expect status 200/);
    expect(cfg).toMatch(/resolvers docker\s+nameserver dns 127\.0\.0\.11:53/);
    expect(cfg).not.toMatch(/\b(stick|cookie|balance source)\b/);
    // Sent again only: requests that never reached a replica, and those a replica refused with 503 (it did nothing);
    // never one a replica received and did not answer.
    expect(cfg).toMatch(/^\s*retry-on conn-failure 503\s*$/m);
    expect(cfg).not.toMatch(/retry-on .*(empty-response|response-timeout|junk-response|all-retryable-errors)/);
    const [, bind] = /bind :(\d+)/.exec(cfg) ?? [];
    expect(haproxy.ports[0].endsWith(`:${bind}`)).toBe(true);
    expect(haproxy.volumes).toEqual([`./deploy/haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro`]);
  });

  it('is a configuration HAProxy accepts, without warnings', { timeout: 180_000 }, async () => {
    const bin = await haproxyPath();
    const r = await run(bin, ['-c', '-f', CFG]);
    expect(r.out).toMatch(/Configuration file is valid/);
    expect(r.out).not.toMatch(/WARNING|ALERT/);
    expect(r.ok).toBe(true);
    // The same check refuses a file that is no HAProxy configuration: it would notice a mistake.
    const broken = await run(bin, ['-c', '-f', path.join(ROOT, 'docker-compose.replicas.yaml')]);
    expect(broken.ok).toBe(false);
  });
});
