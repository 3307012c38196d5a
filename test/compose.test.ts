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
