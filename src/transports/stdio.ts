// MCP over stdio. Unlike the SDK's plain stdio transport, the end of input does not abort requests
// still in flight: `echo '{...}' | docker exec -i ... node /app/dist/index.js` and the guide's Python
// `communicate()` close stdin right after writing, and still expect the answer. A last line without a
// trailing newline (as `json.dumps` writes it) is read too.
import { PassThrough } from 'node:stream';
import type { JSONRPCMessage, McpServer, Transport } from '@modelcontextprotocol/server';
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import type { Logger } from '../log.js';

type Id = string | number;

class DrainingStdioTransport implements Transport {
  private readonly input = new PassThrough();
  private readonly inner = new StdioServerTransport(this.input, process.stdout);
  private readonly pending = new Set<Id>();
  private inputEnded = false;
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
    process.stdin.on('data', (chunk) => this.input.write(chunk));
    process.stdin.on('end', () => {
      this.log.debug('stdio: end of input; answering requests still in flight before exiting');
      this.input.write('\n');
      this.inputEnded = true;
      // The newline is parsed on a later tick; only then is every request of the input known.
      setImmediate(() => this.maybeEnd());
    });
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
  serveStdio(factory, { transport, onerror: (e) => log.warn(`stdio: ${e.message}`) });
  await transport.drained;
  // Let the last answer leave the pipe before the caller exits the process.
  await new Promise<void>((resolve) => (process.stdout.writableLength === 0 ? resolve() : process.stdout.once('drain', () => resolve())));
}
