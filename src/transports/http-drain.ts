// Graceful shutdown of the HTTP transport: once the process is told to stop, requests that were under way run to their
// end within a bound, and new ones are refused with 503, Retry-After and Connection: close, so a load balancer sends
// them to another replica (nothing of a refused request was done, so it may safely be sent again).
import type http from 'node:http';

export interface DrainResult {
  /** Requests still unanswered when the bound passed (cut off when the server closes). */
  left: number;
  waitedMs: number;
}

export class RequestDrain {
  private inFlight = 0;
  private stopping = false;
  private whenIdle: (() => void) | undefined;

  get draining(): boolean {
    return this.stopping;
  }

  get count(): number {
    return this.inFlight;
  }

  /** Counts a request as under way until its response ends or its connection closes. */
  track(res: http.ServerResponse): void {
    this.inFlight++;
    res.once('close', () => {
      if (--this.inFlight === 0) this.whenIdle?.();
    });
  }

  /** Refuses new requests from now on and waits for those under way, `boundMs` at most. */
  async drain(boundMs: number): Promise<DrainResult> {
    this.stopping = true;
    const started = Date.now();
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, boundMs);
        this.whenIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return { left: this.inFlight, waitedMs: Date.now() - started };
  }
}

/** The answer to a request that arrives while the process drains: JSON-RPC's shape for /mcp, plain text elsewhere. */
export function refuseWhileDraining(req: http.IncomingMessage, res: http.ServerResponse, path: string): void {
  req.resume();
  const headers = { 'retry-after': '1', connection: 'close', 'cache-control': 'no-store' };
  const why = 'This server is shutting down; send the request again (another replica will take it).';
  if (path === '/mcp') res.writeHead(503, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32000, message: why } }));
  else res.writeHead(503, { ...headers, 'content-type': 'text/plain' }).end(`${why}\n`);
}
