// What the auth tools need from the sign-in machinery; implemented in auth/, passed in by server.ts, so
// tools never import MSAL.
export interface AccountInfoLite {
  username: string;
  name?: string;
  tenantId: string;
  homeAccountId: string;
  selected: boolean;
}

export interface PendingLogin {
  verificationUri: string;
  userCode: string;
  message: string;
  expiresAt: string;
}

export interface AuthStatus {
  signedIn: boolean;
  account?: AccountInfoLite;
  pendingLogin?: PendingLogin;
  cloud: string;
  scopes: string[];
  lastRefresh?: string;
  lastError?: string;
}

export interface AuthService {
  status(): Promise<AuthStatus>;
  /** Starts a device-code sign-in (or returns the one under way); completes in the background. */
  startLogin(force?: boolean): Promise<{ alreadySignedIn: boolean; account?: AccountInfoLite; pending?: PendingLogin }>;
  logout(username?: string): Promise<{ removed: string[] }>;
  listAccounts(): Promise<AccountInfoLite[]>;
}
