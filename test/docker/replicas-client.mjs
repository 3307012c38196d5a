// The Docker walk's client of docker-compose.replicas.yaml, run on the host: signs people in through the front (via
// HAProxy) and makes tool calls, printing one JSON line of what happened. Usage:
//   node replicas-client.mjs sign-in <publicUrl> <sandbox origin from the host> <upn>...   → {"tokens": {upn: token}}
//   node replicas-client.mjs calls <publicUrl> <tokens.json> <n>                            → {"ok": n, "wrong": n, "failed": [...]}
import fs from 'node:fs';
import { signInThroughFront } from '../../scripts/front-sign-in.mjs';

const [mode, publicUrl, ...rest] = process.argv.slice(2);
const CLIENT_ID = 'walk-client';
const REDIRECT = 'http://127.0.0.1:33419/callback';

if (mode === 'sign-in') {
  const [sandboxFromHost, ...upns] = rest;
  const tokens = {};
  for (const upn of upns) {
    const t = await signInThroughFront(publicUrl, { upn, clientId: CLIENT_ID, redirectUri: REDIRECT, reach: (u) => u.replace(/^http:\/\/sandbox:8080/, sandboxFromHost) });
    tokens[upn] = t.access_token;
  }
  process.stdout.write(`${JSON.stringify({ tokens })}\n`);
} else if (mode === 'calls') {
  const tokens = Object.entries(JSON.parse(fs.readFileSync(rest[0], 'utf8')).tokens);
  const n = Number(rest[1]);
  let ok = 0;
  let wrong = 0;
  const failed = [];
  // Stateless JSON-RPC over Streamable HTTP, 4 at a time, people in turn: each answer must be its caller's.
  await Promise.all(Array.from({ length: 4 }, async (_, lane) => {
    for (let i = lane; i < n; i += 4) {
      const [upn, token] = tokens[i % tokens.length];
      try {
        const res = await fetch(`${publicUrl}/mcp`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify({ jsonrpc: '2.0', id: i, method: 'tools/call', params: { name: 'users_get_me', arguments: {} } }) });
        const text = await res.text();
        const me = /"userPrincipalName":"([^"]+)"/.exec(text)?.[1];
        if (res.status === 200 && me === upn) ok++;
        else if (me) wrong++;
        else failed.push(`${res.status} ${text.slice(0, 200)}`);
      } catch (e) {
        failed.push(`${e}${e instanceof Error && e.cause ? ` (${e.cause})` : ''}`);
      }
    }
  }));
  process.stdout.write(`${JSON.stringify({ ok, wrong, failed })}\n`);
} else {
  process.stderr.write('usage: replicas-client.mjs sign-in|calls ...\n');
  process.exit(2);
}
