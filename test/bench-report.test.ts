// The replica bench's report (bench/replica-report.mjs): the sizing figures derived from a run, the guide's measured
// block replaced in place, and the README's replica rows kept when a run cannot measure them. No timing is measured.
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { REPLICA_ROW, replicaRows, rowsOfTable, sizingBlock, withSizing } from '../bench/replica-report.mjs';

// bench/run.mjs's quantile and a plain ms.
const figures = { quantile: (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))], ms: (x: number) => `${x} ms` };
const run = (label: string, replicas: number, redis: boolean, perSecond: number) => ({
  label, replicas, redis, perSecond, calls: 1000, latencies: [1, 2, 3, 40], failures: 0, firstFailure: undefined, seconds: 10,
  // 10 CPU seconds over 1,000 calls: 10 ms a call in the replicas, 1 ms in Redis.
  cpu: { replicas: 10, haproxy: 0.5, redis: 1, sandbox: 5, generator: 1 },
  atStart: Array(replicas).fill(100), memory: Array(replicas).fill(150), redisPerPerson: redis ? 6 : undefined,
});
const runs = [run('1 replica, embedded store (no Redis)', 1, false, 90), run('1 replica', 1, true, 100), run('2 replicas', 2, true, 50)];

describe('replica bench report', () => {
  it('derives the per-core, per-request and autoscaler figures from the replicas\' CPU per call', () => {
    const block = sizingBlock(runs, figures, { date: '2026-12-05', machine: '2 cores' });
    // 10 ms a call: 100 calls/s a core; 250 m: 25 calls/s; 70 % of that: 17.5, shown as 18; Redis's 100 m: 100 calls/s.
    expect(block).toContain('one CPU serves about **100 tool calls/s**');
    expect(block).toContain('the request of 250 m is about 25 calls/s');
    expect(block).toContain('about **18 calls/s each**');
    expect(block).toContain('its request of 100 m is about 100 calls/s');
    expect(block).toContain('about 6 KiB in Redis');
    expect(block).toContain('| 2 replicas | 50 (0.50x) | 40 ms | 10 ms | 100, 100 → 150, 150 MiB |');
  });

  it('writes the README rows with the scaling ratio against one replica with Redis', () => {
    const rows = replicaRows(runs, figures);
    expect(rows.map(([label]) => label.startsWith(REPLICA_ROW))).toEqual([true, true, true]);
    expect(rows[2][1]).toMatch(/^50 calls\/s \(0\.50x one replica\), median 3 ms, p99 40 ms; CPU per call: replicas 10 ms, HAProxy 0\.5 ms, Redis 1 ms/);
    expect(rows[0][1]).not.toContain('KiB per person');
  });

  it('replaces only the measured block of the guide', async () => {
    const guide = await fs.readFile(new URL('../docs/deployment.md', import.meta.url), 'utf8');
    const after = withSizing(guide, 'NEW FIGURES');
    expect(after).toContain('<!-- sizing:start -->\nNEW FIGURES\n<!-- sizing:end -->');
    expect(after.replace(/<!-- sizing:start -->[\s\S]*<!-- sizing:end -->/, '')).toBe(guide.replace(/<!-- sizing:start -->[\s\S]*<!-- sizing:end -->/, ''));
  });

  it('keeps the replica rows of the README, marked once as from an earlier run', () => {
    const readme = ['| what | figure |', '| --- | --- |', '| cold start | 134 ms |', `| ${REPLICA_ROW} 1 replica | 54 calls/s |`, `| ${REPLICA_ROW} 2 replicas | 27 calls/s (from an earlier run) |`].join('\n');
    expect(rowsOfTable(readme)).toEqual([[`${REPLICA_ROW} 1 replica`, '54 calls/s (from an earlier run)'], [`${REPLICA_ROW} 2 replicas`, '27 calls/s (from an earlier run)']]);
  });
});
