// Runs the built `yidu` command the way a user does (a Node process) and reads what it printed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from './ajv-formats.mjs';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const CLI = join(ROOT, 'dist/cli/yidu.mjs');
export const FIXTURES = 'test/fixtures/audit';

/** Runs `yidu …args`; resolves { code, stdout, stderr, ms }. Kills it (and fails) after `limit` ms. */
export function yidu(args, { limit = 180000, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`yidu ${args.join(' ')} still running after ${limit} ms\n${stderr}`));
    }, limit);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'yidu-audit-test-'));
}

const schema = JSON.parse(readFileSync(join(ROOT, 'dist/audit-report.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Throws with ajv's messages unless `report` matches the published JSON schema. */
export function assertValidReport(report) {
  if (!validate(report)) {
    throw new Error(`report does not match audit-report.schema.json:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  }
}

/** Rule ids and node targets of one category of one mode, for compact assertions. */
export function summary(report, mode, category) {
  const m = report.modes.find((x) => x.name === mode);
  if (!m) throw new Error(`no mode ${mode} in the report`);
  return m[category].map((v) => `${v.rule} ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`).sort();
}
