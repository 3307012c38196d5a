// The stdio fast path: a plain `node dist/index.js` answers the listing requests (tools/list, initialize,
// ping) from the build-time manifest before zod, the SDK, MSAL or any tool module is loaded, runs a plain
// tools/call without the SDK (fast-call.ts), and hands over to the full server (cli.ts) at the first
// request that needs more, or as soon as input pauses.
//
// Why this and not the alternatives (measured with node --cpu-prof and import timings, Node 20, 2 cores):
// Node printing the answer from a file takes ~70-90 ms; zod takes ~110 ms to import and build its first
// schemas (config.ts, the SDK and every tool need it), the SDK ~120 ms more, MSAL ~90-150 ms. Loading tools
// lazily inside the SDK server still pays Node + zod + SDK, ~4x the floor, for a bare tools/list. A V8
// startup snapshot needs a single bundled CommonJS entry and a `--snapshot-blob` flag, which the guide's
// `docker exec ... node /app/dist/index.js` cannot pass. Answering here costs a read and a JSON.parse of
// the manifest (~1.3x the floor in npm run bench), filtered by the same selectTools as the definitions;
// the work does not depend on the number of groups beyond the size of the JSON the floor prints too.
// Answers are byte for byte what the SDK writes (test/e2e/fast-start.test.ts compares them).
// A first tools/call still paid for the SDK (~90 ms of ~390 ms, Node 20): fast-call.ts runs it without.
import { earlyConfig } from '../early-config.js';
import { createLogger } from '../log.js';
import { serverInstructions } from '../tools/groups.js';
import { type ManifestTool, readManifest, SERVER_NAME } from '../tools/manifest.js';
import { selectTools } from '../tools/select.js';
import { stopSignal } from '../signals.js';
import { VERSION } from '../version.js';
import { lineProblem } from './json-lines.js';
import { type Id, type InputEvent, type LineSink, stdinLines } from './stdin-lines.js';

/** Lines longer than this are not looked at here (a listing request is short): the full server takes them. */
const FAST_LINE_LIMIT = 64 * 1024;
/** Input quiet this long after the fast answers: the client is a session, so the full server loads
 *  while it thinks (its next tools/call is then answered sooner). */
const IDLE_BEFORE_LOADING_MS = 20;
/** No input this long after start: a long-running server (the container's own process, a client that
 *  waits before its first request) loads the full server, which starts the sign-in and the token
 *  keep-alive and checks the whole configuration. A `docker exec` client's request is already waiting. */
const QUIET_START_MS = 100;

type Request = { jsonrpc: '2.0'; id?: Id; method: string; params?: Record<string, unknown> };

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const keysWithin = (o: Record<string, unknown>, allowed: string[]) => Object.keys(o).every((k) => allowed.includes(k));
const noParams = (r: Request) => r.params === undefined || (isPlainObject(r.params) && Object.keys(r.params).length === 0);

/** An initialize request the SDK would accept as it stands (a plain 2025-era handshake). */
function plainInitialize(r: Request): r is Request & { params: { protocolVersion: string } } {
  const p = r.params;
  if (!isPlainObject(p) || !keysWithin(p, ['protocolVersion', 'capabilities', 'clientInfo'])) return false;
  const info = p.clientInfo;
  return typeof p.protocolVersion === 'string' && isPlainObject(p.capabilities) && Object.values(p.capabilities).every(isPlainObject) &&
    isPlainObject(info) && keysWithin(info, ['name', 'version', 'title']) && typeof info.name === 'string' && typeof info.version === 'string' &&
    (info.title === undefined || typeof info.title === 'string');
}

/** Starts serving if this start qualifies (no flags, stdio, a manifest of this build, settings it reads
 *  plainly); resolves with the exit code. Undefined: start the usual way. */
export function fastStart(argv: string[], env: NodeJS.ProcessEnv, full: () => Promise<number>): Promise<number> | undefined {
  if (argv.length > 0) return undefined;
  const early = earlyConfig(env);
  const manifest = early && readManifest(VERSION);
  if (!early || !manifest) return undefined;
  const { selection } = early;
  const tools = selectTools(manifest.tools, selection);
  const log = createLogger(early.logLevel);
  log.info(`server: ms-365-mcp-server ${VERSION} starting (${selection.orgMode ? 'organization' : 'personal'} mode, ${selection.readOnly ? 'read-only, ' : ''}${tools.length} tools; listing from the build-time manifest)`);
  // The answers, serialized once; only the id changes. Key order is the SDK's.
  const listResult = `{"tools":[${tools.map((t) => JSON.stringify(t.listed)).join(',')}]}`;
  const answer = (id: Id, result: string) => process.stdout.write(`{"result":${result},"jsonrpc":"2.0","id":${JSON.stringify(id)}}\n`); // stdout-ok: the protocol
  const initResult = (asked: string) => JSON.stringify({
    protocolVersion: manifest.protocolVersions.includes(asked) ? asked : manifest.fallbackVersion,
    capabilities: manifest.capabilities,
    serverInfo: { name: SERVER_NAME, version: VERSION },
    instructions: serverInstructions(selection.groups),
  });

  return new Promise<number>((resolve) => {
    const input = stdinLines();
    // What the full server must replay to know the session (initialize and what follows it).
    const prelude: InputEvent[] = [];
    const answered: Id[] = [];
    let handedOver = false;
    let idle = setTimeout(() => handOver(), QUIET_START_MS);
    // Until the hand-over a stop signal ends the process here; after it, the full server waits on the same one.
    void stopSignal().then(() => {
      if (!handedOver) resolve(0);
    });
    const handOver = (first?: InputEvent) => {
      if (handedOver) return;
      handedOver = true;
      clearTimeout(idle);
      input.detach(first, prelude, answered);
      log.debug(`stdio: handing over to the full server${first ? '' : ' (input paused)'}`);
      full().then(resolve, (e: unknown) => {
        process.stderr.write(`Fatal: ${e instanceof Error ? e.message : String(e)}\n`);
        resolve(1);
      });
    };
    /** A plain call runs here while later lines wait; the full server takes it if fast-call declines. */
    const call = (id: Id, entry: ManifestTool, args: Record<string, unknown>, line: string) => {
      clearTimeout(idle);
      input.detach();
      // Loaded here, not at start: a process that only lists tools never loads zod or a tool's code.
      import('./fast-call.js').then(({ fastCall }) => fastCall(entry, args, env, log)).then(
        (result) => {
          if (handedOver) return;
          if (result === undefined) {
            log.debug(`stdio: ${entry.name} left to the full server`);
            return handOver({ line });
          }
          answer(id, result);
          log.debug(`stdio: ${entry.name} answered on the fast path`);
          idle = setTimeout(() => handOver(), IDLE_BEFORE_LOADING_MS);
          input.attach(sink);
        },
        (e: unknown) => {
          // Before the tool ran (config, code loading): the full server meets the same and reports it.
          log.debug(`stdio: fast call declined: ${e instanceof Error ? e.message : String(e)}`);
          handOver({ line });
        },
      );
    };
    /** A tools/call the fast path may run: a selected tool, arguments given as an object, nothing else.
     *  Not the sign-in tools: a sign-in they start lives on in the full server's sign-in manager. */
    const plainCall = (r: Request): { entry: ManifestTool; args: Record<string, unknown> } | undefined => {
      const p = r.params;
      if (!isPlainObject(p) || !keysWithin(p, ['name', 'arguments']) || !isPlainObject(p.arguments)) return undefined;
      const entry = tools.find((t) => t.name === p.name);
      return entry && entry.group !== 'auth' ? { entry, args: p.arguments } : undefined;
    };
    /** Answers the line if it is a listing request (or starts a plain call); false: the full server must. */
    const tryAnswer = (line: string): boolean | 'calling' => {
      if (line.length > FAST_LINE_LIMIT || lineProblem(line)) return false;
      const r = JSON.parse(line) as Request;
      if (!keysWithin(r, ['jsonrpc', 'id', 'method', 'params'])) return false;
      if (r.method === 'notifications/initialized' && r.id === undefined && noParams(r)) {
        prelude.push({ line });
        return true;
      }
      if (typeof r.id !== 'string' && typeof r.id !== 'number') return false;
      const plain = r.method === 'tools/call' ? plainCall(r) : undefined;
      if (plain) {
        call(r.id, plain.entry, plain.args, line);
        return 'calling';
      }
      if (r.method === 'tools/list' && noParams(r)) answer(r.id, listResult);
      else if (r.method === 'ping' && noParams(r)) answer(r.id, '{}');
      else if (r.method === 'initialize' && plainInitialize(r) && prelude.length === 0) {
        answer(r.id, initResult(r.params.protocolVersion));
        prelude.push({ line });
        answered.push(r.id);
      } else return false;
      return true;
    };
    const sink: LineSink = {
      line: (line) => {
        if (handedOver) return;
        const answered = tryAnswer(line);
        if (!answered) return handOver({ line });
        if (answered === 'calling') return;
        clearTimeout(idle);
        idle = setTimeout(() => handOver(), IDLE_BEFORE_LOADING_MS);
      },
      tooLong: () => handOver({ tooLong: true }),
      end: () => {
        if (handedOver) return;
        clearTimeout(idle);
        // Everything was answered here: leave once the answers are out, without loading the rest.
        if (process.stdout.writableLength === 0) resolve(0);
        else process.stdout.once('drain', () => resolve(0));
      },
    };
    input.attach(sink);
  });
}
