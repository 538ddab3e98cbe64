// Reads vitest's JSON report and prints CI's last line: "N passed, N failed[, N skipped]".
// A test file that fails to load has no test results of its own, so vitest's numFailedTests misses it:
// each such file counts as one failure here.
import { readFileSync } from 'node:fs';

export function summarise(report) {
  const files = report.testResults ?? [];
  const unloaded = files.filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  const failed = (report.numFailedTests ?? 0) + unloaded;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return `${report.numPassedTests ?? 0} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

if (process.argv[2]) {
  let line;
  try {
    line = summarise(JSON.parse(readFileSync(process.argv[2], 'utf8')));
  } catch {
    line = '0 passed, 1 failed';
  }
  console.log(line);
  process.exit(/ 0 failed/.test(line) ? 0 : 1);
}
