// Who may call the HTTP transport. A bearer token shared with the clients (MS365_MCP_HTTP_TOKEN, or
// MS365_MCP_HTTP_TOKEN_FILE for Docker secrets) guards /mcp; a server bound beyond loopback without one
// does not start, because anyone reaching the port would act as the signed-in account.
import fs from 'node:fs';
import { z } from 'zod';

export const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
const MIN_TOKEN = 32;
export const httpSecret = z.string().trim().min(MIN_TOKEN, `must be at least ${MIN_TOKEN} characters; make one with \`openssl rand -hex 32\``);

export interface HttpAccessInput {
  http?: { host: string; port: number };
  httpToken?: string;
  httpTokenFile?: string;
  httpAllowUnauthenticated: boolean;
  httpAuth?: 'token' | 'entra';
}

/** The token /mcp requires (undefined: none), or a one-line reason the configuration cannot serve. */
export function resolveHttpToken(c: HttpAccessInput): { token?: string; problem?: string } {
  // Only an HTTP server needs the token: stdio sessions and --health (every 30 s) skip the file read.
  if (!c.http) return {};
  if (c.httpToken && c.httpTokenFile) return { problem: 'set one of MS365_MCP_HTTP_TOKEN and MS365_MCP_HTTP_TOKEN_FILE, not both' };
  let token = c.httpToken;
  if (c.httpTokenFile) {
    let text: string;
    try {
      text = fs.readFileSync(c.httpTokenFile, 'utf8');
    } catch (e) {
      return { problem: `MS365_MCP_HTTP_TOKEN_FILE cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}): ${c.httpTokenFile}` };
    }
    const r = httpSecret.safeParse(text);
    if (!r.success) return { problem: `the token in MS365_MCP_HTTP_TOKEN_FILE ${r.error.issues[0]?.message}` };
    token = r.data;
  }
  // In entra mode each request carries its person's own token: no shared one (config.ts checks that mode).
  if (!token && c.httpAuth !== 'entra' && !c.httpAllowUnauthenticated && !LOOPBACK_HOSTS.has(c.http.host)) {
    return {
      problem: `--http ${c.http.host}:${c.http.port} would let anyone who reaches the port act as the signed-in account: set MS365_MCP_HTTP_TOKEN (or MS365_MCP_HTTP_TOKEN_FILE) and send it as "Authorization: Bearer <token>", or set MS365_MCP_HTTP_ALLOW_UNAUTHENTICATED=true when an authenticating proxy fronts the server`,
    };
  }
  return { token };
}
