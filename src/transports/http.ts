// Streamable HTTP at /mcp, stateless, for development, conformance and deployments across hosts.
// Bound to loopback by default; Host and Origin are checked against the bound name (DNS rebinding), and
// with a configured token every /mcp request must carry it as a bearer token; in many-user mode each request
// carries its person's own Entra token (multiuser/resource-server.ts).
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostHeaderValidation, localhostHostValidation, localhostOriginValidation, originValidation, toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, type McpServer } from '@modelcontextprotocol/server';
import { LOOPBACK_HOSTS } from '../http-access.js';
import type { Logger } from '../log.js';
import { BodyBudget } from './http-body.js';
import { type DrainResult, refuseWhileDraining, RequestDrain } from './http-drain.js';
import { processReadiness, type Readiness } from './readiness.js';
import { MAX_MESSAGE_BYTES } from './limits.js';
import { answerServerCard, type CardAccess, type CardFacts, SERVER_CARD_PATHS, serverCard } from './server-card.js';
import type { FrontRoutes } from '../multiuser/front/routes.js';
import type { RequestUser, ResourceServer } from '../multiuser/resource-server.js';

export interface HttpServing {
  url: string;
  /** Shutting down: /readyz red, new requests refused (503, Retry-After), those under way awaited `boundMs` at most. */
  drain(boundMs: number): Promise<DrainResult>;
  close(): Promise<void>;
}

export interface HttpAccess {
  /** Required as `Authorization: Bearer <token>` on /mcp; undefined: no token. */
  token?: string;
  allowedHosts: string[];
  /** Many users: each request's own Entra token, checked here; its person rides to the tools in authInfo. */
  resource?: ResourceServer;
  /** Many users: the sign-in front's OAuth endpoints (metadata, /authorize, /callback, /token). */
  front?: FrontRoutes;
  /** What the server card at /.well-known/mcp/server-card.json says (server-card.ts); no card without it. */
  card?: CardFacts;
  /** What /readyz answers from (readiness.ts); the process's, which dependencies register their checks with. */
  readiness?: Readiness;
}

/** How long without a new request a draining process waits before it closes: while a load balancer has not yet seen
 *  /readyz red, requests keep arriving (each refused, and sent elsewhere); once they stop, it has. */
const DRAIN_QUIET_MS = 1000;

const PRM_PATHS = new Set(['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']);

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares digests, so neither the token's length nor its prefix leaks through timing. */
function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return !!m && timingSafeEqual(digest(m[1]), expected);
}

function unauthorized(res: http.ServerResponse, why: string): void {
  const body = { jsonrpc: '2.0', id: null, error: { code: -32001, message: `Unauthorized: ${why}. Send the server's MS365_MCP_HTTP_TOKEN as "Authorization: Bearer <token>".` } };
  res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="ms-365-mcp-server"' }).end(JSON.stringify(body));
}

export async function serveHttp(factory: (ctx?: { authInfo?: { extra?: Record<string, unknown> } }) => McpServer, bind: { host: string; port: number }, access: HttpAccess, log: Logger, bodyBudget?: number): Promise<HttpServing> {
  const handler = createMcpHandler(factory, { onerror: (e) => log.debug(`http: ${e.message}`), maxRequestBodySize: MAX_MESSAGE_BYTES });
  const mcp = toNodeHandler(handler, { maxRequestBodySize: MAX_MESSAGE_BYTES });
  const loopback = LOOPBACK_HOSTS.has(bind.host);
  const expected = access.token === undefined ? undefined : digest(access.token);
  const checkHost = loopback && !access.allowedHosts.length ? localhostHostValidation() : hostHeaderValidation(['localhost', '127.0.0.1', '[::1]', bind.host, ...access.allowedHosts]);
  const checkOrigin = loopback && !access.allowedHosts.length ? localhostOriginValidation() : originValidation(['localhost', '127.0.0.1', '[::1]', bind.host, ...access.allowedHosts]);
  const bodies = new BodyBudget(bodyBudget);
  const cardAccess = (): CardAccess => (access.resource ? { kind: 'oauth', metadata: access.resource.metadata() } : expected ? { kind: 'token' } : loopback ? { kind: 'loopback' } : { kind: 'proxy' });
  const readiness = access.readiness ?? processReadiness;
  readiness.log = log;
  const requests = new RequestDrain();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    // Liveness: the process answers. It stays green while draining, so that an orchestrator lets the drain end.
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (path === '/readyz') {
      readiness.report().then((r) => {
        res.writeHead(r.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(r));
      }, (e: Error) => res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ ready: false, error: e.message })));
      return;
    }
    if (requests.draining) {
      requests.refused();
      return refuseWhileDraining(req, res, path);
    }
    requests.track(res);
    if (access.resource && PRM_PATHS.has(path)) {
      // Fetched by browser-based clients too, from their own origin.
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'max-age=3600' }).end(JSON.stringify(access.resource.metadata()));
      return;
    }
    if (access.card && SERVER_CARD_PATHS.has(path)) {
      // Without a configured public address the card names the Host it was asked at: checked as for /mcp first.
      if (!checkHost(req, res)) return;
      const how = cardAccess();
      const base = how.kind === 'oauth' ? how.metadata.resource : (access.card.publicUrl ?? `http://${req.headers.host}`);
      answerServerCard(req, res, serverCard(access.card, how, base));
      return;
    }
    if (access.front && path !== '/mcp') {
      access.front.handle(req, res, path).then((served) => {
        if (!served) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the MCP endpoint is /mcp\n');
      }).catch((e: Error) => {
        log.warn(`http: sign-in front: ${e.message}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('The sign-in failed on the server; see its log.\n');
      });
      return;
    }
    if (path !== '/mcp') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the MCP endpoint is /mcp\n');
      return;
    }
    if (!checkHost(req, res) || !checkOrigin(req, res)) return;
    if (expected && !bearerMatches(req.headers.authorization, expected)) {
      const sent = !!req.headers.authorization;
      log.warn(`http: refused a request from ${req.socket.remoteAddress ?? 'an unknown address'}: ${sent ? 'the token does not match' : 'no token sent'}`);
      unauthorized(res, sent ? 'the bearer token does not match' : 'this server requires a bearer token');
      return;
    }
    const served = async () => {
      let auth: { token: string; clientId: string; scopes: string[]; extra: { user: RequestUser } } | undefined;
      if (access.resource) {
        const verdict = await access.resource.verify(req.headers.authorization);
        if (!verdict.ok) {
          if (req.headers.authorization) log.warn(`http: refused a token from ${req.socket.remoteAddress ?? 'an unknown address'}: ${verdict.description}`);
          req.resume();
          res.writeHead(verdict.status, { 'content-type': 'application/json', 'www-authenticate': access.resource.challenge(verdict) }).end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32001, message: `${verdict.status === 403 ? 'Forbidden' : 'Unauthorized'}: ${verdict.description}` } }));
          return;
        }
        auth = { token: verdict.user.assertion, clientId: access.resource.apiScope, scopes: verdict.user.scopes, extra: { user: verdict.user } };
        (req as http.IncomingMessage & { auth?: unknown }).auth = auth;
      }
      if (req.method !== 'POST') return mcp(req, res);
      const body = await bodies.read(req, res);
      if ('refused' in body) {
        const r = body.refused;
        log.warn(`http: refused a request (${r.status}): ${r.message}`);
        const headers: Record<string, string> = { 'content-type': 'application/json', ...(r.retryAfter ? { 'retry-after': String(r.retryAfter) } : {}) };
        res.writeHead(r.status, headers).end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: r.code, message: r.message } }));
        return;
      }
      if (auth) (body.replay as http.IncomingMessage & { auth?: unknown }).auth = auth;
      return mcp(body.replay, res);
    };
    served().catch((e: Error) => {
      log.warn(`http: ${e.message}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(bind.port, bind.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${bind.host.includes(':') ? `[${bind.host}]` : bind.host}:${port}/mcp`;
  access.resource?.listening(url.slice(0, -'/mcp'.length));
  const guard = access.resource ? 'each person signs in with their own Entra account' : expected ? 'clients must send the token' : loopback ? 'loopback only, no token' : 'NO authentication: an authenticating proxy must front it';
  log.info(`http: serving MCP at ${url} (${guard}${loopback ? '' : '; use TLS in front'})`);
  // Many users: no token can be checked before the tenant's OpenID configuration is known, so not ready before.
  if (access.resource) void readiness.readyAfter(access.resource.warmUp, 'the identity platform');
  else readiness.markReady();
  return {
    url,
    drain: async (boundMs) => {
      readiness.markStopping();
      const under = requests.count;
      log.info(`http: shutting down: refusing new requests, ${under ? `waiting up to ${Math.round(boundMs / 1000)} s for ${under} under way` : 'none under way'}`);
      const until = Date.now() + boundMs;
      const r = await requests.drain(boundMs);
      if (r.left) log.warn(`http: ${r.left} request(s) still unanswered after ${Math.round(r.waitedMs / 1000)} s (MS365_MCP_SHUTDOWN_GRACE_SECONDS): cut off`);
      else if (under) log.info(`http: the ${under} request(s) under way ended in ${r.waitedMs} ms`);
      await requests.quiet(DRAIN_QUIET_MS, until);
      return r;
    },
    close: async () => {
      await handler.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
