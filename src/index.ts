#!/usr/bin/env node
// Entry point: what `node dist/index.js` (and the container) runs. A plain stdio start first tries the
// fast path (answers listing requests from the build-time manifest); cli.ts is loaded only when needed.
import { fastStart } from './transports/fast-start.js';

const argv = process.argv.slice(2);
const full = async () => (await import('./cli.js')).main(argv, process.env);

(fastStart(argv, process.env, full) ?? full()).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`Fatal: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
