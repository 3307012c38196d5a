// The generated blocks of README.md, docs/deployment.md and .env.example are what `npm run docs` writes
// today: regenerated here from src/ and compared with the files.
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DOC_FILES, docBlocks, fillBlocks } from '../scripts/docs.mjs';
import { requiredScopes } from '../src/auth/scopes.js';
import { GROUP_TABLE, TOGGLE_NAMES } from '../src/tools/groups.js';
import { ALL_TOOLS } from '../src/tools/index.js';
import { selectTools } from '../src/tools/select.js';
import { VERSION } from '../src/version.js';

const blocks = docBlocks({ groups: GROUP_TABLE, tools: ALL_TOOLS, selectTools, requiredScopes, version: VERSION });
const read = (file: string) => fs.readFile(new URL(`../${file}`, import.meta.url), 'utf8');

describe('generated documentation', () => {
  for (const file of DOC_FILES) {
    it(`${file} is up to date (run npm run docs)`, async () => {
      const text = await read(file);
      expect(text).toBe(fillBlocks(text, blocks));
    });
  }

  it('--help lists every toggle with the titles of its groups, from the same table', async () => {
    const { HELP } = await import('../src/cli.js');
    for (const t of TOGGLE_NAMES) {
      const titles = GROUP_TABLE.filter((g) => g.toggle === t).map((g) => g.title).join(', ');
      expect(HELP).toMatch(new RegExp(`^  ${t} +${titles}$`, 'm'));
    }
  });

  it('every generated block has exactly one place', async () => {
    const texts = await Promise.all(DOC_FILES.map(read));
    for (const name of Object.keys(blocks)) {
      const places = texts.reduce((n, t) => n + t.split(`<!-- ${name}:start -->`).length - 1, 0);
      expect(places, name).toBe(1);
    }
  });
});
