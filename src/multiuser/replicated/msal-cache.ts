// MSAL's token cache of the sign-in front in Redis, partitioned per person with MSAL's distributed cache plugin: a
// partition manager keyed by the person's homeAccountId, and a cache client that seals each partition
// (sealing.ts, the partition's name as authenticated data). Every token call gets a fresh MSAL client bound to one
// person's partition, as MSAL advises for distributed caches: its in-memory cache never holds two people, it reads
// only that partition and refuses to write any other, and calls for different people run in parallel. A new
// sign-in starts from an empty cache and is written to the partition of the account Entra answered with.
import type { ConfidentialClientApplication, ICacheClient, IPartitionManager } from '@azure/msal-node';
import { confidentialClient, type ConfidentialOptions, distributedCache } from '../../auth/confidential.js';
import { cloudEndpoints } from '../../auth/clouds.js';
import { ToolError } from '../../graph/errors.js';
import type { MsalClients } from '../front/entra.js';
import { REDIS_PREFIX } from './front-store.js';
import type { SharedRedis } from './redis.js';

/** A partition lives as long as Entra's refresh token may (90 days without use); every write renews it. */
const PARTITION_MS = 90 * 24 * 3_600_000;
const LOCK_MS = 15_000;
const NO_PARTITION = `${REDIS_PREFIX}msal:(a new sign-in)`;

export const partitionName = (homeAccountId: string) => `${REDIS_PREFIX}msal:${homeAccountId}`;

export function partitionedClients(app: Omit<ConfidentialOptions, 'cachePlugin'>, r: SharedRedis): MsalClients {
  const cacheClient: ICacheClient = {
    async get(key) {
      if (key === NO_PARTITION) return '';
      const sealed = await r.run((c) => c.get(key));
      if (sealed === null) return '';
      const text = r.sealer.open(key, sealed);
      if (text === undefined) app.log.warn('auth: a person\'s token cache in Redis cannot be opened with the configured keys; they sign in again');
      return text ?? '';
    },
    async set(key, value) {
      if (key === NO_PARTITION) return value;
      await r.run((c) => c.set(key, r.sealer.seal(key, value), 'PX', PARTITION_MS));
      return value;
    },
  };
  const partition = (person: string | undefined): IPartitionManager => ({
    getKey: async () => (person ? partitionName(person) : NO_PARTITION),
    async extractKey(account) {
      // The client of one person holds nobody else; this is the guard that it stays so.
      if (person && account.homeAccountId !== person) throw new Error('auth: refused to write one person\'s tokens into another person\'s cache partition');
      return partitionName(account.homeAccountId);
    },
  });

  // Fresh clients would each fetch the tenant's OpenID configuration: it is fetched once and handed to each.
  let metadata: Promise<string | undefined> | undefined;
  const authorityMetadata = () =>
    (metadata ??= app.cloud === 'sandbox' ? Promise.resolve(undefined) : (async () => {
      const ep = cloudEndpoints(app.cloud, app.sandboxUrl);
      const res = await fetch(`${ep.authorityHost}/${app.tenantId}/v2.0/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`the identity platform's OpenID configuration answered ${res.status}`);
      return res.text();
    })().catch((e: unknown) => {
      metadata = undefined;
      throw e;
    }));
  const client = async (person: string | undefined): Promise<ConfidentialClientApplication> => {
    const known = await authorityMetadata();
    return confidentialClient({ ...app, ...(known ? { authorityMetadata: known } : {}), cachePlugin: distributedCache(cacheClient, partition(person)) });
  };

  return {
    forSignIn: () => client(undefined),
    forPerson: (homeAccountId) => client(homeAccountId),
    /** One replica at a time renews a person's Entra tokens: their refresh token is used once. */
    async exclusive(homeAccountId, work) {
      const name = `${REDIS_PREFIX}lock:msal:${homeAccountId}`;
      const mine = `${process.pid}.${Math.random().toString(36).slice(2)}`;
      const giveUp = Date.now() + LOCK_MS;
      while ((await r.run((c) => c.set(name, mine, 'PX', LOCK_MS, 'NX'))) === null) {
        if (Date.now() > giveUp) throw new ToolError('Your Microsoft 365 tokens are being renewed by another replica of this server and it takes long; try again in a moment.');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      try {
        return await work();
      } finally {
        // Released only if still ours (it may have expired and been taken by another replica meanwhile).
        await r.run((c) => c.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0", 1, name, mine)).catch(() => undefined);
      }
    },
  };
}
