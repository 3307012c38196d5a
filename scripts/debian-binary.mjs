// Finds a program of one of Debian's packages (redis-server, haproxy) for the tests and the bench: the path in an
// environment variable, the package's usual paths, or the package installed now when this runs as root with apt (as
// CI does). Elsewhere the error says how to provide it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Runs a command to its end: whether it succeeded, and its output. */
export const run = (cmd, args) =>
  new Promise((resolve) => execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }, (err, stdout, stderr) => resolve({ ok: !err, out: `${stdout}${stderr}` })));

const installs = new Map();

/**
 * The path of `program` from Debian's package `pkg`: $envVar, one of `paths`, or the package installed now.
 * @param {{ pkg: string, program: string, envVar: string, paths: string[] }} o
 * @returns {Promise<string>}
 */
export async function debianBinary({ pkg, program, envVar, paths }) {
  const found = () => [process.env[envVar], ...paths].find((p) => p && existsSync(p));
  const have = found();
  if (have) return have;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    if (!installs.has(pkg)) {
      installs.set(pkg, (async () => {
        let r = await run('apt-get', ['install', '-y', '--no-install-recommends', pkg]);
        // A fresh machine's package lists may be missing or stale.
        if (!r.ok) {
          await run('apt-get', ['update']);
          r = await run('apt-get', ['install', '-y', '--no-install-recommends', pkg]);
        }
        if (!r.ok) throw new Error(`installing ${pkg} from Debian's packages failed:\n${r.out.slice(-2000)}`);
      })());
    }
    await installs.get(pkg);
    const now = found();
    if (now) return now;
  }
  throw new Error(`No ${program}: install Debian's package (apt-get install ${pkg}) or set ${envVar} to its path.`);
}
