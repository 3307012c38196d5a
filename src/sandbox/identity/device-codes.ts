// Pending device-code sign-ins (RFC 8628 as Entra runs it). They live in memory only: a sign-in in progress does
// not survive a restart against Entra either (the client simply starts over).

import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { ParsedScopes } from './scopes.js';

/** Entra's device codes live 15 minutes. */
export const DEVICE_CODE_LIFETIME_SECONDS = 900;
/** After expiry an entry is kept this long so polling clients hear `expired_token`, not "unknown code". */
const KEEP_AFTER_EXPIRY_MS = 15 * 60_000;
// Uppercase letters and digits like Microsoft's codes, minus the look-alikes (0/O, 1/I/L) a person mistypes.
const USER_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const USER_CODE_LENGTH = 9;

export type DeviceCodeState = 'pending' | 'approved' | 'declined' | 'redeemed';

export interface DeviceCodeEntry {
  userCode: string;
  clientId: string;
  requested: ParsedScopes;
  createdAt: number;
  expiresAt: number;
  state: DeviceCodeState;
  /** Set on approval: who signed in and which Graph permissions they consented to. */
  user?: { upn: string; oid: string };
  granted?: string[];
}

export type Decision = { ok: true; entry: DeviceCodeEntry } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

const hashCode = (code: string): string => createHash('sha256').update(code).digest('base64url');

/** What a person types: case and separators do not matter. */
export const normalizeUserCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export class DeviceCodeStore {
  private readonly byDevice = new Map<string, DeviceCodeEntry>();
  private readonly byUser = new Map<string, DeviceCodeEntry>();

  constructor(private readonly now: () => number) {}

  create(clientId: string, requested: ParsedScopes): { entry: DeviceCodeEntry; deviceCode: string } {
    this.prune();
    let userCode: string;
    do {
      userCode = Array.from({ length: USER_CODE_LENGTH }, () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)]).join('');
    } while (this.byUser.has(userCode));
    // Long and opaque like Entra's; only its hash is kept, like refresh tokens.
    const deviceCode = `DAQABIQEAAAD${randomBytes(96).toString('base64url')}`;
    const createdAt = this.now();
    const entry: DeviceCodeEntry = {
      userCode,
      clientId,
      requested,
      createdAt,
      expiresAt: createdAt + DEVICE_CODE_LIFETIME_SECONDS * 1000,
      state: 'pending',
    };
    this.byDevice.set(hashCode(deviceCode), entry);
    this.byUser.set(userCode, entry);
    return { entry, deviceCode };
  }

  byDeviceCode(deviceCode: string): DeviceCodeEntry | undefined {
    return this.byDevice.get(hashCode(deviceCode));
  }

  isExpired(entry: DeviceCodeEntry): boolean {
    return this.now() >= entry.expiresAt;
  }

  /** Finds a code a person may still act on. */
  forDecision(userCode: string): Decision {
    this.prune();
    const entry = this.byUser.get(normalizeUserCode(userCode));
    if (!entry) return { ok: false, reason: 'unknown' };
    if (entry.state !== 'pending') return { ok: false, reason: 'used' };
    if (this.isExpired(entry)) return { ok: false, reason: 'expired' };
    return { ok: true, entry };
  }

  private prune(): void {
    const now = this.now();
    for (const [hash, entry] of this.byDevice) {
      if (now - entry.expiresAt > KEEP_AFTER_EXPIRY_MS) {
        this.byDevice.delete(hash);
        this.byUser.delete(entry.userCode);
      }
    }
  }
}
