// Files under the state directory hold a private key and refresh-token hashes, so they are owner-only (0600,
// directory 0700) and replaced atomically: a crash mid-write must leave the previous version, never half a file.

import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

export async function ensureStateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

export async function writeFileAtomic(file: string, data: string): Promise<void> {
  await ensureStateDir(dirname(file));
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    // `mode` only applies on creation, and the temp name is fresh, so the file is 0600 from its first byte.
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** The parsed file, or undefined when it does not exist. Other errors (unreadable, not JSON) are thrown. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return JSON.parse(text) as unknown;
}

/** Serializes writes of one file so a slow older snapshot can never land after a newer one. */
export class FileWriter {
  private chain: Promise<void> = Promise.resolve();
  constructor(private readonly file: string) {}

  write(snapshot: () => string): Promise<void> {
    // The snapshot is taken when the write runs, so queued writes collapse onto the latest state.
    const next = this.chain.then(() => writeFileAtomic(this.file, snapshot()));
    this.chain = next.catch(() => undefined);
    return next;
  }
}
