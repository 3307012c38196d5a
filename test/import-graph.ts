// The import graph of src/, for the boundaries test: every relative module specifier of every .ts file (static
// imports and re-exports, `import type`, side-effect imports, dynamic import() with a literal path), read with
// comments blanked out so that a path quoted in a comment is not taken for an import, and its cycles.
import fs from 'node:fs';
import path from 'node:path';

/** The text with every comment replaced by spaces (newlines kept); strings, templates and regex literals intact. */
export function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  // Whether a '/' here starts a regex literal rather than a division: after an operator, a bracket or a keyword.
  const regexMayStart = () => /(?:^|[=(,:;!&|?{}[+\-*%<>~^]|\breturn|\btypeof|\bcase|\bthrow|\bin|\bof)\s*$/.test(out.slice(-20));
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') (out += ' '), i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && regexMayStart()) {
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== '\n' && (inClass || text[j] !== '/')) {
        if (text[j] === '\\') j++;
        else if (text[j] === '[') inClass = true;
        else if (text[j] === ']') inClass = false;
        j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Relative specifiers a module imports: `import ... from`, `import type`, `export ... from`, `import '...'`, `import('...')`. */
export function specifiersOf(text: string): string[] {
  const code = withoutComments(text);
  const found = [
    ...code.matchAll(/\b(?:import|export)\s[^;'"`]*?\bfrom\s*(['"])(.+?)\1/g),
    ...code.matchAll(/\bimport\s*(['"])(.+?)\1/g),
    ...code.matchAll(/\bimport\s*\(\s*(['"])(.+?)\1\s*\)/g),
  ].map((m) => m[2]);
  return [...new Set(found.filter((s) => s.startsWith('./') || s.startsWith('../')))];
}

/** Every .ts file under a directory, recursively. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** File -> the files it imports, all as paths relative to `root` (a `.js` specifier names the `.ts` source). */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of filesUnder(root)) {
    const targets = specifiersOf(fs.readFileSync(file, 'utf8')).map((s) =>
      path.relative(root, path.resolve(path.dirname(file), s)).replace(/\.js$/, '.ts').split(path.sep).join('/'),
    );
    graph.set(path.relative(root, file).split(path.sep).join('/'), targets);
  }
  return graph;
}

/** One cycle (a -> b -> ... -> a) through each strongly connected group of modules; none for an acyclic graph. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  const edges = (v: string) => (graph.get(v) ?? []).filter((w) => graph.has(w));
  // Tarjan's algorithm, recursive: the module graph is far too shallow for the stack to matter.
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || edges(v).includes(v)) groups.push(group);
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return groups.map((group) => cycleWithin(new Set(group), [...group].sort()[0], edges));
}

/** A shortest path from `start` back to itself inside one strongly connected group. */
function cycleWithin(group: Set<string>, start: string, edges: (v: string) => string[]): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of edges(v).filter((x) => group.has(x))) {
      if (w === start) {
        const cycle = [start];
        for (let at = v; at !== start; at = cameFrom.get(at)!) cycle.splice(1, 0, at);
        return [...cycle, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
