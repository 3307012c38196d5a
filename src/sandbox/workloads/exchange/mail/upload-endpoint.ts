// The uploadUrl side of attachment upload sessions: Outlook's own endpoint, outside Graph, under /api/gv1.0.
// It is authorized by the `authtoken` in the URL alone; a request that also carries a Graph bearer token is
// refused with 401, as Outlook refuses a token whose audience is Graph. PUT takes the next range (Content-Range
// `bytes start-end/total`, at most 4 MB, in order) and answers 200 with NextExpectedRanges (Outlook's v2.0
// casing) until the last range, which answers 201 with the attachment's URL in Location. GET reports progress,
// DELETE cancels.

import { publicOrigin } from '../../../origin.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, errorEnvelope, readBody, requestIds, sendJson, setIdHeaders, type RequestIds } from '../../../http.js';
import type { MailStore } from './store.js';
import { CHUNK_MAX, acceptRange, outlookTime, uploadSessions, type UploadSession } from './upload.js';

export const UPLOAD_PATH_PREFIX = '/api/gv1.0/';

const SESSION_PATH = /^\/api\/gv1\.0\/users\('([^']+)'\)\/messages\('([^']+)'\)\/AttachmentSessions\('([^']+)'\)$/i;

class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function handleAttachmentUpload(req: IncomingMessage, res: ServerResponse, store: MailStore, log: (line: string) => void): Promise<void> {
  const ids = requestIds(req);
  setIdHeaders(res, ids);
  const url = new URL(req.url ?? '/', publicOrigin(req));
  try {
    if (req.headers.authorization) {
      req.resume();
      throw new UploadError(
        401,
        'InvalidAudienceForResource',
        `The audience claim value is invalid for current resource. Audience claim is 'https://graph.microsoft.com', request url is '${url.origin}${url.pathname}' and resource type is 'Exchange'.`,
      );
    }
    const session = find(store, url);
    if (req.method === 'GET') return status(res, url, session);
    if (req.method === 'DELETE') {
      uploadSessions(store).delete(session.id);
      return void res.writeHead(204).end();
    }
    if (req.method !== 'PUT') throw new UploadError(405, 'ErrorInvalidRequest', 'The upload URL takes PUT, GET and DELETE.');
    const range = parseRange(req.headers['content-range'], session);
    let chunk: Buffer;
    try {
      chunk = await readBody(req, CHUNK_MAX);
    } catch (e) {
      if (e instanceof BodyTooLargeError) throw new UploadError(413, 'ErrorRequestEntityTooLarge', 'A range may be at most 4 MB.');
      throw e;
    }
    const declared = req.headers['content-length'];
    if (chunk.length !== range.end - range.start + 1 || (declared !== undefined && Number(declared) !== chunk.length)) {
      throw new UploadError(400, 'ErrorInvalidRequest', `The body has ${chunk.length} bytes; Content-Range announces ${range.end - range.start + 1}.`);
    }
    const attachmentId = acceptRange(store, session, chunk);
    if (session.received < session.size) return status(res, url, session);
    if (!attachmentId) throw new UploadError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    log(`mail: upload session completed (${session.size} bytes)`);
    const m = SESSION_PATH.exec(decodedPath(url))!;
    res.writeHead(201, { Location: `${url.origin}/api/gv1.0/users('${m[1]}')/messages('${m[2]}')/Attachments('${attachmentId}')`, 'Content-Length': '0' });
    res.end();
  } catch (e) {
    if (!(e instanceof UploadError)) throw e;
    req.resume();
    fail(res, e, ids);
  }
}

function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

function find(store: MailStore, url: URL): UploadSession {
  const m = SESSION_PATH.exec(decodedPath(url));
  const session = m ? uploadSessions(store).get(m[3]) : undefined;
  if (session && session.expires < Date.now()) uploadSessions(store).delete(session.id);
  if (!m || !session || session.expires < Date.now() || session.messageId !== m[2]) {
    throw new UploadError(404, 'ErrorItemNotFound', 'The upload session does not exist or has expired.');
  }
  if (url.searchParams.get('authtoken') !== session.token) throw new UploadError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
  return session;
}

function parseRange(header: string | string[] | undefined, s: UploadSession): { start: number; end: number } {
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(header ?? '').trim());
  if (!m) throw new UploadError(400, 'ErrorInvalidRequest', "The Content-Range header is missing or malformed; send 'bytes {start}-{end}/{total}'.");
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (total !== s.size) throw new UploadError(400, 'ErrorInvalidRequest', `The total size ${total} in Content-Range differs from the session's ${s.size} bytes.`);
  if (end < start || end >= total) throw new UploadError(400, 'ErrorInvalidRequest', `The range ${start}-${end} is not within the file of ${total} bytes.`);
  if (end - start + 1 > CHUNK_MAX) throw new UploadError(413, 'ErrorRequestEntityTooLarge', 'A range may be at most 4 MB.');
  if (start !== s.received) throw new UploadError(416, 'ErrorInvalidRange', `The range must start at byte ${s.received}, the next expected one.`);
  return { start, end };
}

function status(res: ServerResponse, url: URL, s: UploadSession): void {
  sendJson(res, 200, {
    '@odata.context': `${url.origin}/api/gv1.0/$metadata#Users('${s.ownerId}')/Messages('${s.messageId}')/AttachmentSessions/$entity`,
    ExpirationDateTime: outlookTime(s.expires),
    NextExpectedRanges: [String(s.received)],
  });
}

function fail(res: ServerResponse, e: UploadError, ids: RequestIds): void {
  sendJson(res, e.status, errorEnvelope(e.code, e.message, ids));
}
