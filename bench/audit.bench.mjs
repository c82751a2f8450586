// `yidu audit` over a generated local site of 200 pages (variants of the demo report, yidu injected by the
// command), modes default + elder, each run the real command in its own process:
//   concurrency 1   pages/minute over the first C1_PAGES pages
//   concurrency N   pages/minute (N = CPU count, at least 2) over the first CN_PAGES pages of the 200-page list,
//                   with --state; the run is then killed (SIGKILL, the command and its Chromium)
//   resume          the same command again: seconds until its first new page is on record (reading the state
//                   file, starting Chromium, one page), then stopped
// CPU: seconds of CPU time per page, summed over the command's process tree (node, Chromium's browser
// process, renderers, utilities), read from /proc every 200 ms. It does not depend on what else the machine
// runs, unlike pages per minute: on shared cores, compare runs by it. "Cores busy" is that CPU time over the
// wall time: at concurrency 1 it says how much of the machine one page at a time already uses, so
// CPUs ÷ cores busy is the most any concurrency could gain here.
// Peak memory: the sum of VmRSS over the process tree, read every 200 ms. A sum of RSS counts shared pages (the
// Chromium binary, fonts) once per process, so it overstates real use: an upper bound. The sum of PSS
// (/proc/<pid>/smaps_rollup, shared pages split between their users) is printed next to it: the fair figure.
// YIDU_BENCH_AUDIT_FULL=1 audits all 200 pages at each concurrency instead of the samples (slow on 2 cores);
// YIDU_BENCH_AUDIT_PAGES=a,b sets the sample sizes (default 16,32); YIDU_BENCH_AUDIT_ROUNDS=n repeats the
// concurrency runs n times (the ratio of each round and their median).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuSeconds, descendants, kind, memory } from '../test/cli/process-tree.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/yidu.mjs');
const PAGES = 200;
const FULL = process.env.YIDU_BENCH_AUDIT_FULL === '1';
const [C1_PAGES, CN_PAGES] = FULL ? [PAGES, PAGES] : (process.env.YIDU_BENCH_AUDIT_PAGES ?? '16,32').split(',').map(Number);
const ROUNDS = Number(process.env.YIDU_BENCH_AUDIT_ROUNDS ?? 1);
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

const lines = (file) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length - 1 : 0);

/**
 * Runs the command; resolves when it ends or when its state file holds `stopAt` pages (then SIGKILLs it).
 * Returns seconds, pages finished in this run, peak RSS and PSS, CPU seconds by kind of process, and when
 * the first new page was recorded.
 */
function run(args, { state, stopAt } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'audit', ...args], { detached: true, stdio: 'ignore' });
    const before = state ? lines(state) : 0;
    const seen = new Map(); // pid → { kind, cpu }: a process that ended keeps its last reading
    let peak = 0;
    let peakPss = 0;
    let first = null;
    const sample = () => {
      const sum = { rss: 0, pss: 0 };
      for (const pid of descendants(child.pid)) {
        const p = seen.get(pid) ?? { kind: 'other', cpu: 0 };
        // A new process shows its parent's command line until it has started, an ended one none: ask each
        // time, keep the last answer that names something.
        const now = kind(pid);
        if (now !== 'gone' && now !== 'other') p.kind = now;
        p.cpu = Math.max(p.cpu, cpuSeconds(pid));
        seen.set(pid, p);
        const m = memory(pid);
        sum.rss += m.rss;
        sum.pss += m.pss;
      }
      peak = Math.max(peak, sum.rss);
      peakPss = Math.max(peakPss, sum.pss);
    };
    const timer = setInterval(() => {
      sample();
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
      const cpu = {};
      for (const p of seen.values()) cpu[p.kind.replace(/^utility:/, '')] = (cpu[p.kind.replace(/^utility:/, '')] ?? 0) + p.cpu;
      resolve({ s: (performance.now() - started) / 1000, pages: (state ? lines(state) : 0) - before, peak, peakPss, first, cpu });
    });
  });
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const gb = (bytes) => `${(bytes / GB).toFixed(2)} GB`;

/** One line per run: rate, CPU time per page (and by process), cores busy, memory. */
function report(label, r) {
  const rate = (r.pages / r.s) * 60;
  const cpu = Object.values(r.cpu).reduce((a, b) => a + b, 0);
  const parts = Object.entries(r.cpu).filter(([, v]) => v >= 0.05).sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${(v / r.pages).toFixed(2)}`).join(', ');
  console.log(`${label}: ${r.pages} pages in ${r.s.toFixed(1)} s = ${rate.toFixed(1)} pages/min; ` +
    `CPU ${(cpu / r.pages).toFixed(2)} s/page (${parts}), cores busy ${(cpu / r.s).toFixed(2)}; ` +
    `peak RSS ${gb(r.peak)}, PSS ${gb(r.peakPss)}`);
  return { rate, cpuPerPage: cpu / r.pages, busy: cpu / r.s };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'yidu-audit-bench-'));
  try {
    const list = generate(dir);
    const cpus = availableParallelism();
    const n = Math.max(2, cpus);
    const common = ['--root', dir, '--modes', 'default,elder', '--timeout', '120', '--quiet', '--format', 'json', '--out', join(dir, 'out.json')];
    writeFileSync(join(dir, 'first.txt'), list.slice(0, C1_PAGES).join('\n'));
    writeFileSync(join(dir, 'all.txt'), list.join('\n'));
    console.log(`site: ${PAGES} generated pages (demo variants), modes default+elder, ${cpus} CPUs`);
    if (loadavg()[0] > cpus / 2) {
      console.log(`(load average ${load()}: other work shares these CPUs, so pages/min and their ratio are low and ` +
        'noisy; CPU s/page does not depend on it)');
    }

    const rounds = [];
    let sn = '';
    let peak = 0;
    let peakPss = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const s1 = join(dir, `c1-${round}.state`);
      console.log(`${ROUNDS > 1 ? `round ${round}, ` : ''}load average before: ${load()}`);
      const one = await run(['--urls', join(dir, 'first.txt'), '--concurrency', '1', '--state', s1, ...common], { state: s1 });
      const r1 = report('concurrency 1', one);
      sn = join(dir, `cn-${round}.state`);
      const many = await run(['--urls', join(dir, 'all.txt'), '--concurrency', String(n), '--state', sn, ...common],
        { state: sn, ...(FULL ? {} : { stopAt: CN_PAGES }) });
      const rn = report(`concurrency ${n}${FULL ? '' : ` (then killed with SIGKILL, ${many.pages} of ${PAGES} done)`}`, many);
      console.log(`  ratio ${(rn.rate / r1.rate).toFixed(2)}×; the most this machine allows: ${cpus} CPUs ÷ ${r1.busy.toFixed(2)} ` +
        `cores busy at concurrency 1 = ${(cpus / r1.busy).toFixed(2)}×`);
      rounds.push({ ratio: rn.rate / r1.rate, r1, rn });
      peak = Math.max(peak, one.peak, many.peak);
      peakPss = Math.max(peakPss, one.peakPss, many.peakPss);
    }

    if (!FULL) {
      const resume = await run(['--urls', join(dir, 'all.txt'), '--concurrency', String(n), '--state', sn, ...common],
        { state: sn, stopAt: lines(sn) + 1 });
      console.log(`resume after the kill: first new page on record ${resume.first?.toFixed(1)} s after the restart ` +
        `(state file read, Chromium started, one page audited); ${lines(sn)} pages on record, none twice: ` +
        `${new Set(readFileSync(sn, 'utf8').split('\n').filter(Boolean).slice(1).map((l) => JSON.parse(l).page.key)).size === lines(sn)}`);
      peak = Math.max(peak, resume.peak);
      peakPss = Math.max(peakPss, resume.peakPss);
    }
    const ratio = median(rounds.map((r) => r.ratio));
    console.log(`${'figure'.padEnd(36)} ${'target'.padStart(10)} ${'measured'.padStart(10)}`);
    console.log(`${`pages/min, concurrency ${n} ÷ 1${ROUNDS > 1 ? ' (median)' : ''}`.padEnd(36)} ${'≥ 1.60×'.padStart(10)} ${`${ratio.toFixed(2)}×`.padStart(10)}`);
    console.log(`${'CPU s/page at concurrency 1 (median)'.padEnd(36)} ${''.padStart(10)} ${median(rounds.map((r) => r.r1.cpuPerPage)).toFixed(2).padStart(10)}`);
    console.log(`${'peak RSS (process tree sum)'.padEnd(36)} ${'≤ 1.50 GB'.padStart(10)} ${gb(peak).padStart(10)}`);
    console.log(`${'peak PSS (process tree sum)'.padEnd(36)} ${''.padStart(10)} ${gb(peakPss).padStart(10)}`);
    console.log(`load average after: ${load()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
