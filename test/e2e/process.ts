// Runs the built server (dist/index.js) as a child process, as the container and `docker exec` do.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { sandboxEnv, type SandboxFixture } from '../fixtures.js';

export const ENTRY = path.resolve(import.meta.dirname, '../../dist/index.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs to completion with the given stdin; kills it after timeoutMs. */
export function runCli(args: string[], env: Record<string, string>, input = '', timeoutMs = 30_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ENTRY, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream, so a character split across two chunks stays whole.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

/** Starts a long-running process; `waitFor` resolves with the first stderr match. */
export function startCli(args: string[], env: Record<string, string>): ChildProcess & { stderrText: () => string; waitFor: (re: RegExp, ms?: number) => Promise<RegExpMatchArray>; stop: () => Promise<number | null> } {
  const child = spawn(process.execPath, [ENTRY, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  child.stderr!.on('data', (d) => {
    stderr += d;
    if (process.env.DEBUG_TESTS) process.stderr.write(d);
    for (const w of [...waiters]) {
      const m = stderr.match(w.re);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return Object.assign(child, {
    stderrText: () => stderr,
    waitFor: (re: RegExp, ms = 20_000) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const m = stderr.match(re);
        if (m) return resolve(m);
        const t = setTimeout(() => reject(new Error(`timed out waiting for ${re} in stderr:\n${stderr}`)), ms);
        waiters.push({ re, resolve: (x) => (clearTimeout(t), resolve(x)) });
        void exited.then(() => setTimeout(() => reject(new Error(`process exited before ${re}; stderr:\n${stderr}`)), 50));
      }),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  });
}

/** The built server for many people over HTTP (MS365_MCP_HTTP_AUTH=entra, organization mode) against a sandbox
 *  tenant, on a free loopback port; `env` adds to or overrides its environment (HOME at least). */
export async function startEntraServer(sandboxUrl: string, env: Record<string, string>): Promise<{ proc: ReturnType<typeof startCli>; url: string }> {
  const proc = startCli(['--http', '127.0.0.1:0', '--org-mode'], { MS365_MCP_CLOUD: 'sandbox', MS365_MCP_SANDBOX_URL: sandboxUrl, MS365_MCP_HTTP_AUTH: 'entra', ...env });
  const url = (await proc.waitFor(/serving MCP at (http:\/\/\S+\/mcp) \(each person signs in/))[1];
  return { proc, url };
}

/** The built server over --http (organization mode) for one person signed in with a sandbox fixture, and an MCP
 *  client connected to it; `env` adds settings. Stop both with `client.close()` and `proc.stop()`. */
export async function httpServerAs(sb: SandboxFixture, upn: string, env: Record<string, string>): Promise<{ proc: ReturnType<typeof startCli>; client: Client }> {
  const signedIn = await sb.as(upn);
  await signedIn.close();
  const proc = startCli(['--http', '127.0.0.1:0', '--org-mode'], sandboxEnv(sb.url, signedIn.dataDir, { LOG_LEVEL: 'info', ...env }));
  const url = (await proc.waitFor(/serving MCP at (http:\/\/\S+\/mcp)/))[1];
  const client = new Client({ name: 'http-test', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return { proc, client };
}

/** The JSON audit lines (one per tool call) a server wrote to stderr so far. */
export const auditLinesOf = (proc: { stderrText: () => string }): (Record<string, unknown> & { event: string; tool: string })[] =>
  proc
    .stderrText()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown> & { event: string; tool: string })
    .filter((a) => a.event === 'tool_call');
