// Whether this process should be sent requests (/readyz), as against whether it lives (/healthz): red while it starts,
// while it drains for a shutdown, and while a dependency its configuration names does not answer (Redis: its code
// registers a check here). A load balancer stops sending to a red replica; an orchestrator restarts only a dead one.
import type { Logger } from '../log.js';

/** A dependency's check: resolves when it answers, throws (or rejects) with what is wrong. */
export type ReadinessCheck = (signal: AbortSignal) => Promise<void>;

export type Phase = 'starting' | 'ready' | 'stopping';

export interface ReadinessReport {
  ready: boolean;
  phase: Phase;
  /** The names of the checks that failed (their reasons go to the log, not to an unauthenticated probe). */
  failing: string[];
}

export class Readiness {
  private current: Phase = 'starting';
  private readonly checks = new Map<string, ReadinessCheck>();
  /** Checks under way, shared by probes that arrive together (several probers, one Redis PING). */
  private running: Promise<string[]> | undefined;
  /** What failed at the last report, so a failure and its recovery are logged once each. */
  private lastFailing = new Set<string>();

  /** Where a failure and a recovery are told (the server's log, once it has one). */
  log: Pick<Logger, 'info' | 'warn'> = { info: () => {}, warn: () => {} };

  constructor(private readonly checkTimeoutMs = 2000) {}

  get phase(): Phase {
    return this.current;
  }

  /** Registers a dependency's check under a name (e.g. 'redis'); returns a function that removes it. */
  addCheck(name: string, check: ReadinessCheck): () => void {
    this.checks.set(name, check);
    return () => {
      if (this.checks.get(name) === check) this.checks.delete(name);
    };
  }

  /** Started: serving, so ready when the checks pass. A stopping process never becomes ready again. */
  markReady(): void {
    if (this.current === 'starting') this.current = 'ready';
  }

  /** Ready once `warmUp` succeeds (what must work before any request can be served: the identity platform's keys),
   *  tried again with a growing pause (up to 5 s) while it fails; never once stopping. */
  async readyAfter(warmUp: () => Promise<void>, what: string): Promise<void> {
    for (let attempt = 0; this.current === 'starting'; attempt++) {
      try {
        await warmUp();
        this.markReady();
        if (attempt) this.log.info(`readiness: ${what} reached; ready`);
        return;
      } catch (e) {
        if (attempt === 0) this.log.warn(`readiness: ${what} not reached yet (${e instanceof Error ? e.message : String(e)}); /readyz answers 503 until it is`);
        await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** attempt)).unref());
      }
    }
  }

  markStopping(): void {
    this.current = 'stopping';
  }

  async report(): Promise<ReadinessReport> {
    // While starting or stopping the answer is red whatever the dependencies say: no need to ask them.
    if (this.current !== 'ready') return { ready: false, phase: this.current, failing: [] };
    const failing = await (this.running ??= this.runChecks().finally(() => (this.running = undefined)));
    return { ready: failing.length === 0 && this.current === 'ready', phase: this.current, failing };
  }

  private async runChecks(): Promise<string[]> {
    const results = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        const signal = AbortSignal.timeout(this.checkTimeoutMs);
        try {
          await Promise.race([check(signal), new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error(`no answer within ${this.checkTimeoutMs} ms`)), { once: true }))]);
          return { name, problem: undefined };
        } catch (e) {
          return { name, problem: e instanceof Error ? e.message : String(e) };
        }
      }),
    );
    const failing = new Set<string>();
    for (const { name, problem } of results) {
      if (problem === undefined) {
        if (this.lastFailing.has(name)) this.log.info(`readiness: ${name} answers again`);
        continue;
      }
      failing.add(name);
      if (!this.lastFailing.has(name)) this.log.warn(`readiness: ${name} is down (${problem}); /readyz answers 503 until it answers`);
    }
    this.lastFailing = failing;
    return [...failing];
  }
}

/** The process's readiness, which a shared-state module (Redis) registers its check with at start:
 *  `processReadiness.addCheck('redis', async () => { await client.ping(); })`. */
export const processReadiness = new Readiness();
