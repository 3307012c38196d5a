// The sign-in front's memory in Redis, for replicas: pending sign-ins, codes and refresh tokens, each under the hash
// of its secret, sealed (sealing.ts), with Redis's own expiry. A sign-in started on one replica finishes on any
// other (GETDEL). A code or refresh token is used, and its successor written, by one script, atomic in Redis: it is
// used once however many replicas are asked at the same moment, and a replica that dies before that step leaves it
// valid for the client's retry.
import { CODE_MS, type FrontStore, type Grant, type IssuedCode, newSecret, PENDING_MS, REFRESH_MS, secretHash } from '../front/store.js';
import type { SharedRedis } from './redis.js';

/** Every name this server gives in Redis starts with it. */
export const REDIS_PREFIX = 'ms365mcp:';

/** Uses KEYS[1] (a code or refresh token) and writes KEYS[2] (its successor), or does nothing when KEYS[1] is gone. */
const EXCHANGE = `
if redis.call('del', KEYS[1]) == 1 then
  redis.call('set', KEYS[2], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

export function redisFrontStore(r: SharedRedis): FrontStore {
  const name = (kind: string, secret: string) => `${REDIS_PREFIX}front:${kind}:${secretHash(secret)}`;

  async function put(kind: string, value: object, ms: number): Promise<string> {
    const secret = newSecret();
    const key = name(kind, secret);
    const sealed = r.sealer.seal(key, JSON.stringify({ ...value, expires: Date.now() + ms }));
    await r.run((c) => c.set(key, sealed, 'PX', ms));
    return secret;
  }

  /** The entry, if it is there, opens and has not expired: taken out (used once) with `take`, else left. */
  async function read<T extends { expires: number }>(kind: string, secret: string, take: boolean): Promise<T | undefined> {
    if (!secret) return undefined;
    const key = name(kind, secret);
    const sealed = await r.run((c) => (take ? c.getdel(key) : c.get(key)));
    const text = sealed === null ? undefined : r.sealer.open(key, sealed);
    if (text === undefined) return undefined;
    const value = JSON.parse(text) as T;
    return value.expires >= Date.now() ? value : undefined;
  }

  return {
    startSignIn: (p) => put('pending', p, PENDING_MS),
    finishSignIn: (id) => read('pending', id, true),
    issueCode: (c) => put('code', c, CODE_MS),
    peekCode: (code) => read<IssuedCode>('code', code, false),
    async peekRefresh(token) {
      const g = await read<Grant & { expires: number }>('refresh', token, false);
      if (!g) return undefined;
      const { expires: _e, ...grant } = g;
      return grant;
    },
    async exchange(kind, secret, g) {
      if (!secret) return undefined;
      const token = newSecret();
      const next = name('refresh', token);
      const sealed = r.sealer.seal(next, JSON.stringify({ ...g, expires: Date.now() + REFRESH_MS }));
      const done = await r.run((c) => c.eval(EXCHANGE, 2, name(kind, secret), next, sealed, REFRESH_MS));
      return done === 1 ? token : undefined;
    },
  };
}
