#!/usr/bin/env node
// Entry point: what `node dist/index.js` (and the container) runs.
import { main } from './cli.js';

main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`Fatal: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
