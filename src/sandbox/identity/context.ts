// What every identity route works with: the directory, the stores and the token issuer of one running sandbox.

import type { RegisteredCertificate } from './client-assertion.js';
import type { Directory, DirectoryUser } from '../directory/directory.js';
import type { Consents } from './apps.js';
import type { AuthCodeStore } from './auth-codes.js';
import type { DeviceCodeStore } from './device-codes.js';
import type { RefreshTokenStore } from './refresh-tokens.js';
import type { TokenIssuer } from './tokens.js';

export interface IdentityContext {
  directory: Directory;
  issuer: TokenIssuer;
  refreshTokens: RefreshTokenStore;
  deviceCodes: DeviceCodeStore;
  authCodes: AuthCodeStore;
  /** Graph permissions withheld from apps' admin consent (on-behalf-of asks for them in vain). */
  consents: Consents;
  /** Certificates registered on app registrations (confidential clients' certificate credentials), by app id. */
  certificates: Map<string, RegisteredCertificate[]>;
  deviceCodeIntervalSeconds: number;
  /** Set when device codes are approved at once, without the /devicelogin page. */
  autoApproveUser?: DirectoryUser;
  log: (line: string) => void;
  now: () => number;
}
