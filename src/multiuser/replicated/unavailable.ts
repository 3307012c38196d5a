// The error of a request that needs the shared state while Redis is away: apart from redis.ts so that code which
// only recognises it (the front, the tools) does not load the Redis client in a deployment without Redis.
import { ToolError } from '../../graph/errors.js';

/** Redis is not reachable: the request cannot be served now, and nothing was answered in its place. */
export class SharedStateUnavailable extends ToolError {
  constructor(where: string) {
    super(`This server cannot reach its shared state (Redis at ${where}) right now; nothing was done. Try again in a moment: your sign-in is kept.`);
  }
}
