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
  /** A usage limit instead of a count: matching requests pass until `requests` of them came within `perSeconds`,
   *  the next ones are answered `status` (default 429) with the Retry-After that frees a place, as SharePoint and
   *  OneDrive throttle a user. The rule stays until the faults are cleared; `times` does not apply. */
  rate?: { requests: number; perSeconds: number };
  /** The error code to answer with instead of the status's usual one, and an innerError code (Excel's
   *  invalidSessionReCreatable, to play a session that ended). */
  code?: string;
  innerCode?: string;
  message?: string;
}

/** Paths OneNote serves. */
const ONENOTE_PATH = /^\/(?:me|users\/[^/]+)\/onenote(?:\/|$)/i;

/** Paths OneDrive and SharePoint serve, whose throttling answers in their own words. */
const FILES_PATH = /^\/(?:(?:me|users\/[^/]+)\/(?:drive|drives)|drives|sites|shares)(?:[/(:]|$)/i;

/** The error a faulted Graph request gets: the service's own code (OneDrive and SharePoint say
 *  activityLimitReached), with Retry-After and, under a rate rule, SharePoint's RateLimit headers. */
export function faultError(rule: FaultRule, path: string): { status: number; code: string; message: string; headers: Record<string, string>; innerCode?: string } {
  const status = rule.status ?? 429;
  const headers: Record<string, string> = rule.retryAfter !== undefined ? { 'Retry-After': String(rule.retryAfter) } : {};
  if (rule.code) return { status, code: rule.code, message: rule.message ?? 'The request failed.', headers, ...(rule.innerCode ? { innerCode: rule.innerCode } : {}) };
  // OneNote throttles in its own words and never says when to come back: no Retry-After, whatever the rule.
  if (status === 429 && ONENOTE_PATH.test(path)) return { status, code: '20166', message: 'The app has issued too many requests on behalf of this user in a short time period.', headers: {} };
  if (rule.rate) Object.assign(headers, { 'RateLimit-Limit': String(rule.rate.requests), 'RateLimit-Remaining': '0', 'RateLimit-Reset': String(rule.retryAfter ?? rule.rate.perSeconds) });
  // Excel's workbook API throttles in its own words, within the drive's paths.
  if (status === 429 && /\/workbook\//i.test(path)) return { status, code: 'tooManyRequests', message: 'The app or user has been throttled.', headers, innerCode: 'MaxRequestsExceeded' };
  if (status === 429 && FILES_PATH.test(path)) return { status, code: 'activityLimitReached', message: 'The request has been throttled', headers };
  if (status === 429) return { status, code: 'TooManyRequests', message: 'Too many requests; retry after the time in Retry-After.', headers };
  return { status, code: status === 503 ? 'ServiceUnavailable' : 'UnknownError', message: 'The service is temporarily unavailable.', headers };
}

export interface JournalEntry {
  at: string;
  method: string;
  path: string;
  status: number;
  faulted: boolean;
  /** The client's correlation id (Graph's client-request-id header), when it sent one. */
  clientRequestId?: string;
}

interface ActiveRule extends FaultRule {
  remaining: number;
  re?: RegExp;
  /** Under a rate rule: when the requests it let through came (ms). */
  passed: number[];
}

const JOURNAL_MAX = 1000;

export class Faults {
  private rules: ActiveRule[] = [];
  readonly journal: JournalEntry[] = [];

  add(rule: FaultRule): void {
    const times = rule.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error('times must be a whole number >= 1');
    if (rule.status !== undefined && (!Number.isInteger(rule.status) || rule.status < 400 || rule.status > 599)) throw new Error('status must be 400-599');
    if (rule.rate && !(Number.isInteger(rule.rate.requests) && rule.rate.requests >= 1 && rule.rate.perSeconds > 0)) throw new Error('rate needs requests >= 1 and perSeconds > 0');
    this.rules.push({ ...rule, remaining: times, re: rule.path ? new RegExp(rule.path) : undefined, passed: [] });
  }

  clear(): void {
    this.rules = [];
    this.journal.length = 0;
  }

  /** The rule that applies to this request, consuming one use of it. */
  take(method: string, path: string, kind: 'graph' | 'identity' | 'endpoint' = 'graph'): FaultRule | undefined {
    const kindOf = (r: FaultRule) => (r.identity ? 'identity' : r.endpoint ? 'endpoint' : 'graph');
    const applies = (r: ActiveRule) => kindOf(r) === kind && (!r.method || r.method.toUpperCase() === method) && (!r.re || r.re.test(path));
    for (const r of this.rules.filter((x) => x.rate && applies(x))) {
      const now = Date.now();
      const windowMs = r.rate!.perSeconds * 1000;
      r.passed = r.passed.filter((t) => t > now - windowMs);
      // A refused request does not count: a client that waits as Retry-After says gets through.
      if (r.passed.length >= r.rate!.requests) return { ...r, status: r.status ?? 429, retryAfter: Math.max(1, Math.ceil((r.passed[0] + windowMs - now) / 1000)) };
      r.passed.push(now);
    }
    const i = this.rules.findIndex((r) => !r.rate && applies(r));
    if (i < 0) return undefined;
    const rule = this.rules[i];
    if (--rule.remaining <= 0) this.rules.splice(i, 1);
    return rule;
  }

  record(method: string, path: string, status: number, faulted: boolean, clientRequestId?: string): void {
    this.journal.push({ at: new Date().toISOString(), method, path, status, faulted, ...(clientRequestId ? { clientRequestId } : {}) });
    if (this.journal.length > JOURNAL_MAX) this.journal.splice(0, this.journal.length - JOURNAL_MAX);
  }
}
