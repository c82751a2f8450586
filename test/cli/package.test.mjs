// What `npm install yidu` brings: the built library, its types, the manifest and the `yidu` command, and no
// browser driver (puppeteer-core is an optional peer: only whoever runs `yidu audit` installs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTools } from '../../scripts/system-tools.mjs';
import { ROOT, tempDir } from './helpers.mjs';

test('npm pack ships the library and the command, no fonts, fixtures, tests or sources', () => {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const files = pack.files.map((f) => f.path);
  for (const needed of ['package.json', 'custom-elements.json', 'dist/yidu.js', 'dist/yidu.mjs', 'dist/npm/index.js',
    'dist/types/index.d.ts', 'dist/cli/yidu.mjs', 'dist/audit-report.schema.json', 'dist/site-report.schema.json']) {
    assert.ok(files.includes(needed), `${needed} is in the package`);
  }
  const unwanted = files.filter((f) => /(^|\/)(test|tests|fixtures|demo|bench|scripts|src|\.vite)\//.test(f) ||
    /\.(ttf|otf|woff2?|test\.[mc]?[jt]s|map)$/.test(f) || f.startsWith('dist/fonts/'));
  assert.deepEqual(unwanted, []);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.dependencies['puppeteer-core'], undefined, 'no browser driver for sites that only use the elements');
  assert.ok(pkg.peerDependencies['puppeteer-core'] && pkg.peerDependenciesMeta['puppeteer-core'].optional);
  for (const [name, path] of Object.entries(pkg.exports)) {
    if (typeof path === 'string') assert.ok(files.includes(path.replace(/^\.\//, '')), `export ${name} → ${path} is shipped`);
  }
});

test('yidu audit without puppeteer-core installed: says what to install, exit 3', () => {
  const { chromium } = ensureTools();
  // The command as npm installs it, in a folder with no node_modules above it.
  const dir = tempDir();
  mkdirSync(join(dir, 'dist/cli'), { recursive: true });
  copyFileSync(join(ROOT, 'dist/cli/yidu.mjs'), join(dir, 'dist/cli/yidu.mjs'));
  copyFileSync(join(ROOT, 'dist/yidu.js'), join(dir, 'dist/yidu.js'));
  writeFileSync(join(dir, 'page.html'), '<!doctype html><html lang="zh-CN"><title>页</title><main><p>正文</p></main>');
  let error;
  try {
    execFileSync(process.execPath, [join(dir, 'dist/cli/yidu.mjs'), 'audit', 'page.html'], { cwd: dir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, CHROME_PATH: chromium } });
  } catch (e) {
    error = e;
  }
  assert.equal(error?.status, 3);
  assert.equal(error.stderr, 'yidu audit: yidu audit drives Chromium with puppeteer-core, which is not installed. Install it next to ' +
    "yidu: npm install --save-dev puppeteer-core (it downloads no browser; the system's Chromium is used).\n");
});
