// npm run bench (after the build): runs every bench/*.bench.mjs in headless Chromium against the project
// served locally. Each bench prints its figures side by side with its baseline, as ratios: these machines
// are noisy, so absolute times mean little. What each bench prints is also written to docs/figures.md (its
// own section, replaced at each run), so the docs quote measured figures instead of hand-edited ones.
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { writeFigures } from './bench-figures.mjs';
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
const printed = new Map();
const log = console.log;
try {
  for (const f of files) {
    const name = f.replace('.bench.mjs', '');
    log(`\n== ${name}`);
    const lines = [];
    console.log = (...args) => {
      lines.push(args.join(' '));
      log(...args);
    };
    const { default: run } = await import(new URL(`../bench/${f}`, import.meta.url));
    try {
      await run({ browser, baseUrl: url });
      printed.set(name, lines);
    } catch (e) {
      failed = true;
      console.error(`bench ${f} failed:`, e);
    } finally {
      console.log = log;
    }
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${await browser.version()}, Node.js ${process.version}`;
  writeFigures(new URL('../docs/figures.md', import.meta.url), printed, machine);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
