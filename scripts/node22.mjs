// A Node >= 22 binary for what needs one beside the Node under test: the MCP conformance suite (it imports
// fs.globSync) and the bench's cold path as the image runs it (Node's module compile cache, 22.1 on).
// This Node when it is new enough, $NODE22 (or $CONFORMANCE_NODE), else the pinned registry package,
// fetched once (`npm pack`, ~50 MB) into node_modules/.cache. Deliberately not a devDependency: its
// package links node_modules/.bin/node, which would make every npm script run on Node 22, and npm ci
// would refuse it on any platform other than linux-x64.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
export const NODE22_VERSION = '22.23.3';
/** The registry's integrity for the platform CI runs on; other platforms rely on npm's own check. */
const NODE22_INTEGRITY = {
  'linux-x64': 'sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==',
};

function run(cmd, args, opts) {
  return new Promise((resolve) => {
    execFile(cmd, args, { ...opts, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr: stderr + (err && typeof err.code !== 'number' ? `\n${err.message}` : '') });
    });
  });
}

/** @returns {Promise<string>} the path of a Node >= 22 binary */
export async function node22() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const given = process.env.NODE22 || process.env.CONFORMANCE_NODE;
  if (given) return given;
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
    if (pack.code !== 0) throw new Error(`npm pack ${spec} failed (set NODE22 to a Node >= 22 binary instead):\n${pack.stderr}`);
    const [info] = JSON.parse(pack.stdout);
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
