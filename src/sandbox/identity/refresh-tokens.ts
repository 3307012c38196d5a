// Refresh tokens: opaque random strings handed to the client; the sandbox keeps only their SHA-256 hash plus the
// grant they stand for (user, client, consented Graph scopes). As in Entra, redeeming a refresh token issues a
// new one and leaves the old one valid until it expires (strict rotation, where the old one dies at once, is a
// fault to test clients against). Each chain of rotations keeps only its newest few tokens, so the state file
// stays small however often clients refresh. Revoked tokens stay behind a while as tombstones so the error can
// say what happened instead of "unknown token".

import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { FileWriter, readJsonFile } from './state-file.js';
import { unionScopes } from './scopes.js';

const DAY_MS = 86_400_000;
/** Entra's inactivity window: a refresh token not used for 90 days stops working. */
export const REFRESH_TOKEN_LIFETIME_DAYS = 90;
const TOMBSTONE_KEEP_MS = 7 * DAY_MS;
/** Tokens kept per chain of rotations: a client uses the newest; a few older ones cover clients that shared
 *  a token and raced (several processes on one cache). */
const KEEP_PER_CHAIN = 5;
const TOKENS_FILE = 'refresh-tokens.json';

export interface RefreshRecord {
  hash: string;
  upn: string;
  oid: string;
  clientId: string;
  /** Graph permissions consented on this grant (short form); carried over on every rotation. */
  scopes: string[];
  /** For a grant to an API registered in the tenant (not Graph): its app id; `scopes` are then the API's. */
  resource?: string;
  issuedAt: number;
  expiresAt: number;
  /** The first token of its chain of rotations (its own hash for a sign-in's first token). */
  chain?: string;
  rotatedAt?: number;
  revokedAt?: number;
}

export interface Grant {
  upn: string;
  oid: string;
  clientId: string;
  scopes: string[];
  resource?: string;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export class RefreshTokenStore {
  private readonly records = new Map<string, RefreshRecord>();
  private readonly writer: FileWriter | undefined;
  private pending: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string | undefined,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
    private readonly strict: boolean,
  ) {
    this.writer = file ? new FileWriter(file) : undefined;
  }

  static async open(stateDir: string | undefined, now: () => number, log: (line: string) => void, opts: { strict: boolean } = { strict: false }): Promise<RefreshTokenStore> {
    const store = new RefreshTokenStore(stateDir ? join(stateDir, TOKENS_FILE) : undefined, now, log, opts.strict);
    if (store.file) {
      try {
        const data = (await readJsonFile(store.file)) as { tokens?: RefreshRecord[] } | undefined;
        for (const r of data?.tokens ?? []) if (r && typeof r.hash === 'string') store.records.set(r.hash, r);
        if (data) log(`identity: loaded ${store.liveCount()} refresh token(s) from ${store.file}`);
      } catch (err) {
        // Losing the records only means clients must sign in again, which is what they would be told anyway.
        log(`identity: refresh tokens in ${store.file} are unreadable (${(err as Error).message}); starting empty`);
      }
    }
    return store;
  }

  /** Issues a new refresh token for a grant; resolves once it is on disk (when persisting). */
  async issue(grant: Grant): Promise<string> {
    const token = this.mint(grant);
    await this.persist();
    return token;
  }

  lookup(token: string): RefreshRecord | undefined {
    return this.records.get(hashToken(token));
  }

  /** A successor for a redeemed token. The old one stays valid (Entra), or dies at once (strict rotation). */
  async rotate(old: RefreshRecord): Promise<string> {
    if (this.strict) old.rotatedAt = this.now();
    const token = this.mint({ upn: old.upn, oid: old.oid, clientId: old.clientId, scopes: old.scopes, ...(old.resource ? { resource: old.resource } : {}) }, old.chain ?? old.hash);
    await this.persist();
    return token;
  }

  /** Revokes every live token (of one user when upn is given); returns how many. */
  revoke(upn?: string): number {
    const at = this.now();
    let count = 0;
    for (const r of this.records.values()) {
      if (r.rotatedAt || r.revokedAt) continue;
      if (upn && r.upn.toLowerCase() !== upn.toLowerCase()) continue;
      r.revokedAt = at;
      count++;
    }
    if (count) void this.persist();
    return count;
  }

  /** Resolves when every change made so far is on disk (or failed and was logged). */
  flush(): Promise<void> {
    return this.pending;
  }

  /** Everything the user has consented to for this client on grants that are still alive. */
  consented(upn: string, clientId: string): string[] {
    const lists: string[][] = [];
    for (const r of this.records.values()) {
      if (this.isLive(r) && !r.resource && r.clientId === clientId && r.upn.toLowerCase() === upn.toLowerCase()) lists.push(r.scopes);
    }
    return unionScopes(...lists);
  }

  isExpired(r: RefreshRecord): boolean {
    return this.now() >= r.expiresAt;
  }

  private isLive(r: RefreshRecord): boolean {
    return !r.rotatedAt && !r.revokedAt && !this.isExpired(r);
  }

  private liveCount(): number {
    let n = 0;
    for (const r of this.records.values()) if (this.isLive(r)) n++;
    return n;
  }

  private mint(grant: Grant, chain?: string): string {
    // "1.A" mimics the look of Entra's opaque refresh tokens; nothing may rely on the content.
    const token = `1.A${randomBytes(64).toString('base64url')}`;
    const issuedAt = this.now();
    this.records.set(hashToken(token), {
      hash: hashToken(token),
      upn: grant.upn,
      oid: grant.oid,
      clientId: grant.clientId,
      scopes: unionScopes(grant.scopes),
      ...(grant.resource ? { resource: grant.resource } : {}),
      issuedAt,
      expiresAt: issuedAt + REFRESH_TOKEN_LIFETIME_DAYS * DAY_MS,
      ...(chain ? { chain } : {}),
    });
    return token;
  }

  private prune(): void {
    const now = this.now();
    const chains = new Map<string, RefreshRecord[]>();
    for (const [hash, r] of this.records) {
      const deadSince = r.rotatedAt ?? r.revokedAt ?? (now >= r.expiresAt ? r.expiresAt : undefined);
      if (deadSince !== undefined && now - deadSince > TOMBSTONE_KEEP_MS) this.records.delete(hash);
      else if (!r.revokedAt) chains.set(r.chain ?? hash, [...(chains.get(r.chain ?? hash) ?? []), r]);
    }
    // Only the newest few of a chain (records keep the order they were issued in, on disk too): the rest were
    // replaced long ago by the client that holds the chain.
    for (const records of chains.values()) {
      for (const r of records.slice(0, Math.max(0, records.length - KEEP_PER_CHAIN))) this.records.delete(r.hash);
    }
  }

  private persist(): Promise<void> {
    this.prune();
    if (!this.writer) return Promise.resolve();
    const done = this.writer
      .write(() => JSON.stringify({ version: 1, tokens: [...this.records.values()] }, null, 1) + '\n')
      .catch((err: Error) => {
        // The token still works in memory; say loudly that it will not survive a restart.
        this.log(`identity: could not save refresh tokens to ${this.file}: ${err.message}`);
      });
    this.pending = done;
    return done;
  }
}

