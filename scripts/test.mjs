// npm test (after the build): finds or installs the browsers and tools, runs every test in Chromium and Firefox,
// and ends with one plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureTools } from './system-tools.mjs';
import { COUNT_FILE } from './counting-reporter.mjs';

ensureTools();
mkdirSync('test-results', { recursive: true });
rmSync(COUNT_FILE, { force: true });
const run = spawnSync('npx', ['web-test-runner', ...process.argv.slice(2)], { stdio: 'inherit' });
let counts = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
try {
  counts = JSON.parse(readFileSync(COUNT_FILE, 'utf8'));
} catch {
  counts.failed = 1;
  console.error('The test runner did not report any result.');
}
// A test file that failed to load counts as a failure even though none of its tests ran.
const failed = counts.failed + counts.sessionErrors;
console.log(`${counts.passed} passed, ${failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 && counts.passed > 0 ? 0 : 1);
