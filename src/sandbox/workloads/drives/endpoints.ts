// The drives' URLs outside Graph, each authorized by what it carries: pre-authenticated downloads (a signed token;
// Range requests; `format=pdf` conversions rendered from the document's text), upload sessions (ranged PUTs in
// order, nextExpectedRanges, 416 for a range out of place, expiry, DELETE to cancel; the file is put together
// once, at the last range), and the monitors of asynchronous copies.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { pdf } from '../../content/office-files.js';
import { BodyTooLargeError, errorEnvelope, readBody, requestIds, sendJson, setIdHeaders } from '../../http.js';
import { publicOrigin } from '../../origin.js';
import type { Endpoint } from '../../workload.js';
import type { RouteContext } from '../../graph/types.js';
import { DOWNLOAD_PREFIX, readDownloadToken, renderItem } from './json.js';
import { childNamed, placeName, writeFile, type DrivesState, type UploadSession } from './model.js';

export const UPLOAD_PREFIX = '/_drives/upload/';
export const COPY_PREFIX = '/_drives/monitor/';
/** Graph takes at most 60 MiB per range. */
const RANGE_MAX = 60 * 1024 * 1024;

class Refusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const fail = (req: IncomingMessage, res: ServerResponse, e: Refusal) => {
  const ids = requestIds(req);
  setIdHeaders(res, ids);
  req.resume();
  sendJson(res, e.status, errorEnvelope(e.code, e.message, ids));
};

async function download(req: IncomingMessage, res: ServerResponse, s: DrivesState): Promise<void> {
  const token = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(DOWNLOAD_PREFIX.length));
  const d = readDownloadToken(token);
  const item = d && s.items.get(d.itemId);
  if (!d || !item || item.deleted) throw new Refusal(404, 'itemNotFound', 'The download link has expired or the item no longer exists.');
  let bytes = item.contentVersion === d.contentVersion ? item.content : item.versions.map((v) => v.content)[d.contentVersion - 1] ?? item.content;
  let type = item.mimeType;
  if (d.format === 'pdf') {
    bytes = item.mimeType === 'application/pdf' ? bytes : pdf(item.name, (item.text || item.name).split('\n').slice(0, 40));
    type = 'application/pdf';
  }
  const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ''));
  if (range) {
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
    if (start >= bytes.length || end < start) {
      res.writeHead(416, { 'Content-Range': `bytes */${bytes.length}` }).end();
      return;
    }
    res.writeHead(206, { 'Content-Type': type, 'Content-Length': end - start + 1, 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Accept-Ranges': 'bytes' });
    res.end(bytes.subarray(start, end + 1));
    return;
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': bytes.length, 'Accept-Ranges': 'bytes' });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function sessionOf(req: IncomingMessage, s: DrivesState): UploadSession {
  const url = new URL(req.url ?? '/', 'http://x');
  const session = s.uploads.get(url.pathname.slice(UPLOAD_PREFIX.length));
  if (session && session.expires < s.now()) s.uploads.delete(session.id);
  if (!session || session.expires < s.now()) throw new Refusal(404, 'itemNotFound', 'The upload session was not found or has expired.');
  if (url.searchParams.get('token') !== session.token) throw new Refusal(401, 'unauthenticated', 'The upload URL is not valid.');
  return session;
}

const status = (res: ServerResponse, session: UploadSession, code = 200) =>
  sendJson(res, code, { expirationDateTime: new Date(session.expires).toISOString(), nextExpectedRanges: [`${session.received}-${session.size !== undefined ? session.size - 1 : ''}`] });

async function upload(req: IncomingMessage, res: ServerResponse, s: DrivesState, log: (l: string) => void): Promise<void> {
  if (req.headers.authorization) throw new Refusal(401, 'unauthenticated', 'Upload URLs are pre-authenticated: send no Authorization header.');
  const session = sessionOf(req, s);
  if (req.method === 'GET') return status(res, session);
  if (req.method === 'DELETE') {
    s.uploads.delete(session.id);
    return void res.writeHead(204).end();
  }
  if (req.method !== 'PUT') throw new Refusal(405, 'invalidRequest', 'The upload URL takes PUT, GET and DELETE.');
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'] ?? '').trim());
  if (!m) throw new Refusal(400, 'invalidRequest', "Content-Range must be 'bytes {start}-{end}/{total}'.");
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (session.size !== undefined && total !== session.size) throw new Refusal(400, 'invalidRequest', `The total ${total} differs from the session's ${session.size} bytes.`);
  if (end < start || end >= total) throw new Refusal(400, 'invalidRequest', `The range ${start}-${end} is not within ${total} bytes.`);
  if (start !== session.received) throw new Refusal(416, 'invalidRange', `The range must start at byte ${session.received}, the next expected one.`);
  let chunk: Buffer;
  try {
    chunk = await readBody(req, RANGE_MAX);
  } catch (e) {
    if (e instanceof BodyTooLargeError) throw new Refusal(413, 'requestTooLarge', 'A range may be at most 60 MiB.');
    throw e;
  }
  if (chunk.length !== end - start + 1) throw new Refusal(400, 'invalidRequest', `The body has ${chunk.length} bytes; Content-Range announces ${end - start + 1}.`);
  // Only once the whole range has arrived does it count: a connection broken mid-range leaves the session as it was.
  session.size = total;
  session.chunks.push(chunk);
  session.received += chunk.length;
  if (session.received < total) return status(res, session, 202);
  s.uploads.delete(session.id);
  const parent = s.items.get(session.parentId);
  if (!parent || parent.deleted) throw new Refusal(404, 'itemNotFound', 'The folder of the upload no longer exists.');
  const content = Buffer.concat(session.chunks, total);
  session.chunks = [];
  const existing = childNamed(s, parent.id, session.name);
  const placed = existing && session.behavior === 'replace' ? { name: session.name, replaces: existing } : placeName(s, parent.id, session.name, session.behavior);
  const item = writeFile(s, parent, placed.name, content, session.by, placed.replaces ? { existing: placed.replaces } : {});
  log(`drives: upload session completed (${total} bytes)`);
  // The driveItem, as Graph's item route would show it (links built on the origin the client used).
  const ctx = { serviceRoot: `${publicOrigin(req)}/v1.0` } as RouteContext;
  sendJson(res, placed.replaces ? 200 : 201, renderItem(s, item, ctx));
}

function monitor(req: IncomingMessage, res: ServerResponse, s: DrivesState): void {
  const job = s.copies.get(new URL(req.url ?? '/', 'http://x').pathname.slice(COPY_PREFIX.length));
  if (!job) throw new Refusal(404, 'itemNotFound', 'No such copy operation.');
  if (job.error) return sendJson(res, 200, { operation: 'itemCopy', status: 'failed', error: { code: 'generalException', message: job.error } });
  if (!job.resourceId) return sendJson(res, 202, { operation: 'itemCopy', status: 'inProgress', percentageComplete: Math.min(99, Math.round(((s.now() - job.started) / 300) * 100)) });
  sendJson(res, 200, { operation: 'itemCopy', status: 'completed', percentageComplete: 100, resourceId: job.resourceId });
}

const guarded = (fn: (req: IncomingMessage, res: ServerResponse, s: DrivesState, log: (l: string) => void) => Promise<void> | void): Endpoint<DrivesState>['handle'] =>
  async (req, res, s, log) => {
    try {
      await fn(req, res, s, log);
    } catch (e) {
      if (e instanceof Refusal) return fail(req, res, e);
      throw e;
    }
  };

export const driveEndpoints: Endpoint<DrivesState>[] = [
  { prefix: DOWNLOAD_PREFIX, handle: guarded(download) },
  { prefix: UPLOAD_PREFIX, handle: guarded(upload) },
  { prefix: COPY_PREFIX, handle: guarded(monitor) },
];
