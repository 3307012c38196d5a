// The one reader of stdin in stdio mode: splits it into JSON-RPC lines (bounded by MAX_MESSAGE_BYTES) and
// hands them to whoever serves them: first the fast path (fast-start.ts), then the SDK transport
// (stdio.ts). Lines that arrive while neither is attached (the full server loading) wait in order.
import { JsonLines } from './json-lines.js';
import { MAX_MESSAGE_BYTES } from './limits.js';

export type Id = string | number;
export type InputEvent = { line: string } | { tooLong: true };

export interface LineSink {
  line(line: string): void;
  tooLong(): void;
  /** End of input, after every line before it. */
  end(): void;
}

class StdinLines {
  private sink: LineSink | undefined;
  private waiting: InputEvent[] = [];
  private ended = false;
  /** Requests the fast path answered that the full server must still see (initialize): replayed first,
   *  their answers not sent a second time. */
  private prelude: InputEvent[] = [];
  private answered: Id[] = [];

  constructor() {
    const lines = new JsonLines(MAX_MESSAGE_BYTES, (line) => this.emit({ line }), () => this.emit({ tooLong: true }));
    process.stdin.on('data', (chunk: Buffer) => lines.push(chunk));
    process.stdin.on('end', () => {
      lines.end();
      this.ended = true;
      this.sink?.end();
    });
  }

  private emit(e: InputEvent): void {
    if (!this.sink) this.waiting.push(e);
    else if ('line' in e) this.sink.line(e.line);
    else this.sink.tooLong();
  }

  /** Stops delivering (lines wait); `first`, if given, is the line that made the current sink let go. */
  detach(first?: InputEvent, prelude: InputEvent[] = [], answered: Id[] = []): void {
    this.sink = undefined;
    if (first) this.waiting.unshift(first);
    this.prelude = prelude;
    this.answered = answered;
  }

  /** Delivers the prelude, then the waiting lines, then the rest as it comes. Returns the ids whose
   *  answers were already sent. */
  attach(sink: LineSink): Id[] {
    const backlog = [...this.prelude, ...this.waiting];
    const answered = this.answered;
    this.prelude = [];
    this.waiting = [];
    this.answered = [];
    this.sink = sink;
    for (const e of backlog) this.emit(e);
    // Unless a backlog line made the sink let go again (a hand-over, a call in progress).
    if (this.ended && this.sink === sink) sink.end();
    return answered;
  }
}

let reader: StdinLines | undefined;

/** The process's stdin reader, created (and stdin read) on first use. */
export function stdinLines(): StdinLines {
  return (reader ??= new StdinLines());
}
