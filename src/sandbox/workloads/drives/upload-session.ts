// Upload sessions at their pre-authenticated URL, as OneDrive for Business runs them: ranged PUTs in order (at most
// 60 MiB each, the total fixed by the first), nextExpectedRanges, 416 for a range out of place, GET for the status,
// DELETE to cancel, expiry. The bytes stream straight into one buffer of the file's size, allocated at the first
// range, which becomes the file's content: a 1 GB upload is held once. The last range commits the file under the
// session's conflict behavior; a conflict then is a 409 that keeps the session, committed later by a PUT with
// @microsoft.graph.sourceUrl, and a deferCommit session waits for an empty POST.

import { constants } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../http.js';
import { publicOrigin } from '../../origin.js';
import { GraphError, type RouteContext } from '../../graph/types.js';
import { renderItem } from './json.js';
import { textOf } from './text.js';
import { childNamed, placeName, writeFile, type ConflictBehavior, type DriveItem, type DrivesState, type UploadSession } from './model.js';

export const UPLOAD_PREFIX = '/_drives/upload/';
/** Graph takes at most 60 MiB per range. */
const RANGE_MAX = 60 * 1024 * 1024;
/** The sandbox keeps a file in one buffer, so a file is at most what a buffer holds (and 4 GiB). */
export const SANDBOX_FILE_MAX = Math.min(4 * 1024 ** 3, constants.MAX_LENGTH);

/** A refusal in Graph's envelope from outside /v1.0 (the endpoint's guard renders it). */
export class Refusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** The session an upload URL (or a @microsoft.graph.sourceUrl) names, if its token holds and it has not expired. */
export function sessionAt(s: DrivesState, url: URL): UploadSession | undefined {
  if (!url.pathname.startsWith(UPLOAD_PREFIX)) return undefined;
  const session = s.uploads.get(url.pathname.slice(UPLOAD_PREFIX.length));
  if (session && session.expires < s.now()) s.uploads.delete(session.id);
  if (!session || session.expires < s.now() || url.searchParams.get('token') !== session.token) return undefined;
  return session;
}

/** Sessions past their expiry hold no memory: forgotten whenever a new one starts. */
export function forgetExpired(s: DrivesState): void {
  for (const session of s.uploads.values()) if (session.expires < s.now()) s.uploads.delete(session.id);
}

const ranges = (session: UploadSession) => (session.complete ? [] : [`${session.received}-${session.size !== undefined ? session.size - 1 : ''}`]);
const status = (res: ServerResponse, session: UploadSession, code = 200) =>
  sendJson(res, code, { expirationDateTime: new Date(session.expires).toISOString(), nextExpectedRanges: ranges(session) });

/** Puts a complete session's file in its folder, named and placed under `behavior`; throws 409 on a conflict
 *  under 'fail' (the session stays, to be committed again). */
export function commitUpload(s: DrivesState, session: UploadSession, name: string, behavior: ConflictBehavior): { item: DriveItem; created: boolean } {
  const parent = s.items.get(session.parentId);
  if (!parent || parent.deleted) throw new GraphError(404, 'itemNotFound', 'The folder of the upload no longer exists.');
  const existing = childNamed(s, parent.id, name);
  if (existing && behavior === 'fail') {
    throw new GraphError(409, 'nameAlreadyExists', 'Another file exists with the same name as the uploaded session. You can redirect the upload session to use a new filename by calling PUT with the new metadata and @microsoft.graph.sourceUrl attribute.');
  }
  const placed = existing && behavior === 'replace' && !existing.folder ? { name, replaces: existing } : placeName(s, parent.id, name, behavior === 'replace' ? 'rename' : behavior);
  const content = session.content ?? Buffer.alloc(0);
  s.uploads.delete(session.id);
  const item = writeFile(s, parent, placed.name, content, session.by, { text: textOf(placed.name, content), ...(placed.replaces ? { existing: placed.replaces } : {}) });
  return { item, created: !placed.replaces };
}

/** Reads one range's body straight into the session's buffer; it counts only once all of it has arrived. */
async function receive(req: IncomingMessage, session: UploadSession, start: number, end: number): Promise<void> {
  session.receiving = true;
  let at = start;
  try {
    for await (const chunk of req) {
      const bytes = chunk as Buffer;
      if (at + bytes.length > end + 1) throw new Refusal(400, 'invalidRequest', `The body is longer than the ${end - start + 1} bytes Content-Range announces.`);
      bytes.copy(session.content!, at);
      at += bytes.length;
    }
  } catch (e) {
    if (e instanceof Refusal) throw e;
    // The connection broke mid-range: what arrived of it stays uncounted, to be sent again.
    throw new Refusal(400, 'invalidRequest', 'The connection broke before the range arrived whole; nothing of it counts.');
  } finally {
    session.receiving = false;
  }
  if (at !== end + 1) throw new Refusal(400, 'invalidRequest', `The body has ${at - start} bytes; Content-Range announces ${end - start + 1}.`);
  session.received = at;
}

function rangeOf(req: IncomingMessage, session: UploadSession): { start: number; end: number; total: number } {
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'] ?? '').trim());
  if (!m) throw new Refusal(400, 'invalidRequest', "Content-Range must be 'bytes {start}-{end}/{total}'.");
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (session.size !== undefined && total !== session.size) throw new Refusal(400, 'invalidRequest', `The total ${total} differs from the session's ${session.size} bytes.`);
  if (end < start || end >= total) throw new Refusal(400, 'invalidRequest', `The range ${start}-${end} is not within ${total} bytes.`);
  if (end - start + 1 > RANGE_MAX) throw new Refusal(413, 'requestTooLarge', 'A range may be at most 60 MiB.');
  if (session.complete || start !== session.received || session.receiving) throw new Refusal(416, 'invalidRange', `The range must start at byte ${session.received}, the next expected one.`);
  if (total > SANDBOX_FILE_MAX) throw new Refusal(507, 'quotaLimitReached', `The sandbox stores files of up to ${SANDBOX_FILE_MAX} bytes.`);
  return { start, end, total };
}

export async function uploadEndpoint(req: IncomingMessage, res: ServerResponse, s: DrivesState, log: (l: string) => void): Promise<void> {
  if (req.headers.authorization) throw new Refusal(401, 'unauthenticated', 'Upload URLs are pre-authenticated: send no Authorization header.');
  const session = sessionAt(s, new URL(req.url ?? '/', 'http://x'));
  if (!session) throw new Refusal(404, 'itemNotFound', 'The upload session was not found or has expired.');
  if (req.method === 'GET') return status(res, session);
  if (req.method === 'DELETE') {
    s.uploads.delete(session.id);
    return void res.writeHead(204).end();
  }
  const ctx = { serviceRoot: `${publicOrigin(req)}/v1.0` } as RouteContext;
  const finish = () => {
    const { item, created } = commitUpload(s, session, session.name, session.behavior);
    log(`drives: upload session completed (${item.content.length} bytes)`);
    // The driveItem, as Graph's item route would show it (links built on the origin the client used).
    sendJson(res, created ? 201 : 200, renderItem(s, item, ctx));
  };
  if (req.method === 'POST') {
    // deferCommit: an empty POST once every byte is in.
    if (!session.complete) throw new Refusal(400, 'invalidRequest', `The upload is not complete: bytes from ${session.received} are missing.`);
    return finish();
  }
  if (req.method !== 'PUT') throw new Refusal(405, 'invalidRequest', 'The upload URL takes PUT, POST, GET and DELETE.');
  const { start, end, total } = rangeOf(req, session);
  session.size = total;
  session.content ??= Buffer.allocUnsafe(total);
  await receive(req, session, start, end);
  if (session.received < total) return status(res, session, 202);
  session.complete = true;
  if (session.deferCommit) return status(res, session, 202);
  finish();
}
