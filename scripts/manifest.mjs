// Build step after tsc: writes dist/tool-manifest.json from the compiled tool definitions, so a start can
// answer initialize and tools/list without loading zod, the SDK or any tool module (see src/tools/manifest.ts).
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve(import.meta.dirname, '../dist');
const load = (p) => import(pathToFileURL(path.join(dist, p)).href);
const [{ ALL_TOOLS }, { buildManifest }, { MANIFEST_FILE }, { VERSION }] = await Promise.all([
  load('tools/index.js'), load('tools/manifest-build.js'), load('tools/manifest.js'), load('version.js'),
]);
const manifest = await buildManifest(ALL_TOOLS, VERSION);
await fs.writeFile(path.join(dist, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
process.stderr.write(`${MANIFEST_FILE}: ${manifest.tools.length} tools\n`);
