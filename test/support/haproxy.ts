// A real HAProxy for the tests: $HAPROXY, Debian's package where it is installed, else installed from Debian's
// packages when this runs as root with apt (as CI does). Elsewhere the error says how to provide one.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'];
const found = () => [process.env.HAPROXY, ...CANDIDATES].find((p) => p && existsSync(p));
export const run = (cmd: string, args: string[]) =>
  new Promise<{ ok: boolean; out: string }>((resolve) => execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }, (err, stdout, stderr) => resolve({ ok: !err, out: `${stdout}${stderr}` })));

let installing: Promise<void> | undefined;

/** The path of haproxy: $HAPROXY, Debian's package, or that package installed now. */
export async function haproxyPath(): Promise<string> {
  const have = found();
  if (have) return have;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    installing ??= (async () => {
      let r = await run('apt-get', ['install', '-y', '--no-install-recommends', 'haproxy']);
      if (!r.ok) {
        await run('apt-get', ['update']);
        r = await run('apt-get', ['install', '-y', '--no-install-recommends', 'haproxy']);
      }
      if (!r.ok) throw new Error(`installing haproxy from Debian's packages failed:\n${r.out.slice(-2000)}`);
    })();
    await installing;
    const now = found();
    if (now) return now;
  }
  throw new Error('No haproxy: install Debian\'s package (apt-get install haproxy) or set HAPROXY to its path.');
}
