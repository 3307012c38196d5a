// Authorization codes of the /authorize sign-in: what each stands for (client, redirect URI, PKCE challenge,
// the person, the scopes), single use and short-lived as Entra's are (10 minutes).

import { randomBytes } from 'node:crypto';
import type { ParsedScopes } from './scopes.js';

const CODE_LIFETIME_MS = 10 * 60_000;

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  challenge?: string;
  user: { upn: string; oid: string };
  requested: ParsedScopes;
  expiresAt: number;
  redeemed: boolean;
}

export class AuthCodeStore {
  private readonly codes = new Map<string, AuthCode>();

  constructor(private readonly now: () => number) {}

  issue(entry: Omit<AuthCode, 'expiresAt' | 'redeemed'>): string {
    for (const [k, v] of this.codes) if (v.expiresAt < this.now() - CODE_LIFETIME_MS) this.codes.delete(k);
    const code = `1.${randomBytes(48).toString('base64url')}`;
    this.codes.set(code, { ...entry, expiresAt: this.now() + CODE_LIFETIME_MS, redeemed: false });
    return code;
  }

  find(code: string): AuthCode | undefined {
    return this.codes.get(code);
  }

  isExpired(c: AuthCode): boolean {
    return this.now() > c.expiresAt;
  }
}
