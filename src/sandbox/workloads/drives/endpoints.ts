// The drives' URLs outside Graph, each authorized by what it carries: pre-authenticated downloads (a signed token;
// Range requests; `format=pdf` conversions rendered from the document's text), upload sessions (upload-session.ts),
// and the monitors of asynchronous copies.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { pdf } from '../../content/office-files.js';
import { errorEnvelope, requestIds, sendJson, setIdHeaders } from '../../http.js';
import type { Endpoint } from '../../workload.js';
import { GraphError } from '../../graph/types.js';
import { DOWNLOAD_PREFIX, readDownloadToken } from './json.js';
import type { DrivesState } from './model.js';
import { Refusal, UPLOAD_PREFIX, uploadEndpoint } from './upload-session.js';

export const COPY_PREFIX = '/_drives/monitor/';

const fail = (req: IncomingMessage, res: ServerResponse, e: Refusal | GraphError) => {
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
      if (e instanceof Refusal || e instanceof GraphError) return fail(req, res, e);
      throw e;
    }
  };

export const driveEndpoints: Endpoint<DrivesState>[] = [
  { prefix: DOWNLOAD_PREFIX, handle: guarded(download) },
  { prefix: UPLOAD_PREFIX, handle: guarded(uploadEndpoint) },
  { prefix: COPY_PREFIX, handle: guarded(monitor) },
];
