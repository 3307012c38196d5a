// MCP over stdio. Unlike the SDK's plain stdio transport, the end of input does not abort requests
// still in flight: `echo '{...}' | docker exec -i ... node /app/dist/index.js` and the guide's Python
// `communicate()` close stdin right after writing, and still expect the answer. A last line without a
// trailing newline (as `json.dumps` writes it) is read too. A line that is not JSON-RPC gets the
// JSON-RPC error for it (-32700 or -32600) and one log line, where the SDK would drop it silently or
// log a long validation dump.
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { JSONRPCMessage, McpServer, Transport } from '@modelcontextprotocol/server';
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import type { Logger } from '../log.js';

type Id = string | number;

/** Why a line cannot be a JSON-RPC message, with the error code to answer; undefined when it may be. */
function lineProblem(line: string): { code: number; message: string; id: Id | null } | undefined {
  let msg: unknown;
  try {
    msg = JSON.parse(line);
  } catch {
    return { code: -32700, message: 'Parse error: each line must be one JSON-RPC message in JSON', id: null };
  }
  const m = msg as { jsonrpc?: unknown; id?: unknown; method?: unknown };
  const id = typeof m?.id === 'string' || typeof m?.id === 'number' ? m.id : null;
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) return { code: -32600, message: 'Invalid Request: expected one JSON-RPC object (batches are not part of MCP)', id };
  if (m.jsonrpc !== '2.0') return { code: -32600, message: 'Invalid Request: "jsonrpc" must be "2.0"', id };
  if (m.method !== undefined && typeof m.method !== 'string') return { code: -32600, message: 'Invalid Request: "method" must be a string', id };
  return undefined;
}

class DrainingStdioTransport implements Transport {
  private readonly input = new PassThrough();
  private readonly inner = new StdioServerTransport(this.input, process.stdout);
  private readonly pending = new Set<Id>();
  private inputEnded = false;
  private partial = '';
  /** Keeps a character split across two chunks whole. */
  private readonly decoder = new StringDecoder('utf8');
  private markDrained!: () => void;
  /** Resolves once input has ended and every request read from it has been answered. */
  readonly drained = new Promise<void>((resolve) => (this.markDrained = resolve));
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  constructor(private readonly log: Logger) {
    this.inner.onclose = () => this.onclose?.();
    this.inner.onerror = (e) => this.onerror?.(e);
    this.inner.onmessage = (m) => {
      const msg = m as { id?: Id; method?: string };
      if (msg.method !== undefined && msg.id !== undefined) this.pending.add(msg.id);
      this.onmessage?.(m);
    };
    process.stdin.on('data', (chunk: Buffer) => {
      const lines = (this.partial + this.decoder.write(chunk)).split('\n');
      this.partial = lines.pop()!;
      for (const line of lines) this.take(line);
    });
    process.stdin.on('end', () => {
      this.log.debug('stdio: end of input; answering requests still in flight before exiting');
      this.take(this.partial + this.decoder.end());
      this.partial = '';
      this.inputEnded = true;
      // The newline is parsed on a later tick; only then is every request of the input known.
      setImmediate(() => this.maybeEnd());
    });
  }

  /** Passes a JSON-RPC line on to the SDK, or answers it with the error it deserves. */
  private take(raw: string): void {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) return;
    const problem = lineProblem(line);
    if (!problem) {
      this.input.write(`${line}\n`);
      return;
    }
    // Never the line itself: it may hold message contents.
    this.log.warn(`stdio: answered a ${line.length}-character line with JSON-RPC error ${problem.code} (${problem.message})`);
    const { id, code, message } = problem;
    void this.inner.send({ jsonrpc: '2.0', id, error: { code, message } } as unknown as JSONRPCMessage);
  }

  async start(): Promise<void> {
    await this.inner.start();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    await this.inner.send(message);
    const msg = message as { id?: Id; method?: string };
    if (msg.method === undefined && msg.id !== undefined && this.pending.delete(msg.id)) this.maybeEnd();
  }

  async close(): Promise<void> {
    await this.inner.close();
  }

  private maybeEnd(): void {
    if (!this.inputEnded || this.pending.size > 0) return;
    this.input.end();
    this.markDrained();
  }
}

/** Serves until the client ends its input and every request of it is answered; resolves then. */
export async function serveStdioUntilEnd(factory: () => McpServer, log: Logger): Promise<void> {
  const transport = new DrainingStdioTransport(log);
  // The SDK reports a message its schema rejects with the whole validation dump: one line is enough.
  serveStdio(factory, { transport, onerror: (e) => log.warn(`stdio: ${e.message.replace(/\s+/g, ' ').slice(0, 300)}`) });
  await transport.drained;
  // Let the last answer leave the pipe before the caller exits the process.
  await new Promise<void>((resolve) => (process.stdout.writableLength === 0 ? resolve() : process.stdout.once('drain', () => resolve())));
}
