// The module boundaries of ARCHITECTURE.md, checked over the import statements of src/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Project-relative targets (src/...) of a file's relative imports, static and dynamic. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)).replace(/\.js$/, '.ts'));
}

const rel = (f: string) => path.relative(SRC, f);
const all = filesUnder(SRC);

function violations(from: (f: string) => boolean, forbidden: (target: string) => boolean): string[] {
  return all.filter((f) => from(rel(f))).flatMap((f) => importsOf(f).filter(forbidden).map((t) => `${rel(f)} -> ${t}`));
}

describe('module boundaries', () => {
  it('the sandbox imports nothing from the rest of the server', () => {
    expect(violations((f) => f.startsWith('sandbox/'), (t) => !t.startsWith('sandbox/'))).toEqual([]);
  });
  it('tools never import MSAL or the transports', () => {
    expect(violations((f) => f.startsWith('tools/'), (t) => t === 'auth/msal.ts' || t.startsWith('transports/'))).toEqual([]);
  });
  it('the Graph client never imports tools', () => {
    expect(violations((f) => f.startsWith('graph/'), (t) => t.startsWith('tools/'))).toEqual([]);
  });
  it('only server.ts (and the CLI wiring) import the tools index', () => {
    expect(violations((f) => !['server.ts'].includes(f), (t) => t === 'tools/index.ts')).toEqual([]);
  });
  it('only auth/msal.ts imports @azure/msal-node at run time', () => {
    const importers = all.filter((f) => /^import\s+(?!type\b)[^;]*from\s+['"]@azure\/msal-node['"]/m.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(importers).toEqual(['auth/msal.ts']);
  });
  it('no source file is larger than a few hundred lines', () => {
    const big = all.map((f) => [rel(f), fs.readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 350);
    expect(big).toEqual([]);
  });
});
