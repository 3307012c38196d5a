// The Kubernetes material (deploy/kubernetes, docs/deployment.md "Kubernetes"): each overlay renders to objects
// that Kubernetes' schemas accept, and those objects say what the guide promises: probes, replicas that survive
// a drain, egress to DNS, HTTPS and Redis only, secrets as files, non-root read-only pods, a configuration the
// server itself accepts.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { render } from '../scripts/kustomize.mjs';
import { parseCommandLine } from '../src/cli.js';
import { ENV_VARS } from '../src/config.js';
import { schemaProblems, unknownFields } from './support/k8s-schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- rendered YAML is checked by schema, then read freely */
type Obj = any;

const KUBE = path.resolve(import.meta.dirname, '..', 'deploy', 'kubernetes');
const OVERLAYS = ['redis-in-cluster', 'external-redis'];
const rendered = (overlay: string): Obj[] => render(path.join(KUBE, 'overlays', overlay));
const find = (objects: Obj[], kind: string, name: string) => {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind} ${name}`);
  return o;
};
const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('Kubernetes manifests against the API schemas', () => {
  for (const overlay of OVERLAYS) {
    it(`${overlay}: every object is valid, with no field the API does not know`, async () => {
      const objects = rendered(overlay);
      expect(objects.length).toBeGreaterThanOrEqual(7);
      // The package keeps old API versions' schemas too (extensions/v1beta1 ...): only stable ones are served everywhere.
      for (const o of objects) expect(o.apiVersion, `${o.kind} ${o.metadata.name}`).toMatch(/^([a-z0-9.]+\/)?v\d+$/);
      expect(await schemaProblems(objects)).toEqual([]);
      expect(await unknownFields(objects)).toEqual([]);
    });
  }

  it('the checks catch a wrong type, a missing required field and a misspelt field', async () => {
    const [deployment] = rendered('redis-in-cluster').filter((o) => o.kind === 'Deployment');
    const wrongType = structuredClone(deployment);
    wrongType.spec.replicas = 'three';
    const missing = structuredClone(deployment);
    delete missing.spec.template.spec.containers[0].name;
    const misspelt = structuredClone(deployment);
    misspelt.spec.template.spec.containers[0].readinesProbe = misspelt.spec.template.spec.containers[0].readinessProbe;
    expect(await schemaProblems([wrongType])).toEqual([expect.stringMatching(/spec\/replicas must be integer/)]);
    expect(await schemaProblems([missing])).toEqual([expect.stringMatching(/containers\/0 must have required property name/)]);
    expect(await schemaProblems([{ apiVersion: 'extensions/v1beta1', kind: 'Nothing' }])).toEqual([expect.stringMatching(/no schema/)]);
    expect(await unknownFields([misspelt])).toEqual([expect.stringMatching(/^Deployment ms365-mcp: .*readinesProbe/)]);
  });
});

describe('what the Kubernetes manifests promise', () => {
  const objects = rendered('redis-in-cluster');
  const deployment = find(objects, 'Deployment', 'ms365-mcp');
  const pod = deployment.spec.template.spec;
  const server = pod.containers[0];
  const podLabels = deployment.spec.template.metadata.labels;

  it('runs several replicas, kept through upgrades and drains, scaled by load', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec.strategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: 0 });
    expect(matches(deployment.spec.selector.matchLabels, podLabels)).toBe(true);
    const pdb = find(objects, 'PodDisruptionBudget', 'ms365-mcp');
    expect(matches(pdb.spec.selector.matchLabels, podLabels)).toBe(true);
    expect(pdb.spec.maxUnavailable).toBe(1);
    const hpa = find(objects, 'HorizontalPodAutoscaler', 'ms365-mcp');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'ms365-mcp' });
    expect(hpa.spec.minReplicas).toBe(deployment.spec.replicas);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    const service = find(objects, 'Service', 'ms365-mcp');
    expect(matches(service.spec.selector, podLabels)).toBe(true);
    expect(service.spec.ports[0].targetPort).toBe(server.ports[0].name);
  });

  it('asks /readyz whether to send traffic and /healthz whether to restart, on the port the server listens on', () => {
    const port = server.ports.find((p: Obj) => p.name === 'http');
    expect(server.command).toEqual(['node', '/app/dist/index.js', '--http', `0.0.0.0:${port.containerPort}`, '--org-mode']);
    expect(server.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(server.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(server.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    // A pod leaves the Service within seconds of going unready, well before liveness would restart it.
    const unready = server.readinessProbe.periodSeconds * server.readinessProbe.failureThreshold;
    expect(unready).toBeLessThan(server.livenessProbe.periodSeconds * server.livenessProbe.failureThreshold);
    // The preStop pause and the server's drain both fit in the pod's grace period, with time to exit.
    const drain = Number(find(objects, 'ConfigMap', 'ms365-mcp-config').data.MS365_MCP_SHUTDOWN_GRACE_SECONDS);
    expect(drain).toBeGreaterThan(0);
    expect(Number(server.lifecycle.preStop.exec.command[1]) + drain).toBeLessThan(pod.terminationGracePeriodSeconds - 5);
  });

  it('bounds memory and CPU, with V8\'s heap below the memory limit', () => {
    expect(server.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.stringMatching(/^\d+Mi$/) });
    const limitMi = Number(/^(\d+)Mi$/.exec(server.resources.limits.memory)?.[1]);
    const heap = Number(/--max-old-space-size=(\d+)/.exec(server.env.find((e: Obj) => e.name === 'NODE_OPTIONS').value)?.[1]);
    expect(heap).toBeGreaterThan(0);
    expect(heap).toBeLessThanOrEqual(limitMi * 0.8);
  });

  it('runs every container as non-root on a read-only root, with no capabilities and no API token', () => {
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(find(objects, 'ServiceAccount', 'ms365-mcp').automountServiceAccountToken).toBe(false);
    for (const workload of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')) {
      const spec = workload.spec.template.spec;
      expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: expect.any(Number), seccompProfile: { type: 'RuntimeDefault' } });
      expect(spec.securityContext.runAsUser).toBeGreaterThan(0);
      for (const c of spec.containers) {
        expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
      }
    }
    // The server writes to /tmp and its data folder only, both scratch volumes.
    const writable = server.volumeMounts.filter((m: Obj) => !m.readOnly).map((m: Obj) => m.mountPath).sort();
    expect(writable).toEqual(['/app/data', '/tmp']);
  });

  it('gives secrets as files readable by the server\'s group only, never as environment values', () => {
    const mount = server.volumeMounts.find((m: Obj) => m.name === 'secrets');
    expect(mount.readOnly).toBe(true);
    const volume = pod.volumes.find((v: Obj) => v.name === 'secrets');
    expect(volume.secret.defaultMode).toBe(0o440);
    expect(pod.securityContext.fsGroup).toBe(pod.securityContext.runAsGroup);
    const files = Object.fromEntries(server.env.filter((e: Obj) => e.name.endsWith('_FILE')).map((e: Obj) => [e.name, e.value]));
    expect(files).toEqual({
      MS365_MCP_CLIENT_SECRET_FILE: `${mount.mountPath}/client-secret`,
      MS365_MCP_REDIS_PASSWORD_FILE: `${mount.mountPath}/redis-password`,
      MS365_MCP_ENCRYPTION_KEY_FILE: `${mount.mountPath}/encryption-key`,
    });
    for (const workload of objects.filter((o) => o.spec?.template)) {
      for (const c of workload.spec.template.spec.containers) expect((c.env ?? []).filter((e: Obj) => e.valueFrom?.secretKeyRef)).toEqual([]);
    }
    const config = find(objects, 'ConfigMap', 'ms365-mcp-config');
    for (const key of Object.keys(config.data)) expect(key).not.toMatch(/SECRET|PASSWORD|KEY$/);
  });

  it('lets the server reach DNS, HTTPS outside private ranges and its Redis, nothing else', () => {
    const policy = find(objects, 'NetworkPolicy', 'ms365-mcp');
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(matches(policy.spec.podSelector.matchLabels, podLabels)).toBe(true);
    const ports = policy.spec.egress.map((rule: Obj) => rule.ports.map((p: Obj) => `${p.protocol}/${p.port}`).join(' '));
    expect(ports).toEqual(['UDP/53 TCP/53', 'TCP/443', 'TCP/6379']);
    expect(policy.spec.egress[0].to[0].podSelector.matchLabels).toEqual({ 'k8s-app': 'kube-dns' });
    const https = policy.spec.egress[1].to.map((t: Obj) => t.ipBlock);
    expect(https.map((b: Obj) => b.cidr)).toEqual(['0.0.0.0/0', '::/0']);
    for (const cidr of ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16']) expect(https[0].except).toContain(cidr);
    const redisPods = find(objects, 'StatefulSet', 'ms365-mcp-redis').spec.template.metadata.labels;
    expect(matches(policy.spec.egress[2].to[0].podSelector.matchLabels, redisPods)).toBe(true);
    expect(policy.spec.ingress).toEqual([{ from: [expect.objectContaining({ namespaceSelector: expect.any(Object) })], ports: [{ port: 'http', protocol: 'TCP' }] }]);
    // Redis answers the server's pods only and opens nothing itself.
    const redisPolicy = find(objects, 'NetworkPolicy', 'ms365-mcp-redis');
    expect(matches(redisPolicy.spec.ingress[0].from[0].podSelector.matchLabels, podLabels)).toBe(true);
    expect(redisPolicy.spec.egress).toEqual([]);
  });

  it('points the server at the Redis the overlay runs, which keeps its data on a volume with a password', () => {
    const url = new URL(find(objects, 'ConfigMap', 'ms365-mcp-config').data.MS365_MCP_REDIS_URL);
    const service = find(objects, 'Service', url.hostname);
    expect(Number(url.port)).toBe(service.spec.ports[0].port);
    const redis = find(objects, 'StatefulSet', 'ms365-mcp-redis');
    expect(matches(service.spec.selector, redis.spec.template.metadata.labels)).toBe(true);
    const script = redis.spec.template.spec.containers[0].command.join(' ');
    expect(script).toMatch(/requirepass/);
    expect(script).toMatch(/appendonly yes/);
    expect(script).toContain('/run/secrets/ms365-mcp/redis-password');
    expect(redis.spec.volumeClaimTemplates[0].metadata.name).toBe('data');
    const external = rendered('external-redis');
    expect(new URL(find(external, 'ConfigMap', 'ms365-mcp-config').data.MS365_MCP_REDIS_URL).protocol).toBe('rediss:');
    expect(external.some((o) => o.kind === 'StatefulSet')).toBe(false);
    expect(find(external, 'NetworkPolicy', 'ms365-mcp').spec.egress[2].to[0].ipBlock.cidr).toMatch(/^10\./);
  });

  describe('a configuration the server accepts', () => {
    const secrets = mkdtempSync(path.join(os.tmpdir(), 'k8s-secrets-'));
    afterAll(() => rmSync(secrets, { recursive: true, force: true }));

    for (const overlay of OVERLAYS) {
      it(`${overlay}: every variable is one the server reads, and its command line starts the server`, () => {
        const all = rendered(overlay);
        const container = find(all, 'Deployment', 'ms365-mcp').spec.template.spec.containers[0];
        const env: Record<string, string> = { ...find(all, 'ConfigMap', 'ms365-mcp-config').data };
        for (const e of container.env) env[e.name] = e.value;
        for (const name of Object.keys(env).filter((n) => n.startsWith('MS365_MCP_') || n === 'LOG_LEVEL')) {
          expect(ENV_VARS).toContain(name);
        }
        // The secret files, where the pod has them, made here.
        for (const [name, value] of Object.entries(env)) {
          if (!name.endsWith('_FILE')) continue;
          env[name] = path.join(secrets, path.basename(value));
          writeFileSync(env[name], name.includes('KEY') ? `${randomBytes(32).toString('base64')}\n` : 'not-a-real-secret\n', { mode: 0o600 });
        }
        const config = parseCommandLine(container.command.slice(2), env);
        expect(config.httpAuth).toBe('entra');
        expect(config.orgMode).toBe(true);
        expect(config.http).toEqual({ host: '0.0.0.0', port: container.ports[0].containerPort });
        expect(config.clientSecret).toBe('not-a-real-secret');
        expect(config.publicUrl).toMatch(/^https:\/\//);
        // Requests come with the public address's host: the server must accept it.
        expect(config.allowedHosts).toContain(new URL(config.publicUrl!).hostname);
      });
    }
  });
});
