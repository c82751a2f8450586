// Tests run in real Chromium and Firefox (the system's browsers; see scripts/system-tools.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import * as puppeteer from 'puppeteer-core';
import { ensureTools } from './scripts/system-tools.mjs';
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { CSP } from './scripts/static-server.mjs';
import { networkFaultMiddleware, networkFaults } from './scripts/network-faults.mjs';
import { foreground } from './scripts/foreground.mjs';
import { exportCheckPlugin, failOnceMiddleware } from './test/plugins/export-check.mjs';
import { a11yCommandsPlugin } from './scripts/a11y-test-commands.mjs';
import { demoRecorder, hardeningPlugin, requestLog } from './test/plugins/hardening.mjs';
import { lifecycleMetricsPlugin } from './test/plugins/lifecycle-metrics.mjs';

const { chromium, firefox } = ensureTools();
const only = process.env.YIDU_BROWSERS?.split(',');

const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // Tests run side by side in several tabs: keep background tabs running at full speed.
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
];

const browsers = [
  chromeLauncher({ puppeteer, launchOptions: { browser: 'chrome', executablePath: chromium, args: chromiumArgs } }),
  chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath: firefox,
      // Same for Firefox: no timer throttling in background tabs.
      extraPrefsFirefox: {
        'dom.min_background_timeout_value': 0,
        'dom.min_background_timeout_value_without_budget_throttling': 0,
        'dom.timeout.enable_budget_timer_throttling': false,
      },
    },
  }),
].filter((b) => !only || only.includes(b.name.toLowerCase()));

/**
 * `/flaky/<token>/dist/…` serves `/dist/…`, except that the first request for the 简繁 chunk under each token
 * fails (503): a page loading yidu from there sees a chunk fail once and load on the next try.
 */
const failedOnce = new Set();
async function flakyChunks(ctx, next) {
  const m = ctx.path.match(/^\/flaky\/([\w-]+)(\/dist\/.*)$/);
  if (m) {
    if (m[2].startsWith('/dist/chunks/zh-') && !failedOnce.has(m[1])) {
      failedOnce.add(m[1]);
      ctx.status = 503;
      ctx.body = 'unavailable';
      return;
    }
    ctx.url = m[2] + ctx.search;
  }
  return next();
}

/** `gzip-size` command: gzip size of a built file as it sits in dist/ (the dev server re-encodes what it serves). */
const gzipSizePlugin = {
  name: 'gzip-size',
  executeCommand({ command, payload }) {
    if (command !== 'gzip-size') return undefined;
    const file = normalize(join(process.cwd(), 'dist', String(payload)));
    if (!file.startsWith(join(process.cwd(), 'dist'))) throw new Error('outside dist/');
    return gzipSync(readFileSync(file)).length;
  },
};

/** Pages requested with `?csp` get the strict policy the demo is served with. */
function strictCsp(ctx, next) {
  if (ctx.querystring.split('&').includes('csp')) ctx.set('Content-Security-Policy', CSP);
  return next();
}

/**
 * Demo pages requested with `?key=NAME` keep their preferences under their own storage key, so tests that
 * open demo pages side by side never change each other's modes through cross-tab sync.
 */
async function demoStorageKey(ctx, next) {
  await next();
  const key = new URLSearchParams(ctx.querystring).get('key');
  if (!key || !ctx.path.startsWith('/demo/') || !ctx.path.endsWith('.html') || !/^[\w:-]+$/.test(key)) return;
  let html = ctx.body;
  if (typeof html !== 'string') {
    const chunks = [];
    if (Buffer.isBuffer(html)) chunks.push(html);
    else for await (const chunk of html) chunks.push(Buffer.from(chunk));
    html = Buffer.concat(chunks).toString('utf8');
  }
  ctx.body = html.replace('<script src="../dist/yidu.js"', `<script src="../dist/yidu.js" data-storage-key="${key}"`);
}

export default {
  middleware: [requestLog, networkFaultMiddleware, failOnceMiddleware(), flakyChunks, strictCsp, demoStorageKey, demoRecorder],
  rootDir: '.',
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 1200000,
  browsers,
  plugins: [gzipSizePlugin, esbuildPlugin({ ts: true, target: 'es2022', define: { __YIDU_VERSION__: '"test"' } }), networkFaults(), foreground(), exportCheckPlugin(), a11yCommandsPlugin(), hardeningPlugin(), lifecycleMetricsPlugin()],
  testFramework: { config: { timeout: 20000 } },
  reporters: [defaultReporter(), countingReporter()],
};
