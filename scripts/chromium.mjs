// A Chromium for the tests that drive a real browser (the sign-in front's page flow): $CHROMIUM, else Debian's
// package where it is installed, else installed from Debian's packages when this runs as root with apt (as CI
// does). Elsewhere the error says how to provide one.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const found = () => [process.env.CHROMIUM, ...CANDIDATES].find((p) => p && existsSync(p));

const run = (cmd, args) => new Promise((resolve) => execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }, (err, stdout, stderr) => resolve({ ok: !err, out: `${stdout}${stderr}` })));

let installing;

/** @returns {Promise<string>} the path of a Chromium executable */
export async function chromium() {
  const have = found();
  if (have) return have;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    installing ??= (async () => {
      let r = await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
      if (!r.ok) {
        await run('apt-get', ['update']);
        r = await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
      }
      if (!r.ok) throw new Error(`installing Chromium from Debian's packages failed:\n${r.out.slice(-2000)}`);
    })();
    await installing;
    const now = found();
    if (now) return now;
  }
  throw new Error('No Chromium: install Debian\'s package (apt-get install chromium) or set CHROMIUM to a Chromium or Chrome executable.');
}
