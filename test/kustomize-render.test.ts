// scripts/kustomize.mjs, the offline rendering of deploy/kubernetes: kustomize's meaning for what it supports
// (resources, namespace, images, RFC 6902 patches), and a refusal, never a silent skip, for anything else.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { render } from '../scripts/kustomize.mjs';

const root = mkdtempSync(path.join(os.tmpdir(), 'kustomize-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A folder with these files; returns its path. */
const folder = (files: Record<string, string>) => {
  const dir = path.join(root, String(n++));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
};
const K = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers: [{name: init, image: "registry.local:5000/tools/init:1.0"}]
      containers: [{name: app, image: app:1.0, ports: [{containerPort: 80}]}, {name: side, image: "side@sha256:abc"}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {A: "1", "x/y": "2"}
`;

describe('scripts/kustomize.mjs', () => {
  it('reads resources from files and base folders, then patches, sets images and the namespace', () => {
    const dir = folder({
      'base/kustomization.yaml': `${K}resources: [app.yaml]\n`,
      'base/app.yaml': DEPLOYMENT,
      'overlay/kustomization.yaml': `${K}namespace: prod
resources: [../base]
images:
  - {name: app, newTag: "2.0"}
  - {name: "registry.local:5000/tools/init", newName: mirror/init}
  - {name: side, newName: mirror/side}
patches:
  - target: {kind: ConfigMap, name: settings}
    patch: |-
      - {op: add, path: /data/B, value: "3"}
      - {op: replace, path: /data/A, value: "9"}
      - {op: remove, path: /data/x~1y}
  - target: {kind: Deployment, name: web}
    path: ports.yaml
`,
      'overlay/ports.yaml': '- {op: add, path: /spec/template/spec/containers/0/ports/-, value: {containerPort: 443}}\n- {op: add, path: /spec/template/spec/containers/0/ports/0, value: {containerPort: 8080}}\n',
    });
    const [deployment, config] = render(path.join(dir, 'overlay'));
    expect(deployment.metadata.namespace).toBe('prod');
    expect(config.metadata.namespace).toBe('prod');
    expect(config.data).toEqual({ A: '9', B: '3' });
    const spec = deployment.spec.template.spec;
    expect(spec.containers[0].image).toBe('app:2.0');
    expect(spec.containers[0].ports.map((p: { containerPort: number }) => p.containerPort)).toEqual([8080, 80, 443]);
    expect(spec.initContainers[0].image).toBe('mirror/init:1.0');
    expect(spec.containers[1].image).toBe('mirror/side@sha256:abc');
  });

  const refused: [string, Record<string, string>, RegExp][] = [
    ['a feature it does not implement', { 'kustomization.yaml': `${K}commonLabels: {a: b}\n` }, /commonLabels not supported/],
    ['a strategic-merge patch', { 'kustomization.yaml': `${K}resources: [a.yaml]\npatches:\n  - target: {kind: ConfigMap, name: settings}\n    patch: "data: {A: '2'}"\n`, 'a.yaml': DEPLOYMENT }, /only JSON 6902 patches/],
    ['a patch whose target is missing', { 'kustomization.yaml': `${K}resources: [a.yaml]\npatches:\n  - target: {kind: Service, name: web}\n    patch: "[]"\n`, 'a.yaml': DEPLOYMENT }, /no Service web to patch/],
    ['a target selected by label', { 'kustomization.yaml': `${K}resources: [a.yaml]\npatches:\n  - target: {kind: ConfigMap, name: settings, labelSelector: a=b}\n    patch: "[]"\n`, 'a.yaml': DEPLOYMENT }, /kind and name only/],
    ['replacing what is not there', { 'kustomization.yaml': `${K}resources: [a.yaml]\npatches:\n  - target: {kind: ConfigMap, name: settings}\n    patch: "[{op: replace, path: /data/Z, value: x}]"\n`, 'a.yaml': DEPLOYMENT }, /\/data\/Z: no such member/],
    ['an operation it does not implement', { 'kustomization.yaml': `${K}resources: [a.yaml]\npatches:\n  - target: {kind: ConfigMap, name: settings}\n    patch: "[{op: move, from: /data/A, path: /data/C}]"\n`, 'a.yaml': DEPLOYMENT }, /operation move not supported/],
  ];
  for (const [what, files, message] of refused) {
    it(`refuses ${what}`, () => {
      expect(() => render(folder(files))).toThrow(message);
    });
  }

  it('prints the objects as a YAML stream from the command line', async () => {
    const dir = folder({ 'kustomization.yaml': `${K}resources: [a.yaml]\nnamespace: n1\n`, 'a.yaml': DEPLOYMENT });
    const script = path.resolve(import.meta.dirname, '..', 'scripts', 'kustomize.mjs');
    const out = await new Promise<string>((resolve, reject) => execFile(process.execPath, [script, dir], (err, stdout) => (err ? reject(err) : resolve(stdout))));
    const docs = parseAllDocuments(out).map((d) => d.toJS());
    expect(docs.map((d) => `${d.kind}/${d.metadata.namespace}/${d.metadata.name}`)).toEqual(['Deployment/n1/web', 'ConfigMap/n1/settings']);
  });
});
