// The official MCP conformance suite (@modelcontextprotocol/conformance, all server scenarios) against
// `--http`. Every scenario must pass except those in conformance-not-applicable.json, each with its
// reason; a listed scenario that starts passing fails the test too (stale list).
//
// The suite needs Node >= 22 (it imports fs.globSync). Under an older Node the test fetches the pinned
// Node 22 package from the npm registry once (`npm pack`, ~50 MB) and keeps its binary under
// node_modules/.cache. It is deliberately not a devDependency: its package links node_modules/.bin/node,
// which would make every npm script (build, test, start) run on Node 22 instead of the Node under test,
// and npm ci would refuse it on any platform other than linux-x64. CONFORMANCE_NODE overrides the binary.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from './process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOT_APPLICABLE: Record<string, string> = JSON.parse(readFileSync(path.join(import.meta.dirname, 'conformance-not-applicable.json'), 'utf8'));

const NODE22_VERSION = '22.23.3';
/** The registry's integrity for the platform CI runs on; other platforms rely on npm's own check. */
const NODE22_INTEGRITY: Record<string, string> = {
  'linux-x64': 'sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==',
};

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

/** A Node >= 22 binary: this one, $CONFORMANCE_NODE, or the pinned registry package (fetched once). */
async function node22(): Promise<string> {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  if (process.env.CONFORMANCE_NODE) return process.env.CONFORMANCE_NODE;
  const platform = `${process.platform}-${process.arch}`;
  const cache = path.join(ROOT, 'node_modules', '.cache', 'ms365-conformance');
  const dir = path.join(cache, `node-${platform}-${NODE22_VERSION}`);
  const bin = path.join(dir, 'package', 'bin', 'node');
  if (existsSync(bin)) return bin;
  mkdirSync(cache, { recursive: true });
  const tmp = mkdtempSync(path.join(cache, 'fetch-'));
  try {
    const spec = `node-${platform}@${NODE22_VERSION}`;
    const pack = await run('npm', ['pack', spec, '--json', '--pack-destination', tmp], { cwd: tmp, timeout: 150_000 });
    if (pack.code !== 0) throw new Error(`npm pack ${spec} failed (set CONFORMANCE_NODE to a Node >= 22 binary instead):\n${pack.stderr}`);
    const [info] = JSON.parse(pack.stdout) as { filename: string; integrity: string }[];
    const pinned = NODE22_INTEGRITY[platform];
    if (pinned && info.integrity !== pinned) throw new Error(`${spec}: integrity ${info.integrity}, expected ${pinned}`);
    const tar = await run('tar', ['-xzf', info.filename, 'package/bin/node'], { cwd: tmp, timeout: 60_000 });
    if (tar.code !== 0) throw new Error(`extracting ${info.filename} failed:\n${tar.stderr}`);
    rmSync(path.join(tmp, info.filename));
    try {
      renameSync(tmp, dir);
    } catch (e) {
      if (!existsSync(bin)) throw e; // another run got there first
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return bin;
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
