// Counts passed and failed tests across all browsers and writes them where scripts/test.mjs reads them.
import { writeFileSync } from 'node:fs';

export const COUNT_FILE = 'test-results/counts.json';

function walk(suite, counts) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) counts.skipped++;
    else if (t.passed) counts.passed++;
    else counts.failed++;
  }
  for (const s of suite?.suites ?? []) walk(s, counts);
}

export function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
      for (const s of sessions) {
        walk(s.testResults, counts);
        if (!s.passed && (s.errors?.length ?? 0) > 0) counts.sessionErrors++;
      }
      writeFileSync(COUNT_FILE, JSON.stringify(counts));
    },
  };
}
