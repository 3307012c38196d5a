// Graceful shutdown of the HTTP transport: once the process is told to stop, requests that were under way run to their
// end within a bound, and new ones are refused with 503, Retry-After and Connection: close, so a load balancer sends
// them to another replica (nothing of a refused request was done, so it may safely be sent again), until none has
// come for a moment: the balancer has seen /readyz red and sends elsewhere.
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
  /** When the last request was refused (or the drain began): a load balancer still sending here. */
  private lastArrival = 0;

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

  /** A request that arrived while draining and was refused. */
  refused(): void {
    this.lastArrival = Date.now();
  }

  /** Refuses new requests from now on and waits for those under way, `boundMs` at most. */
  async drain(boundMs: number): Promise<DrainResult> {
    this.stopping = true;
    const started = Date.now();
    this.lastArrival = started;
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

  /** Goes on refusing until no request has arrived for `quietMs` (since the drain began, at least), `untilMs` (a
   *  time) at most. A load balancer stops sending only once its check has seen /readyz red; closing before would
   *  cut a request that reached the process and was not yet read (lost without an answer, so never sent again),
   *  whereas a refused one goes to another replica. */
  async quiet(quietMs: number, untilMs: number): Promise<void> {
    for (let wait = quietMs; wait > 0 && Date.now() < untilMs; wait = this.lastArrival + quietMs - Date.now()) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, untilMs - Date.now())));
    }
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
