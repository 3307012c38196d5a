// The identity side's contract with the rest of the sandbox (implemented in identity/index.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../graph/types.js';
import type { Directory } from '../directory/directory.js';

export interface IdentityOptions {
  directory: Directory;
  /** Where the signing key and refresh tokens persist; undefined keeps them in memory. */
  stateDir?: string;
  /** 'default' or a UPN: device codes are approved at once as that user. */
  autoApproveUser?: string;
  tokenLifetimeSeconds: number;
  deviceCodeIntervalSeconds: number;
  log: (line: string) => void;
  now: () => number;
  /** A fault: a refresh token dies the moment it is redeemed (Entra keeps it valid until it expires). */
  strictRefreshRotation?: boolean;
  /** PEM certificates registered on app registrations, by app id (certificate credentials). */
  appCertificates?: Readonly<Record<string, readonly string[]>>;
}

export type AccessCheck = { ok: true; principal: Principal } | { ok: false; code: 'InvalidAuthenticationToken'; message: string };

export interface IdentityService {
  /** Serves the identity routes (/{tenant}/oauth2/v2.0/*, discovery, keys, /devicelogin); false when the
   *  path is none of them. `baseUrl` is the sandbox's own origin, for URLs it prints. */
  handle(req: IncomingMessage, res: ServerResponse, baseUrl: string): Promise<boolean>;
  /** Checks a bearer token sent to Graph: signature, audience, expiry, user still enabled. */
  verifyAccessToken(token: string): Promise<AccessCheck>;
  /** Takes Graph permissions out of an app's admin consent (on-behalf-of then asks for them in vain). */
  withholdConsent(appId: string, scopes: string[]): void;
  /** Revokes live refresh tokens (of one user, or all); returns how many. */
  revokeRefreshTokens(upn?: string): number;
  /** Waits for pending writes of the state directory. */
  close(): Promise<void>;
}
