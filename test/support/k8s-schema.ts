// Checks Kubernetes objects offline against the API's schemas, as kubeconform's strict mode would: types, formats
// and required fields with kubernetes-models' compiled JSON schemas, and unknown fields (which those schemas
// allow, and the API server drops with only a warning) through TypeScript's check of the same models' types.
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

type KubeObject = { apiVersion: string; kind: string; metadata?: { name?: string } };
type Model = { new (data: unknown): { validate(): void } };

const label = (o: KubeObject) => `${o.kind} ${o.metadata?.name ?? '?'}`;
/** kubernetes-models' module of a kind: its folder is the apiVersion ("v1" for the core group). */
const modulePath = (o: KubeObject) => `kubernetes-models/${o.apiVersion}/${o.kind}`;

/** The schema problems of each object, empty when it is valid. */
export async function schemaProblems(objects: KubeObject[]): Promise<string[]> {
  const problems: string[] = [];
  for (const o of objects) {
    let model: Model;
    try {
      model = (await import(modulePath(o)))[o.kind];
    } catch {
      problems.push(`${label(o)}: no schema for ${o.apiVersion} ${o.kind}`);
      continue;
    }
    try {
      new model(o).validate();
    } catch (e) {
      problems.push(`${label(o)}: ${(e as Error).message}`);
    }
  }
  return problems;
}

/** Fields the schemas do not know, as TypeScript's excess-property errors (one line each), empty when none. */
export async function unknownFields(objects: KubeObject[]): Promise<string[]> {
  // Inside node_modules so that the check resolves kubernetes-models as the project does.
  const cache = path.join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'k8s-fields-'));
  try {
    const lines = objects.flatMap((o, i) => [
      `import type { I${o.kind} as T${i} } from '${modulePath(o)}';`,
      `// ${label(o)}`,
      `export const o${i} = ${JSON.stringify(o)} satisfies T${i};`,
    ]);
    const file = path.join(dir, 'objects.ts');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const tsc = path.join(ROOT, 'node_modules', '.bin', 'tsc');
    const args = ['--ignoreConfig', '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', file];
    const { failed, out } = await new Promise<{ failed: boolean; out: string }>((resolve) => execFile(tsc, args, { cwd: dir }, (err, stdout, stderr) => resolve({ failed: !!err, out: `${stdout}${stderr}` })));
    const errors = out.split('\n').filter((l) => l.includes('error TS'));
    // A compiler that did not run says nothing about the objects: that is no pass.
    if (failed && !errors.length) throw new Error(`tsc did not run: ${out.slice(0, 2000)}`);
    return errors.map((l) => {
      const line = Number(/\((\d+),\d+\)/.exec(l)?.[1] ?? 0);
      const object = objects[Math.floor((line - 1) / 3)];
      return `${object ? label(object) : '?'}: ${l.replace(/^.*error TS\d+: /, '')}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
