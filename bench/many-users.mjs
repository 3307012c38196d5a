// The per-call cost of many people over HTTP (MS365_MCP_HTTP_AUTH=entra), for the README's table: the same calls
// against the built server in single-account HTTP mode (one static bearer token) and in entra mode (each request's
// Entra token checked: signature, issuer, audience, lifetime, scope; and users_get_me's Graph token obtained on the
// person's behalf, answered from MSAL's cache after the first call). The differences of the medians are the cost.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CryptoProvider } from '@azure/msal-node';
import { SANDBOX_ORG_CLIENT_ID, SANDBOX_SERVER_APP_ID, SANDBOX_TENANT_ID, startSandbox } from '../dist/sandbox/index.js';

const N = 200;

function serve(entry, env) {
  const child = spawn(process.execPath, [entry, '--http', '127.0.0.1:0', '--org-mode'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = /serving MCP at (http:\/\/\S+\/mcp)/.exec(err);
      if (m) resolve({ url: m[1], stop: () => new Promise((r) => (child.on('close', r), child.kill('SIGTERM'))) });
    });
    child.on('close', () => reject(new Error(`server exited: ${err.slice(-500)}`)));
  });
}

/** An Entra token for the server's API as the sandbox's default person (auto-approved), by code + PKCE. */
async function apiToken(sandbox) {
  const redirect = 'http://127.0.0.1:33418/callback';
  const scope = `api://${SANDBOX_SERVER_APP_ID}/access_as_user`;
  const pkce = await new CryptoProvider().generatePkceCodes();
  const q = new URLSearchParams({ client_id: SANDBOX_ORG_CLIENT_ID, response_type: 'code', redirect_uri: redirect, scope, code_challenge: pkce.challenge, code_challenge_method: 'S256' });
  const authorized = await fetch(`${sandbox.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/authorize?${q}`, { redirect: 'manual' });
  const code = new URL(authorized.headers.get('location')).searchParams.get('code');
  const tok = await fetch(`${sandbox.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: SANDBOX_ORG_CLIENT_ID, grant_type: 'authorization_code', code, redirect_uri: redirect, code_verifier: pkce.verifier, scope }) });
  return (await tok.json()).access_token;
}

async function call(url, token, body) {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, ...body }) });
  const text = await res.text();
  return res.status === 200 && !/"isError":true/.test(text) ? undefined : `${res.status}: ${text.slice(0, 300)}`;
}

/** The same request to both servers, alternating, so both see the same machine load; times in ms. */
async function paired(a, b, body) {
  const times = [[], []];
  for (let i = -20; i < N; i++) {
    for (const [k, [url, token]] of [a, b].entries()) {
      const t = performance.now();
      const failed = await call(url, token, body);
      if (failed) throw new Error(`bench: ${body.method} answered ${failed}`);
      if (i >= 0) times[k].push(performance.now() - t);
    }
  }
  return times;
}

export async function manyUserRows({ entry, baseEnv, quantile, ms }) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms365-bench-users-'));
  const sandbox = await startSandbox({ stateDir: path.join(dir, 'sandbox'), autoApproveUser: 'default' });
  // At info: the servers say where they serve.
  const common = { ...baseEnv, MS365_MCP_CLOUD: 'sandbox', MS365_MCP_SANDBOX_URL: sandbox.url, LOG_LEVEL: 'info' };
  const shared = 'b'.repeat(48);
  const [single, many] = await Promise.all([
    serve(entry, { ...common, HOME: path.join(dir, 'single'), MS365_MCP_HTTP_TOKEN: shared }),
    serve(entry, { ...common, HOME: path.join(dir, 'many'), MS365_MCP_HTTP_AUTH: 'entra' }),
  ]);
  try {
    const token = await apiToken(sandbox);
    const list = { method: 'tools/list', params: {} };
    const me = { method: 'tools/call', params: { name: 'users_get_me', arguments: {} } };
    // The single-account server signs itself in (auto-approved) on start: its first calls wait for that.
    for (let i = 0; (await call(single.url, shared, me)) && i < 100; i++) await new Promise((r) => setTimeout(r, 200));
    const [listSingle, listMany] = await paired([single.url, shared], [many.url, token], list);
    const [meSingle, meMany] = await paired([single.url, shared], [many.url, token], me);
    const med = (xs) => quantile(xs, 0.5);
    return [
      [`many people over HTTP: token check per request (tools/list, entra token vs one static token, ${N} calls)`, `median ${ms(med(listMany))} vs ${ms(med(listSingle))}: ${ms(med(listMany) - med(listSingle))} per request`],
      [`many people over HTTP: token check and on-behalf-of from MSAL's cache (users_get_me, ${N} calls)`, `median ${ms(med(meMany))} vs ${ms(med(meSingle))}: ${ms(med(meMany) - med(meSingle))} per call`],
    ];
  } finally {
    await Promise.all([single.stop(), many.stop()]);
    await sandbox.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
