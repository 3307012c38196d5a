// Files that hold tokens: written atomically (temp file + rename), mode 0600, in a 0700 directory, and
// guarded by a lock that several processes share (the container's main process and every docker exec).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export async function ensureDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
}

export async function writeFileAtomic(file: string, data: string): Promise<void> {
  await ensureDir(path.dirname(file));
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(tmp, data, { mode: 0o600 });
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

export async function readFileIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Identity of a file's current content, cheap to compare: unchanged means no need to re-read it. */
export async function fileStamp(file: string): Promise<string | undefined> {
  try {
    const s = await fs.stat(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return undefined;
  }
}

/** Takes a cross-process lock named `${target}.${name}.lock`; returns the release function.
 *  A holder that dies leaves a stale lock that others take over after 10 s. */
export async function acquireLock(target: string, name: string, onCompromised: (e: Error) => void): Promise<() => Promise<void>> {
  await ensureDir(path.dirname(target));
  // Loaded here, not at start (it pulls graceful-fs, ~25 ms): reads and a call with a fresh cached token
  // never lock.
  const { default: lockfile } = await import('proper-lockfile');
  // proper-lockfile tracks its locks by the locked path, not the lock file, so each named lock gets its
  // own (never created) path: the refresh lock is held while the write lock is taken inside it.
  return lockfile.lock(`${target}.${name}`, {
    lockfilePath: `${target}.${name}.lock`,
    realpath: false,
    stale: 10_000,
    update: 2_000,
    retries: { retries: 600, factor: 1.15, minTimeout: 5, maxTimeout: 100 },
    onCompromised,
  });
}
