// The committed Graph reference fixtures (test/fixtures/graph-reference/) are what `npm run reference` derives from
// Graph's reference files today: regenerated in memory and compared file by file. Without those files (a clone elsewhere) there is
// nothing to compare with and this one check is skipped; every other test reads the fixtures and runs anyway.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const REPO = new URL('../../', import.meta.url);
const SHARED_REFERENCE = new URL('../shared/graph-reference/', REPO); // shared-optional

describe('reference fixtures', () => {
  it('are up to date with the reference files beside the repository (run `npm run reference` when not)', async (ctx) => { // shared-optional
    ctx.skip(!fs.existsSync(SHARED_REFERENCE), 'no ../shared/graph-reference beside the repository: nothing to derive the fixtures from'); // shared-optional
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/reference.mjs', '--stdout'], { cwd: REPO, maxBuffer: 16 << 20 });
    const derived = JSON.parse(stdout) as Record<string, string>;
    // The fixtures, and the property names the sandbox's $select takes (src/ cannot read test fixtures).
    const expected = [...fs.readdirSync(new URL('test/fixtures/graph-reference/', REPO)).map((f) => `test/fixtures/graph-reference/${f}`), 'src/sandbox/odata/graph-properties.ts'];
    expect(Object.keys(derived).sort()).toEqual(expected.sort());
    for (const [file, content] of Object.entries(derived)) expect(fs.readFileSync(new URL(file, REPO), 'utf8'), file).toBe(content);
  });
});
