// Workbook sessions, managed by the server so the model never sees one: one persistent session per workbook for
// a sequence of writes (Graph's advice; without one, each call opens the file again), reused by reads so they see
// those writes, refreshed by use, closed when idle. Calls on one workbook take turns (two writes at once in a
// session are refused as busy). A session Graph no longer knows (it expired, the file moved) fails the call
// before anything is done: a new session is made and the call sent again once, and the answer says so.
import type { GraphReader, GraphWriter } from '../../graph/client.js';
import { GraphError } from '../../graph/errors.js';

/** Graph closes a persistent session after about five idle minutes; ours is closed a little before. */
const IDLE_CLOSE_MS = 4 * 60_000;

interface Session {
  id: string;
  lastUsed: number;
  timer?: NodeJS.Timeout;
}

interface WorkbookState {
  session?: Session;
  /** The call under way on this workbook: the next one waits for it. */
  turn: Promise<unknown>;
}

/** Per Graph client (one per signed-in server), per workbook path. */
const books = new WeakMap<object, Map<string, WorkbookState>>();

/** Graph's answer for a session it no longer has: the codes of Excel's session errors. */
export const isLostSession = (e: unknown) =>
  e instanceof GraphError && (/^invalidSession/i.test(e.code) || /^invalidSession/i.test(e.innerCode ?? '') || (e.status === 404 && /session/i.test(e.graphMessage)));

function stateOf(graph: object, workbook: string): WorkbookState {
  let byPath = books.get(graph);
  if (!byPath) books.set(graph, (byPath = new Map()));
  let s = byPath.get(workbook);
  if (!s) byPath.set(workbook, (s = { turn: Promise.resolve() }));
  return s;
}

/** Runs `call` in this workbook's turn, after the calls before it. */
function inTurn<T>(s: WorkbookState, call: () => Promise<T>): Promise<T> {
  const result = s.turn.then(call, call);
  s.turn = result.catch(() => undefined);
  return result;
}

function keepAlive(graph: GraphReader, workbook: string, s: WorkbookState, session: Session): void {
  session.lastUsed = Date.now();
  if (session.timer) clearTimeout(session.timer);
  session.timer = setTimeout(() => {
    if (s.session !== session) return;
    s.session = undefined;
    // Best effort: Graph ends it by itself a minute later anyway.
    void graph.readAction(`${workbook}/closeSession`, {}, { headers: { 'workbook-session-id': session.id } }).catch(() => undefined);
  }, IDLE_CLOSE_MS);
  session.timer.unref();
}

async function open(graph: GraphWriter, workbook: string, signal: AbortSignal): Promise<Session> {
  const r = await graph.post<{ id: string }>(`${workbook}/createSession`, { persistChanges: true }, { signal });
  return { id: r.id, lastUsed: Date.now() };
}

/** A change to the workbook, in its persistent session. `renewed`: the session had ended and a new one took over
 *  (the changes made before are in the file: a persistent session saves as it goes). */
export function inSession<T>(graph: GraphWriter, workbook: string, signal: AbortSignal, call: (headers: Record<string, string>) => Promise<T>): Promise<{ value: T; renewed: boolean }> {
  const s = stateOf(graph, workbook);
  return inTurn(s, async () => {
    let renewed = false;
    s.session ??= await open(graph, workbook, signal);
    let value: T;
    try {
      value = await call({ 'workbook-session-id': s.session.id });
    } catch (e) {
      if (!isLostSession(e)) throw e;
      renewed = true;
      s.session = await open(graph, workbook, signal);
      value = await call({ 'workbook-session-id': s.session.id });
    }
    keepAlive(graph, workbook, s, s.session);
    return { value, renewed };
  });
}

/** A read: in the workbook's session when one is open (so it sees that session's changes), else sessionless. */
export function reading<T>(graph: GraphReader, workbook: string, call: (headers: Record<string, string>) => Promise<T>): Promise<T> {
  const s = stateOf(graph, workbook);
  return inTurn(s, async () => {
    const session = s.session;
    if (!session) return call({});
    try {
      const value = await call({ 'workbook-session-id': session.id });
      keepAlive(graph, workbook, s, session);
      return value;
    } catch (e) {
      // Its session ended: the changes made in it are saved, so a sessionless read sees them.
      if (!isLostSession(e)) throw e;
      if (s.session === session) s.session = undefined;
      return call({});
    }
  });
}
