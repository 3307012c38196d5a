// POST /$batch, JSON batching as Graph documents it: up to 20 requests, each {id, method, url, headers, body,
// dependsOn}, served with the batch's token through the same router and permission checks as lone requests.
// Independent requests run concurrently; a request whose dependency failed is not run and answers 424.
// The answer is {responses: [{id, status, headers, body}]}; clients must match responses by id.

import { ODATA_JSON, type RequestIds } from '../http.js';
import type { GraphOptions } from './service.js';
import type { Dispatcher } from './dispatch.js';
import { errorResponse } from './dispatch.js';
import { GraphError, badRequest, type GraphRequest, type GraphResponse, type Principal } from './types.js';

export const BATCH_LIMIT = 20;
const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

interface Member {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  hasBody: boolean;
  dependsOn: string[];
}

export interface BatchResponseItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export async function serveBatch(req: GraphRequest, principal: Principal, dispatcher: Dispatcher, ids: RequestIds, memberFault?: GraphOptions['memberFault']): Promise<GraphResponse> {
  const members = parseBatch(req.body);
  const done = new Map<string, BatchResponseItem>();
  const run = async (m: Member): Promise<BatchResponseItem> => {
    const failed = m.dependsOn.find((d) => !isSuccess(done.get(d)!.status));
    if (failed !== undefined) {
      const e = new GraphError(424, 'FailedDependency', `The request was not run because request '${failed}', which it depends on, failed.`);
      return toItem(m.id, errorResponse(e, ids));
    }
    return toItem(m.id, await serveMember(m, req, principal, dispatcher, ids, memberFault));
  };
  if (members.every((m) => m.dependsOn.length === 0)) {
    const results = await Promise.all(members.map(run));
    results.forEach((r) => done.set(r.id, r));
  } else {
    for (const m of dependencyOrder(members)) done.set(m.id, await run(m));
  }
  return { status: 200, body: { responses: members.map((m) => done.get(m.id)) } };
}

async function serveMember(m: Member, outer: GraphRequest, principal: Principal, dispatcher: Dispatcher, ids: RequestIds, memberFault?: GraphOptions['memberFault']): Promise<GraphResponse> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(m.url)) {
    return errorResponse(badRequest(`Request id ${m.id}: the url must be relative to the version, e.g. "/me" or "users?$top=5".`), ids);
  }
  if (m.hasBody && !m.headers['content-type']) {
    return errorResponse(badRequest(`Write request id : ${m.id} does not contain Content-Type header or body.`), ids);
  }
  const url = new URL(`/v1.0/${m.url.replace(/^\/+/, '')}`, outer.url.origin);
  if (/^\/v1\.0\/\$batch$/i.test(url.pathname)) return errorResponse(badRequest('A batch cannot contain another batch.'), ids);
  // Graph throttles inside a batch too: the member gets the status (and Retry-After), the others go on.
  const fault = memberFault?.(m.method.toUpperCase(), url.pathname.replace(/^\/v1\.0/i, ''));
  if (fault) return errorResponse(fault, ids);
  const inner: GraphRequest = { method: m.method, url, headers: m.headers, body: decodeBody(m) };
  return dispatcher.serve(inner, principal, ids);
}

/** JSON bodies arrive as JSON; other content types as base64 strings, as Graph's batch format says. */
function decodeBody(m: Member): unknown {
  if (!m.hasBody) return undefined;
  const type = m.headers['content-type'] ?? '';
  if (/json/i.test(type) || typeof m.body !== 'string') return m.body;
  return Buffer.from(m.body, 'base64');
}

function toItem(id: string, r: GraphResponse): BatchResponseItem {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  if (r.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = typeof r.body === 'string' ? 'text/plain' : ODATA_JSON;
  }
  return r.body === undefined ? { id, status: r.status, headers } : { id, status: r.status, headers, body: r.body };
}

const isSuccess = (status: number) => status >= 200 && status < 300;

const invalid = (detail: string) => badRequest(`Invalid batch payload format. ${detail}`);

function parseBatch(body: unknown): Member[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!body || typeof body !== 'object' || !Array.isArray(requests)) throw invalid("The body must be a JSON object with a 'requests' array.");
  if (requests.length === 0) throw invalid('The batch contains no requests.');
  if (requests.length > BATCH_LIMIT) {
    throw badRequest(`Number of requests in the batch (${requests.length}) exceeds the limit of ${BATCH_LIMIT}.`);
  }
  const members = requests.map((r, i): Member => {
    const x = r as Record<string, unknown>;
    if (!x || typeof x !== 'object') throw invalid(`Request ${i} is not an object.`);
    if (typeof x.id !== 'string' || x.id === '') throw invalid(`Request ${i} has no string 'id'.`);
    if (typeof x.method !== 'string' || !METHODS.has(x.method.toUpperCase())) throw invalid(`Request id ${x.id} has no valid 'method'.`);
    if (typeof x.url !== 'string' || x.url === '') throw invalid(`Request id ${x.id} has no 'url'.`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((x.headers ?? {}) as Record<string, unknown>)) headers[k.toLowerCase()] = String(v);
    const dependsOn = x.dependsOn === undefined ? [] : x.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string')) throw invalid(`Request id ${x.id} has an invalid 'dependsOn'.`);
    return { id: x.id, method: x.method.toUpperCase(), url: x.url, headers, body: x.body, hasBody: x.body !== undefined && x.body !== null, dependsOn: dependsOn as string[] };
  });
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.id)) throw badRequest(`Batch request contains duplicate request id '${m.id}'.`);
    seen.add(m.id);
  }
  for (const m of members) {
    const unknown = m.dependsOn.find((d) => !seen.has(d));
    if (unknown !== undefined) throw badRequest(`Request id ${m.id} depends on request '${unknown}', which is not in the batch.`);
  }
  return members;
}

/** Members ordered so each comes after what it depends on; a cycle is a malformed batch. */
function dependencyOrder(members: Member[]): Member[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const state = new Map<string, 'visiting' | 'done'>();
  const out: Member[] = [];
  const visit = (m: Member) => {
    if (state.get(m.id) === 'done') return;
    if (state.get(m.id) === 'visiting') throw badRequest(`The dependsOn of request id ${m.id} forms a cycle.`);
    state.set(m.id, 'visiting');
    for (const d of m.dependsOn) visit(byId.get(d)!);
    state.set(m.id, 'done');
    out.push(m);
  };
  members.forEach(visit);
  return out;
}
