// Sign-in that lasts: MSAL's device-code flow once, then acquireTokenSilent for every Graph call, which
// refreshes (and rotates the refresh token) when needed. The only importer of @azure/msal-node.
import {
  type AccountInfo,
  type AuthenticationResult,
  type DeviceCodeRequest,
  InteractionRequiredAuthError,
  LogLevel as MsalLogLevel,
  PublicClientApplication,
} from '@azure/msal-node';
import { errorText, type Logger } from '../log.js';
import type { AccountInfoLite, AuthService, AuthStatus, PendingLogin } from '../tools/auth-service.js';
import { AuthRequiredError } from '../graph/errors.js';
import { type Cloud, cloudEndpoints, sandboxMetadata } from './clouds.js';
import { acquireLock, fileStamp, readFileIfExists, writeFileAtomic } from './file-store.js';
import { FetchNetworkClient } from './network.js';
import { healthPathFor, refusedForGood, writeHealth } from './health.js';
import { FileCachePlugin, ungrantedScopes } from './token-cache.js';
// MSAL renews an access token this long before it expires; a token further from expiry is served from the
// cache without a network call, so that path needs no cross-process refresh lock.
import { RENEWAL_OFFSET_MS } from './cached-token.js';

export interface AuthOptions {
  clientId?: string;
  tenantId: string;
  cloud: Cloud;
  sandboxUrl?: string;
  scopes: string[];
  tokenCachePath: string;
  selectedAccountPath: string;
  log: Logger;
  /** How to sign in again, for error texts (differs between a terminal and the container). */
  signInHint?: string;
  /** The --login command of this configuration (its flags and group toggles), for asking more permissions. */
  loginCommand?: string;
}

const DEFAULT_HINT = 'Sign in again: call the auth_login tool, or run `node dist/index.js --login` (in Docker: `docker compose run --rm ms365-mcp`).';

export class AuthManager implements AuthService {
  private readonly pca: PublicClientApplication;
  private pending: { info: PendingLogin; done: Promise<AccountInfo | null>; request: DeviceCodeRequest; firstPollBy: number } | undefined;
  private memo: { token: string; expiresAt: number; stamp: string } | undefined;
  private lastRefresh: Date | undefined;
  private lastError: string | undefined;
  private inProcess: Promise<unknown> = Promise.resolve();
  /** A device-code request on its way (before its code is known): later callers share it. */
  private starting: Promise<{ alreadySignedIn: boolean; account?: AccountInfoLite; pending?: PendingLogin }> | undefined;
  private readonly network: FetchNetworkClient;
  private readonly cachePlugin: FileCachePlugin;

  constructor(private readonly o: AuthOptions) {
    if (!o.clientId) throw new Error('no client id');
    this.cachePlugin = new FileCachePlugin(o.tokenCachePath, o.log);
    const ep = cloudEndpoints(o.cloud, o.sandboxUrl);
    const authority = `${ep.authorityHost}/${o.tenantId}`;
    this.network = new FetchNetworkClient({ sandboxUrl: o.cloud === 'sandbox' ? o.sandboxUrl : undefined, log: o.log });
    this.pca = new PublicClientApplication({
      auth: {
        clientId: o.clientId,
        authority,
        knownAuthorities: [new URL(ep.authorityHost).host],
        ...(o.cloud === 'sandbox' ? sandboxMetadata(authority) : {}),
      },
      cache: { cachePlugin: this.cachePlugin },
      system: {
        networkClient: this.network,
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: MsalLogLevel.Warning,
          loggerCallback: (_lvl, message) => o.log.debug(`auth: msal: ${message}`),
        },
      },
    });
  }

  get scopes(): string[] {
    return this.o.scopes;
  }

  /** An access token for Graph; refreshes through MSAL when needed. Throws AuthRequiredError with
   *  instructions when there is no usable sign-in. */
  async getToken(signal?: AbortSignal, forceRefresh = false): Promise<string> {
    signal?.throwIfAborted();
    // Fast path: the token this process last got, while neither token file changed (another process may
    // have signed out or switched accounts) and it is far from expiry. Two stats instead of MSAL's work.
    const stamp = await this.filesStamp();
    if (!forceRefresh && this.memo && this.memo.stamp === stamp && Date.now() < this.memo.expiresAt - RENEWAL_OFFSET_MS) return this.memo.token;
    let account = await this.currentAccount();
    if (!account && this.starting) {
      // A sign-in is being started (the server's own, at start): answer with its URL and code, not with
      // "call auth_login", once the identity platform has given them.
      await Promise.race([this.starting.catch(() => undefined), new Promise((r) => setTimeout(r, 10_000).unref())]);
      account = await this.currentAccount();
    }
    if (!account && this.pending && Date.now() < this.pending.firstPollBy) {
      // A code issued moments ago may already be approved (an auto-approving sandbox, a person quicker than the
      // model): wait for MSAL's first poll before answering "not signed in yet", so that a client making a
      // single call, which would exit with that answer, gets signed in instead.
      const pending = this.pending;
      await Promise.race([pending.done.catch(() => null), new Promise((r) => setTimeout(r, pending.firstPollBy - Date.now()).unref())]);
      account = await this.currentAccount();
    }
    if (!account) throw new AuthRequiredError(this.notSignedInText());
    // Only a call that may refresh needs the cross-process lock: two processes redeeming the same
    // refresh token at once would lose one of the rotated tokens.
    const mayRefresh = forceRefresh || Date.now() > (this.memo?.expiresAt ?? 0) - RENEWAL_OFFSET_MS - 60_000;
    const result = mayRefresh ? await this.serialized(() => this.lockedSilent(account, forceRefresh)) : await this.silent(account, false);
    this.memo = { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? 0, stamp: await this.filesStamp() };
    return result.accessToken;
  }

  private async recordHealth(record: { ok: boolean; error?: string }): Promise<void> {
    await writeHealth(healthPathFor(this.o.tokenCachePath), record).catch((e: Error) => this.o.log.warn(`auth: could not record sign-in health: ${e.message}`));
  }

  private async filesStamp(): Promise<string> {
    return `${await fileStamp(this.o.tokenCachePath)}|${await fileStamp(this.o.selectedAccountPath)}`;
  }

  private async lockedSilent(account: AccountInfo, forceRefresh: boolean): Promise<AuthenticationResult> {
    const release = await acquireLock(this.o.tokenCachePath, 'refresh', (e) => this.o.log.warn(`auth: refresh lock lost: ${e.message}`));
    try {
      return await this.silent(account, forceRefresh);
    } finally {
      await release();
    }
  }

  private async silent(account: AccountInfo, forceRefresh: boolean): Promise<AuthenticationResult> {
    try {
      const result = await this.pca.acquireTokenSilent({ account, scopes: this.o.scopes, forceRefresh });
      if (!result.fromCache) {
        this.lastRefresh = new Date();
        this.lastError = undefined;
        await this.recordHealth({ ok: true });
        this.o.log.info(`auth: token refresh succeeded for ${account.username}; access token valid until ${result.expiresOn?.toISOString()}, rotated refresh token saved`);
      }
      return result;
    } catch (e) {
      // The file was damaged under us: say so, rather than report the sign-in as revoked.
      if (this.cachePlugin.corrupt) throw new AuthRequiredError(this.notSignedInText());
      if (isConsentRequired(e)) {
        // Started with more groups than the sign-in consented to: not an expiry. Name what is missing and
        // the command that asks for it, with this configuration's flags.
        const missing = await ungrantedScopes(this.o.tokenCachePath, account.homeAccountId, this.o.scopes);
        this.lastError = `missing permissions: ${missing.join(', ') || 'more than were consented'}`;
        this.o.log.warn(`auth: the sign-in lacks permissions this configuration needs (${missing.join(', ')})`);
        await this.recordHealth({ ok: false, error: this.lastError });
        const cmd = this.o.loginCommand ?? 'node dist/index.js --login';
        throw new AuthRequiredError(
          `The sign-in of ${account.username} does not cover the permissions this configuration needs${missing.length ? ` (missing: ${missing.join(', ')})` : ''}: it was made with fewer tool groups or without organization mode. Sign in again to grant them: call auth_login with force, or run \`${cmd}\` (in Docker: \`docker compose run --rm ms365-mcp\`).`,
        );
      }
      if (e instanceof InteractionRequiredAuthError || isInvalidGrant(e)) {
        this.lastError = `refresh failed: ${(e as { errorCode?: string }).errorCode ?? 'invalid_grant'}`;
        this.o.log.error(`auth: token refresh failed for good for ${account.username} (${this.lastError}); sign in again`);
        await this.recordHealth({ ok: false, error: this.lastError });
        throw new AuthRequiredError(`The sign-in of ${account.username} has expired or was revoked (${(e as { errorCode?: string }).errorCode ?? 'invalid_grant'}). ${this.o.signInHint ?? DEFAULT_HINT}`);
      }
      const unreachable = this.network.lastFailure;
      if (unreachable && (e as { errorCode?: string }).errorCode === 'network_error') {
        this.o.log.warn(`auth: token refresh failed: ${unreachable.message}`);
        throw new AuthRequiredError(`Could not refresh the access token: ${unreachable.message}. The sign-in itself is intact; try again once the network is back.`);
      }
      this.o.log.warn(`auth: token acquisition failed: ${errorText(e)}`);
      throw new AuthRequiredError(`Could not get an access token: ${errorText(e)}`);
    }
  }

  /** Serializes token work inside this process; the file lock covers the other processes. */
  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.inProcess.then(fn, fn);
    this.inProcess = run.catch(() => undefined);
    return run;
  }

  async currentAccount(): Promise<AccountInfo | null> {
    const accounts = await this.pca.getTokenCache().getAllAccounts();
    if (!accounts.length) return null;
    const selected = await this.readSelected();
    return accounts.find((a) => a.homeAccountId === selected?.homeAccountId) ?? accounts[0];
  }

  private async readSelected(): Promise<{ homeAccountId: string; username: string } | undefined> {
    const text = await readFileIfExists(this.o.selectedAccountPath);
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Starts a device-code sign-in, or says there is no need. Marks the sign-in as starting before anything
   *  is awaited: a tool call arriving while the account is still being looked up (a client's first call,
   *  right after the server began its own sign-in) then waits for the code instead of answering
   *  "not signed in". */
  startLogin(force = false): Promise<{ alreadySignedIn: boolean; account?: AccountInfoLite; pending?: PendingLogin }> {
    // A forced sign-in must not take the answer of an unforced one under way ("already signed in").
    if (force && this.starting) return this.starting.catch(() => undefined).then(() => this.startLogin(true));
    // Two callers at once (the automatic sign-in and an auth_login call) get one device code, not two.
    this.starting ??= this.checkThenBegin(force).finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async checkThenBegin(force: boolean): Promise<{ alreadySignedIn: boolean; account?: AccountInfoLite; pending?: PendingLogin }> {
    if (!force) {
      const account = await this.currentAccount();
      // An account whose refresh was rejected for good is not signed in: the advice after that failure is
      // auth_login, which must then start a new sign-in rather than answer "already signed in".
      if (account && !(await refusedForGood(this.o.tokenCachePath))) return { alreadySignedIn: true, account: await this.lite(account) };
    }
    if (this.pending) return { alreadySignedIn: false, pending: this.pending.info };
    return this.beginDeviceCode();
  }

  private async beginDeviceCode(): Promise<{ alreadySignedIn: boolean; pending?: PendingLogin }> {
    let announce!: (info: PendingLogin) => void;
    let fail!: (e: unknown) => void;
    /** When MSAL's first poll of the token endpoint has answered (the code's interval, and a margin). */
    let firstPollBy = 0;
    const announced = new Promise<PendingLogin>((res, rej) => ((announce = res), (fail = rej)));
    const request: DeviceCodeRequest = {
      scopes: this.o.scopes,
      deviceCodeCallback: (r) => {
        // The standard message, on stderr where a person running the container sees it.
        process.stderr.write(`${r.message}\n`);
        firstPollBy = Date.now() + (r.interval || 5) * 1000 + 1500;
        announce({ verificationUri: r.verificationUri, userCode: r.userCode, message: r.message, expiresAt: new Date(Date.now() + r.expiresIn * 1000).toISOString() });
      },
    };
    this.o.log.info(`auth: starting device code sign-in (${this.o.cloud} cloud, tenant ${this.o.tenantId}, ${this.o.scopes.length} scopes)`);
    const done = this.pca.acquireTokenByDeviceCode(request).then(
      async (result) => {
        if (!result?.account) throw new Error('sign-in returned no account');
        await writeFileAtomic(this.o.selectedAccountPath, JSON.stringify({ homeAccountId: result.account.homeAccountId, username: result.account.username }));
          this.lastError = undefined;
        await this.recordHealth({ ok: true });
        this.o.log.info(`auth: Device code login successful as ${result.account.username}; token cached`);
        return result.account;
      },
    );
    const tracked = { info: undefined as unknown as PendingLogin, done, request, firstPollBy: 0 };
    done.catch((e) => {
      // MSAL's bare network_error says nothing of where: name the host that could not be reached.
      const unreachable = (e as { errorCode?: string }).errorCode === 'network_error' ? this.network.lastFailure : undefined;
      const why = unreachable ? new AuthRequiredError(`Could not start the sign-in: ${unreachable.message}. Check that this machine reaches it (network, proxy, firewall, DNS), then try again.`) : e;
      this.lastError = `sign-in failed: ${errorText(why)}`;
      this.o.log.error(`auth: device code sign-in failed: ${errorText(why)}`);
      fail(why);
    }).finally(() => {
      if (this.pending === tracked) this.pending = undefined;
    });
    const info = await announced;
    tracked.info = info;
    tracked.firstPollBy = firstPollBy;
    this.pending = tracked;
    return { alreadySignedIn: false, pending: info };
  }

  /** Waits for the sign-in under way (started by startLogin). */
  async waitForLogin(): Promise<AccountInfo | null> {
    return this.pending ? this.pending.done : this.currentAccount();
  }

  cancelLogin(): void {
    if (this.pending) this.pending.request.cancel = true;
  }

  async logout(username?: string): Promise<{ removed: string[] }> {
    const cache = this.pca.getTokenCache();
    const accounts = await cache.getAllAccounts();
    const targets = username ? accounts.filter((a) => a.username.toLowerCase() === username.toLowerCase()) : accounts;
    for (const a of targets) await cache.removeAccount(a);
    const selected = await this.readSelected();
    if (!username || targets.some((a) => a.homeAccountId === selected?.homeAccountId)) {
      await writeFileAtomic(this.o.selectedAccountPath, '{}');
    }
    this.memo = undefined;
    this.o.log.info(`auth: signed out ${targets.length} account(s)`);
    return { removed: targets.map((a) => a.username) };
  }

  async listAccounts(): Promise<AccountInfoLite[]> {
    const accounts = await this.pca.getTokenCache().getAllAccounts();
    const current = await this.currentAccount();
    return accounts.map((a) => toLite(a, a.homeAccountId === current?.homeAccountId));
  }

  async status(): Promise<AuthStatus> {
    const account = await this.currentAccount();
    const refused = account ? await refusedForGood(this.o.tokenCachePath) : undefined;
    return {
      signedIn: !!account && !refused,
      ...(account ? { account: toLite(account, true) } : {}),
      ...(this.pending ? { pendingLogin: this.pending.info } : {}),
      cloud: this.o.cloud,
      scopes: this.o.scopes,
      ...(this.lastRefresh ? { lastRefresh: this.lastRefresh.toISOString() } : {}),
      ...(this.lastError || refused ? { lastError: this.lastError ?? refused } : {}),
    };
  }

  stop(): void {
    this.cancelLogin();
  }

  private notSignedInText(): string {
    if (this.pending) {
      const p = this.pending.info;
      return `Not signed in yet. To sign in, open ${p.verificationUri} and enter the code ${p.userCode}, then call this tool again.`;
    }
    const damaged = this.cachePlugin.corrupt ? ` (the token cache ${this.o.tokenCachePath} is damaged, not valid JSON; a new sign-in rewrites it)` : '';
    return `Not signed in${damaged}. Call the auth_login tool (it returns a URL and a code), or run \`node dist/index.js --login\`.`;
  }

  private async lite(a: AccountInfo): Promise<AccountInfoLite> {
    return toLite(a, true);
  }
}

function toLite(a: AccountInfo, selected: boolean): AccountInfoLite {
  return { username: a.username, ...(a.name ? { name: a.name } : {}), tenantId: a.tenantId, homeAccountId: a.homeAccountId, selected };
}

/** Entra's AADSTS65001: the grant lacks consent for a permission asked for. */
function isConsentRequired(e: unknown): boolean {
  const x = e as { errorCode?: string; subError?: string; errorMessage?: string };
  return x?.subError === 'consent_required' || x?.errorCode === 'consent_required' || /AADSTS65001/.test(x?.errorMessage ?? '');
}

function isInvalidGrant(e: unknown): boolean {
  const code = (e as { errorCode?: string })?.errorCode ?? '';
  return ['invalid_grant', 'interaction_required', 'consent_required', 'login_required', 'no_tokens_found', 'refresh_token_expired'].includes(code);
}
