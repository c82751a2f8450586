// The processes of a running command, read from /proc (Linux): what each one is (Chromium's --type), its
// CPU time so far, and its memory. Used by the site-run tests and `npm run bench -- audit`.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux

/** `pid` and every process below it. */
export function descendants(pid) {
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

/**
 * What a process is: `node`, `browser` (Chromium's main process), or Chromium's --type (`renderer`,
 * `utility:NetworkService`, `zygote`, …); `renderer:top-chrome` for a renderer showing Chromium's own UI.
 * Chromium rewrites its command line with spaces between the arguments, hence the split on both.
 */
export function kind(pid) {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    if (/node$/.test(args[0])) return 'node';
    const type = args.find((a) => a.startsWith('--type='))?.slice(7);
    if (!type) return /chrom/.test(args[0]) ? 'browser' : 'other';
    const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.split('.').pop();
    return type + (sub ? `:${sub}` : '') + (args.includes('--top-chrome-webui') ? ':top-chrome' : '');
  } catch {
    return 'gone';
  }
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS;
  } catch {
    return 0;
  }
}

/**
 * Bytes of resident memory: `rss` counts every page the process maps, shared ones (the Chromium binary,
 * fonts) included, so a sum over processes counts those once per process; `pss` splits each shared page
 * between the processes that share it, so a sum of PSS is the memory the tree really takes.
 */
export function memory(pid) {
  try {
    return {
      rss: Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
      pss: Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024,
    };
  } catch {
    return { rss: 0, pss: 0 };
  }
}
