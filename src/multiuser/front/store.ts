// What the sign-in front remembers between the steps of a sign-in and after it: sign-ins waiting for the person
// to come back from Entra, authorization codes waiting for the client's token request (once each), and refresh
// tokens (kept by their hash; the person's Entra tokens themselves stay in MSAL's cache). In memory, with refresh
// tokens also in a 0600 file so a restart signs nobody out. One process holds it; replicas share the same
// interface in Redis (../replicated/front-store.ts).
import { createHash, randomBytes } from 'node:crypto';
import { readFileIfExists, writeFileAtomic } from '../../auth/file-store.js';

/** A sign-in the front started for a client: what the client asked, and the PKCE verifier it uses towards Entra. */
export interface PendingSignIn {
  clientId: string;
  redirectUri: string;
  state?: string;
  codeChallenge: string;
  scope: string;
  entraVerifier: string;
  expires: number;
}

/** Whom a code or refresh token stands for: the person's MSAL account and what the client may do. */
export interface Grant {
  clientId: string;
  homeAccountId: string;
  username: string;
  name?: string;
  oid: string;
  tid: string;
  scope: string;
}

export interface IssuedCode extends Grant {
  redirectUri: string;
  codeChallenge: string;
  expires: number;
}

export const PENDING_MS = 10 * 60_000;
export const CODE_MS = 60_000;
export const REFRESH_MS = 30 * 24 * 3_600_000;

export const newSecret = () => randomBytes(32).toString('base64url');
/** Codes and refresh tokens are kept by their hash: whoever reads the store cannot use them. */
export const secretHash = (s: string) => createHash('sha256').update(s).digest('base64url');
const hash = secretHash;

/** A secret the client redeems at /token: an authorization code or a refresh token. */
export type Redeemable = 'code' | 'refresh';

/** The front's memory; codes and refresh tokens are used once, even across replicas. A redemption first reads the
 *  secret without using it, checks what it must (PKCE, the person's Entra sign-in), then uses it and issues its
 *  successor in one step: a replica that dies, or an identity platform that does not answer, in between leaves the
 *  secret valid for the client's retry instead of losing the person's sign-in. */
export interface FrontStore {
  startSignIn(p: Omit<PendingSignIn, 'expires'>): Promise<string>;
  finishSignIn(id: string): Promise<PendingSignIn | undefined>;
  issueCode(c: Omit<IssuedCode, 'expires'>): Promise<string>;
  /** The code's content, if it is there, unused and unexpired; it stays unused. */
  peekCode(code: string): Promise<IssuedCode | undefined>;
  /** The refresh token's grant, if it is there, unused and unexpired; it stays unused. */
  peekRefresh(token: string): Promise<Grant | undefined>;
  /** Uses the code or refresh token and issues a refresh token for the grant, atomically: undefined (nothing
   *  issued) when it was used meanwhile. */
  exchange(kind: Redeemable, secret: string, g: Grant): Promise<string | undefined>;
}

export async function frontStore(file: string): Promise<FrontStore> {
  const pending = new Map<string, PendingSignIn>();
  const codes = new Map<string, IssuedCode>();
  const refresh = new Map<string, Grant & { expires: number }>(Object.entries(JSON.parse((await readFileIfExists(file)) ?? '{}')));
  let writing = Promise.resolve();
  const persist = () => (writing = writing.then(() => writeFileAtomic(file, JSON.stringify(Object.fromEntries(refresh)))));
  const sweep = <T extends { expires: number }>(m: Map<string, T>) => {
    for (const [k, v] of m) if (v.expires < Date.now()) m.delete(k);
  };
  /** Takes an entry out (whatever happens next, it is used once), if it has not expired. */
  const take = <T extends { expires: number }>(m: Map<string, T>, key: string): T | undefined => {
    sweep(m);
    const v = m.get(key);
    m.delete(key);
    return v;
  };

  return {
    async startSignIn(p) {
      sweep(pending);
      const id = newSecret();
      pending.set(id, { ...p, expires: Date.now() + PENDING_MS });
      return id;
    },
    finishSignIn: async (id) => take(pending, id),
    async issueCode(c) {
      const code = newSecret();
      codes.set(hash(code), { ...c, expires: Date.now() + CODE_MS });
      return code;
    },
    async peekCode(code) {
      sweep(codes);
      return codes.get(hash(code));
    },
    async peekRefresh(token) {
      sweep(refresh);
      const g = refresh.get(hash(token));
      if (!g) return undefined;
      const { expires: _e, ...grant } = g;
      return grant;
    },
    async exchange(kind, secret, g) {
      // Checked and removed with no await between: one process, so nothing else runs in between.
      const m: Map<string, { expires: number }> = kind === 'code' ? codes : refresh;
      const key = hash(secret);
      const had = m.get(key);
      if (!had || had.expires < Date.now()) return undefined;
      m.delete(key);
      const token = newSecret();
      refresh.set(hash(token), { ...g, expires: Date.now() + REFRESH_MS });
      sweep(refresh);
      await persist();
      return token;
    },
  };
}
