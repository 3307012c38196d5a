// What replicas share, assembled from the configuration: the Redis connection, the sealer of
// MS365_MCP_ENCRYPTION_KEY_FILE, the sign-in front's state (MSAL's cache partitioned per person, its store and
// signing key), the mailboxes' concurrency slots and each person's limit on tool calls.
import type { Config } from '../../config.js';
import type { ConfidentialOptions } from '../../auth/confidential.js';
import { redisFrontStore } from './front-store.js';
import { mailboxSlots } from './mailbox-slots.js';
import { partitionedClients } from './msal-cache.js';
import { redisRateLimiter } from './rate-limit.js';
import { processReadiness } from '../../transports/readiness.js';
import { connectRedis, redisReady } from './redis.js';
import { sealerFromFile } from './sealing.js';
import { sharedSigningKey } from './signing-key.js';

export async function sharedState(config: Config, app: Omit<ConfidentialOptions, 'cachePlugin'>) {
  const sealer = sealerFromFile(config.encryptionKeyFile!);
  const redis = await connectRedis({ url: config.redisUrl!, ...(config.redisPassword ? { password: config.redisPassword } : {}), sealer, log: app.log });
  // A replica whose Redis does not answer is not ready: the load balancer sends its people elsewhere.
  processReadiness.addCheck('redis', redisReady);
  app.log.info(`shared state: Redis at ${redis.where} (values sealed with key ${sealer.currentKeyId}); sign-ins and tokens are shared by every replica`);
  return { front: { msal: partitionedClients(app, redis), key: await sharedSigningKey(redis), store: redisFrontStore(redis) }, slots: mailboxSlots(redis), rateLimiter: config.rateLimit ? redisRateLimiter(redis, { perMinute: config.rateLimit, burst: config.rateLimitBurst }) : undefined, redis };
}
export type SharedState = Awaited<ReturnType<typeof sharedState>>;
