// The compose files a deployment runs unattended (issue 9 item 17): both services bounded in memory,
// processes and /tmp, with their logs rotated. The Docker walk checks the same on running containers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const service = (file: string, name: string) => parse(readFileSync(path.resolve(import.meta.dirname, '..', file), 'utf8')).services[name];

describe('compose limits', () => {
  for (const [file, name] of [['docker-compose.yaml', 'ms365-mcp'], ['docker-compose.sandbox.yaml', 'sandbox']]) {
    it(`${file}: ${name} has memory, pids, /tmp and log limits`, () => {
      const s = service(file, name);
      expect(s.mem_limit).toMatch(/^\d+m$/);
      expect(s.pids_limit).toBeGreaterThan(32);
      expect(s.tmpfs).toEqual([expect.stringMatching(/^\/tmp:size=\d+m/)]);
      expect(s.logging).toEqual({ driver: 'local', options: { 'max-size': '10m', 'max-file': '5' } });
      expect(s.read_only).toBe(true);
    });
  }
});

describe('compose file for many people over HTTP', () => {
  it('docker-compose.entra.yaml: entra mode in organization mode, the secret from a file, the port on loopback only', () => {
    const s = service('docker-compose.entra.yaml', 'ms365-mcp');
    expect(s.command).toEqual(['node', '/app/dist/index.js', '--http', '0.0.0.0:3000', '--org-mode']);
    expect(s.environment).toEqual({ MS365_MCP_HTTP_AUTH: 'entra', MS365_MCP_CLIENT_SECRET_FILE: '/run/secrets/mcp_client_secret' });
    expect(s.secrets).toEqual(['mcp_client_secret']);
    expect(s.ports).toEqual([expect.stringMatching(/^127\.0\.0\.1:/)]);
    // What the comment says to put in .env is what config.ts demands of this mode.
    const text = readFileSync(path.resolve(import.meta.dirname, '..', 'docker-compose.entra.yaml'), 'utf8');
    for (const v of ['MS365_MCP_CLIENT_ID', 'MS365_MCP_TENANT_ID', 'MS365_MCP_PUBLIC_URL']) expect(text).toContain(v);
  });
});
