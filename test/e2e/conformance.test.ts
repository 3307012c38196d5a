// The official MCP conformance suite (@modelcontextprotocol/conformance, all server scenarios) against
// `--http`. Every scenario must pass except those in conformance-not-applicable.json, each with its
// reason; a listed scenario that starts passing fails the test too (stale list).
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
const NOT_APPLICABLE: Record<string, string> = JSON.parse(readFileSync(path.join(import.meta.dirname, 'conformance-not-applicable.json'), 'utf8'));

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

describe('MCP conformance suite (server scenarios over --http)', () => {
  it('passes every scenario except the listed not-applicable ones, and those still fail', async () => {
    const out = path.join(work, 'results');
    const baseline = path.join(work, 'expected-failures.yml');
    writeFileSync(baseline, `server:\n${Object.keys(NOT_APPLICABLE).map((id) => `  - ${JSON.stringify(id)}\n`).join('')}`);
    const res = await run(node, [conformanceEntry(), 'server', '--url', url, '--suite', 'all', '-o', out, '--expected-failures', baseline], {
      cwd: work,
      timeout: 100_000,
      env: { PATH: process.env.PATH ?? '', HOME: path.join(work, 'home') },
    });
    const transcript = `conformance exit ${res.code}\n${res.stdout}\n${res.stderr}`;

    // The scenarios the suite ran, and their checks (a scenario that threw wrote no checks.json).
    const ran = [...res.stdout.matchAll(/^=== Running scenario: (\S+) ===$/gm)].map((m) => m[1]);
    expect(ran.length, transcript).toBeGreaterThan(20);
    const checks = new Map<string, Check[]>();
    for (const entry of existsSync(out) ? readdirSync(out) : []) {
      const m = entry.match(/^server-(.+)-\d{4}-\d\d-\d\dT[\d-]+Z$/);
      if (m) checks.set(m[1], JSON.parse(readFileSync(path.join(out, entry, 'checks.json'), 'utf8')));
    }

    // The suite's own rule (as for its --expected-failures): a FAILURE or a WARNING means not passing.
    const outcome = ran.map((id) => {
      const c = checks.get(id);
      const bad = c ? c.filter((x) => x.status === 'FAILURE' || x.status === 'WARNING') : [{ id, status: 'FAILURE' as const, errorMessage: 'scenario crashed; see the transcript' }];
      return { id, passed: bad.length === 0, bad };
    });
    const describeBad = (o: (typeof outcome)[number]) => `${o.id}:\n${o.bad.map((b) => `  ${b.status} ${b.id}: ${b.errorMessage ?? JSON.stringify(b.details)}`).join('\n')}`;

    const unexpected = outcome.filter((o) => !o.passed && !(o.id in NOT_APPLICABLE));
    const stale = outcome.filter((o) => o.passed && o.id in NOT_APPLICABLE).map((o) => o.id);
    const unknown = Object.keys(NOT_APPLICABLE).filter((id) => !ran.includes(id));
    // One assertion, so a failure shows all three lists.
    expect(
      { shouldPassButFail: unexpected.map(describeBad), listedButNowPassing: stale, listedButNotInSuite: unknown },
      'compare the suite with conformance-not-applicable.json (fix the server, or update the list with a reason)',
    ).toEqual({ shouldPassButFail: [], listedButNowPassing: [], listedButNotInSuite: [] });
    // The core scenarios are among the passing ones, and the suite's own baseline verdict agrees.
    expect(outcome.filter((o) => o.passed).map((o) => o.id)).toEqual(expect.arrayContaining(['server-initialize', 'ping', 'tools-list', 'dns-rebinding-protection']));
    expect(res.code, transcript).toBe(0);
  }, 110_000);
});
