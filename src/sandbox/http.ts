// HTTP plumbing shared by the Graph side and the control plane: body reading, Graph's response headers and
// its error envelope. Graph answers every request with `request-id` and echoes `client-request-id`;
// clients (and the SDKs' retry handlers) log those, so the sandbox does the same everywhere.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) throw new BodyTooLargeError(`body larger than ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

export function requestIds(req: IncomingMessage): RequestIds {
  const requestId = randomUUID();
  const raw = req.headers['client-request-id'];
  const client = Array.isArray(raw) ? raw[0] : raw;
  // Graph echoes whatever the client sent; without one it reuses its own id.
  return { requestId, clientRequestId: client && client.length <= 200 ? client : requestId };
}

/** Graph's innerError.date: UTC, seconds precision, no zone designator. */
export const graphDate = (ms = Date.now()): string => new Date(ms).toISOString().slice(0, 19);

export function errorEnvelope(code: string, message: string, ids: RequestIds, innerCode?: string): Record<string, unknown> {
  return {
    error: {
      code,
      message,
      innerError: { ...(innerCode ? { code: innerCode } : {}), date: graphDate(), 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId },
    },
  };
}

export function setIdHeaders(res: ServerResponse, ids: RequestIds): void {
  res.setHeader('request-id', ids.requestId);
  res.setHeader('client-request-id', ids.clientRequestId);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', ODATA_JSON);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

export function sendGraphError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  ids: RequestIds,
  headers: Record<string, string> = {},
  innerCode?: string,
): void {
  sendJson(res, status, errorEnvelope(code, message, ids, innerCode), headers);
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
