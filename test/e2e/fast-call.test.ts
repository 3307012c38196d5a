// The stdio fast call (src/transports/fast-call.ts): a signed-in `node dist/index.js` runs a plain
// tools/call without the MCP SDK. Its answers must be the full server's, byte for byte; what it does not
// take plainly (bad arguments, destructive tools that ask first, the sign-in tools, no sign-in yet) the
// full server answers; a write it makes is made once; an expired token is refreshed on the way.
import { describe, expect, it } from 'vitest';
import { ADELE, allPages, sandboxEnv, tempDir, useSandbox } from '../fixtures.js';
import { runCli } from './process.js';

const ORG = { MS365_MCP_ORG_MODE: 'true', LOG_LEVEL: 'debug' };
const request = (id: number, name: string, args: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args, ...extra } });
/** Answers, byte for byte but for Graph's request ids, in id order (the SDK answers concurrent requests in any order). */
const sorted = (out: string) => out.trim().split('\n').map((l) => l.replace(/request-id [0-9a-f-]+/g, 'request-id …')).sort();
/** The same call as one the fast path leaves alone: a `_meta` member (as a client asking for progress sends). */
const viaSdk = (id: number, name: string, args: Record<string, unknown>) => request(id, name, args, { _meta: {} });

describe('stdio fast call, signed in', () => {
  const sb = useSandbox();

  async function signedIn() {
    const c = await sb.as(ADELE);
    await c.close(); // only its token cache is wanted: the processes below read it
    return (extra: Record<string, string> = {}) => sandboxEnv(sb.url, c.dataDir, { ...ORG, ...extra });
  }

  it('answers reads as the full server does, in a session that goes on after them', async () => {
    const env = await signedIn();
    const session = (call: typeof request) => [
      call(1, 'users_get_me', {}),
      '{"jsonrpc":"2.0","id":2,"method":"tools/list"}',
      call(3, 'mail_list_messages', { limit: 3 }),
      call(4, 'users_get_user', { user: 'nobody@contoso.sandbox' }),
    ].join('\n') + '\n';
    const [fast, full] = await Promise.all([runCli([], env(), session(request)), runCli([], env(), session(viaSdk))]);
    expect(fast.code).toBe(0);
    expect(full.code).toBe(0);
    for (const name of ['users_get_me', 'mail_list_messages', 'users_get_user']) {
      expect(fast.stderr).toContain(`stdio: ${name} answered on the fast path`);
      expect(full.stderr).not.toContain(`stdio: ${name} answered on the fast path`);
    }
    expect(sorted(fast.stdout)).toEqual(sorted(full.stdout));
    const answers = fast.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answers.map((a) => a.id)).toEqual([1, 2, 3, 4]);
    expect(answers[0].result.structuredContent.userPrincipalName).toBe(ADELE);
    expect(answers[2].result.structuredContent.messages).toHaveLength(3);
    expect(answers[3].result.isError).toBe(true);
  });

  it('leaves bad arguments, destructive tools and the sign-in tools to the full server', async () => {
    const env = await signedIn();
    const lines = [request(1, 'users_get_user', { user: 42 }), request(2, 'mail_delete_message', { ids: ['AAMk-none'] }), request(3, 'auth_status', {})];
    const [fast, full] = await Promise.all([runCli([], env(), `${lines.join('\n')}\n`), runCli([], env(), `${lines.map((l) => l.replace('"params":{', '"params":{"_meta":{},')).join('\n')}\n`)]);
    expect(fast.stderr).toContain('stdio: users_get_user left to the full server');
    expect(fast.stderr).not.toMatch(/answered on the fast path/);
    expect(sorted(fast.stdout)).toEqual(sorted(full.stdout));
    expect(JSON.parse(fast.stdout.split('\n')[0]).result.isError).toBe(true);
  });

  it('makes a write once', async () => {
    const env = await signedIn();
    const name = `Fast path ${Date.now()}`;
    const out = await runCli([], env(), `${request(1, 'mail_create_folder', { name })}\n`);
    expect(out.stderr).toContain('stdio: mail_create_folder answered on the fast path');
    expect(JSON.parse(out.stdout).result.isError).toBeUndefined();
    const folders = await allPages(sb, await sb.graphAs(ADELE), '/me/mailFolders?$top=100');
    expect(folders.filter((f) => f.displayName === name)).toHaveLength(1);
  });

  it("a call that shows times in the user's zone still never loads MSAL (who is signed in comes from the cache file)", async () => {
    const env = await signedIn();
    const out = await runCli([], { ...env(), LOG_LEVEL: 'debug' }, `${request(1, 'mail_list_messages', { limit: 2 })}\n`);
    expect(out.stderr).toContain('stdio: mail_list_messages answered on the fast path');
    const answer = JSON.parse(out.stdout).result;
    expect(answer.isError).toBeUndefined();
    // Adele works in Pacific time: her mail's times carry its offset, not Z.
    expect(answer.structuredContent.messages[0].received).toMatch(/-0[78]:00$/);
    expect(out.stderr).not.toContain('auth: loading MSAL');
  });

  it('without a sign-in leaves the call to the full server, which starts one', async () => {
    const dir = await tempDir();
    const out = await runCli([], sandboxEnv(sb.url, dir, ORG), `${request(1, 'users_get_me', {})}\n`);
    expect(out.stderr).toContain('stdio: users_get_me left to the full server');
    expect(JSON.parse(out.stdout).result.isError).toBe(true);
  });
});

describe('stdio fast call with short-lived tokens', () => {
  // Tokens that are never fresh enough for the cached-token shortcut: MSAL loads and refreshes in the call.
  const sb = useSandbox({ tokenLifetimeSeconds: 90 });

  it('refreshes the expired token on the way and answers', async () => {
    const c = await sb.as(ADELE);
    await c.close();
    const out = await runCli([], sandboxEnv(sb.url, c.dataDir, ORG), `${request(1, 'users_get_me', {})}\n`);
    expect(out.stderr).toContain('stdio: users_get_me answered on the fast path');
    expect(JSON.parse(out.stdout).result.structuredContent.userPrincipalName).toBe(ADELE);
  });
});

describe('a client that makes a single call before anyone signed in', () => {
  // Device codes approved at once, as the sandbox's MS365_MCP_SANDBOX_USER does (and a quick person might).
  const sb = useSandbox({ autoApproveUser: 'default' });

  it('gets its answer once the sign-in completes, not "not signed in yet" (the MCP Inspector CLI pattern)', async () => {
    const dir = await tempDir();
    const out = await runCli([], sandboxEnv(sb.url, dir, ORG), `${request(1, 'users_get_me', {})}\n`);
    const answer = JSON.parse(out.stdout).result;
    expect(answer.isError, answer.content?.[0]?.text).toBeUndefined();
    expect(answer.structuredContent.userPrincipalName).toBe(ADELE);
    expect(out.stderr).toMatch(/Device code login successful/);
  });
});
