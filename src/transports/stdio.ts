// MCP over stdio. Unlike the SDK's plain stdio transport, the end of input does not abort requests
// still in flight: `echo '{...}' | docker exec -i ... node /app/dist/index.js` and the guide's Python
// `communicate()` close stdin right after writing, and still expect the answer. A last line without a
// trailing newline (as `json.dumps` writes it) is read too. A line that is not JSON-RPC gets the
// JSON-RPC error for it (-32700 or -32600) and one log line, where the SDK would drop it silently or
// log a long validation dump; so does one over MAX_MESSAGE_BYTES, which the SDK would leave unanswered.
import { PassThrough } from 'node:stream';
import type { JSONRPCMessage, McpServer, Transport } from '@modelcontextprotocol/server';
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import type { Logger } from '../log.js';
import { type LineProblem, lineProblem } from './json-lines.js';
import { MAX_MESSAGE_BYTES } from './limits.js';
import { type Id, stdinLines } from './stdin-lines.js';

class DrainingStdioTransport implements Transport {
  private readonly input = new PassThrough();
  // Lines reach the SDK whole and already bounded by JsonLines, so its own (smaller) limit is lifted.
  private readonly inner = new StdioServerTransport(this.input, process.stdout, { maxBufferSize: MAX_MESSAGE_BYTES * 4 + 1 });
  private readonly pending = new Set<Id>();
  private inputEnded = false;
  /** Requests the fast path already answered (replayed so this server knows the session): answer once. */
  private readonly alreadyAnswered = new Map<Id, number>();
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
  }

  /** Passes a JSON-RPC line on to the SDK, or answers it with the error it deserves. */
  private take(line: string): void {
    const problem = lineProblem(line);
    if (problem) this.refuse(problem, `a ${line.length}-character line`);
    else this.input.write(`${line}\n`);
  }

  private refuse(problem: LineProblem, what: string): void {
    // Never the line itself: it may hold message contents.
    this.log.warn(`stdio: answered ${what} with JSON-RPC error ${problem.code} (${problem.message})`);
    const { id, code, message } = problem;
    void this.inner.send({ jsonrpc: '2.0', id, error: { code, message } } as unknown as JSONRPCMessage);
  }

  async start(): Promise<void> {
    await this.inner.start();
    // Only once the SDK reads: lines the fast path held back are delivered at once, and the end of
    // input must not be judged before they are parsed.
    const answered = stdinLines().attach({
      line: (line) => this.take(line),
      tooLong: () => this.refuse({
        code: -32600, id: null, message: `Invalid Request: a message may be at most ${MAX_MESSAGE_BYTES / 1024 / 1024} MB; send large attachments as a file path instead of base64`,
      }, 'an over-long line'),
      end: () => {
        this.log.debug('stdio: end of input; answering requests still in flight before exiting');
        this.inputEnded = true;
        // The newline is parsed on a later tick; only then is every request of the input known.
        setImmediate(() => this.maybeEnd());
      },
    });
    for (const id of answered) this.alreadyAnswered.set(id, (this.alreadyAnswered.get(id) ?? 0) + 1);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const msg = message as { id?: Id; method?: string };
    const repeat = msg.method === undefined && msg.id !== undefined ? this.alreadyAnswered.get(msg.id) : undefined;
    if (repeat) {
      if (repeat > 1) this.alreadyAnswered.set(msg.id!, repeat - 1);
      else this.alreadyAnswered.delete(msg.id!);
    } else {
      await this.inner.send(message);
    }
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
