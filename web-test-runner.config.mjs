// Tests run in real Chromium and Firefox (the system's browsers; see scripts/system-tools.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import * as puppeteer from 'puppeteer-core';
import { ensureTools } from './scripts/system-tools.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { CSP } from './scripts/static-server.mjs';
import { networkFaultMiddleware, networkFaults } from './scripts/network-faults.mjs';
import { foreground } from './scripts/foreground.mjs';
import { exportCheckPlugin, failOnceMiddleware } from './test/plugins/export-check.mjs';

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
  middleware: [networkFaultMiddleware, failOnceMiddleware(), strictCsp, demoStorageKey],
  rootDir: '.',
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 240000,
  browsers,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', define: { __YIDU_VERSION__: '"test"' } }), networkFaults(), foreground(), exportCheckPlugin()],
  testFramework: { config: { timeout: 20000 } },
  reporters: [defaultReporter(), countingReporter()],
};
