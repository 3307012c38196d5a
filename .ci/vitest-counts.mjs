// Counts vitest's JSON report for .ci/run: prints "PASSED FAILED", where every test file that failed counts at least
// one failure, so a file that cannot load (no tests ran, numFailedTests 0) still shows, one per file.
// Usage: node .ci/vitest-counts.mjs REPORT.json EXIT_STATUS   (the exit status of the run that wrote the report)
import fs from 'node:fs';

const [reportFile, exitStatus] = process.argv.slice(2);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  passed = report.numPassedTests ?? 0;
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed').length;
    // A file that failed with no failed test: it did not load, or a hook outside any test threw.
    failed += file.status === 'failed' ? Math.max(failedTests, 1) : failedTests;
  }
} catch {
  // No report (the build or the type check failed before vitest ran): the run's status decides below.
}
// A run that failed by its status always counts a failure, whatever the report said.
if (exitStatus !== '0' && failed === 0) failed = 1;
console.log(`${passed} ${failed}`);
