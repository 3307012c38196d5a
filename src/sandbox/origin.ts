// The origin a client reached the sandbox on, for every link it hands back (nextLink, upload URLs, Location,
// the identity discovery documents, the device-login page): X-Forwarded-Proto and X-Forwarded-Host when a
// reverse proxy (TLS in front) sets them, else the Host header, else the sandbox's own address. Forwarded
// headers are trusted as sent: the sandbox is a test tenant, and a client that spoofs them misleads only itself.

import type { IncomingMessage } from 'node:http';

const HOST = /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();

export function publicOrigin(req: IncomingMessage, fallback = 'http://localhost'): string {
  const base = new URL(fallback);
  const proto = first(req.headers['x-forwarded-proto'])?.toLowerCase();
  const forwardedHost = first(req.headers['x-forwarded-host']);
  const host = forwardedHost && HOST.test(forwardedHost) ? forwardedHost : req.headers.host && HOST.test(req.headers.host) ? req.headers.host : base.host;
  const scheme = proto === 'https' || proto === 'http' ? `${proto}:` : base.protocol;
  return `${scheme}//${host}`;
}
