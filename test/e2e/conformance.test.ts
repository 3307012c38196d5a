// The official MCP conformance suite (@modelcontextprotocol/conformance, every server scenario of its --suite all)
// against `--http`, once per protocol era: 2025-11-25 (initialize, sessions optional) and 2026-07-28 (stateless,
// per-request _meta). Every check must pass except those in conformance-not-applicable.json, each with its
// reason; a listed check that starts passing (or is no longer run) fails the test too (stale list).
//
// The suite needs Node >= 22 (it imports fs.globSync): scripts/node22.mjs finds or fetches one.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { node22 } from '../../scripts/node22.mjs';
import { startCli } from './process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** `scenario:check-id` (the suite's own baseline syntax for one check) -> why it does not apply; by era, and
 *  "both eras" for what fails the same way in each. A whole scenario is never listed: its other checks (the
 *  wire-schema check of every message at least) stay enforced. */
const NOT_APPLICABLE: Record<string, Record<string, string>> = JSON.parse(readFileSync(path.join(import.meta.dirname, 'conformance-not-applicable.json'), 'utf8'));
const ERAS = [
  { era: '2025-11-25', mustPass: ['server-initialize', 'ping', 'tools-list', 'dns-rebinding-protection'] },
  { era: '2026-07-28', mustPass: ['server-stateless', 'tools-list', 'caching', 'http-header-validation', 'dns-rebinding-protection'] },
] as const;

type Status = 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | 'SKIPPED';
interface Check {
  id: string;
  status: Status;
  errorMessage?: string;
  details?: unknown;
}

function run(cmd: string, args: string[], opts: { cwd: string; timeout: number; env?: NodeJS.ProcessEnv }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { ...opts, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr: stderr + (err && typeof err.code !== 'number' ? `\n${err.message}` : '') });
    });
  });
}

function conformanceEntry(): string {
  const dir = path.join(ROOT, 'node_modules', '@modelcontextprotocol', 'conformance');
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return path.join(dir, pkg.bin.conformance);
}

let proc: ReturnType<typeof startCli>;
let url: string;
let node: string;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'ms365-conformance-'));
  [node] = await Promise.all([
    node22(),
    (async () => {
      proc = startCli(['--http', '127.0.0.1:0', '--org-mode'], { HOME: path.join(work, 'home') });
      url = (await proc.waitFor(/serving MCP at (http:\/\/\S+\/mcp)/))[1];
    })(),
  ]);
}, 170_000);

afterAll(async () => {
  if (proc) expect(await proc.stop()).toBe(0);
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The checks of one scenario, a repeated id collapsed to its worst status as the suite's own baseline does. */
function worstById(checks: Check[]): Map<string, Check> {
  const rank = (c: Check) => ({ FAILURE: 3, WARNING: 2, SUCCESS: 1 })[c.status as string] ?? 0;
  const byId = new Map<string, Check>();
  for (const c of checks) if (c.status !== 'INFO' && rank(c) >= rank(byId.get(c.id) ?? c)) byId.set(c.id, c);
  return byId;
}

describe('MCP conformance suite (server scenarios over --http)', () => {
  for (const { era, mustPass } of ERAS) {
    it(`${era}: passes every check except the listed not-applicable ones, and those still fail`, async () => {
      const listed = { ...NOT_APPLICABLE['both eras'], ...NOT_APPLICABLE[era] };
      const out = path.join(work, `results-${era}`);
      const baseline = path.join(work, `expected-failures-${era}.yml`);
      writeFileSync(baseline, `server:\n${Object.keys(listed).map((id) => `  - ${JSON.stringify(id)}\n`).join('')}`);
      const res = await run(node, [conformanceEntry(), 'server', '--url', url, '--suite', 'all', '--spec-version', era, '-o', out, '--expected-failures', baseline], {
        cwd: work,
        timeout: 100_000,
        env: { PATH: process.env.PATH ?? '', HOME: path.join(work, 'home') },
      });
      const transcript = `conformance exit ${res.code}\n${res.stdout}\n${res.stderr}`;

      // The scenarios the suite ran, and their checks (a scenario that threw wrote no checks.json).
      const ran = [...res.stdout.matchAll(/^=== Running scenario: (\S+) ===$/gm)].map((m) => m[1]);
      expect(ran.length, transcript).toBeGreaterThan(20);
      const checks = new Map<string, Map<string, Check>>();
      for (const entry of existsSync(out) ? readdirSync(out) : []) {
        const m = entry.match(/^server-(.+)-\d{4}-\d\d-\d\dT[\d-]+Z$/);
        if (m) checks.set(m[1], worstById(JSON.parse(readFileSync(path.join(out, entry, 'checks.json'), 'utf8'))));
      }

      // The suite's own rule (as for its --expected-failures): a FAILURE or a WARNING means not passing.
      const failing = (c: Check) => c.status === 'FAILURE' || c.status === 'WARNING';
      const shouldPassButFail: string[] = [];
      const listedButNotFailing: string[] = [];
      for (const id of ran) {
        const c = checks.get(id);
        if (!c) shouldPassButFail.push(`${id}: the scenario crashed; see the transcript`);
        for (const x of c?.values() ?? []) if (failing(x) && !(`${id}:${x.id}` in listed)) shouldPassButFail.push(`${id}:${x.id}: ${x.status} ${x.errorMessage ?? JSON.stringify(x.details)}`);
      }
      for (const key of Object.keys(listed)) {
        const [scenario, check] = key.split(':');
        const status = ran.includes(scenario) ? checks.get(scenario)?.get(check)?.status : undefined;
        if (!status || !failing({ id: check, status })) listedButNotFailing.push(`${key}: ${status ?? (ran.includes(scenario) ? 'check not run' : 'scenario not in the suite')}`);
      }
      // One assertion, so a failure shows both lists.
      expect({ shouldPassButFail, listedButNotFailing }, 'compare the suite with conformance-not-applicable.json (fix the server, or update the list with a reason)').toEqual({ shouldPassButFail: [], listedButNotFailing: [] });
      // The core scenarios ran and pass but for listed checks, and the suite's own baseline verdict agrees.
      expect(ran).toEqual(expect.arrayContaining([...mustPass]));
      expect(res.code, transcript).toBe(0);
    }, 110_000);
  }
});
