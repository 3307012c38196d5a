// npm run bench: the figures of the README's performance table. Measures the built server (dist/) as a
// client sees it: tool-list size, cold start, per-call overhead over a direct Graph call, memory, and the
// cold path of one request per process against Node's own floor.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { startSandbox } from '../dist/sandbox/index.js';
import { node22 } from '../scripts/node22.mjs';
import { manyUserRows } from './many-users.mjs';
import { REPLICA_NOTE, replicaRows, rowsOfTable, sizingBlock, withSizing } from './replica-report.mjs';
import { replicaRuns } from './replicas.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENTRY = path.join(ROOT, 'dist/index.js');
const README = path.join(ROOT, 'README.md');
const GUIDE = path.join(ROOT, 'docs/deployment.md');
// The bench calls far faster than any person: the per-person rate limit (MS365_MCP_RATE_LIMIT) is off.
const baseEnv = { PATH: process.env.PATH ?? '', HOME: await fs.mkdtemp(path.join(os.tmpdir(), 'ms365-bench-')), MS365_MCP_RATE_LIMIT: '0' };

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

/** Spawns the server, writes one request, resolves with the first answer line and timings. */
const oneShot = (env, request) => firstLine([ENTRY], env, request);

/** Spawns `node args` (this Node, or `node`), writes the request (if any), resolves with the first line of stdout and timings. */
function firstLine(args, env, request, node = process.execPath) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(node, args, { env: { ...baseEnv, ...env }, stdio: ['pipe', 'pipe', 'ignore'] });
    const exited = new Promise((res) => child.on('close', res));
    let out = '';
    let answered = false;
    child.stdout.on('data', async (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0 || answered) return;
      answered = true;
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      const status = await fs.readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
      child.stdin.end();
      // Resolved once the process has exited, so that the next run does not share the machine with it.
      await exited;
      resolve({ line: out.slice(0, nl), elapsed, rssKb });
    });
    child.on('error', reject);
    if (request) child.stdin.write(JSON.stringify(request) + '\n');
  });
}

const LIST = { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} };
const INIT = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } };

const rows = [];
for (const [label, env] of [
  ['personal mode', {}],
  ['organization mode', { MS365_MCP_ORG_MODE: 'true' }],
  ['organization mode, read-only', { MS365_MCP_ORG_MODE: 'true', READ_ONLY: 'true' }],
]) {
  const { line } = await oneShot(env, LIST);
  const tools = JSON.parse(line).result.tools;
  const text = JSON.stringify({ tools });
  rows.push([`tools/list, ${label}`, `${tools.length} tools, ${Buffer.byteLength(text).toLocaleString('en')} bytes, ${countTokens(text).toLocaleString('en')} o200k tokens`]);
  if (label === 'organization mode') {
    for (const group of ['auth + users', 'mail', 'calendar', 'files', 'sharepoint', 'files + sharepoint', 'excel + documents', 'teams', 'tasks', 'contacts', 'onenote', 'search']) {
      const mine = tools.filter((t) => group.split(' + ').some((g) => t.name.startsWith(`${g}_`)));
      const groupText = JSON.stringify({ tools: mine });
      rows.push([`tools/list, ${group} group${group.includes('+') ? 's' : ''} (organization mode)`, `${mine.length} tools, ${Buffer.byteLength(groupText).toLocaleString('en')} bytes, ${countTokens(groupText).toLocaleString('en')} o200k tokens`]);
    }
  }
}

const starts = [];
const rss = [];
await oneShot({}, INIT); // warm the file cache once
for (let i = 0; i < 15; i++) {
  const r = await oneShot({ MS365_MCP_ORG_MODE: 'true' }, INIT);
  starts.push(r.elapsed);
  rss.push(r.rssKb);
}
rows.push(['cold start, spawn to initialize answer (15 runs)', `median ${ms(quantile(starts, 0.5))}, p90 ${ms(quantile(starts, 0.9))}`]);
rows.push(['resident memory after start', `${(quantile(rss, 0.5) / 1024).toFixed(1)} MiB`]);

// Overhead: a tool call through MCP minus the same Graph call made directly, against the sandbox.
const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms365-bench-tenant-'));
const sandbox = await startSandbox({ stateDir, autoApproveUser: 'default' });
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms365-bench-data-'));
const env = { ...baseEnv, HOME: dataDir, MS365_MCP_CLOUD: 'sandbox', MS365_MCP_SANDBOX_URL: sandbox.url, MS365_MCP_TOKEN_CACHE_PATH: path.join(dataDir, '.token-cache.json'), MS365_MCP_SELECTED_ACCOUNT_PATH: path.join(dataDir, '.selected-account.json'), LOG_LEVEL: 'warn' };
const client = new Client({ name: 'bench', version: '1' });
const transport = new StdioClientTransport({ command: process.execPath, args: [ENTRY], env, stderr: 'ignore' });
await client.connect(transport);
for (let i = 0; i < 50; i++) {
  const r = await client.callTool({ name: 'users_get_me', arguments: {} });
  if (!r.isError) break;
  await new Promise((res) => setTimeout(res, 200)); // the automatic sign-in is being approved
}
// Tool calls and direct calls alternate, after a warm-up of both, so that both see the same JIT state
// and the same machine load.
const cachedToken = async (file = env.MS365_MCP_TOKEN_CACHE_PATH) => Object.values(JSON.parse(await fs.readFile(file, 'utf8')).AccessToken)[0].secret;
const meUrl = `${sandbox.url}/v1.0/me?$select=id,displayName,mail,userPrincipalName,jobTitle,department,officeLocation,businessPhones,mobilePhone,preferredLanguage`;
const N = 300;
const viaTool = [];
const direct = [];
const meToken = await cachedToken();
for (let i = -50; i < N; i++) {
  let t = performance.now();
  const r = await client.callTool({ name: 'users_get_me', arguments: {} });
  if (i >= 0) viaTool.push(performance.now() - t);
  if (r.isError) throw new Error(r.content[0].text);
  t = performance.now();
  const res = await fetch(meUrl, { headers: { authorization: `Bearer ${meToken}` } });
  await res.json();
  if (i >= 0) direct.push(performance.now() - t);
}
// The answer to "list 25 inbox messages": curated summaries (text block and structured content) against
// the raw Graph JSON of the same page. The demo inbox is topped up to 25 with mail to oneself first.
const inboxCount = async () => (await client.callTool({ name: 'mail_list_messages', arguments: { limit: 100 } })).structuredContent.messages.length;
for (let n = await inboxCount(), i = 1; n < 25; n++, i++) {
  await client.callTool({ name: 'mail_send_message', arguments: { to: ['adele.vance@contoso.sandbox'], subject: `Note to self ${i}: store follow-ups`, body: `Follow up with store #${100 + i} on holiday staffing, signage and the speaker reorder.` } });
}
const listed = await client.callTool({ name: 'mail_list_messages', arguments: { limit: 25 } });
if (listed.isError || listed.structuredContent.messages.length !== 25) throw new Error(`mail_list_messages: ${JSON.stringify(listed.content)}`);
// "List a folder of 50 items": a folder of 50 small files made through the tool, then listed.
await client.callTool({ name: 'files_create_folder', arguments: { name: 'Bench' } });
for (let i = 1; i <= 50; i++) {
  const r = await client.callTool({ name: 'files_upload', arguments: { folder: '/Bench', file: { name: `Store ${String(i).padStart(3, '0')} weekly report.txt`, contentBase64: Buffer.from(`Store ${i}: revenue, returns and staffing for the week.`).toString('base64') } } });
  if (r.isError) throw new Error(`files_upload: ${JSON.stringify(r.content)}`);
}
const folder = await client.callTool({ name: 'files_list', arguments: { folder: '/Bench', limit: 50 } });
if (folder.isError || folder.structuredContent.items.length !== 50) throw new Error(`files_list: ${JSON.stringify(folder.content)}`);
// "Search for 20 hits": search_query's merged answer against the raw Search API JSON of the same requests.
const searched = await client.callTool({ name: 'search_query', arguments: { query: 'the', kinds: ['mail', 'events'], limit: 20 } });
if (searched.isError || searched.structuredContent.hits.length !== 20) throw new Error(`search_query: ${JSON.stringify(searched.content)}`);
const searchToken = await cachedToken();
const rawSearch = await Promise.all([['message'], ['event']].map(async (entityTypes) => (await fetch(`${sandbox.url}/v1.0/search/query`, { method: 'POST', headers: { authorization: `Bearer ${searchToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ requests: [{ entityTypes, query: { queryString: 'the' }, from: 0, size: 20 }] }) })).json()));
// "Read the last 30 messages of a channel": teams_read's answer against the raw Graph JSON of the same page of thread
// starters (without their replies, as Graph lists them by default). Contoso/General is topped up to 30 threads first.
// Teams is an organization-mode group: a second server in that mode, signed in the same way (auto-approved).
const orgClient = new Client({ name: 'bench-org', version: '1' });
// Its own token files: a fresh sign-in grants the organization mode's permissions.
const orgDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms365-bench-org-'));
const orgEnv = { ...env, HOME: orgDir, MS365_MCP_ORG_MODE: 'true', MS365_MCP_TOKEN_CACHE_PATH: path.join(orgDir, '.token-cache.json'), MS365_MCP_SELECTED_ACCOUNT_PATH: path.join(orgDir, '.selected-account.json') };
await orgClient.connect(new StdioClientTransport({ command: process.execPath, args: [ENTRY], env: orgEnv, stderr: 'ignore' }));
for (let i = 0; i < 50 && (await orgClient.callTool({ name: 'teams_list', arguments: {} })).isError; i++) await new Promise((r) => setTimeout(r, 200));
const threadCount = async () => (await orgClient.callTool({ name: 'teams_read', arguments: { team: 'Contoso', channel: 'General', limit: 50 } })).structuredContent.conversations[0].messages.length;
for (let n = await threadCount(), i = 1; n < 30; n++, i++) {
  const r = await orgClient.callTool({ name: 'teams_send', arguments: { team: 'Contoso', channel: 'General', message: `Store #${100 + i} check-in: holiday staffing confirmed, signage up, **speaker reorder** placed.` } });
  if (r.isError) throw new Error(`teams_send: ${JSON.stringify(r.content)}`);
}
const channelRead = await orgClient.callTool({ name: 'teams_read', arguments: { team: 'Contoso', channel: 'General', limit: 30 } });
if (channelRead.isError || channelRead.structuredContent.conversations[0].messages.length !== 30) throw new Error(`teams_read: ${JSON.stringify(channelRead.content)}`);
const { teamId: contosoId, channelId: contosoGeneral } = channelRead.structuredContent.conversations[0];
const rawChannel = await (await fetch(`${sandbox.url}/v1.0/teams/${contosoId}/channels/${encodeURIComponent(contosoGeneral)}/messages?$top=30`, { headers: { authorization: `Bearer ${await cachedToken(orgEnv.MS365_MCP_TOKEN_CACHE_PATH)}` } })).text();
if (!JSON.parse(rawChannel).value) throw new Error(`bench: the raw channel read failed: ${rawChannel.slice(0, 300)}`);
// "Read a 200-row range": 200 rows written into the budget workbook, then read through excel_read, against the raw
// Graph JSON of the same range.
const rows200 = Array.from({ length: 200 }, (_, i) => [`Store ${i + 1}`, 1000 + i, 2000 + i, 3000 + i, 4000 + i, `=SUM(B${20 + i}:E${20 + i})`]);
const wrote = await client.callTool({ name: 'excel_write', arguments: { item: '/Reports/Budget 2026.xlsx', at: 'Budget!A20', values: rows200 } });
if (wrote.isError) throw new Error(`excel_write: ${JSON.stringify(wrote.content)}`);
const ranged = await client.callTool({ name: 'excel_read', arguments: { item: '/Reports/Budget 2026.xlsx', range: 'Budget!A20:F219', limit: 200 } });
if (ranged.isError || ranged.structuredContent.rows.length !== 200) throw new Error(`excel_read: ${JSON.stringify(ranged.content)}`);
const rawRange = await (await fetch(`${sandbox.url}/v1.0/me/drive/root:/Reports/Budget%202026.xlsx:/workbook/worksheets/Budget/range(address='A20:F219')`, { headers: { authorization: `Bearer ${await cachedToken()}` } })).json();
// Peak memory of the server process over a 1 GB upload from a local path: streamed a range at a time, so flat.
const big = path.join(dataDir, 'one-gigabyte.bin');
const handle = await fs.open(big, 'w');
await handle.truncate(1024 ** 3);
await handle.close();
const pid = transport.pid;
const hwm = async () => Number(/VmHWM:\s+(\d+)/.exec(await fs.readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const beforeUpload = await hwm();
const uploadStarted = performance.now();
const uploaded = await client.callTool({ name: 'files_upload', arguments: { folder: '/Bench', file: { path: big } } }, { timeout: 600_000 });
const uploadSeconds = (performance.now() - uploadStarted) / 1000;
if (uploaded.isError || uploaded.structuredContent.size !== 1024 ** 3) throw new Error(`files_upload 1 GB: ${JSON.stringify(uploaded.content)}`);
const afterUpload = await hwm();
await fs.rm(big);
await client.close();
await orgClient.close();

// The cold path, as the guide's `docker exec -i ... node /app/dist/index.js` pattern pays it on every
// request: a fresh process answering one bare request (no initialize), signed in with the token cached.
// The floor is Node itself printing the same tools/list answer from a file. The runs alternate, so that
// all see the same machine load; the ratios are of medians. A bare tools/list with only the auth group on
// shows what the number of groups costs on that path; a first call in two groups, what a group's code costs.
const listAnswer = (await oneShot(env, LIST)).line;
const floorFile = path.join(dataDir, 'tools-list.json');
await fs.writeFile(floorFile, `${listAnswer}\n`);
const FLOOR = ['-e', `process.stdout.write(require('node:fs').readFileSync(${JSON.stringify(floorFile)}))`];
const CALL = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'users_get_me', arguments: {} } };
const MAIL_CALL = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'mail_list_messages', arguments: { limit: 5 } } };
const authOnly = Object.fromEntries(['MAIL', 'CALENDAR', 'FILES', 'TEAMS', 'EXCEL_POWERPOINT', 'ONENOTE', 'TASKS', 'CONTACTS', 'SHAREPOINT', 'USERS', 'SEARCH'].map((t) => [`MS365_MCP_ENABLE_${t}`, 'false']));

/** The cold path on one Node: floor, bare list (all groups, auth only), first call (users, mail). */
async function coldPath(node, extraEnv) {
  const cold = { floor: [], list: [], listAuthOnly: [], call: [], mailCall: [] };
  const e = { ...env, ...extraEnv };
  for (let i = -2; i < 20; i++) {
    const floor = await firstLine(FLOOR, extraEnv, undefined, node);
    const list = await firstLine([ENTRY], e, LIST, node);
    const listAuthOnly = await firstLine([ENTRY], { ...e, ...authOnly }, LIST, node);
    const call = await firstLine([ENTRY], e, CALL, node);
    const mailCall = await firstLine([ENTRY], e, MAIL_CALL, node);
    if (list.line !== listAnswer || floor.line !== listAnswer) throw new Error('the floor and the server printed different tools/list answers');
    for (const c of [call, mailCall]) if (!JSON.parse(c.line).result || JSON.parse(c.line).result.isError) throw new Error(`tools/call: ${c.line}`);
    if (i < 0) continue; // warm-up: file cache (and the compile cache)
    for (const k of Object.keys(cold)) cold[k].push({ floor, list, listAuthOnly, call, mailCall }[k].elapsed);
  }
  return cold;
}
const med = (xs) => quantile(xs, 0.5);
const coldRows = [];
const addColdRows = (label, cold) => {
  const fig = (xs) => `median ${ms(med(xs))}, p90 ${ms(quantile(xs, 0.9))}, ${(med(xs) / med(cold.floor)).toFixed(1)}x the floor`;
  coldRows.push(
    [`${label}floor: Node printing the same tools/list answer from a file (${cold.floor.length} runs)`, `median ${ms(med(cold.floor))}, p90 ${ms(quantile(cold.floor, 0.9))}`],
    [`${label}cold path: spawn to a bare tools/list answered`, fig(cold.list)],
    [`${label}cold path: spawn to a bare tools/list answered, only the auth group on`, fig(cold.listAuthOnly)],
    [`${label}cold path: spawn to a first tools/call answered (users_get_me, signed in, token cached)`, fig(cold.call)],
    [`${label}cold path: spawn to a first tools/call answered (mail_list_messages, 5 messages)`, fig(cold.mailCall)],
  );
};
addColdRows('', await coldPath(process.execPath, {}));
// As the image runs it: Node 24 there, with V8's module compile cache (Node >= 22.1, see src/index.ts).
const compileCache = await fs.mkdtemp(path.join(os.tmpdir(), 'ms365-bench-compile-cache-'));
const newer = await node22().catch((e) => (process.stderr.write(`bench: no Node >= 22 (${e.message}); its rows are left out\n`), undefined));
if (newer) {
  const version = (await firstLine(['-p', 'process.version'], {}, undefined, newer)).line;
  addColdRows(`Node ${version}, compile cache: `, await coldPath(newer, { NODE_COMPILE_CACHE: compileCache }));
}
const token = await cachedToken();
const raw = await (await fetch(`${sandbox.url}/v1.0/me/mailFolders/inbox/messages?$top=25&$orderby=receivedDateTime%20desc`, { headers: { authorization: `Bearer ${token}` } })).text();
const rawFolder = await (await fetch(`${sandbox.url}/v1.0/me/drive/root:/Bench:/children?$top=50`, { headers: { authorization: `Bearer ${token}` } })).text();
await sandbox.close();
const tok = (x) => countTokens(typeof x === 'string' ? x : JSON.stringify(x)).toLocaleString('en');
rows.push(['answer to "list 25 inbox messages" (mail_list_messages)', `text ${tok(listed.content[0].text)} o200k tokens, structured ${tok(listed.structuredContent)}; the raw Graph JSON of the same page: ${tok(raw)}`]);
rows.push(['answer to "list a folder of 50 items" (files_list)', `text ${tok(folder.content[0].text)} o200k tokens, structured ${tok(folder.structuredContent)}; the raw Graph JSON of the same folder: ${tok(rawFolder)}`]);
rows.push(['answer to "read a 200-row range" (excel_read)', `text ${tok(ranged.content[0].text)} o200k tokens, structured ${tok(ranged.structuredContent)}; the raw Graph JSON of the same range: ${tok(rawRange)}`]);
rows.push(['answer to a search of 20 hits in mail and events (search_query)', `text ${tok(searched.content[0].text)} o200k tokens, structured ${tok(searched.structuredContent)}; the raw Search API JSON of the same two requests: ${tok(rawSearch)}`]);
rows.push(['answer to "read the last 30 messages of a channel" (teams_read)', `text ${tok(channelRead.content[0].text)} o200k tokens, structured ${tok(channelRead.structuredContent)}; the raw Graph JSON of the same 30 messages: ${tok(rawChannel)}`]);
rows.push(['peak resident memory of the server uploading 1 GB from a local path (files_upload, 10 MiB ranges)', `${afterUpload.toFixed(0)} MiB (${beforeUpload.toFixed(0)} MiB before it), ${uploadSeconds.toFixed(1)} s against the sandbox on this machine`]);
rows.push([`tool call users_get_me over stdio (${N} calls)`, `median ${ms(quantile(viaTool, 0.5))}, p99 ${ms(quantile(viaTool, 0.99))}`]);
rows.push([`the same Graph call made directly (${N} calls)`, `median ${ms(quantile(direct, 0.5))}, p99 ${ms(quantile(direct, 0.99))}`]);
rows.push(['server overhead per tool call (difference of medians)', ms(quantile(viaTool, 0.5) - quantile(direct, 0.5))]);
rows.push(...coldRows);
rows.push(...(await manyUserRows({ entry: ENTRY, baseEnv, quantile, ms })));
// Without redis-server or haproxy (and no way to install them) the replica figures measured before are kept.
const readme = await fs.readFile(README, 'utf8');
const runs = await replicaRuns();
const replicas = runs ? replicaRows(runs, { quantile, ms }) : rowsOfTable(readme);
rows.push(...replicas);

const date = new Date().toISOString().slice(0, 10);
const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}`;
if (runs) await fs.writeFile(GUIDE, withSizing(await fs.readFile(GUIDE, 'utf8'), sizingBlock(runs, { quantile, ms }, { date, machine })));
const notes = replicas.length ? ['', REPLICA_NOTE] : [];
const table = [`Measured ${date} on ${machine}.`, '', '| what | figure |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`), ...notes].join('\n');
process.stderr.write(`${table}\n`);
await fs.writeFile(README, readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`));
process.exit(0);
