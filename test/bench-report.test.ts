// The replica bench's report (bench/replica-report.mjs): the sizing figures derived from a run, the guide's measured
// block replaced in place, and the README's replica rows kept when a run cannot measure them. No timing is measured.
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { REPLICA_ROW, replicaRows, rowsOfTable, sizingBlock, withSizing } from '../bench/replica-report.mjs';

// bench/run.mjs's quantile and a plain ms.
const figures = { quantile: (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))], ms: (x: number) => `${x} ms` };
const run = (label: string, replicas: number, redis: boolean, perSecond: number, replicaCpuSeconds = 10) => ({
  label, replicas, redis, perSecond, calls: 1000, latencies: [1, 2, 3, 40], alone: [2, 5], failures: 0, firstFailure: undefined, seconds: 10,
  // CPU seconds over 1,000 calls: 10 ms a call in the replicas unless said, 1 ms in Redis.
  cpu: { replicas: replicaCpuSeconds, haproxy: 0.5, redis: 1, sandbox: 5, generator: 1 },
  atStart: Array(replicas).fill(100), memory: Array(replicas).fill(150), redisPerPerson: redis ? 6 : undefined,
});
// The embedded store's run costs the most per call, but the figures derived are for Redis's runs.
const runs = [run('1 replica, embedded store (no Redis)', 1, false, 90, 20), run('1 replica, state in Redis', 1, true, 100), run('2 replicas, state in Redis', 2, true, 50, 12.5)];

describe('replica bench report', () => {
  it('derives the per-core, per-request and autoscaler figures from the highest replica CPU per call with Redis', () => {
    const block = sizingBlock(runs, figures, { date: '2026-12-05', machine: '2 cores' });
    // 12.5 ms a call: 80 calls/s a core; 250 m: 20 calls/s; 70 % of that: 14; Redis's 100 m at 1 ms: 100 calls/s.
    expect(block).toContain('(12.5 ms): one CPU serves about **80 tool calls/s**');
    expect(block).toContain('the request of 250 m is about 20 calls/s');
    expect(block).toContain('about **14 calls/s each**');
    expect(block).toContain('3 to 10 replicas hold about 42 to 140 calls/s');
    expect(block).toContain('its request of 100 m is about 100 calls/s');
    expect(block).toContain('about 6 KiB in Redis');
    expect(block).toContain('| 2 replicas, state in Redis | 50 (0.50x) | 40 ms | 5 ms | 12.5 ms | 100, 100 → 150, 150 MiB |');
  });

  it('writes the README rows with the scaling ratio against one replica with Redis', () => {
    const rows = replicaRows(runs, figures);
    expect(rows.map(([label]) => label.startsWith(REPLICA_ROW))).toEqual([true, true, true]);
    expect(rows[2][1]).toMatch(/^50 calls\/s \(0\.50x one replica\), median 3 ms, p99 40 ms; one call at a time: median 5 ms, p99 5 ms; CPU per call: replicas 12.5 ms, HAProxy 0\.5 ms, Redis 1 ms/);
    // The run without Redis (whose cluster has an idle one) says nothing of Redis.
    expect(rows[0][1]).not.toContain('Redis');
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
