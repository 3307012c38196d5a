// The sandbox tenant: an imitation of the Microsoft identity platform and of Microsoft Graph v1.0 over a
// seeded demo organization. One node:http server: identity routes, Graph under /v1.0, the workloads' own
// pre-authenticated endpoints (tenant.ts), and a small control plane under /_sandbox for tests and demos
// (fault injection, request journal, revocation).
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSandbox, SandboxOptions } from './contract.js';
import { Readable } from 'node:stream';
import { faultError, Faults, type FaultRule } from './faults.js';
import { createGraph } from './graph/index.js';
import { GraphError } from './graph/types.js';
import { errorEnvelope, readBody, requestIds, sendGraphError, sendJson, setIdHeaders, sleep } from './http.js';
import { createIdentity } from './identity/index.js';
import { createTenant } from './tenant.js';

export type { RunningSandbox, SandboxOptions } from './contract.js';
export { SANDBOX_CLIENT_ID, SANDBOX_ORG_CLIENT_ID, SANDBOX_SERVER_APP_ID, SANDBOX_SERVER_SECRET, SANDBOX_TENANT_ID } from './contract.js';

export interface Sandbox extends RunningSandbox {
  faults: Faults;
  revokeRefreshTokens(upn?: string): number;
}

/** A request whose body was already read, readable again by the Graph front (which reads it once more). */
function replayOf(req: IncomingMessage, body: Buffer): IncomingMessage {
  return Object.assign(Readable.from(body.length ? [body] : []), { headers: req.headers, url: req.url, method: req.method, socket: req.socket }) as unknown as IncomingMessage;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const log = opts.log ?? (() => undefined);
  const tenant = createTenant({ oneNoteLimits: opts.oneNoteLimits });
  const identity = await createIdentity({
    directory: tenant.directory,
    stateDir: opts.stateDir,
    autoApproveUser: opts.autoApproveUser,
    tokenLifetimeSeconds: opts.tokenLifetimeSeconds ?? 3600,
    deviceCodeIntervalSeconds: opts.deviceCodeIntervalSeconds ?? 1,
    strictRefreshRotation: opts.strictRefreshRotation,
    appCertificates: opts.appCertificates,
    log,
    now: Date.now,
  });
  const faults = new Faults();
  const memberFault = (method: string, path: string) => {
    const rule = faults.take(method, path);
    if (!rule?.status) return undefined;
    faults.record(method, path, rule.status, true);
    const e = faultError(rule, path);
    return new GraphError(e.status, e.code, e.message, e.headers, e.innerCode ? { code: e.innerCode } : undefined);
  };
  const graph = createGraph({ directory: tenant.directory, routes: tenant.routes, verifyAccessToken: (t) => identity.verifyAccessToken(t), log, memberFault });
  let baseUrl = '';

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/_sandbox/')) return control(req, res, path);
    if (path === '/v1.0' || path.startsWith('/v1.0/')) {
      const graphPath = path.slice('/v1.0'.length) || '/';
      // Journaled with each request, so a test can follow a client's correlation id (its trace) into "Graph".
      const sent = req.headers['client-request-id'];
      const correlation = Array.isArray(sent) ? sent[0] : sent;
      const rule = faults.take(req.method ?? 'GET', graphPath);
      if (rule?.latencyMs) {
        // The request is read first, then the answer waits: a client that gives up meanwhile does not stop the
        // write from happening, as with Graph (a lost answer, not a lost request).
        req = replayOf(req, await readBody(req, 128 * 1024 * 1024));
        await sleep(rule.latencyMs);
      }
      if (rule?.pageSize) req.headers.prefer = [req.headers.prefer, `odata.maxpagesize=${rule.pageSize}`].filter(Boolean).join(', ');
      if (rule?.status) {
        const ids = requestIds(req);
        setIdHeaders(res, ids);
        const e = faultError(rule, graphPath);
        req.resume();
        sendGraphError(res, e.status, e.code, e.message, ids, e.headers, e.innerCode);
        faults.record(req.method ?? 'GET', graphPath, rule.status, true, correlation);
        return;
      }
      res.once('finish', () => faults.record(req.method ?? 'GET', graphPath, res.statusCode, false, correlation));
      if (rule?.resetAfter) dropAnswer(req, res, () => faults.record(req.method ?? 'GET', graphPath, 0, true, correlation));
      return graph.handle(req, res);
    }
    const endpoint = tenant.endpoints.find((e) => path.startsWith(e.prefix));
    if (endpoint) {
      const rule = faults.take(req.method ?? 'GET', path, 'endpoint');
      if (rule?.resetDuring) {
        // The connection breaks while the body is on its way: nothing of it reaches the workload.
        faults.record(req.method ?? 'GET', path, 0, true);
        return void req.socket.destroy();
      }
      if (rule?.status) {
        req.resume();
        faults.record(req.method ?? 'GET', path, rule.status, true);
        return void res.writeHead(rule.status, { 'Content-Type': 'application/json', ...(rule.retryAfter !== undefined ? { 'Retry-After': String(rule.retryAfter) } : {}) }).end(JSON.stringify({ error: { code: 'serviceNotAvailable', message: 'The service is temporarily unavailable.' } }));
      }
      res.once('finish', () => faults.record(req.method ?? 'GET', path, res.statusCode, false));
      if (rule?.resetAfter) dropAnswer(req, res, () => faults.record(req.method ?? 'GET', path, 0, true));
      return endpoint.handle(req, res, log);
    }
    const outage = faults.take(req.method ?? 'GET', path, 'identity');
    if (outage?.latencyMs) await sleep(outage.latencyMs);
    if (outage?.status) {
      // Entra's answer when it cannot serve: an OAuth error body, Retry-After when given.
      req.resume();
      faults.record(req.method ?? 'GET', path, outage.status, true);
      res.writeHead(outage.status, { 'Content-Type': 'application/json', ...(outage.retryAfter !== undefined ? { 'Retry-After': String(outage.retryAfter) } : {}) });
      res.end(JSON.stringify({ error: 'temporarily_unavailable', error_description: 'AADSTS90033: A transient error has occurred. Please try again.', error_codes: [90033] }));
      return;
    }
    if (await identity.handle(req, res, baseUrl)) return;
    const ids = requestIds(req);
    setIdHeaders(res, ids);
    sendJson(res, 404, errorEnvelope('NotFound', `No sandbox route for ${path}. Graph is under /v1.0, sign-in under /{tenant}/oauth2/v2.0.`, ids));
  };

  // Test and demo hooks; they change only the sandbox's own behaviour, never its data.
  const control = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const ids = requestIds(req);
    try {
      const body = req.method === 'POST' ? JSON.parse((await readBody(req)).toString('utf8') || '{}') : undefined;
      if (path === '/_sandbox/faults' && req.method === 'POST') {
        for (const r of (Array.isArray(body) ? body : [body]) as FaultRule[]) faults.add(r);
        return void res.writeHead(204).end();
      }
      if (path === '/_sandbox/faults' && req.method === 'DELETE') {
        faults.clear();
        return void res.writeHead(204).end();
      }
      if (path === '/_sandbox/journal' && req.method === 'GET') return sendJson(res, 200, { value: faults.journal });
      if (path === '/_sandbox/revoke' && req.method === 'POST') return sendJson(res, 200, { revoked: identity.revokeRefreshTokens(body?.upn) });
      if (path === '/_sandbox/consent' && req.method === 'POST') {
        if (typeof body?.appId !== 'string' || !Array.isArray(body?.withhold)) throw new Error('POST /_sandbox/consent takes {"appId": "...", "withhold": ["Mail.Send"]}');
        identity.withholdConsent(body.appId, body.withhold.map(String));
        return void res.writeHead(204).end();
      }
      if (path === '/_sandbox/health') return sendJson(res, 200, { ok: true });
      sendGraphError(res, 404, 'NotFound', 'Control routes: POST/DELETE /_sandbox/faults, GET /_sandbox/journal, POST /_sandbox/revoke, POST /_sandbox/consent, GET /_sandbox/health', ids);
    } catch (e) {
      sendGraphError(res, 400, 'BadRequest', (e as Error).message, ids);
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      log(`internal error on ${req.method} ${(req.url ?? '').split('?')[0]}: ${e.message}`);
      if (!res.headersSent) sendGraphError(res, 500, 'InternalServerError', 'Sandbox internal error.', requestIds(req));
      else res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? opts.host : '127.0.0.1';
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: baseUrl,
    faults,
    revokeRefreshTokens: (upn) => identity.revokeRefreshTokens(upn),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await identity.close();
    },
  };
}

/** Drops the answer and breaks the connection once the handler has acted (a reset after the action). */
function dropAnswer(req: IncomingMessage, res: ServerResponse, recorded: () => void): void {
  const socket = req.socket;
  res.writeHead = (() => res) as unknown as typeof res.writeHead;
  res.write = (() => true) as typeof res.write;
  res.end = (() => {
    recorded();
    socket.destroy();
    return res;
  }) as typeof res.end;
}
