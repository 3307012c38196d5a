// A token directory the server cannot use (issue 9 item 11; the guide's "Permission Errors": a volume owned by
// root while the server runs as node, or mounted read-only): every call answers at once with the directory,
// the user id and the chown that fixes it; --health reports it; --login says so before showing a code; and
// after the advised chown everything works. The server runs as another user (uid 1000) through setpriv,
// which needs root: elsewhere these tests are skipped.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ADELE, sandboxEnv, useSandbox } from '../fixtures.js';
import { ENTRY } from './process.js';

const canSwitchUser = process.getuid?.() === 0 && (() => {
  try {
    execFileSync('setpriv', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const UID = 1000;

/** Runs the built server as uid 1000 with the given stdin; resolves with its output. */
function runAs(args: string[], env: Record<string, string>, input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('setpriv', [`--reuid=${UID}`, `--regid=${UID}`, '--clear-groups', process.execPath, ENTRY, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const CALL = `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'users_get_me', arguments: {} } })}\n`;

describe.skipIf(!canSwitchUser)('a token directory the server cannot use', () => {
  const sb = useSandbox();

  it('owned by root: calls, --health and --login name the directory, the user id and the chown; the chown fixes it', async () => {
    const c = await sb.as(ADELE); // signs in as root: the directory and its files are root's, mode 0700/0600
    await c.close();
    const env = sandboxEnv(sb.url, c.dataDir);
    await fs.chmod(c.dataDir, 0o755); // the home (HOME) must stay reachable; the token files stay 0600 root
    const fix = `chown -R ${UID} ${c.dataDir}`;
    const call = await runAs([], env, CALL);
    const text = JSON.parse(call.stdout).result.content[0].text as string;
    expect(text).toMatch(new RegExp(`The token directory ${c.dataDir} cannot be (read|written) by this process \\(user id ${UID}; EACCES\\)`));
    expect(text).toContain(fix);
    expect(text).toContain('docker compose exec -u root ms365-mcp chown -R node:node /app/data');
    const health = await runAs(['--health'], env);
    expect(health.code).toBe(1);
    expect(health.stdout).toContain(fix);
    const login = await runAs(['--login'], env);
    expect(login.code).toBe(1);
    expect(login.stderr).toContain(fix);
    expect(login.stderr).not.toMatch(/To sign in, use a web browser/);
    // As advised.
    execFileSync('sh', ['-c', fix]);
    const after = await runAs([], env, CALL);
    expect(JSON.parse(after.stdout).result.structuredContent.userPrincipalName).toBe(ADELE);
    expect((await runAs(['--health'], env)).code).toBe(0);
  });

  it('read-only: a refresh that cannot be saved says so at once, naming the fix', async () => {
    const c = await sb.as(ADELE);
    await c.close();
    const env = sandboxEnv(sb.url, c.dataDir);
    execFileSync('sh', ['-c', `chown -R ${UID} ${c.dataDir} && chmod 0644 ${c.dataDir}/.token-cache.json && chmod 0555 ${c.dataDir}`]);
    // Readable files, a directory the server cannot write: --health says so before any refresh fails.
    const health = await runAs(['--health'], env);
    expect(health.code).toBe(1);
    expect(health.stdout).toMatch(/cannot be written by this process \(user id 1000; EACCES\)/);
    // A refresh (--verify-login forces one) fails at once with the same words, instead of hanging on the lock.
    const verify = await runAs(['--verify-login'], env);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/cannot be written by this process \(user id 1000; EACCES\).*chown -R 1000/);
    execFileSync('chmod', ['0700', c.dataDir]);
    expect((await runAs(['--health'], env)).code).toBe(0);
    expect((await runAs(['--verify-login'], env)).code).toBe(0);
  });
});
