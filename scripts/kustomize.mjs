// Renders a kustomization (deploy/kubernetes) to Kubernetes objects without the kustomize binary, for the
// offline schema test and for a look at what `kubectl apply -k` would send: `node scripts/kustomize.mjs DIR`.
// Only the features the project's kustomizations use, each as kustomize defines it: resources (files and
// folders), namespace, images, and patches as RFC 6902 JSON patches with a kind/name target. Anything else is
// refused rather than ignored, so that this rendering never silently differs from kustomize's.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments, stringify } from 'yaml';

const KNOWN_KEYS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);

/** @returns {Array<Record<string, any>>} the objects of the kustomization in folder `dir`, in the order they are declared */
export function render(dir) {
  const file = path.join(dir, 'kustomization.yaml');
  const k = readYaml(file)[0] ?? {};
  if (k.kind !== 'Kustomization') throw new Error(`${file}: not a Kustomization`);
  const unknown = Object.keys(k).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length) throw new Error(`${file}: ${unknown.join(', ')} not supported by scripts/kustomize.mjs`);
  const objects = [];
  for (const entry of k.resources ?? []) {
    const target = path.resolve(dir, entry);
    objects.push(...(statSync(target).isDirectory() ? render(target) : readYaml(target)));
  }
  for (const p of k.patches ?? []) applyPatch(objects, p, dir, file);
  for (const image of k.images ?? []) setImage(objects, image);
  if (k.namespace) for (const o of objects) o.metadata.namespace = k.namespace;
  return objects;
}

function readYaml(file) {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((d) => {
    if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
    return d.toJS();
  }).filter((o) => o !== null);
}

function applyPatch(objects, p, dir, file) {
  const text = p.patch ?? readFileSync(path.resolve(dir, p.path), 'utf8');
  const ops = parseAllDocuments(text)[0]?.toJS();
  if (!Array.isArray(ops)) throw new Error(`${file}: only JSON 6902 patches (a list of operations) are supported`);
  const { kind, name, ...rest } = p.target ?? {};
  if (!kind || !name || Object.keys(rest).length) throw new Error(`${file}: a patch target names kind and name only`);
  const matches = objects.filter((o) => o.kind === kind && o.metadata?.name === name);
  if (!matches.length) throw new Error(`${file}: no ${kind} ${name} to patch`);
  for (const o of matches) for (const op of ops) jsonPatch(o, op, file);
}

/** One RFC 6902 operation (add, replace, remove) on `doc`, in place. */
function jsonPatch(doc, op, file) {
  if (!['add', 'replace', 'remove'].includes(op.op)) throw new Error(`${file}: patch operation ${op.op} not supported`);
  const tokens = op.path.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = tokens.pop();
  let parent = doc;
  for (const t of tokens) {
    parent = Array.isArray(parent) ? parent[Number(t)] : parent?.[t];
    if (parent === undefined || parent === null || typeof parent !== 'object') throw new Error(`${file}: ${op.path}: no such location`);
  }
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (op.op !== 'add' && i === parent.length)) throw new Error(`${file}: ${op.path}: index out of range`);
    if (op.op === 'add') parent.splice(i, 0, op.value);
    else if (op.op === 'replace') parent[i] = op.value;
    else parent.splice(i, 1);
    return;
  }
  if (op.op !== 'add' && !Object.hasOwn(parent, last)) throw new Error(`${file}: ${op.path}: no such member`);
  if (op.op === 'add' || op.op === 'replace') parent[last] = op.value;
  else delete parent[last];
}

/** kustomize's images transformer: containers whose image is `name` (any tag or digest) get newName and newTag. */
function setImage(objects, { name, newName, newTag, digest }) {
  for (const o of objects) {
    const spec = o.spec?.template?.spec;
    for (const c of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
      const m = /^(.*?)(?::([^:/@]+))?(?:@(.+))?$/.exec(c.image);
      if (m[1] !== name) continue;
      const at = digest ?? (newTag ? undefined : m[3]);
      const tag = newTag ?? (digest ? undefined : m[2]);
      c.image = `${newName ?? m[1]}${tag ? `:${tag}` : ''}${at ? `@${at}` : ''}`;
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.argv[2]) {
    process.stderr.write('usage: node scripts/kustomize.mjs deploy/kubernetes/overlays/<name>\n');
    process.exit(2);
  }
  process.stdout.write(render(path.resolve(process.argv[2])).map((o) => stringify(o)).join('---\n'));
}
