// OneNote throttling ridden out: OneNote limits each app per user per minute and per hour and answers 429 without
// Retry-After. The Graph client retries a 429 a few times within two seconds, too soon for a window of a minute, so
// the OneNote tools wait longer themselves (4, 8, 16 s... with jitter) within one budget per tool call, then stop
// with a message that says nothing was done by the refused request (a 429 is never acted on).
import { GraphError } from '../../graph/errors.js';
import { sleep } from '../../graph/retry.js';
import { type ToolContext, ToolError } from '../define-tool.js';

/** How long one tool call may spend waiting for OneNote, all requests together (MCP clients give up near a
 *  minute, and each request may itself take a few seconds). */
export const WAIT_BUDGET_MS = 40_000;
const FIRST_WAIT_MS = 4_000;

export const isThrottled = (e: unknown): e is GraphError => e instanceof GraphError && e.status === 429;

export class Pacer {
  private readonly deadline: number;
  private waited = 0;
  /** Progress notifications must grow: one more for each wait. */
  private waits = 0;

  constructor(private readonly ctx: Pick<ToolContext<'read'>, 'signal' | 'progress'>, budgetMs = WAIT_BUDGET_MS) {
    this.deadline = Date.now() + budgetMs;
  }

  /** Runs one OneNote request (`what`: "reading the page"), waiting out throttling within the call's budget. */
  async run<T>(what: string, request: () => Promise<T>): Promise<T> {
    for (let wait = FIRST_WAIT_MS; ; wait *= 2) {
      try {
        return await request();
      } catch (e) {
        if (!isThrottled(e)) throw e;
        const ms = Math.round(wait * (0.8 + Math.random() * 0.4));
        if (Date.now() + ms > this.deadline) {
          throw new ToolError(`OneNote is refusing requests for this account for now (too many in a short time; it does not say how long): stopped ${what} after waiting ${Math.round(this.waited / 1000)} s. That request was not carried out; try again in a minute or two.`);
        }
        this.waited += ms;
        await this.ctx.progress(++this.waits, undefined, `OneNote is throttling; waiting ${Math.round(ms / 1000)} s before ${what}`);
        await sleep(ms, this.ctx.signal);
      }
    }
  }
}
