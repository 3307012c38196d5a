// Request bodies of the HTTP transport, read here before the SDK sees them: the bytes of all requests in
// flight together stay under a budget (five concurrent 60 MB bodies once took 905 MiB), one body stays
// under the message limit, and a JSON-RPC batch (an array) is refused as stdio refuses it.
import type http from 'node:http';
import { Readable } from 'node:stream';
import { MAX_MESSAGE_BYTES } from './limits.js';

/** All bodies being received at once, together. A larger body than fits now waits for none: it is refused
 *  with 503 and Retry-After, and the client sends it again when others are done. */
export const MAX_BYTES_IN_FLIGHT = 2 * MAX_MESSAGE_BYTES;

export type Refusal = { status: number; code: number; message: string; retryAfter?: number };

export class BodyBudget {
  private inFlight = 0;
  constructor(private readonly limit = MAX_BYTES_IN_FLIGHT) {}

  /** The body, as a request the SDK can read again; or why it was refused (the request is drained). The
   *  bytes count until the response is done: the SDK holds the body (and what it parses) until then. */
  async read(req: http.IncomingMessage, res: http.ServerResponse): Promise<{ replay: Readable & { method?: string; url?: string; headers: http.IncomingHttpHeaders } } | { refused: Refusal }> {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const tooLarge: Refusal = { status: 413, code: -32600, message: `Request too large: an MCP message may be at most ${MAX_MESSAGE_BYTES / 1024 / 1024} MB.` };
    const busy: Refusal = { status: 503, code: -32000, message: 'Server busy: other large requests are being received; send this one again in a moment.', retryAfter: 2 };
    if (declared > MAX_MESSAGE_BYTES) return this.refuse(req, tooLarge);
    let held = 0;
    let kept = false;
    const take = (n: number) => {
      held += n;
      this.inFlight += n;
    };
    try {
      // A declared length is reserved at once, so that concurrent large bodies are refused before they arrive.
      if (Number.isFinite(declared)) {
        if (this.inFlight + declared > this.limit) return this.refuse(req, busy);
        take(declared);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_MESSAGE_BYTES) return this.refuse(req, tooLarge);
        if (size > held) {
          if (this.inFlight + (size - held) > this.limit) return this.refuse(req, busy);
          take(size - held);
        }
        chunks.push(chunk);
      }
      const body = Buffer.concat(chunks);
      const first = body.subarray(0, 64).toString('utf8').trimStart()[0];
      if (first === '[') return { refused: { status: 400, code: -32600, message: 'JSON-RPC batches are not supported: send one message per request.' } };
      const replay = Object.assign(Readable.from(body.length ? [body] : []), { method: req.method, url: req.url, headers: req.headers });
      kept = true;
      res.once('close', () => (this.inFlight -= held));
      return { replay };
    } finally {
      if (!kept) this.inFlight -= held;
    }
  }

  private refuse(req: http.IncomingMessage, refusal: Refusal): { refused: Refusal } {
    req.resume(); // drain what still comes, without keeping it
    return { refused: refusal };
  }
}
