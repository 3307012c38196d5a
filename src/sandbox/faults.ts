// Fault injection and a request journal, so tests and demos can see how a client copes with throttling,
// outages and latency, and can check afterwards what reached "Graph" (e.g. that a POST was sent once).

export interface FaultRule {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Regular expression tested against the path after /v1.0 (e.g. "^/me$"); any when omitted. */
  path?: string;
  /** Status to answer with instead of serving (429, 503, 504...); omitted: serve normally after the latency. */
  status?: number;
  /** Retry-After header value in seconds, sent with the status. */
  retryAfter?: number;
  /** Delay before answering, in milliseconds. */
  latencyMs?: number;
  /** Pages of at most this many items, whatever $top asks (as Graph sizes some pages itself): served with
   *  `Prefer: odata.maxpagesize`, which the Outlook collections honour. */
  pageSize?: number;
  /** Serve the request (the write happens), then break the connection instead of answering: a reset after
   *  the action, which a client cannot tell from one before it. */
  resetAfter?: boolean;
  /** Applies to the identity platform's endpoints instead of Graph (path: the whole path, e.g.
   *  "/oauth2/v2.0/token$"), answering as Entra does when it is unavailable. */
  identity?: boolean;
  /** Applies to the workloads' pre-authenticated URLs outside /v1.0 (upload sessions, downloads; path: the whole
   *  path, e.g. "^/_drives/upload/"): a status, a reset after the action, or a connection broken while the
   *  request body is still arriving (`resetDuring`). */
  endpoint?: boolean;
  /** With `endpoint`: break the connection once the request has started, before the body is read whole. */
  resetDuring?: boolean;
  /** How many matching requests the rule applies to; default 1. */
  times?: number;
}

export interface JournalEntry {
  at: string;
  method: string;
  path: string;
  status: number;
  faulted: boolean;
}

interface ActiveRule extends FaultRule {
  remaining: number;
  re?: RegExp;
}

const JOURNAL_MAX = 1000;

export class Faults {
  private rules: ActiveRule[] = [];
  readonly journal: JournalEntry[] = [];

  add(rule: FaultRule): void {
    const times = rule.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error('times must be a whole number >= 1');
    if (rule.status !== undefined && (!Number.isInteger(rule.status) || rule.status < 400 || rule.status > 599)) throw new Error('status must be 400-599');
    this.rules.push({ ...rule, remaining: times, re: rule.path ? new RegExp(rule.path) : undefined });
  }

  clear(): void {
    this.rules = [];
    this.journal.length = 0;
  }

  /** The rule that applies to this request, consuming one use of it. */
  take(method: string, path: string, kind: 'graph' | 'identity' | 'endpoint' = 'graph'): FaultRule | undefined {
    const kindOf = (r: FaultRule) => (r.identity ? 'identity' : r.endpoint ? 'endpoint' : 'graph');
    const i = this.rules.findIndex((r) => kindOf(r) === kind && (!r.method || r.method.toUpperCase() === method) && (!r.re || r.re.test(path)));
    if (i < 0) return undefined;
    const rule = this.rules[i];
    if (--rule.remaining <= 0) this.rules.splice(i, 1);
    return rule;
  }

  record(method: string, path: string, status: number, faulted: boolean): void {
    this.journal.push({ at: new Date().toISOString(), method, path, status, faulted });
    if (this.journal.length > JOURNAL_MAX) this.journal.splice(0, this.journal.length - JOURNAL_MAX);
  }
}
