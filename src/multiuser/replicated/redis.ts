// The connection to the Redis that holds what replicas share (MS365_MCP_REDIS_URL; redis:// or rediss:// for TLS,
// the password from MS365_MCP_REDIS_PASSWORD_FILE). Commands are not queued while Redis is away: a request that
// needs it fails at once with SharedStateUnavailable, a clear error that says to retry, and never falls back to
// anything local (which could answer with a stale or another replica's view). redisHealthy() is for a readiness
// probe. The client reconnects by itself; nothing is lost while Redis keeps its data (appendonly).
import { Redis } from 'ioredis';
import type { Logger } from '../../log.js';
import type { Sealer } from './sealing.js';
import { SharedStateUnavailable } from './unavailable.js';

export { SharedStateUnavailable };

export interface SharedRedis {
  client: Redis;
  sealer: Sealer;
  /** host:port, for messages (never the password). */
  where: string;
  /** Runs commands; any failure of Redis becomes SharedStateUnavailable. */
  run<T>(work: (r: Redis) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface RedisOptions {
  url: string;
  password?: string;
  sealer: Sealer;
  log: Logger;
  /** How long the start waits for Redis before giving up. */
  startTimeoutMs?: number;
}

const connections = new Set<Redis>();

/** Whether every Redis this process uses is connected (true when it uses none): for /readyz. */
export function redisHealthy(): { ok: boolean; detail?: string } {
  for (const c of connections) if (c.status !== 'ready') return { ok: false, detail: `shared state (Redis) is ${c.status}` };
  return { ok: true };
}

/** The same as a readiness check (resolves when Redis answers a PING, throws what is wrong), in the shape of the
 *  replicas' /readyz hook: `processReadiness.addCheck('redis', redisReady)`. */
export async function redisReady(signal?: AbortSignal): Promise<void> {
  for (const c of connections) {
    if (c.status !== 'ready') throw new Error(`Redis is ${c.status}`);
    await Promise.race([c.ping(), new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('Redis did not answer in time'))))]);
  }
}

export async function connectRedis(o: RedisOptions): Promise<SharedRedis> {
  const u = new URL(o.url);
  const where = `${u.hostname}:${u.port || 6379}`;
  const client = new Redis(o.url, {
    ...(o.password ? { password: o.password } : {}),
    lazyConnect: true,
    // Fail fast while disconnected instead of holding requests: the caller answers with a clear error.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 5_000,
    commandTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(200 * attempt, 2_000),
  });
  let down = false;
  let started = false;
  const lost = (why: string) => {
    if (down || !started) return;
    down = true;
    o.log.warn(`shared state: Redis at ${where} is not reachable (${why}); requests that need it fail until it is back`);
  };
  client.on('error', (e: Error & { code?: string }) => lost(e.code ?? e.message.split('\n')[0].slice(0, 120)));
  client.on('close', () => lost('connection closed'));
  client.on('ready', () => {
    if (down) o.log.info(`shared state: Redis at ${where} is back`);
    down = false;
  });
  // The start's errors tell apart those that do not heal by retrying (a refused password, a certificate this server
  // does not trust): the start stops at once with what to change; otherwise the client retries until the deadline.
  let lastError: (Error & { code?: string }) | undefined;
  let fatal: string | undefined;
  const note = (e: Error & { code?: string }) => {
    // A socket's error (its code: ECONNREFUSED, ECONNRESET...) says more than the client's own about its retries.
    if (e.code || !lastError?.code) lastError = e;
    fatal ??= lastingFailure(e, where, u.hostname);
  };
  const settled = new Promise<void>((resolve) => client.on('error', (e: Error) => {
    note(e);
    if (fatal) resolve();
  }));
  const ready = new Promise<void>((resolve) => client.once('ready', () => resolve()));
  await client.connect().catch((e: Error) => {
    fatal ??= lastingFailure(e, where, u.hostname);
    lastError ??= e;
  });
  if (client.status !== 'ready' && !fatal) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ready, settled, new Promise((resolve) => (timer = setTimeout(resolve, o.startTimeoutMs ?? 30_000)))]);
    clearTimeout(timer);
  }
  if (client.status !== 'ready') {
    client.disconnect();
    const why = lastError?.code ?? lastError?.message.split('\n')[0] ?? 'timeout';
    // A Redis that speaks only TLS drops a plain connection at once: a reset, not a refusal.
    const tlsHint = u.protocol === 'redis:' && why === 'ECONNRESET' ? ' (a Redis that speaks only TLS drops plain connections like this: its address starts with rediss://)' : '';
    throw new Error(fatal ?? `shared state: Redis at ${where} could not be reached (${why}); check MS365_MCP_REDIS_URL${tlsHint}`);
  }
  started = true;
  connections.add(client);
  return {
    client,
    sealer: o.sealer,
    where,
    async run(work) {
      try {
        return await work(client);
      } catch (e) {
        const x = e as Error & { code?: string };
        // One line per outage (above); a failure while connected is worth its own.
        if (!down) o.log.warn(`shared state: a Redis command failed (${x.code ?? x.message.split('\n')[0].slice(0, 120)})`);
        throw new SharedStateUnavailable(where);
      }
    },
    async close() {
      connections.delete(client);
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/** What to change when Redis cannot be used however often the client retries: a refused password, or a TLS
 *  certificate (rediss://) that Node does not trust (its CA's file belongs in NODE_EXTRA_CA_CERTS), has expired, or
 *  does not name the host of the URL. Undefined for what may heal (Redis not up yet, the network). */
function lastingFailure(e: Error & { code?: string }, where: string, host: string): string | undefined {
  if (/NOAUTH|WRONGPASS|invalid password/i.test(e.message)) return `shared state: Redis at ${where} refused the password (MS365_MCP_REDIS_PASSWORD_FILE, or the one in MS365_MCP_REDIS_URL)`;
  const code = e.code ?? '';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `shared state: Redis at ${where} presented a TLS certificate that is not for ${host} (${code}); use a host name the certificate holds in MS365_MCP_REDIS_URL`;
  if (/^CERT_(HAS_EXPIRED|NOT_YET_VALID)$/.test(code)) return `shared state: Redis at ${where} presented a TLS certificate that is not valid now (${code})`;
  if (/^(SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_UNTRUSTED|CERT_SIGNATURE_FAILURE)$/.test(code)) {
    return `shared state: Redis at ${where} presented a TLS certificate this server does not trust (${code}); if a private CA signed it, give that CA's certificate (PEM) in NODE_EXTRA_CA_CERTS`;
  }
  return undefined;
}
