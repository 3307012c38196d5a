// The module boundaries of ARCHITECTURE.md, checked over the import graph of src/ (import-graph.ts): no cycles,
// and who may import whom: between the server's parts, between tool groups, and between the sandbox's workloads.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, findCycles, importGraph, specifiersOf } from './import-graph.js';

const SRC = path.resolve(import.meta.dirname, '../src');

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');
const all = filesUnder(SRC);
const graph = importGraph(SRC);

/** `from -> target` for every import of a file `from` accepts that `forbidden` refuses. */
function violations(from: (f: string) => boolean, forbidden: (target: string, from: string) => boolean): string[] {
  return [...graph].filter(([f]) => from(f)).flatMap(([f, targets]) => targets.filter((t) => forbidden(t, f)).map((t) => `${f} -> ${t}`));
}

/** tools/<folder>/ is a group's code, except content/, which every group may use; undefined for shared tool code. */
const groupOf = (f: string) => /^tools\/(?!content\/)([^/]+)\//.exec(f)?.[1];
/** The files that list the groups (every tool, and each group's code loaded on demand) and so import them. */
const GROUP_LISTS = ['tools/index.ts', 'tools/code.ts'];

/** Imports from a group into another, and from shared tool code (tools/content/, tools/*.ts) into a group. */
function groupCrossings(g: ReadonlyMap<string, readonly string[]>): string[] {
  const shared = (f: string) => f.startsWith('tools/') && groupOf(f) === undefined && !GROUP_LISTS.includes(f);
  return [...g].flatMap(([f, targets]) => targets
    .filter((t) => groupOf(t) !== undefined && (groupOf(f) !== undefined ? groupOf(t) !== groupOf(f) : shared(f)))
    .map((t) => `${f} -> ${t}`));
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
  it('only the tool catalog imports the tools index (to build the manifest when running from src/)', () => {
    expect(violations((f) => !['tools/catalog.ts'].includes(f), (t) => t === 'tools/index.ts')).toEqual([]);
  });
  it('a tool group imports no other tool group, and what groups share (tools/content/, tools/*.ts) imports none', () => {
    expect(groupCrossings(graph)).toEqual([]);
    // The rule sees both kinds of crossing when there is one (the real graph has none).
    const madeUp = new Map([
      ['tools/mail/send.ts', ['tools/calendar/time-zones.ts', 'tools/mail/shapes.ts', 'tools/content/text.ts', 'tools/owner.ts']],
      ['tools/content/upload.ts', ['tools/mail/attach.ts', 'tools/define-tool.ts']],
      ['tools/owner.ts', ['tools/calendar/owner.ts']],
      ['tools/index.ts', ['tools/mail/index.ts']],
      ['tools/code.ts', ['tools/calendar/index.ts']],
    ]);
    expect(groupCrossings(madeUp)).toEqual([
      'tools/mail/send.ts -> tools/calendar/time-zones.ts',
      'tools/content/upload.ts -> tools/mail/attach.ts',
      'tools/owner.ts -> tools/calendar/owner.ts',
    ]);
  });
  it('only auth/msal.ts (one account) and auth/confidential.ts (many users over HTTP) import @azure/msal-node at run time', () => {
    const importers = all.filter((f) => /^import\s+(?!type\b)[^;]*from\s+['"]@azure\/msal-node['"]/m.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(importers.sort()).toEqual(['auth/confidential.ts', 'auth/msal.ts']);
  });
  it('no source file is larger than a few hundred lines', () => {
    const big = all.map((f) => [rel(f), fs.readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 350);
    expect(big).toEqual([]);
  });
});

describe('import cycles', () => {
  it('src/ has none (type-only and dynamic imports count)', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  // The checks above only mean something if the walker sees every kind of import and finds a cycle when there is one.
  it('the walker reads every kind of import, and not the ones in comments', () => {
    const text = [
      "import a from './a.js';",
      "import type { B } from '../b.js';",
      'import {\n  c,\n  type C,\n} from "./c.js";',
      "export * from './d.js';",
      "export { e } from './e.js';",
      "import './f.js';",
      "const g = await import('./g.js');",
      "import { z } from 'zod';",
      "// import h from './h.js';",
      "/* export * from './i.js'; */",
      "const url = 'http://x/y'; const re = /'\\/\\//; // import('./j.js')",
    ].join('\n');
    expect(specifiersOf(text)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js', './f.js', './g.js']);
  });
  it('finds a cycle and names it', () => {
    const cyclic = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(findCycles(cyclic).map((c) => c.join(' -> ')).sort()).toEqual(['a.ts -> b.ts -> c.ts -> a.ts', 'e.ts -> e.ts']);
    expect(findCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });
});

describe('sandbox layout', () => {
  const dir = (f: string) => f.slice(0, f.lastIndexOf('/') + 1);
  // A workload is a folder with a module.ts (directory/, workloads/exchange/mail/, workloads/exchange/calendar/...).
  const workloadRoots = [...graph.keys()].filter((f) => /^sandbox\/.*module\.ts$/.test(f)).map(dir);
  const rootOf = (f: string) => workloadRoots.find((r) => f.startsWith(r));
  const isModule = (f: string) => workloadRoots.some((r) => f === `${r}module.ts`);
  const familyOf = (f: string) => /^sandbox\/workloads\/[^/]+\//.exec(f)?.[0];
  // What a workload may use of another: its module, and the directory's model, which every workload stands on.
  const isPublic = (f: string) => isModule(f) || f === 'sandbox/directory/directory.ts';

  it('finds the workloads', () => {
    expect(workloadRoots.sort()).toEqual(['sandbox/directory/', 'sandbox/workloads/drives/', 'sandbox/workloads/exchange/calendar/', 'sandbox/workloads/exchange/contacts/', 'sandbox/workloads/exchange/mail/', 'sandbox/workloads/exchange/todo/', 'sandbox/workloads/onenote/', 'sandbox/workloads/planner/', 'sandbox/workloads/search/', 'sandbox/workloads/sites/', 'sandbox/workloads/teams/']);
  });
  it('a workload reaches another only through its module, a port or the directory model', () => {
    expect(violations((f) => rootOf(f) !== undefined, (t, f) => rootOf(t) !== undefined && rootOf(t) !== rootOf(f) && !isPublic(t))).toEqual([]);
  });
  it('a family of workloads (exchange) shares its core with nothing outside it', () => {
    expect(violations((f) => familyOf(f) !== undefined, (t, f) => familyOf(t) !== undefined && familyOf(t) !== familyOf(f) && !isPublic(t))).toEqual([]);
  });
  it("a family's shared core (Exchange ids, errors, item bodies, time) imports none of its workloads", () => {
    expect(violations((f) => familyOf(f) !== undefined && rootOf(f) === undefined, (t) => rootOf(t) !== undefined)).toEqual([]);
  });
  it('seed data is read by its workload module and other seed files only, never by routes', () => {
    const isSeed = (f: string) => f.includes('/seed/');
    const mayRead = (f: string, t: string) => isSeed(f) || f === `${rootOf(t)}module.ts` || f === 'sandbox/testing.ts';
    expect(violations((f) => f.startsWith('sandbox/'), (t, f) => isSeed(t) && !mayRead(f, t))).toEqual([]);
  });
  it('identity, Graph and OData depend on the directory model, not on the tenant or a workload', () => {
    const fronts = (f: string) => /^sandbox\/(identity|graph|odata)\//.test(f);
    const allowed = (t: string) => !t.startsWith('sandbox/workloads/') && (!t.startsWith('sandbox/directory/') || t === 'sandbox/directory/directory.ts') && t !== 'sandbox/tenant.ts';
    expect(violations(fronts, (t) => !allowed(t))).toEqual([]);
  });
  it('only the sandbox entry builds the tenant', () => {
    expect(violations((f) => f !== 'sandbox/index.ts', (t) => t === 'sandbox/tenant.ts')).toEqual([]);
  });
  it('tests import the sandbox only through index.ts and testing.ts', () => {
    const TEST = path.resolve(import.meta.dirname);
    const reach = filesUnder(TEST).flatMap((file) =>
      specifiersOf(fs.readFileSync(file, 'utf8'))
        .map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)).split(path.sep).join('/'))
        .filter((t) => t.startsWith('sandbox/') && !['sandbox/index.js', 'sandbox/testing.js'].includes(t))
        .map((t) => `${path.relative(TEST, file)} -> ${t}`),
    );
    expect(reach).toEqual([]);
  });
});
