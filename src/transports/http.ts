// Streamable HTTP at /mcp, stateless, for development, conformance and deployments across hosts.
// Bound to loopback by default; Host and Origin are checked against the bound name (DNS rebinding).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostHeaderValidation, localhostHostValidation, localhostOriginValidation, originValidation, toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, type McpServer } from '@modelcontextprotocol/server';
import type { Logger } from '../log.js';

export interface HttpServing {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export async function serveHttp(factory: () => McpServer, bind: { host: string; port: number }, log: Logger): Promise<HttpServing> {
  const handler = createMcpHandler(factory, { onerror: (e) => log.debug(`http: ${e.message}`) });
  const mcp = toNodeHandler(handler);
  const loopback = LOOPBACK.has(bind.host);
  const extraHosts = (process.env.MS365_MCP_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const checkHost = loopback && !extraHosts.length ? localhostHostValidation() : hostHeaderValidation(['localhost', '127.0.0.1', '[::1]', bind.host, ...extraHosts]);
  const checkOrigin = loopback && !extraHosts.length ? localhostOriginValidation() : originValidation(['localhost', '127.0.0.1', '[::1]', bind.host, ...extraHosts]);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (path !== '/mcp') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the MCP endpoint is /mcp\n');
      return;
    }
    if (!checkHost(req, res) || !checkOrigin(req, res)) return;
    Promise.resolve(mcp(req, res)).catch((e: Error) => {
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
  log.info(`http: serving MCP at ${url}${loopback ? '' : ' (not loopback: put it behind TLS and authentication)'}`);
  return {
    url,
    close: async () => {
      await handler.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
