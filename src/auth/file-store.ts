// Files that hold tokens: written atomically (temp file + rename), mode 0600, in a 0700 directory, and
// guarded by a lock that several processes share (the container's main process and every docker exec).
import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AuthRequiredError } from '../graph/errors.js';

const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);

/** The token directory cannot be used by this process (the guide's "Permission Errors": a volume owned by
 *  root while the server runs as node, or mounted read-only). Not retried: it does not heal by itself. */
export class TokenStoreError extends AuthRequiredError {
  constructor(dir: string, what: 'read' | 'written', code: string) {
    const uid = process.getuid?.() ?? 'unknown';
    super(
      `The token directory ${dir} cannot be ${what} by this process (user id ${uid}; ${code}), so no sign-in can be ${what === 'read' ? 'used' : 'saved'}. ` +
        `Give it to that user: in Docker \`docker compose exec -u root ms365-mcp chown -R node:node /app/data\`; on this machine \`chown -R ${uid} ${dir}\` (and make sure it is not mounted read-only).`,
    );
  }
}

/** Turns a permission error on a token file into TokenStoreError; anything else as it is. */
function denied(e: unknown, file: string, what: 'read' | 'written'): unknown {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return DENIED.has(code) ? new TokenStoreError(path.dirname(file), what, code) : e;
}

export async function ensureDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 }).catch((e: unknown) => {
    throw denied(e, path.join(dir, '.'), 'written');
  });
}

export async function writeFileAtomic(file: string, data: string): Promise<void> {
  await ensureDir(path.dirname(file));
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(tmp, data, { mode: 0o600 });
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw denied(e, file, 'written');
  }
}

export async function readFileIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw denied(e, file, 'read');
  }
}

/** Whether this process can read and write the token files and their directory (or, before the first
 *  sign-in, make the directory); the problem, or undefined. --health reports it and --login checks it before a
 *  person is shown a code. */
export async function tokenStoreProblem(files: string[]): Promise<TokenStoreError | undefined> {
  const dir = path.dirname(files[0]);
  const check = async (target: string, mode: number, what: 'read' | 'written'): Promise<TokenStoreError | 'missing' | undefined> => {
    try {
      await fs.access(target, mode);
      return undefined;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOENT') return 'missing';
      return DENIED.has(code) ? new TokenStoreError(dir, what, code) : undefined;
    }
  };
  const here = await check(dir, constants.R_OK | constants.W_OK | constants.X_OK, 'written');
  if (here === 'missing') {
    const parent = await check(path.dirname(dir), constants.W_OK | constants.X_OK, 'written');
    return parent === 'missing' ? undefined : parent;
  }
  if (here) return here;
  for (const f of files) {
    const problem = (await check(f, constants.R_OK, 'read')) ?? (await check(f, constants.W_OK, 'written'));
    if (problem && problem !== 'missing') return problem;
  }
  return undefined;
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

/** Another process holds the lock (a refresh under way there) beyond the time this one waits. */
export class LockBusyError extends AuthRequiredError {
  constructor() {
    super('Another process is refreshing the sign-in right now (the token cache is locked by it); try again in a few seconds.');
  }
}

/** Takes a cross-process lock named `${target}.${name}.lock`; returns the release function.
 *  A holder that dies leaves a stale lock that others take over after 10 s. */
export async function acquireLock(target: string, name: string, onCompromised: (e: Error) => void): Promise<() => Promise<void>> {
  await ensureDir(path.dirname(target));
  // A lock file that cannot be made is a permission problem, not a lock held by someone: say so at once.
  await fs.access(path.dirname(target), constants.W_OK).catch((e: unknown) => {
    throw denied(e, target, 'written');
  });
  // Loaded here, not at start (it pulls graceful-fs, ~25 ms): reads and a call with a fresh cached token
  // never lock.
  const { default: lockfile } = await import('proper-lockfile');
  // proper-lockfile tracks its locks by the locked path, not the lock file, so each named lock gets its
  // own (never created) path: the refresh lock is held while the write lock is taken inside it.
  const release = await lockfile.lock(`${target}.${name}`, {
    lockfilePath: `${target}.${name}.lock`,
    realpath: false,
    stale: 10_000,
    update: 2_000,
    // About 12 s of trying: longer than `stale`, so a holder that died is taken over, but no call hangs for a
    // minute behind a live one (it is told another process is refreshing instead).
    retries: { retries: 130, factor: 1.15, minTimeout: 5, maxTimeout: 100 },
    onCompromised,
  }).catch((e: { code?: string }) => {
    throw e.code === 'ELOCKED' ? new LockBusyError() : e;
  });
  // A lock another process took over (ours looked stale) or already released: the work done under it (a
  // refresh saved to the file) stands, so releasing must not fail the call.
  return () => release().catch((e: Error) => onCompromised(e));
}
