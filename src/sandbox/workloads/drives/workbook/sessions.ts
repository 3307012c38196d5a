// Which workbook a request works on, as Excel Online decides it: a persistent session's changes (and a call
// without a session) reach the stored file at once, as a new version; a non-persistent session works on its own
// copy that no one else sees. Sessions end after a while unused (about 5 minutes for persistent ones, 7 for the
// others); a request naming one that ended is refused with Excel's error, and nothing is done.
import { randomBytes } from 'node:crypto';
import { GraphError } from '../../../graph/types.js';
import { type DriveItem, type DrivesState, writeFile } from '../model.js';
import { type Book, loadBook, saveBook } from './book.js';

const PERSISTENT_IDLE_MS = 5 * 60_000;
const TRANSIENT_IDLE_MS = 7 * 60_000;

interface Session {
  id: string;
  itemId: string;
  persist: boolean;
  expires: number;
  /** A non-persistent session's own copy. */
  copy?: Book;
  /** A change is under way in it: another at the same time is refused (Excel's 409). */
  busy?: boolean;
}

interface Workbooks {
  sessions: Map<string, Session>;
  /** The parsed workbook of each item, for the content version it was read from. */
  parsed: Map<string, { version: number; book: Book }>;
}

const all = new WeakMap<DrivesState, Workbooks>();
const of = (s: DrivesState): Workbooks => {
  let w = all.get(s);
  if (!w) all.set(s, (w = { sessions: new Map(), parsed: new Map() }));
  return w;
};

export const sessionLost = () =>
  new GraphError(404, 'itemNotFound', 'The session specified in the request does not exist or is invalid due to a transient error.', {}, { code: 'invalidSessionReCreatable' });

export function createSession(state: DrivesState, item: DriveItem, persist: boolean): Session {
  const s: Session = { id: `cluster=PS1&session=${randomBytes(12).toString('hex')}`, itemId: item.id, persist, expires: state.now() + (persist ? PERSISTENT_IDLE_MS : TRANSIENT_IDLE_MS) };
  of(state).sessions.set(s.id, s);
  return s;
}

/** The live session a request names (extending its life), undefined for none; Excel's error for an ended one. */
export function sessionOf(state: DrivesState, item: DriveItem, header: string | undefined): Session | undefined {
  if (!header) return undefined;
  const s = of(state).sessions.get(header);
  if (!s || s.itemId !== item.id || s.expires < state.now()) {
    of(state).sessions.delete(header);
    throw sessionLost();
  }
  s.expires = state.now() + (s.persist ? PERSISTENT_IDLE_MS : TRANSIENT_IDLE_MS);
  return s;
}

/** Runs a change in the session's turn; a second change while one is under way is Excel's 409. */
export async function exclusive<T>(session: Session | undefined, act: () => Promise<T>): Promise<T> {
  if (!session) return act();
  if (session.busy) throw new GraphError(409, 'conflict', 'The request failed due to conflicts with other clients that are accessing the workbook.', {}, { code: 'accessConflict' });
  session.busy = true;
  try {
    return await act();
  } finally {
    session.busy = false;
  }
}

export function closeSession(state: DrivesState, id: string): void {
  of(state).sessions.delete(id);
}

/** Ends every session now: what Excel does to sessions left unused (a sandbox control, for tests). */
export function expireSessions(state: DrivesState): number {
  const n = of(state).sessions.size;
  of(state).sessions.clear();
  return n;
}

/** The workbook the request sees. */
export async function bookFor(state: DrivesState, item: DriveItem, session: Session | undefined): Promise<Book> {
  if (session?.copy) return session.copy;
  const w = of(state);
  let hit = w.parsed.get(item.id);
  if (!hit || hit.version !== item.contentVersion) {
    let book: Book;
    try {
      book = await loadBook(item.content);
    } catch {
      throw new GraphError(400, 'invalidRequest', 'The workbook could not be opened: the file is not a valid Excel workbook (.xlsx).');
    }
    hit = { version: item.contentVersion, book };
    w.parsed.set(item.id, hit);
  }
  if (session && !session.persist) return (session.copy = structuredClone(hit.book));
  return hit.book;
}

/** After a change: saved to the file (a new version) unless the session is non-persistent. */
export async function changed(state: DrivesState, item: DriveItem, session: Session | undefined, book: Book, by: string): Promise<void> {
  if (session && !session.persist) return;
  const parent = state.items.get(item.parentId!)!;
  const saved = writeFile(state, parent, item.name, await saveBook(book), by, { existing: item });
  of(state).parsed.set(saved.id, { version: saved.contentVersion, book });
}
