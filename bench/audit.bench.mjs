// `yidu audit` over a generated local site of 200 pages (variants of the demo report, yidu injected by the
// command), modes default + elder, each run the real command in its own process:
//   concurrency 1   pages/minute over the first C1_PAGES pages
//   concurrency N   pages/minute (N = CPU count, at least 2) over the first CN_PAGES pages of the 200-page list,
//                   with --state; the run is then killed (SIGKILL, the command and its Chromium)
//   resume          the same command again: seconds until its first new page is on record (reading the state
//                   file, starting Chromium, one page), then stopped
// Peak memory: the sum of VmRSS over the command's whole process tree (node + Chromium's browser, renderer,
// GPU/utility and zygote processes), read from /proc every 200 ms. A sum of RSS counts shared pages (the
// Chromium binary, fonts) once per process, so it overstates real use: an upper bound. The sum of PSS
// (/proc/<pid>/smaps_rollup, shared pages split between their users) is printed next to it: the fair figure.
// YIDU_BENCH_AUDIT_FULL=1 audits all 200 pages at each concurrency instead of the samples (slow on 2 cores).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/yidu.mjs');
const PAGES = 200;
const FULL = process.env.YIDU_BENCH_AUDIT_FULL === '1';
const C1_PAGES = FULL ? PAGES : 16;
const CN_PAGES = FULL ? PAGES : 32;
const GB = 1024 ** 3;

/** 200 variants of the demo report: numbers, titles and paragraph order differ, as a real site's pages do. */
function generate(dir) {
  const demo = readFileSync(join(ROOT, 'demo/index.html'), 'utf8').replace(/\s*<script src="\.\.\/dist\/yidu\.js"[^>]*><\/script>/, '');
  copyFileSync(join(ROOT, 'demo/site.css'), join(dir, 'site.css'));
  const list = [];
  for (let i = 1; i <= PAGES; i++) {
    let html = demo.replace(/2025年/g, `${2000 + (i % 26)}年`).replace(/QH-000001/g, `QH-${String(i).padStart(6, '0')}`);
    if (i % 3 === 0) html = html.replace(/<h2/, `<p>第${i}号补充说明：本页内容与上年同期相比有所调整。</p><h2`);
    if (i % 5 === 0) html = html.replace(/<table class="meta-table"[\s\S]*?<\/table>/, '');
    writeFileSync(join(dir, `page-${i}.html`), html);
    list.push(`page-${i}.html`);
  }
  return list;
}

/** All processes under `pid`, itself included. */
function tree(pid) {
  const parent = new Map();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      parent.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const [child, ppid] of parent) if (ppid === out[i]) out.push(child);
  return out;
}

/** Bytes of RSS and of PSS summed over the process tree. */
function memory(pid) {
  const sum = { rss: 0, pss: 0 };
  for (const p of tree(pid)) {
    try {
      sum.rss += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      sum.pss += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      /* gone */
    }
  }
  return sum;
}

const lines = (file) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length - 1 : 0);

/**
 * Runs the command; resolves when it ends or when its state file holds `stopAt` pages (then SIGKILLs it).
 * Returns seconds, pages finished in this run, the peak RSS and when the first new page was recorded.
 */
function run(args, { state, stopAt } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'audit', ...args], { detached: true, stdio: 'ignore' });
    const before = state ? lines(state) : 0;
    let peak = 0;
    let peakPss = 0;
    let first = null;
    const timer = setInterval(() => {
      const m = memory(child.pid);
      peak = Math.max(peak, m.rss);
      peakPss = Math.max(peakPss, m.pss);
      if (!state) return;
      const done = lines(state);
      if (first === null && done > before) first = (performance.now() - started) / 1000;
      if (stopAt && done >= stopAt) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }, 200);
    child.on('exit', () => {
      clearInterval(timer);
      resolve({ s: (performance.now() - started) / 1000, pages: (state ? lines(state) : 0) - before, peak, peakPss, first });
    });
  });
}

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'yidu-audit-bench-'));
  try {
    const list = generate(dir);
    const n = Math.max(2, availableParallelism());
    const common = ['--root', dir, '--modes', 'default,elder', '--timeout', '120', '--quiet', '--format', 'json', '--out', join(dir, 'out.json')];
    writeFileSync(join(dir, 'first.txt'), list.slice(0, C1_PAGES).join('\n'));
    writeFileSync(join(dir, 'all.txt'), list.join('\n'));
    console.log(`site: ${PAGES} generated pages (demo variants), modes default+elder; load average before: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs`);

    const s1 = join(dir, 'c1.state');
    const one = await run(['--urls', join(dir, 'first.txt'), '--concurrency', '1', '--state', s1, ...common], { state: s1 });
    const rate1 = (one.pages / one.s) * 60;
    console.log(`concurrency 1: ${one.pages} pages in ${one.s.toFixed(1)} s = ${rate1.toFixed(1)} pages/min, peak RSS ${(one.peak / GB).toFixed(2)} GB (PSS ${(one.peakPss / GB).toFixed(2)} GB)`);

    const sn = join(dir, 'cn.state');
    const many = await run(['--urls', join(dir, 'all.txt'), '--concurrency', String(n), '--state', sn, ...common],
      { state: sn, ...(FULL ? {} : { stopAt: CN_PAGES }) });
    const rateN = (many.pages / many.s) * 60;
    console.log(`concurrency ${n}: ${many.pages} of ${PAGES} pages in ${many.s.toFixed(1)} s = ${rateN.toFixed(1)} pages/min, ` +
      `peak RSS ${(many.peak / GB).toFixed(2)} GB (PSS ${(many.peakPss / GB).toFixed(2)} GB)${FULL ? '' : ' (then killed with SIGKILL)'}`);

    let resume = null;
    if (!FULL) {
      resume = await run(['--urls', join(dir, 'all.txt'), '--concurrency', String(n), '--state', sn, ...common],
        { state: sn, stopAt: lines(sn) + 1 });
      console.log(`resume after the kill: first new page on record ${resume.first?.toFixed(1)} s after the restart ` +
        `(state file read, Chromium started, one page audited); ${lines(sn)} pages on record, none twice: ` +
        `${new Set(readFileSync(sn, 'utf8').split('\n').filter(Boolean).slice(1).map((l) => JSON.parse(l).page.key)).size === lines(sn)}`);
    }
    const peak = Math.max(one.peak, many.peak, resume?.peak ?? 0);
    const peakPss = Math.max(one.peakPss, many.peakPss, resume?.peakPss ?? 0);
    console.log(`${'figure'.padEnd(34)} ${'target'.padStart(10)} ${'measured'.padStart(10)}`);
    console.log(`${`pages/min, concurrency ${n} ÷ 1`.padEnd(34)} ${'≥ 1.60×'.padStart(10)} ${`${(rateN / rate1).toFixed(2)}×`.padStart(10)}`);
    console.log(`${'peak RSS (process tree sum)'.padEnd(34)} ${'≤ 1.50 GB'.padStart(10)} ${`${(peak / GB).toFixed(2)} GB`.padStart(10)}`);
    console.log(`${'peak PSS (process tree sum)'.padEnd(34)} ${''.padStart(10)} ${`${(peakPss / GB).toFixed(2)} GB`.padStart(10)}`);
    console.log(`load average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
