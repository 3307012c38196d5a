// The sign-in front's memory in Redis, for replicas: pending sign-ins, codes and refresh tokens, each under the hash
// of its secret, sealed (sealing.ts), with Redis's own expiry. Taking one is GETDEL, atomic in Redis: a code or a
// refresh token is used once however many replicas are asked at the same moment, and a sign-in started on one
// replica finishes on any other.
import { CODE_MS, type FrontStore, newSecret, PENDING_MS, REFRESH_MS, secretHash } from '../front/store.js';
import type { SharedRedis } from './redis.js';

/** Every name this server gives in Redis starts with it. */
export const REDIS_PREFIX = 'ms365mcp:';

export function redisFrontStore(r: SharedRedis): FrontStore {
  const name = (kind: string, secret: string) => `${REDIS_PREFIX}front:${kind}:${secretHash(secret)}`;

  async function put(kind: string, value: object, ms: number): Promise<string> {
    const secret = newSecret();
    const key = name(kind, secret);
    const sealed = r.sealer.seal(key, JSON.stringify({ ...value, expires: Date.now() + ms }));
    await r.run((c) => c.set(key, sealed, 'PX', ms));
    return secret;
  }

  /** Takes the entry out (used once, whatever happens next), if it is there, opens and has not expired. */
  async function take<T extends { expires: number }>(kind: string, secret: string): Promise<T | undefined> {
    if (!secret) return undefined;
    const key = name(kind, secret);
    const sealed = await r.run((c) => c.getdel(key));
    const text = sealed === null ? undefined : r.sealer.open(key, sealed);
    if (text === undefined) return undefined;
    const value = JSON.parse(text) as T;
    return value.expires >= Date.now() ? value : undefined;
  }

  return {
    startSignIn: (p) => put('pending', p, PENDING_MS),
    finishSignIn: (id) => take('pending', id),
    issueCode: (c) => put('code', c, CODE_MS),
    redeemCode: (code) => take('code', code),
    issueRefresh: (g) => put('refresh', g, REFRESH_MS),
    async redeemRefresh(token) {
      const g = await take<Awaited<ReturnType<FrontStore['redeemRefresh']>> & { expires: number }>('refresh', token);
      if (!g) return undefined;
      const { expires: _e, ...grant } = g;
      return grant;
    },
  };
}
