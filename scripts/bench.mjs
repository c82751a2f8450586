// npm run bench (after the build): runs every bench/*.bench.mjs in headless Chromium against the project
// served locally. Each bench prints its figures side by side with its baseline, as ratios: these machines
// are noisy, so absolute times mean little.
import { readdirSync } from 'node:fs';
import { launch } from 'puppeteer-core';
import { ensureTools } from './system-tools.mjs';
import { serve } from './static-server.mjs';

const { chromium } = ensureTools();
const only = process.argv.slice(2);
const files = readdirSync(new URL('../bench/', import.meta.url))
  .filter((f) => f.endsWith('.bench.mjs') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
if (files.length === 0) {
  console.log('no benchmarks yet');
  process.exit(0);
}
const { server, url } = await serve({ csp: null });
const browser = await launch({
  executablePath: chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  for (const f of files) {
    console.log(`\n== ${f.replace('.bench.mjs', '')}`);
    const { default: run } = await import(new URL(`../bench/${f}`, import.meta.url));
    try {
      await run({ browser, baseUrl: url });
    } catch (e) {
      failed = true;
      console.error(`bench ${f} failed:`, e);
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
