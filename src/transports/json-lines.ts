// Splits stdin into lines of JSON-RPC, scanning each chunk once (a 50 MB message arrives in hundreds of
// chunks), keeping characters split across chunks whole, and bounding a line's size.
import { StringDecoder } from 'node:string_decoder';

type Id = string | number;
export type LineProblem = { code: number; message: string; id: Id | null };

/** Why a line cannot be a JSON-RPC message, with the error code to answer; undefined when it may be. */
export function lineProblem(line: string): LineProblem | undefined {
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

export class JsonLines {
  private readonly decoder = new StringDecoder('utf8');
  private pieces: string[] = [];
  private size = 0;
  /** The rest of a line already refused as too long is skipped up to its newline. */
  private skipping = false;

  /** maxChars: longest line; onLine gets each complete line, onTooLong once per line over the bound. */
  constructor(private readonly maxChars: number, private readonly onLine: (line: string) => void, private readonly onTooLong: () => void) {}

  push(chunk: Buffer): void {
    const text = this.decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      this.add(text.slice(start, nl));
      this.flush();
      start = nl + 1;
    }
    this.add(text.slice(start));
  }

  /** End of input: a last line without a newline (as `json.dumps` writes it) still counts. */
  end(): void {
    this.add(this.decoder.end());
    this.flush();
  }

  private add(part: string): void {
    if (this.skipping || !part) return;
    this.pieces.push(part);
    this.size += part.length;
    if (this.size > this.maxChars) {
      this.pieces = [];
      this.size = 0;
      this.skipping = true;
      this.onTooLong();
    }
  }

  private flush(): void {
    const line = this.pieces.join('').replace(/\r$/, '');
    this.pieces = [];
    this.size = 0;
    this.skipping = false;
    if (line.trim()) this.onLine(line);
  }
}
