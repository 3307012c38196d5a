#!/usr/bin/env node
// Entry point: what `node dist/index.js` (and the container) runs. A plain stdio start first tries the
// fast path (answers listing requests from the build-time manifest); cli.ts is loaded only when needed.
import module from 'node:module';

// Node >= 22.1 keeps V8's compiled code of the modules a start loads (in $NODE_COMPILE_CACHE, which the
// image sets, or the temp folder): later starts skip most compiling, ~15 % of a first tools/call. Enabled
// before anything else is imported, so that it covers them; older Node has no such function.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const argv = process.argv.slice(2);
const full = async () => (await import('./cli.js')).main(argv, process.env);
const { fastStart } = await import('./transports/fast-start.js');

(fastStart(argv, process.env, full) ?? full()).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`Fatal: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
