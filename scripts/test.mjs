// npm test (after the build): finds or installs the browsers and tools, runs every browser test in Chromium
// and Firefox, then the Node-side tests (test/cli/*.test.mjs: the `yidu` command, which drives the system
// Chromium; test/system/*.test.mjs: the browsers with system services, such as real speech), and ends with one plain "N passed, N failed" line counting both.
//   node scripts/test.mjs --files test/x.test.ts test/cli/y.test.mjs   runs just those (each in its runner)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureTools } from './system-tools.mjs';
import { COUNT_FILE } from './counting-reporter.mjs';

const NODE_COUNT_FILE = 'test-results/node-counts.json';
const isNodeTest = (f) => f.endsWith('.test.mjs');

ensureTools();
mkdirSync('test-results', { recursive: true });
rmSync(COUNT_FILE, { force: true });
rmSync(NODE_COUNT_FILE, { force: true });

// Split --files between the two runners; other arguments go to the browser runner.
const args = process.argv.slice(2);
const files = [];
const rest = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] !== '--files') {
    rest.push(args[i]);
    continue;
  }
  while (i + 1 < args.length && !args[i + 1].startsWith('--')) files.push(args[++i]);
}
const browserFiles = files.filter((f) => !isNodeTest(f));
const only = process.env.YIDU_BROWSERS?.split(',');
const nodeDir = (dir) => readdirSync(dir).filter(isNodeTest).map((f) => `${dir}/${f}`);
const nodeFiles = files.length
  ? files.filter(isNodeTest)
  : [...(!only || only.includes('chromium') ? nodeDir('test/cli') : []), ...nodeDir('test/system')];

const total = { passed: 0, failed: 0, skipped: 0 };
let ok = true;
const add = (file, what) => {
  try {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    total.passed += c.passed;
    // A browser test file that failed to load counts as a failure even though none of its tests ran.
    total.failed += c.failed + (c.sessionErrors ?? 0);
    total.skipped += c.skipped;
  } catch {
    total.failed++;
    console.error(`The ${what} did not report any result.`);
  }
};

if (files.length === 0 || browserFiles.length) {
  const wtrArgs = browserFiles.length ? [...rest, '--files', ...browserFiles] : rest;
  const run = spawnSync('npx', ['web-test-runner', ...wtrArgs], { stdio: 'inherit' });
  ok &&= run.status === 0;
  add(COUNT_FILE, 'browser test runner');
}
if (nodeFiles.length) {
  console.log(`\nNode-side tests (the yidu command, system services): ${nodeFiles.join(' ')}`);
  const run = spawnSync(process.execPath, ['--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-test-counts.mjs', `--test-reporter-destination=${NODE_COUNT_FILE}`,
    ...nodeFiles], { stdio: 'inherit' });
  ok &&= run.status === 0;
  add(NODE_COUNT_FILE, 'Node test runner');
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(ok && total.failed === 0 && total.passed > 0 ? 0 : 1);
