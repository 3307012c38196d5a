// Waiting between tries of a Graph request: Retry-After as Graph sends it, exponential backoff with jitter, and a
// sleep the caller's cancellation ends.
import { GraphError } from './errors.js';

/** Statuses after which Graph may be asked again (throttled, unavailable, gateway timeout). */
export const RETRYABLE = new Set([429, 503, 504]);

export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export const backoff = (attempt: number) => Math.min(8000, 250 * 2 ** attempt) * (0.75 + Math.random() * 0.5);

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new GraphError(499, 'Cancelled', 'the request was cancelled'));
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(t); reject(new GraphError(499, 'Cancelled', 'the request was cancelled')); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
