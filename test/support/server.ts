// The server side of the fixtures: a sandbox tenant on a loopback port, the real server runtime (MSAL, Graph
// client, tools) pointed at it, a real MCP client on linked in-memory transports, and signing in as a person.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { buildConfig, type Command } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/log.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

export const tempDir = (prefix = 'ms365-test-') => fs.mkdtemp(path.join(os.tmpdir(), prefix));

export type TestSandbox = Sandbox & { stateDir: string };

/**
 * A sandbox with its state in a fresh directory. Like a real tenant, nobody is signed in automatically: people
 * approve their device codes on its page (signInAs, tokenFor). Tests of the sign-in flows themselves pass
 * `autoApproveUser: 'default'` to have every device code approved at once as the default user.
 */
export async function startTestSandbox(opts: SandboxOptions = {}): Promise<TestSandbox> {
  const stateDir = opts.stateDir ?? (await tempDir('ms365-sandbox-'));
  const sandbox = await startSandbox({ ...opts, stateDir });
  return Object.assign(sandbox, { stateDir });
}

/** A logger that keeps lines for assertions (and echoes them to stderr with DEBUG_TESTS=1). */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = createLogger('debug', (l) => {
    lines.push(l);
    if (process.env.DEBUG_TESTS) process.stderr.write(l);
  });
  return Object.assign(log, { lines });
}

export interface Connected {
  client: Client;
  runtime: Runtime;
  log: Logger & { lines: string[] };
  dataDir: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  env?: Record<string, string>;
  flags?: Record<string, string>;
  /** Wait for the sign-in to complete (false: leave the server signed out). */
  signIn?: boolean;
  dataDir?: string;
  command?: Command;
  client?: Client;
}

/** Environment that points a server at the sandbox and keeps its files in dataDir. A test calls tools faster than
 *  any person, so the per-person limit on tool calls is off unless a test sets it (test/e2e/rate-limit*.test.ts). */
export function sandboxEnv(sandboxUrl: string, dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: dataDir,
    XDG_CONFIG_HOME: dataDir,
    MS365_MCP_CLOUD: 'sandbox',
    MS365_MCP_SANDBOX_URL: sandboxUrl,
    MS365_MCP_TOKEN_CACHE_PATH: path.join(dataDir, '.token-cache.json'),
    MS365_MCP_SELECTED_ACCOUNT_PATH: path.join(dataDir, '.selected-account.json'),
    MS365_MCP_RATE_LIMIT: '0',
    ...extra,
  };
}

/** A server runtime against the sandbox with a connected MCP client. It waits for the sign-in unless signIn is
 *  false, so it suits a sandbox that auto-approves; to sign in as a particular person, use signInAs. */
export async function connect(sandbox: { url: string }, opts: ConnectOptions = {}): Promise<Connected> {
  const dataDir = opts.dataDir ?? (await tempDir());
  const config = buildConfig(opts.command ?? 'serve', opts.flags ?? {}, sandboxEnv(sandbox.url, dataDir, opts.env));
  const log = memoryLogger();
  const runtime = await createRuntime(config, log);
  if (opts.signIn !== false) {
    const started = await runtime.auth.startLogin(false);
    if (!started.alreadySignedIn) await (await runtime.auth.manager())!.waitForLogin();
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = runtime.factory();
  await server.connect(serverSide);
  const client = opts.client ?? new Client({ name: 'test-client', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    runtime,
    log,
    dataDir,
    close: async () => {
      await client.close();
      await server.close();
      await runtime.close();
    },
  };
}

/** The form the sandbox's /devicelogin page posts when a person approves a code. */
export const approvalForm = (userCode: string, upn: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ otc: userCode, user: upn, action: 'approve' }).toString(),
});

/**
 * A server signed in as `upn` (organization mode unless env says otherwise), with a connected MCP client: the
 * server asks for a device code and the person approves it on the sandbox's page, as they would in a browser.
 */
export async function signInAs(sandbox: { url: string }, upn: string, env: Record<string, string> = { MS365_MCP_ORG_MODE: 'true' }, opts: ConnectOptions = {}): Promise<Connected> {
  const c = await connect(sandbox, { ...opts, env: { MS365_MCP_AUTO_LOGIN: 'false', ...env }, signIn: false });
  const started = await c.runtime.auth.startLogin(false);
  if (!started.pending) throw new Error('no device code was issued');
  const approved = await fetch(started.pending.verificationUri, approvalForm(started.pending.userCode, upn));
  if (!/You have signed in/.test(await approved.text())) throw new Error(`could not approve the sign-in of ${upn}: ${approved.status}`);
  await (await c.runtime.auth.manager())!.waitForLogin();
  return c;
}

export type ToolResult = { isError?: boolean; content: { type: string; text?: string }[]; structuredContent?: Record<string, unknown> };

export async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

export const textOf = (r: ToolResult) => r.content.map((c) => c.text ?? '').join('\n');

/** Resolves once a log line matches (polled), so a test can act at the moment the server reports something. */
export async function whenLogged(log: { lines: string[] }, re: RegExp, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!log.lines.some((l) => re.test(l))) {
    if (Date.now() > until) throw new Error(`no log line matched ${re}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
