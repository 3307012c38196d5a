// Small HTTP helpers for the identity routes: form bodies, JSON/HTML replies with the headers the token service
// sends, and the origin to print in discovery documents and messages.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { publicOrigin } from '../origin.js';
import { randomUUID } from 'node:crypto';
import { errorBody, newTraceId, type AadError } from './errors.js';

const MAX_FORM_BYTES = 64 * 1024;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (s: string): boolean => GUID.test(s);

export class BodyTooLarge extends Error {}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_FORM_BYTES) throw new BodyTooLarge('form body too large');
    chunks.push(buf);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Per-request diagnostics: MSAL sends its correlation id as `client-request-id` (header and body); Entra echoes it. */
export interface RequestIds {
  correlationId: string;
  traceId: string;
}

export function requestIds(req: IncomingMessage, form?: URLSearchParams): RequestIds {
  const fromHeader = req.headers['client-request-id'];
  const candidate = form?.get('client-request-id') ?? (Array.isArray(fromHeader) ? fromHeader[0] : fromHeader);
  return { correlationId: candidate && isGuid(candidate) ? candidate : randomUUID(), traceId: newTraceId() };
}

function commonHeaders(res: ServerResponse, ids: RequestIds): void {
  res.setHeader('Cache-Control', 'no-store, no-cache');
  res.setHeader('Pragma', 'no-cache');
  res.setHeader('x-ms-request-id', ids.traceId);
  res.setHeader('client-request-id', ids.correlationId);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, ids: RequestIds): void {
  commonHeaders(res, ids);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, err: AadError, ids: RequestIds, nowMs: number): void {
  sendJson(res, err.status, errorBody(err, ids.correlationId, ids.traceId, nowMs), ids);
}

/** `formLeadsAway`: the page's form ends elsewhere. Browsers apply form-action to every redirect after a
 *  submission, and a sign-in's chain goes on from the app to wherever the app sends the browser (an MCP client's
 *  loopback address): such a page sets no form-action, as Entra's own sign-in page does not. */
export function sendHtml(res: ServerResponse, status: number, html: string, formLeadsAway = false): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  // No scripts and no external assets: the page must work offline and cannot be framed or hijacked.
  res.setHeader('Content-Security-Policy', `default-src 'none'; style-src 'unsafe-inline'; ${formLeadsAway ? '' : "form-action 'self'; "}frame-ancestors 'none'`);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(html);
}

export function sendMethodNotAllowed(res: ServerResponse, allow: string): void {
  res.statusCode = 405;
  res.setHeader('Allow', allow);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end('Method Not Allowed');
}

/** The origin clients reached us on (so a sandbox behind another name, or behind TLS, prints usable URLs). */
export const requestOrigin = (req: IncomingMessage, baseUrl: string): string => publicOrigin(req, baseUrl);
