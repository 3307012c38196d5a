// Sign-in that lasts, through the real runtime (MSAL, file cache, Graph client) against the sandbox over HTTP.
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, connect, type Connected, memoryLogger, sandboxEnv, startTestSandbox, tempDir, type TestSandbox, textOf, useSandbox, whenLogged } from './fixtures.js';

// These tests are about signing in: where a device code should be approved at once, the sandbox approves it as
// the default user (Adele), the way the demo does.
const AUTO = { autoApproveUser: 'default' };

/** The refresh-token secrets in an MSAL cache file. */
async function refreshTokens(file: string): Promise<string[]> {
  const cache = JSON.parse(await fs.readFile(file, 'utf8')) as { RefreshToken?: Record<string, { secret: string }> };
  return Object.values(cache.RefreshToken ?? {}).map((t) => t.secret);
}

describe('sign-in and refresh', () => {
  const sandbox = useSandbox({ tokenLifetimeSeconds: 2, ...AUTO });
  let s: Connected;
  beforeAll(async () => {
    s = await connect(sandbox, { env: { MS365_MCP_ORG_MODE: 'true' } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('signs in with the device code and calls Graph as the demo user', async () => {
    expect(s.log.lines.join('')).toMatch(/Device code login successful as a\*\*\*@contoso\.sandbox/);
    expect(s.log.lines.join('')).not.toMatch(/adele\.vance(@|%40)/i); // no address in logs, only its masked form
    const me = await call(s.client, 'users_get_me');
    expect(me.isError).toBeFalsy();
    expect(me.structuredContent).toMatchObject({ displayName: 'Adele Vance', userPrincipalName: 'adele.vance@contoso.sandbox' });
    const status = await call(s.client, 'auth_status');
    expect(status.structuredContent).toMatchObject({ signedIn: true, account: { username: 'adele.vance@contoso.sandbox' } });
  });

  it('keeps token files private (0600) and never logs a token', async () => {
    for (const f of ['.token-cache.json', '.selected-account.json']) {
      const st = await fs.stat(`${s.dataDir}/${f}`);
      expect(st.mode & 0o777, f).toBe(0o600);
    }
    const [rt] = await refreshTokens(`${s.dataDir}/.token-cache.json`);
    expect(rt.length).toBeGreaterThan(20);
    const logs = s.log.lines.join('');
    expect(logs).not.toContain(rt);
    expect(logs).not.toMatch(/eyJ[\w-]{20,}\./);
  });

  it('refreshes an expired access token, stores the rotated refresh token and logs it', async () => {
    const before = await refreshTokens(`${s.dataDir}/.token-cache.json`);
    await new Promise((r) => setTimeout(r, 2500));
    const me = await call(s.client, 'users_get_me');
    expect(me.isError).toBeFalsy();
    const after = await refreshTokens(`${s.dataDir}/.token-cache.json`);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    expect(s.log.lines.some((l) => / info auth: token refresh succeeded/.test(l))).toBe(true);
  });

  it('a session restarted on the same files needs no new sign-in', async () => {
    const again = await connect(sandbox, { env: { MS365_MCP_ORG_MODE: 'true' }, dataDir: s.dataDir, signIn: false });
    try {
      const me = await call(again.client, 'users_get_me');
      expect(me.structuredContent).toMatchObject({ displayName: 'Adele Vance' });
      expect(again.log.lines.join('')).not.toMatch(/starting device code sign-in/);
    } finally {
      await again.close();
    }
  });
});

describe('a refresh rejected for good', () => {
  it('answers with how to sign in again', async () => {
    const sandbox = await startTestSandbox({ tokenLifetimeSeconds: 1, ...AUTO });
    const s = await connect(sandbox);
    const { checkHealth } = await import('../src/auth/health.js');
    const cache = `${s.dataDir}/.token-cache.json`;
    try {
      expect(await checkHealth(cache)).toMatchObject({ healthy: true });
      expect(sandbox.revokeRefreshTokens()).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 1200));
      const r = await call(s.client, 'users_get_me');
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/adele\.vance@contoso\.sandbox has expired or was revoked/);
      expect(textOf(r)).toMatch(/auth_login/);
      expect(textOf(r)).toMatch(/--login/);
      const status = await call(s.client, 'auth_status');
      expect(status.structuredContent).toMatchObject({ signedIn: false, lastError: expect.stringMatching(/refresh failed/) });
      // The container's health check sees it too, from another process's point of view (files only).
      const health = await checkHealth(cache);
      expect(health.healthy).toBe(false);
      expect(health.reason).toMatch(/sign in again/);
      // Following the advice: auth_login starts a new sign-in (not "already signed in"), and it works.
      const login = await call(s.client, 'auth_login');
      expect(login.structuredContent).toMatchObject({ status: 'pending' });
      await (await s.runtime.auth.manager())!.waitForLogin();
      expect((await call(s.client, 'users_get_me')).isError).toBeFalsy();
      expect(await call(s.client, 'auth_status')).toMatchObject({ structuredContent: { signedIn: true } });
      expect((await checkHealth(cache)).healthy).toBe(true);
    } finally {
      await s.close();
      await sandbox.close();
    }
  });
});

describe('an identity platform that cannot be reached', () => {
  it('a refresh waits out a short outage (a restarting container) instead of failing the call', async () => {
    const first = await startTestSandbox({ tokenLifetimeSeconds: 1, ...AUTO });
    const port = Number(new URL(first.url).port);
    const s = await connect(first);
    let second: TestSandbox | undefined;
    try {
      await first.close();
      await new Promise((r) => setTimeout(r, 1200)); // the access token expires while the tenant is down
      // The tenant comes back once the refresh has met the refused connection, whatever the machine's speed.
      const back = whenLogged(s.log, /identity platform at \S+ unreachable \(ECONNREFUSED\), retrying/).then(async () => {
        second = await startTestSandbox({ tokenLifetimeSeconds: 1, ...AUTO, stateDir: first.stateDir, port });
      });
      const me = await call(s.client, 'users_get_me');
      await back;
      expect(textOf(me)).not.toMatch(/could not/i);
      expect(me.structuredContent).toMatchObject({ displayName: 'Adele Vance' });
      expect(s.log.lines.some((l) => / warn auth: identity platform at 127\.0\.0\.1:\d+ unreachable \(ECONNREFUSED\), retrying/.test(l))).toBe(true);
      expect(s.log.lines.some((l) => / info auth: token refresh succeeded/.test(l))).toBe(true);
    } finally {
      await s.close();
      await second?.close();
    }
  });

  it('a longer outage gives one clear error and leaves the sign-in and health intact', async () => {
    const sandbox = await startTestSandbox({ tokenLifetimeSeconds: 1, ...AUTO });
    const s = await connect(sandbox);
    const { checkHealth } = await import('../src/auth/health.js');
    try {
      await sandbox.close();
      await new Promise((r) => setTimeout(r, 1200));
      const me = await call(s.client, 'users_get_me');
      expect(me.isError).toBe(true);
      expect(textOf(me)).toMatch(/could not reach the identity platform at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
      expect(textOf(me)).toMatch(/sign-in itself is intact/);
      expect(textOf(me)).not.toMatch(/--login|expired or was revoked/);
      expect(await checkHealth(`${s.dataDir}/.token-cache.json`)).toMatchObject({ healthy: true });
      // five attempts in all, never a second device-code sign-in
      expect(s.log.lines.filter((l) => /unreachable \(ECONNREFUSED\), retrying/.test(l))).toHaveLength(5);
      expect(s.log.lines.join('')).not.toMatch(/To sign in/);
    } finally {
      await s.close();
    }
  });
});

describe('before sign-in', () => {
  it('auth_login returns the URL and code at once, and a tool called meanwhile repeats them', async () => {
    const sandbox = await startTestSandbox();
    const s = await connect(sandbox, { signIn: false });
    try {
      const login = await call(s.client, 'auth_login');
      const pending = (login.structuredContent as { pending: { verificationUri: string; userCode: string } }).pending;
      expect(login.structuredContent).toMatchObject({ status: 'pending' });
      expect(pending.verificationUri).toBe(`${sandbox.url}/devicelogin`);
      expect(textOf(login)).toMatch(/To sign in, use a web browser to open the page .* and enter the code/);
      const me = await call(s.client, 'users_get_me');
      expect(me.isError).toBe(true);
      expect(textOf(me)).toContain(pending.userCode);
      expect(textOf(me)).toContain(pending.verificationUri);
    } finally {
      await s.close();
      await sandbox.close();
    }
  });

  it('a tool called while the sign-in is starting answers with its URL and code; concurrent starts share one code', async () => {
    const sandbox = await startTestSandbox();
    const s = await connect(sandbox, { signIn: false });
    try {
      const m = (await s.runtime.auth.manager())!;
      const automatic = m.startLogin(false); // as the server does at start, without waiting
      const [me, login1, login2] = await Promise.all([call(s.client, 'users_get_me'), call(s.client, 'auth_login'), call(s.client, 'auth_login')]);
      const { pending } = await automatic;
      expect(pending?.userCode).toMatch(/^[A-Z0-9]{6,}$/);
      expect(me.isError).toBe(true);
      expect(textOf(me)).toContain(pending!.userCode);
      expect(textOf(me)).toContain(`${sandbox.url}/devicelogin`);
      for (const l of [login1, login2]) expect((l.structuredContent as { pending: { userCode: string } }).pending.userCode).toBe(pending!.userCode);
      expect(s.log.lines.filter((l) => /auth: starting device code sign-in/.test(l))).toHaveLength(1);
    } finally {
      await s.close();
      await sandbox.close();
    }
  });

  it('a token asked for in the same moment the automatic sign-in starts waits for it (an auto-approving tenant signs it in)', async () => {
    const sandbox = await startTestSandbox(AUTO);
    const s = await connect(sandbox, { signIn: false });
    try {
      const m = (await s.runtime.auth.manager())!;
      // No await between the two: the sign-in counts as starting from its first line, not from after its account lookup.
      const automatic = m.startLogin(false);
      const token = await m.getToken();
      expect(token.split('.')).toHaveLength(3);
      expect((await automatic).alreadySignedIn).toBe(false);
      // A forced sign-in asked while an unforced one is under way is not answered "already signed in" by it.
      const [plain, forced] = await Promise.all([m.startLogin(false), m.startLogin(true)]);
      expect(plain.alreadySignedIn).toBe(true);
      expect(forced.alreadySignedIn).toBe(false);
      expect(forced.pending?.userCode).toMatch(/^[A-Z0-9]{6,}$/);
    } finally {
      await s.close();
      await sandbox.close();
    }
  });

  it('a server with no app registration says how to configure one', async () => {
    const { buildConfig } = await import('../src/config.js');
    const { createRuntime } = await import('../src/runtime.js');
    const rt = await createRuntime(buildConfig('serve', {}, { HOME: '/nonexistent' }), memoryLogger());
    await expect(rt.graph.get('/me')).rejects.toThrow(/MS365_MCP_CLIENT_ID/);
    await rt.close();
  });
});

describe('more permissions than the sign-in consented to', () => {
  it('names the missing permissions and the command of this configuration; following it works', async () => {
    const sandbox = await startTestSandbox(AUTO);
    const personal = await connect(sandbox, { env: { MS365_MCP_ENABLE_CALENDAR: 'false' } });
    await personal.close();
    // The same cache, started in organization mode: shared mailboxes and the directory need more.
    const org = await connect(sandbox, { dataDir: personal.dataDir, env: { MS365_MCP_ORG_MODE: 'true', MS365_MCP_ENABLE_CALENDAR: 'false', MS365_MCP_AUTO_LOGIN: 'false' }, signIn: false });
    try {
      const r = await call(org.client, 'users_get_user', { user: 'megan.bowen@contoso.sandbox' });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/does not cover the permissions this configuration needs \(missing: [^)]*User\.Read\.All[^)]*\)/);
      expect(textOf(r)).toContain('`MS365_MCP_ENABLE_CALENDAR=false node dist/index.js --login --org-mode`');
      expect(textOf(r)).not.toMatch(/expired or was revoked/);
      // As advised: the printed command (its environment and flags as given) asks for them.
      const { runCli } = await import('./e2e/process.js');
      const login = await runCli(['--login', '--org-mode'], sandboxEnv(sandbox.url, org.dataDir, { MS365_MCP_ENABLE_CALENDAR: 'false' }));
      expect(login.code, login.stderr).toBe(0);
      expect((await call(org.client, 'users_get_user', { user: 'megan.bowen@contoso.sandbox' })).isError).toBeFalsy();
    } finally {
      await org.close();
      await sandbox.close();
    }
  });
});

describe('a refresh lock held by another process', () => {
  it('answers that another process is refreshing, then works once it lets go', async () => {
    const sandbox = await startTestSandbox({ tokenLifetimeSeconds: 1, ...AUTO });
    const s = await connect(sandbox);
    const lock = `${s.dataDir}/.token-cache.json.refresh.lock`;
    // A live holder: the lock directory, kept fresh as proper-lockfile's holder keeps it.
    await fs.mkdir(lock);
    const touch = setInterval(() => void fs.utimes(lock, new Date(), new Date()).catch(() => undefined), 500);
    try {
      await new Promise((r) => setTimeout(r, 1200)); // the access token expired: the call must refresh
      const r = await call(s.client, 'users_get_me');
      expect(r.isError).toBe(true);
      expect(textOf(r)).toBe('Another process is refreshing the sign-in right now (the token cache is locked by it); try again in a few seconds.');
      clearInterval(touch);
      await fs.rmdir(lock);
      // As the answer says: again, a moment later.
      expect((await call(s.client, 'users_get_me')).isError).toBeFalsy();
    } finally {
      clearInterval(touch);
      await s.close();
      await sandbox.close();
    }
  }, 40_000);
});

describe('--verify-login', () => {
  it('proves the refresh token, not only a cached access token: a revoked sign-in fails it', async () => {
    const sandbox = await startTestSandbox(AUTO);
    const s = await connect(sandbox);
    const { runCli } = await import('./e2e/process.js');
    const env = sandboxEnv(sandbox.url, s.dataDir);
    try {
      const ok = await runCli(['--verify-login'], env);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/Signed in as Adele Vance <adele\.vance@contoso\.sandbox>: the refresh token works/);
      sandbox.revokeRefreshTokens();
      // The access token in the cache is still good for an hour; the refresh token is not.
      const revoked = await runCli(['--verify-login'], env);
      expect(revoked.code).toBe(1);
      expect(revoked.stderr).toMatch(/has expired or was revoked.*--login/);
    } finally {
      await s.close();
      await sandbox.close();
    }
  });
});

describe('a damaged token cache, an unreachable identity platform', () => {
  it('names the damaged file, in the tool answer and in --health, and a new sign-in rewrites it', async () => {
    const sandbox = await startTestSandbox(AUTO);
    const s = await connect(sandbox);
    const cache = `${s.dataDir}/.token-cache.json`;
    try {
      await fs.writeFile(cache, '{"Account": {"oops"');
      const r = await call(s.client, 'users_get_me');
      expect(r.isError).toBe(true);
      expect(textOf(r)).toContain(`the token cache ${cache} is damaged`);
      const { runCli } = await import('./e2e/process.js');
      const health = await runCli(['--health'], sandboxEnv(sandbox.url, s.dataDir));
      expect(health.code).toBe(1);
      expect(health.stdout).toContain(`unhealthy: the token cache ${cache} is damaged (not valid JSON)`);
      // As the answer says: a new sign-in rewrites the file.
      expect((await call(s.client, 'auth_login')).structuredContent).toMatchObject({ status: 'pending' });
      await (await s.runtime.auth.manager())!.waitForLogin();
      expect((await call(s.client, 'users_get_me')).isError).toBeFalsy();
      expect((await runCli(['--health'], sandboxEnv(sandbox.url, s.dataDir))).code).toBe(0);
    } finally {
      await s.close();
      await sandbox.close();
    }
  });

  it('--login names the identity platform host it could not reach', async () => {
    const { runCli } = await import('./e2e/process.js');
    const dir = await tempDir();
    // A port nothing listens on: the sandbox's identity platform is "down".
    const r = await runCli(['--login'], sandboxEnv('http://127.0.0.1:9', dir), '', 60_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Could not start the sign-in: could not reach the identity platform at 127\.0\.0\.1:9 \(.*\)\. Check that this machine reaches it/);
    expect(r.stderr).not.toMatch(/^network_error/m);
  }, 70_000);
});
