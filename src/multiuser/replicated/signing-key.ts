// The sign-in front's signing key shared by every replica: kept in Redis, sealed with the encryption key. The
// first replica to start makes it (SET NX: when several start at once, one key wins and all use it), so a token
// issued by one replica is valid on every other and across restarts.
import type { JWK } from 'jose';
import { newSigningJwk, type SigningKey, signingKeyOf } from '../front/keys.js';
import { REDIS_PREFIX } from './front-store.js';
import type { SharedRedis } from './redis.js';

const NAME = `${REDIS_PREFIX}front:signing-key`;

export async function sharedSigningKey(r: SharedRedis): Promise<SigningKey> {
  let sealed = await r.run((c) => c.get(NAME));
  if (sealed === null) {
    const mine = r.sealer.seal(NAME, JSON.stringify(await newSigningJwk()));
    await r.run((c) => c.set(NAME, mine, 'NX'));
    sealed = await r.run((c) => c.get(NAME));
  }
  const text = sealed === null ? undefined : r.sealer.open(NAME, sealed);
  if (text === undefined) {
    throw new Error('shared state: the sign-in front\'s signing key in Redis cannot be opened with MS365_MCP_ENCRYPTION_KEY_FILE\'s keys (a key was removed too early, or another deployment uses this Redis)');
  }
  // Rewritten under the current encryption key after a rotation, so the old key can go.
  if (r.sealer.isStale(sealed!)) await r.run((c) => c.set(NAME, r.sealer.seal(NAME, text)));
  return signingKeyOf(JSON.parse(text) as JWK);
}
