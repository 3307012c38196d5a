// Graph's documented limits on sending Teams messages (throttling-limits, "Microsoft Teams service limits"), per
// app: 50 channel messages a second in a tenant, 20 chat messages a second, at most 4 requests a second on one
// channel and 3000 messages a day to one channel. A send over a limit is answered 429 with the Retry-After that
// frees a place and is not stored, so a client that retries after the wait posts the message once. Reads do not
// count here: the per-channel limit covers them in Graph too, but throttling every catch-up read would make the
// sandbox slower than it needs to be for what tests and demos exercise.

/** One limit: at most `limit` admitted sends within `perMs`, counted under `key`. */
export interface Window {
  key: string;
  limit: number;
  perMs: number;
}

const SECOND = 1000;
const DAY = 86_400_000;

/** The windows a channel message (or reply) by `appId` to `channelId` falls under. */
export const channelSendWindows = (appId: string, channelId: string): Window[] => [
  { key: `post-channel:${appId}`, limit: 50, perMs: SECOND },
  { key: `thread:${appId}:${channelId}`, limit: 4, perMs: SECOND },
  { key: `daily:${appId}:${channelId}`, limit: 3000, perMs: DAY },
];

/** The windows a chat message by `appId` falls under. */
export const chatSendWindows = (appId: string): Window[] => [{ key: `post-chat:${appId}`, limit: 20, perMs: SECOND }];

export class SendLimits {
  /** When each window's admitted sends came (ms), oldest first. */
  private readonly admitted = new Map<string, number[]>();

  /** 0 when the send may go (and it is counted in every window), else the seconds to wait before it may. */
  admit(windows: readonly Window[], nowMs = Date.now()): number {
    let wait = 0;
    for (const w of windows) {
      const recent = this.recent(w, nowMs);
      if (recent.length >= w.limit) wait = Math.max(wait, Math.ceil((recent[recent.length - w.limit] + w.perMs - nowMs) / SECOND));
    }
    if (wait > 0) return Math.max(wait, 1);
    for (const w of windows) this.recent(w, nowMs).push(nowMs);
    return 0;
  }

  private recent(w: Window, nowMs: number): number[] {
    const kept = (this.admitted.get(w.key) ?? []).filter((t) => t > nowMs - w.perMs);
    this.admitted.set(w.key, kept);
    return kept;
  }
}
