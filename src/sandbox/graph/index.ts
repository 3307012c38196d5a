// The sandbox's Microsoft Graph v1.0: turns node:http requests under /v1.0 into GraphRequests, serves them
// through the router (routes come from the tenant's workloads) or as a JSON batch, and writes Graph's
// answer with its headers. Everything Graph-specific happens below this file, independent of the wire.

import { publicOrigin } from '../origin.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, MAX_BODY_BYTES, readBody, requestIds, sendJson, setIdHeaders, type RequestIds } from '../http.js';
import { serveBatch } from './batch.js';
import { Dispatcher, errorResponse } from './dispatch.js';
import { methodNotAllowed, Router } from './router.js';
import type { GraphOptions, GraphService } from './service.js';
import { GraphError, badRequest, type GraphRequest, type GraphResponse } from './types.js';

export type { GraphOptions, GraphService } from './service.js';

/** Graph's simple upload (PUT .../content) takes files up to 250 MB; larger ones need an upload session. */
const SIMPLE_UPLOAD_MAX = 250 * 1024 * 1024;
/** OneNote takes a page's HTML with its images and files (POST .../pages, PATCH .../pages/{id}/content) up to
 *  75 MB, refused beyond with its code 20016. */
const ONENOTE_PAGE_MAX = 75 * 1024 * 1024;
const ONENOTE_PAGE = /\/onenote\/(?:sections\/[^/]+\/)?pages\/?$|\/onenote\/pages\/[^/]+\/content\/?$/i;

export function createGraph(opts: GraphOptions): GraphService {
  const router = new Router();
  for (const route of opts.routes) router.add(route);
  const dispatcher = new Dispatcher({ router, directory: opts.directory, verifyAccessToken: opts.verifyAccessToken, log: opts.log });

  const serve = async (req: GraphRequest, ids: RequestIds): Promise<GraphResponse> => {
    if (!/^\/v1\.0\/\$batch\/?$/i.test(req.url.pathname)) return dispatcher.handle(req, ids);
    const auth = await dispatcher.authenticate(req);
    if (!auth.ok) return errorResponse(auth.error, ids);
    if (req.method !== 'POST') return errorResponse(methodNotAllowed(), ids);
    try {
      return await serveBatch(req, auth.principal, dispatcher, ids, opts.memberFault);
    } catch (e) {
      if (e instanceof GraphError) return errorResponse(e, ids);
      throw e;
    }
  };

  return {
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const ids = requestIds(req);
      let graphReq: GraphRequest;
      try {
        graphReq = await toGraphRequest(req);
      } catch (e) {
        if (e instanceof GraphError) return writeResponse(res, errorResponse(e, ids), ids);
        throw e;
      }
      writeResponse(res, await serve(graphReq, ids), ids);
    },
  };
}

async function toGraphRequest(req: IncomingMessage): Promise<GraphRequest> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  // Every link a route hands back is built on this URL's origin: the one the client used (origin.ts).
  const url = new URL(req.url ?? '/', publicOrigin(req));
  // A file's content (PUT .../content) is bytes whatever its type, up to Graph's simple-upload limit.
  const content = req.method === 'PUT' && /\/content:?$/i.test(url.pathname);
  const notePage = (req.method === 'POST' || req.method === 'PATCH') && ONENOTE_PAGE.test(url.pathname);
  const limit = content ? SIMPLE_UPLOAD_MAX : notePage ? ONENOTE_PAGE_MAX : undefined;
  let raw: Buffer;
  try {
    // A body announced larger than the limit is refused before a byte of it is read.
    if (Number(req.headers['content-length']) > (limit ?? MAX_BODY_BYTES)) throw new BodyTooLargeError('announced too large');
    raw = await readBody(req, limit);
  } catch (e) {
    if (e instanceof BodyTooLargeError && notePage) throw new GraphError(413, '20016', 'The length of the multipart message exceeds the limit of 75 MB.');
    if (e instanceof BodyTooLargeError) throw new GraphError(413, 'RequestEntityTooLarge', content ? 'A simple upload takes files up to 250 MB; upload larger ones through an upload session (createUploadSession).' : 'The request body is too large.');
    throw e;
  }
  return { method: (req.method ?? 'GET').toUpperCase(), url, headers, body: content ? raw : parseBody(raw, headers['content-type'] ?? '') };
}

/** JSON (the usual case) parsed; other content (file uploads) kept as bytes; nothing as undefined. */
function parseBody(raw: Buffer, contentType: string): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  const looksJson = /json/i.test(contentType) || (contentType === '' && /^\s*[[{]/.test(text));
  if (!looksJson) return raw;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
}

function writeResponse(res: ServerResponse, r: GraphResponse, ids: RequestIds): void {
  setIdHeaders(res, ids);
  const headers = { ...(r.headers ?? {}) };
  if (r.body === undefined) {
    res.statusCode = r.status;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.end();
  } else if (typeof r.body === 'string' || Buffer.isBuffer(r.body)) {
    res.statusCode = r.status;
    res.setHeader('Content-Type', 'text/plain');
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.setHeader('Content-Length', Buffer.byteLength(r.body));
    res.end(r.body);
  } else {
    sendJson(res, r.status, r.body, { 'OData-Version': '4.0', ...headers });
  }
}
