// What the replica-set tests (test/e2e/replicas*.test.ts) need around scripts/cluster.mjs: people signed in through
// HAProxy, one MCP client each over the public URL, a load of tool calls that answer with the caller's own data (each
// answer checked against its caller), HAProxy's request log read line by line, and what to print when a test fails.
import fs from 'node:fs';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { startCluster } from '../../scripts/cluster.mjs';
import { signInThroughFront } from '../../scripts/front-sign-in.mjs';
import { startTestSandbox, tempDir, type TestSandbox } from '../fixtures.js';

export type Cluster = Awaited<ReturnType<typeof startCluster>>;
export type Tokens = { access_token: string; refresh_token: string };
export const CLIENT = { client_id: 'contoso-desktop', client_name: 'Contoso Desktop', redirect_uris: ['http://127.0.0.1:33419/callback'] };

/** MSAL renews a token 300 s before it expires: Graph tokens of 302 s are renewed after 2 s of use, many times during
 *  a run (thousands of calls through three processes and a proxy take longer than that on any machine). */
const GRAPH_TOKEN_SECONDS = 302;

/** A sandbox tenant whose log lines go to `log`, and three replicas behind HAProxy, all ready. */
export async function startReplicaSet(log: string[]): Promise<{ sandbox: TestSandbox; cluster: Cluster }> {
  const sandbox = await startTestSandbox({ tokenLifetimeSeconds: GRAPH_TOKEN_SECONDS, log: (l) => log.push(l) });
  const cluster = await startCluster({ dir: await tempDir('ms365-replicas-'), sandboxUrl: sandbox.url, replicas: 3, clients: [CLIENT] });
  await Promise.all(cluster.replicas.map((r) => r.ready()));
  return { sandbox, cluster };
}

export interface Person {
  upn: string;
  tokens: Tokens;
  client: Client;
}

/** A person's whole sign-in through the cluster's public URL (options as signInThroughFront's). */
export const signIn = (cluster: Cluster, upn: string, more: Pick<Parameters<typeof signInThroughFront>[1], 'route' | 'authorizeOrigin'> = {}): Promise<Tokens> =>
  signInThroughFront(cluster.url, { upn, clientId: CLIENT.client_id, redirectUri: CLIENT.redirect_uris[0], ...more });

/** An MCP client over the public URL that sends the person's front token. */
export async function connect(cluster: Cluster, accessToken: string): Promise<Client> {
  const client = new Client({ name: 'replicas-test', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(cluster.mcpUrl), { requestInit: { headers: { authorization: `Bearer ${accessToken}` } } }));
  return client;
}

export async function signInAndConnect(cluster: Cluster, upn: string): Promise<Person> {
  const tokens = await signIn(cluster, upn);
  return { upn, tokens, client: await connect(cluster, tokens.access_token) };
}

export interface Outcome {
  caller: string;
  tool: string;
  /** Whose data the answer holds (undefined when the call failed). */
  answeredFor?: string;
  error?: string;
  started: number;
  ended: number;
}

/** One call answering with the caller's own data, by turns: their profile, or their default calendar's owner. */
export async function ownCall(p: Person, turn: number): Promise<Outcome> {
  const tool = turn % 2 ? 'calendar_list_calendars' : 'users_get_me';
  const started = Date.now();
  const done = (o: Pick<Outcome, 'answeredFor' | 'error'>): Outcome => ({ caller: p.upn, tool, started, ended: Date.now(), ...o });
  try {
    const r = await p.client.callTool({ name: tool, arguments: {} });
    if (r.isError) return done({ error: JSON.stringify(r.content).slice(0, 300) });
    const s = r.structuredContent as { userPrincipalName?: string; calendars?: { owner: string; isDefault?: boolean }[] };
    return done({ answeredFor: tool === 'users_get_me' ? s.userPrincipalName : s.calendars?.find((c) => c.isDefault)?.owner });
  } catch (e) {
    return done({ error: (e as Error).message.slice(0, 300) });
  }
}

/** Every person calls, one call after the other, until `callsEach` calls or stop(): what a set of MCP clients does. */
export class Load {
  readonly outcomes: Outcome[] = [];
  private stopping = false;
  private readonly running: Promise<void>;

  constructor(people: Person[], callsEach = Infinity) {
    this.running = Promise.all(people.map(async (p) => {
      for (let turn = 0; turn < callsEach && !this.stopping; turn++) this.outcomes.push(await ownCall(p, turn));
    })).then(() => undefined);
  }

  /** The outcomes once every person made their calls. */
  async done(): Promise<Outcome[]> {
    await this.running;
    return this.outcomes;
  }

  /** Ends the load once the calls under way are answered; the outcomes are then complete. */
  async stop(): Promise<Outcome[]> {
    this.stopping = true;
    await this.running;
    return this.outcomes;
  }

  /** Until at least `n` more calls have been answered (bounded). */
  async further(n: number, timeoutMs = 60_000): Promise<void> {
    const target = this.outcomes.length + n;
    const deadline = Date.now() + timeoutMs;
    while (this.outcomes.length < target && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }
}

export const failed = (outcomes: Outcome[]) => outcomes.filter((o) => o.error !== undefined);
/** Answers that hold someone else's data than the caller's (or no one's). */
export const mixed = (outcomes: Outcome[]) => outcomes.filter((o) => o.error === undefined && o.answeredFor !== o.caller);

/** One request in HAProxy's log (option httplog). `termination` is its 4-letter state ("----": normal; "SH": the
 *  server aborted before answering headers; "SC": the connection to it was refused...); `retries` counts the attempts
 *  sent again, `redispatched` whether one went to another server. */
export interface LogLine {
  server: string;
  status: number;
  termination: string;
  retries: number;
  redispatched: boolean;
  method: string;
  path: string;
}

const LINE = /^\S+ \[[^\]]+\] \S+ [^/\s]+\/(\S+) \S+ (-?\d+) \S+ \S+ \S+ (\S{4}) \d+\/\d+\/\d+\/\d+\/(\+?)(\d+) \S+ "(\S+) (\S+)/;

/** HAProxy's requests logged from `from` (a length of log() taken before). */
export function requests(cluster: Cluster, from = 0): LogLine[] {
  return cluster.haproxy.log().slice(from).split('\n').flatMap((l) => {
    const m = LINE.exec(l);
    return m ? [{ server: m[1], status: Number(m[2]), termination: m[3], redispatched: m[4] === '+', retries: Number(m[5]), method: m[6], path: m[7] }] : [];
  });
}

/** HAProxy's requests from `from` once `until` holds for them: it logs a request after its answer was sent. */
export async function logged(cluster: Cluster, from: number, until: (lines: LogLine[]) => boolean, timeoutMs = 10_000): Promise<LogLine[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = requests(cluster, from);
    if (until(lines) || Date.now() > deadline) return lines;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The tool calls each replica served (by HAProxy's name), from `from`. */
export function callsPerServer(cluster: Cluster, from = 0): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(cluster.replicas.map((r) => [r.server, 0]));
  for (const l of requests(cluster, from)) if (l.method === 'POST' && l.path === '/mcp' && l.status === 200) out[l.server] = (out[l.server] ?? 0) + 1;
  return out;
}

/** Until HAProxy sends tool calls to the replica again (its check found it ready: a call it served, logged). */
export async function servedAgain(cluster: Cluster, server: string, from: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!requests(cluster, from).some((l) => l.server === server && l.status === 200)) {
    if (Date.now() > deadline) throw new Error(`HAProxy never sent to ${server} again:\n${diagnosis(cluster)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What to read when a test fails: HAProxy's last lines and each replica's last stderr. */
export function diagnosis(cluster: Cluster): string {
  const tail = (s: string, n: number) => s.split('\n').slice(-n).join('\n');
  return [`--- HAProxy (last 40 lines)\n${tail(cluster.haproxy.log(), 40)}`, ...cluster.replicas.map((r) => `--- ${r.name} (${r.server}, ${r.running ? 'running' : 'stopped'})\n${tail(r.stderr(), 25)}`)].join('\n');
}

/** With REPLICAS_LOG_DIR set, the whole of HAProxy's log and of each replica's stderr, as files there, for a closer look. */
export function keepLogs(cluster: Cluster, name: string): void {
  const dir = process.env.REPLICAS_LOG_DIR;
  if (!dir || !cluster) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}-haproxy.log`), cluster.haproxy.log());
  for (const r of cluster.replicas) fs.writeFileSync(path.join(dir, `${name}-${r.name}.log`), r.stderr());
}
