// Tests run in real Chromium and Firefox (the system's browsers; see scripts/system-tools.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import * as puppeteer from 'puppeteer-core';
import { ensureTools } from './scripts/system-tools.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { a11yCommandsPlugin } from './scripts/a11y-test-commands.mjs';

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

export default {
  rootDir: '.',
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 240000,
  browsers,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', define: { __YIDU_VERSION__: '"test"' } }), a11yCommandsPlugin()],
  testFramework: { config: { timeout: 20000 } },
  reporters: [defaultReporter(), countingReporter()],
};
