// Planner ids: 28 characters of base64url, as Planner's plans, buckets and tasks have them; seeded ones derive from
// a stable name so every start has the same ids.

import { createHash, randomBytes } from 'node:crypto';

export const guidLikeId = (seed?: string) =>
  (seed === undefined ? randomBytes(21) : createHash('sha256').update(seed).digest().subarray(0, 21)).toString('base64url');

/** A GUID derived from a stable name (a seeded checklist item's key). */
export function stableGuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
