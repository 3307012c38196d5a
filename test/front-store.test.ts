// The sign-in front's store, in one process (memory and a 0600 file) and in Redis (replicas), held to one contract:
// a code or refresh token is read without being used while its redemption is checked, then used and its successor
// issued in one step, once, however many ask at the same moment; what a failed redemption left stays valid.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frontStore, type FrontStore, type Grant } from '../src/multiuser/front/store.js';
import { redisFrontStore } from '../src/multiuser/replicated/front-store.js';
import { connectRedis } from '../src/multiuser/replicated/redis.js';
import { sealerFromText } from '../src/multiuser/replicated/sealing.js';
import { type LoopbackRedis, startRedis } from '../scripts/redis-server.mjs';
import { tempDir } from './fixtures.js';

const GRANT: Grant = { clientId: 'c', homeAccountId: 'h.t', username: 'a@contoso.sandbox', oid: 'o', tid: 't', scope: 'access_as_user' };
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
let redis: LoopbackRedis | undefined;
const closing: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closing) await close();
  await redis?.stop();
});

const stores: [string, () => Promise<FrontStore[]>][] = [
  ['one process', async () => [await frontStore(path.join(await tempDir(), 'front.json'))]],
  ['Redis, two replicas', async () => {
    redis ??= await startRedis(await tempDir());
    const key = randomBytes(32).toString('base64');
    const connect = () => connectRedis({ url: redis!.url, password: redis!.password, sealer: sealerFromText(key, 't'), log: quiet as never });
    const [a, b] = await Promise.all([connect(), connect()]);
    closing.push(() => a.close(), () => b.close());
    return [redisFrontStore(a), redisFrontStore(b)];
  }],
];

describe.each(stores)('the front store (%s)', (_name, make) => {
  it('leaves a refresh token valid while it is only read, uses it once, and gives its successor', async () => {
    const [one, other = one] = await make();
    const first = await one.exchange('code', await one.issueCode({ ...GRANT, redirectUri: 'http://127.0.0.1/cb', codeChallenge: 'x' }), GRANT);
    expect(first).toBeTruthy();
    // Read twice (two replicas checking it, or one whose check failed): still there.
    expect(await one.peekRefresh(first!)).toEqual(GRANT);
    expect(await other.peekRefresh(first!)).toEqual(GRANT);
    const next = await other.exchange('refresh', first!, GRANT);
    expect(next).toBeTruthy();
    expect(await one.peekRefresh(first!)).toBeUndefined();
    expect(await one.exchange('refresh', first!, GRANT)).toBeUndefined();
    expect(await one.peekRefresh(next!)).toEqual(GRANT);
  });

  it('lets one of many simultaneous redemptions of a code or refresh token win', async () => {
    const [one, other = one] = await make();
    const code = await one.issueCode({ ...GRANT, redirectUri: 'http://127.0.0.1/cb', codeChallenge: 'x' });
    expect((await one.peekCode(code))?.codeChallenge).toBe('x');
    const codeWins = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? one : other).exchange('code', code, GRANT)));
    expect(codeWins.filter(Boolean)).toHaveLength(1);
    const token = codeWins.find(Boolean)!;
    const refreshWins = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? one : other).exchange('refresh', token, GRANT)));
    expect(refreshWins.filter(Boolean)).toHaveLength(1);
    expect(await one.peekCode(code)).toBeUndefined();
  });
});
