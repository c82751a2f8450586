/**
 * The `yidu` command. `yidu audit <url-or-file>` checks a page with axe-core (WCAG 2.0–2.2 A/AA) with yidu
 * closed and in each reading mode, in the system's headless Chromium, and reports the page's own failures,
 * failures inside yidu's UI and failures a mode introduced.
 *
 * Exit codes: 0 passed, 1 failures at or above --fail-on, 2 bad arguments, 3 the page could not be audited.
 */
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve, sep, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Server } from 'node:http';
import type { Browser } from 'puppeteer-core';
import { AUDIT_MODES, resolveModes } from '../audit/modes.js';
import { CATEGORIES, IMPACTS, type AuditReport, type Category } from '../audit/report.js';
import { findChromium, launchChromium } from './browser.js';
import { CliError, EXIT } from './errors.js';
import { warnWithoutCjkFont } from './cjk-font.js';
import { serveFolder } from './file-server.js';
import { auditPage } from './page-audit.js';
import { formatTable } from './format/table.js';
import { formatJunit } from './format/junit.js';
import { formatHtml } from './format/html.js';
import { verdict, verdictLine, type FailOn, type Policy } from './format/verdict.js';
import { collectTargets, inShard, parseShard, type TargetOptions } from './site/targets.js';
import { runSite } from './site/run-site.js';
import { StateFile } from './site/state.js';
import {
  applyBaseline, sortPages, summarise, FIGURES_NOTE, SITE_REPORT_FORMAT, SITE_REPORT_VERSION,
  type SitePolicy, type SiteReport,
} from './site/site-report.js';
import { siteHtml, siteJson, siteJunit, siteTable, siteVerdictLine } from './site/format.js';

declare const __YIDU_VERSION__: string;
const VERSION = typeof __YIDU_VERSION__ === 'string' ? __YIDU_VERSION__ : 'dev';

const FORMATS = ['table', 'json', 'junit', 'html'] as const;
type Format = (typeof FORMATS)[number];
const EXTENSIONS: Record<Format, string> = { table: '.txt', json: '.json', junit: '.xml', html: '.html' };

const USAGE = `Usage: yidu audit <url-or-file> [options]
       yidu audit <url-or-file>… | --urls <file> | --sitemap <url|file> | --crawl <url|file> [site options]
       yidu audit merge <report.json>… [--format …] [--out <file>]

Checks a page with axe-core (WCAG 2.0/2.1/2.2 A and AA rules) with yidu closed, then in each reading mode,
in the system's headless Chromium. Reports the page's own failures, failures inside yidu's UI, and failures
a mode introduced (present in the mode, not with yidu closed).

Options:
  --modes <list>       modes to check, comma-separated, globs allowed (contrast-*), or "all" (default: all).
                       Known: ${Object.keys(AUDIT_MODES).join(', ')}
  --format <list>      table (default), json, junit, html; several, comma-separated, need --out
  --out <file>         write the report there (several formats: <file>.txt/.json/.xml/.html)
  --fail-on <impact>   exit 1 on a failure of this impact or worse: minor (default), moderate, serious,
                       critical, or none (report only)
  --fail-in <list>     which failures count: page,yidu,introduced (default: all three)
  --inject <yidu.js>   the yidu to add when the page has none (default: this package's dist/yidu.js)
  --content <selector> the page's article, when it is not main, article, [role=main] or #zoom
  --root <folder>      for a local file: the folder served as the site root (default: the current folder
                       when it holds the file, otherwise the file's folder)
  --timeout <seconds>  longest wait for loading, settling and each check (default: 30)
  --quiet              no progress lines on stderr
  --list-modes         print the known modes and exit

Site runs (several pages; any of these options makes a run a site run):
  --urls <file>        pages to audit, one URL or local file per line (# comments)
  --sitemap <url|file> the pages of a sitemap (sitemap indexes and .gz sitemaps too); with --root, its
                       addresses are read from the local folder by their path
  --crawl <url|file>   follow same-origin links from this page (robots.txt obeyed; links in forms,
                       downloads, nofollow and logout-like links never followed)
  --max-pages <n>      most pages a crawl collects (default: 200)
  --include <glob>     only pages whose path matches (repeatable; * within a folder, ** across)
  --exclude <glob>     never pages whose path matches (repeatable)
  --concurrency <n>    pages at a time, each in its own browser context (default: CPU count)
  --state <file>       progress file: rerun the same command to resume after an interruption
  --shard <i/n>        audit only the i-th of n deterministic parts (merge the reports after)
  --baseline <file>    a site report (json) to mark failures new, still there, or fixed
  --fail-only-new      with --baseline: --fail-on counts new failures only
  --list-pages         print the pages the run would audit (after --shard) and exit, without a browser
  In a site run --modes defaults to default,elder and --timeout (default 60) bounds each page as a whole.
  -h, --help           this help;   -v, --version   yidu's version

Exit codes: 0 passed, 1 failures at or above --fail-on, 2 bad arguments, 3 the page (in a site run: every
page) could not be audited.
Chromium: CHROME_PATH, or /usr/bin/chromium and the usual places.
`;

interface AuditCommand {
  target: string;
  modes: string[];
  formats: Format[];
  out?: string;
  policy: Policy;
  inject: string;
  injectGiven: boolean;
  content?: string;
  root?: string;
  timeout: number;
  quiet: boolean;
  site?: SiteOptions;
}

/** A site run: where its pages come from (as the target collector takes them), and how it runs. */
interface SiteOptions extends Pick<TargetOptions, 'positionals' | 'urlsFile' | 'sitemap' | 'crawl' | 'maxPages' | 'include' | 'exclude'> {
  concurrency: number;
  state?: string;
  shard?: { index: number; count: number };
  baseline?: string;
  onlyNew: boolean;
  listPages: boolean;
}

interface MergeCommand {
  merge: string[];
  formats: Format[];
  out?: string;
  policy: SitePolicy;
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError('usage', `${name} takes a whole number of 1 or more, not "${value}".`);
  return n;
}

function list(value: string | undefined, fallback: string): string[] {
  return (value ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
}

function parse(argv: string[]): AuditCommand | MergeCommand | 'done' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        modes: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, 'fail-on': { type: 'string' },
        'fail-in': { type: 'string' }, inject: { type: 'string' }, content: { type: 'string' }, root: { type: 'string' },
        timeout: { type: 'string' }, quiet: { type: 'boolean' }, 'list-modes': { type: 'boolean' },
        urls: { type: 'string' }, sitemap: { type: 'string' }, crawl: { type: 'string' }, 'max-pages': { type: 'string' },
        include: { type: 'string', multiple: true }, exclude: { type: 'string', multiple: true },
        concurrency: { type: 'string' }, state: { type: 'string' }, shard: { type: 'string' }, baseline: { type: 'string' },
        'fail-only-new': { type: 'boolean' }, 'list-pages': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new CliError('usage', `${(e as Error).message}\nRun "yidu audit --help" for the options.`);
  }
  const { values: v, positionals } = parsed;
  if (v.version) return void process.stdout.write(`${VERSION}\n`), 'done';
  const siteInput = v.urls !== undefined || v.sitemap !== undefined || v.crawl !== undefined;
  if (v.help || (positionals.length === 0 && !siteInput)) return void process.stdout.write(USAGE), 'done';
  if (v['list-modes']) {
    for (const [name, m] of Object.entries(AUDIT_MODES)) process.stdout.write(`${name.padEnd(14)} ${m.description}\n`);
    return 'done';
  }
  const [command, ...targets] = positionals;
  if (command !== 'audit') throw new CliError('usage', `unknown command "${command}"; the command is "yidu audit <url-or-file>".`);
  const site = targets.length > 1 || siteInput || Boolean(v['list-pages']) || [v.state, v.shard, v.baseline, v.concurrency, v['max-pages'], v.include, v.exclude]
    .some((x) => x !== undefined) || Boolean(v['fail-only-new']);
  if (targets[0] === 'merge') targets.shift();
  else if (!targets[0] && !siteInput) throw new CliError('usage', 'say which page to audit: yidu audit <url-or-file>.');

  let modes: string[];
  try {
    modes = resolveModes(v.modes ?? (site ? 'default,elder' : 'all'));
  } catch (e) {
    throw new CliError('usage', (e as Error).message);
  }
  const formats = list(v.format, 'table');
  const bad = formats.filter((f) => !FORMATS.includes(f as Format));
  if (bad.length || formats.length === 0) throw new CliError('usage', `unknown format "${bad.join(', ')}"; use ${FORMATS.join(', ')}.`);
  if (formats.length > 1 && !v.out) throw new CliError('usage', 'several formats need --out <file> (each gets its own extension).');
  const failOn = v['fail-on'] ?? 'minor';
  if (![...IMPACTS, 'none'].includes(failOn)) {
    throw new CliError('usage', `--fail-on takes ${IMPACTS.join(', ')} or none, not "${failOn}".`);
  }
  const failIn = list(v['fail-in'], CATEGORIES.join(','));
  const badIn = failIn.filter((c) => !CATEGORIES.includes(c as Category));
  if (badIn.length) throw new CliError('usage', `--fail-in takes ${CATEGORIES.join(', ')}, not "${badIn.join(', ')}".`);
  const onlyNew = Boolean(v['fail-only-new']);
  if (onlyNew && !v.baseline && positionals[1] !== 'merge') throw new CliError('usage', '--fail-only-new needs --baseline <report.json>.');
  const policy: SitePolicy = { failOn: failOn as FailOn, failIn: failIn as Category[], onlyNew };
  if (positionals[1] === 'merge') {
    if (targets.length === 0) throw new CliError('usage', 'say which reports to merge: yidu audit merge <report.json>….');
    return { merge: targets, formats: formats as Format[], ...(v.out ? { out: v.out } : {}), policy };
  }
  const seconds = v.timeout === undefined ? (site ? 60 : 30) : Number(v.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new CliError('usage', `--timeout takes a number of seconds, not "${v.timeout}".`);
  const inject = resolve(v.inject ?? fileURLToPath(new URL('../yidu.js', import.meta.url)));
  if (!existsSync(inject) || !statSync(inject).isFile()) {
    throw new CliError('usage', `--inject: ${inject} is not a file${v.inject ? '' : ' (build yidu first: npm run build)'}.`);
  }
  const cpus = typeof availableParallelism === 'function' ? availableParallelism() : 2;
  return {
    target: targets[0] ?? '',
    modes,
    formats: formats as Format[],
    ...(v.out ? { out: v.out } : {}),
    policy: { failOn: failOn as FailOn, failIn: failIn as Category[] },
    inject,
    injectGiven: v.inject !== undefined,
    ...(v.content ? { content: v.content } : {}),
    ...(v.root ? { root: v.root } : {}),
    timeout: Math.round(seconds * 1000),
    quiet: Boolean(v.quiet),
    ...(site ? {
      site: {
        positionals: targets,
        ...(v.urls !== undefined ? { urlsFile: v.urls } : {}),
        ...(v.sitemap !== undefined ? { sitemap: v.sitemap } : {}),
        ...(v.crawl !== undefined ? { crawl: v.crawl } : {}),
        maxPages: positiveInt(v['max-pages'], '--max-pages', 200),
        include: v.include ?? [],
        exclude: v.exclude ?? [],
        concurrency: positiveInt(v.concurrency, '--concurrency', Math.max(1, cpus)),
        ...(v.state !== undefined ? { state: v.state } : {}),
        ...(parseShard(v.shard) ? { shard: parseShard(v.shard)! } : {}),
        ...(v.baseline !== undefined ? { baseline: v.baseline } : {}),
        onlyNew,
        listPages: Boolean(v['list-pages']),
      },
    } : {}),
  };
}

/** A URL as is; a local file is served over http from a root folder so its module scripts load. */
async function address(cmd: AuditCommand): Promise<{ url: string; server?: Server }> {
  if (/^https?:\/\//i.test(cmd.target)) {
    try {
      return { url: new URL(cmd.target).href };
    } catch {
      throw new CliError('usage', `"${cmd.target}" is not a valid URL.`);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(cmd.target) && !/^file:/i.test(cmd.target)) {
    throw new CliError('usage', `only http(s) URLs and local files can be audited, not "${cmd.target}".`);
  }
  const file = /^file:/i.test(cmd.target) ? fileURLToPath(cmd.target) : resolve(cmd.target);
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError('unreachable', `no such file: ${file}`);
  const real = realpathSync(file);
  const cwd = realpathSync(process.cwd());
  const root = cmd.root ? realpathSync(resolve(cmd.root)) : real.startsWith(cwd + sep) ? cwd : resolve(real, '..');
  const path = relative(root, real);
  if (path.startsWith('..') || isAbsolute(path)) throw new CliError('usage', `--root ${root} does not hold ${real}.`);
  const { server, origin } = await serveFolder(root);
  return { url: `${origin}/${path.split(sep).map(encodeURIComponent).join('/')}`, server };
}

function output(report: AuditReport, cmd: AuditCommand): void {
  for (const format of cmd.formats) {
    let text: string;
    if (format === 'table') text = formatTable(report, cmd.policy);
    else if (format === 'junit') text = formatJunit(report, cmd.policy);
    else if (format === 'html') text = formatHtml(report, cmd.policy);
    else text = JSON.stringify({ ...report, modes: report.modes.map(({ screenshot: _, ...m }) => m) }, null, 2) + '\n';
    if (!cmd.out) process.stdout.write(text);
    else writeFileSync(cmd.formats.length > 1 ? `${cmd.out}${EXTENSIONS[format]}` : cmd.out, text);
  }
}

async function audit(cmd: AuditCommand): Promise<number> {
  const progress = (line: string) => void (cmd.quiet || process.stderr.write(`yidu audit: ${line}\n`));
  const chromium = findChromium();
  const { url, server } = await address(cmd);
  let browser: Browser | undefined;
  // Each step has its own time-out; this one only catches a page whose main thread never answers again.
  const limit = cmd.timeout * (cmd.modes.length * 2 + 4) + 30000;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  try {
    browser = await launchChromium(chromium, limit);
    progress(`${url}: ${cmd.modes.length} modes (${cmd.modes.join(', ')})`);
    const report = await Promise.race([
      auditPage(browser, {
        url, modes: cmd.modes, inject: cmd.inject, injectGiven: cmd.injectGiven, version: VERSION, timeout: cmd.timeout,
        ...(cmd.content ? { content: cmd.content } : {}),
        screenshots: cmd.formats.includes('html'), progress,
      }),
      new Promise<never>((_, reject) => {
        watchdog = setTimeout(() => reject(new CliError('never-settles', `the page stopped answering; gave up after ${limit / 1000} s.`)), limit);
      }),
    ]);
    output(report, cmd);
    const v = verdict(report, cmd.policy);
    if (cmd.out || !cmd.formats.includes('table')) progress(verdictLine(v, cmd.policy));
    return v.failed ? EXIT.failed : EXIT.ok;
  } finally {
    clearTimeout(watchdog);
    server?.close();
    server?.closeAllConnections();
    if (browser) await closeBrowser(browser);
  }
}

async function closeBrowser(browser: Browser): Promise<void> {
  const proc = browser.process();
  const timer = setTimeout(() => proc?.kill('SIGKILL'), 5000);
  await browser.close().catch(() => proc?.kill('SIGKILL'));
  clearTimeout(timer);
}

/** Reads a site report given on the command line (--baseline, merge): anything else is a usage error. */
function readSiteReport(file: string, what: string): SiteReport {
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError('usage', `${what}: no such file: ${file}.`);
  let report: SiteReport;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError('usage', `${what}: ${file} is not JSON (${(e as Error).message}).`);
  }
  if (report?.format !== SITE_REPORT_FORMAT || !Array.isArray(report.pages)) {
    throw new CliError('usage', `${what}: ${file} is not a yidu site report (format ${SITE_REPORT_FORMAT}, from a site run with --format json).`);
  }
  return report;
}

function writeSite(report: SiteReport, formats: Format[], out: string | undefined, policy: SitePolicy): void {
  for (const format of formats) {
    const text = format === 'json' ? siteJson(report, policy) : format === 'junit' ? siteJunit(report, policy)
      : format === 'html' ? siteHtml(report, policy) : siteTable(report, policy);
    if (!out) process.stdout.write(text);
    else writeFileSync(formats.length > 1 ? `${out}${EXTENSIONS[format]}` : out, text);
  }
}

function siteExit(report: SiteReport, policy: SitePolicy): number {
  const s = summarise(report, policy);
  if (s.audited === 0 && s.pages > 0) return EXIT.cannot;
  return s.failed ? EXIT.failed : EXIT.ok;
}

async function auditSite(cmd: AuditCommand, site: SiteOptions): Promise<number> {
  const root = realpathSync(resolve(cmd.root ?? '.'));
  // Files named on the command line are checked before a sitemap is fetched or a site crawled.
  const baseline = site.baseline ? readSiteReport(site.baseline, '--baseline') : undefined;
  const all = await collectTargets({ ...site, root, rootGiven: cmd.root !== undefined, timeout: Math.min(cmd.timeout, 30000) });
  const targets = all.filter((t) => inShard(t.key, site.shard));
  if (site.listPages) {
    process.stdout.write(targets.map((t) => `${t.key}\n`).join(''));
    return EXIT.ok;
  }
  const chromium = findChromium();
  const state = site.state ? new StateFile(site.state, cmd.modes) : undefined;
  const tty = process.stderr.isTTY && !cmd.quiet;
  const started = Date.now();
  const resumed = targets.filter((t) => state?.done.has(t.key)).length;
  let failures = 0;
  let notAudited = 0;
  if (tty) process.stderr.write(`yidu audit: ${resumed}/${targets.length} pages${resumed ? ' (resumed)' : ''} · starting Chromium`);
  try {
    const lines = await runSite({
      chromium, targets, modes: cmd.modes, inject: cmd.inject, version: VERSION, timeout: cmd.timeout,
      concurrency: site.concurrency, root, ...(cmd.content ? { content: cmd.content } : {}),
      ...(state ? { state } : {}),
      onPage: (entry, done) => {
        failures += entry.page.failures?.length ?? 0;
        if (entry.page.status !== 'audited') notAudited++;
        if (!tty) return;
        const minutes = (Date.now() - started) / 60000;
        const rate = (done - resumed) / Math.max(minutes, 1e-6);
        const eta = rate > 0 ? Math.round(((targets.length - done) / rate) * 60) : 0;
        process.stderr.write(`\r\x1b[Kyidu audit: ${done}/${targets.length} pages · ${rate.toFixed(1)} pages/min · ETA ` +
          `${Math.floor(eta / 60)}:${String(eta % 60).padStart(2, '0')} · ${failures} failing nodes` +
          `${notAudited ? ` · ${notAudited} not audited` : ''}`);
      },
    });
    if (tty) process.stderr.write('\n');
    const first = lines.find((l) => l.page.status === 'audited');
    const report: SiteReport = {
      format: SITE_REPORT_FORMAT,
      version: SITE_REPORT_VERSION,
      yidu: first?.yidu || VERSION,
      axe: first?.axe || '',
      date: new Date(started).toISOString(),
      modes: cmd.modes,
      note: FIGURES_NOTE,
      ...(site.shard ? { shards: [site.shard] } : {}),
      pages: sortPages(lines.map((l) => l.page)),
    };
    if (baseline) report.baseline = applyBaseline(report.pages, baseline, site.baseline!);
    writeSite(report, cmd.formats, cmd.out, { ...cmd.policy, onlyNew: site.onlyNew });
    if (cmd.out || !cmd.formats.includes('table')) {
      if (!cmd.quiet) process.stderr.write(`yidu audit: ${siteVerdictLine(summarise(report, { ...cmd.policy, onlyNew: site.onlyNew }), { ...cmd.policy, onlyNew: site.onlyNew })}\n`);
    }
    return siteExit(report, { ...cmd.policy, onlyNew: site.onlyNew });
  } finally {
    state?.close();
  }
}

function merge(cmd: MergeCommand): number {
  const reports = cmd.merge.map((f) => readSiteReport(f, 'merge'));
  const first = reports[0]!;
  const seen = new Map<string, string>();
  for (const [i, r] of reports.entries()) {
    if (JSON.stringify(r.modes) !== JSON.stringify(first.modes)) {
      throw new CliError('usage', `merge: ${cmd.merge[i]} checked modes ${r.modes.join(',')}, ${cmd.merge[0]} checked ${first.modes.join(',')}.`);
    }
    for (const p of r.pages) {
      if (seen.has(p.key)) throw new CliError('usage', `merge: page ${p.key} is in both ${seen.get(p.key)} and ${cmd.merge[i]}.`);
      seen.set(p.key, cmd.merge[i]!);
    }
  }
  const report: SiteReport = {
    format: SITE_REPORT_FORMAT,
    version: SITE_REPORT_VERSION,
    yidu: first.yidu,
    axe: reports.find((r) => r.axe)?.axe ?? first.axe,
    date: reports.map((r) => r.date).sort()[0]!,
    modes: first.modes,
    note: FIGURES_NOTE,
    shards: reports.flatMap((r) => r.shards ?? []),
    ...(reports.some((r) => r.baseline) ? {
      baseline: { file: reports.find((r) => r.baseline)!.baseline!.file, fixed: reports.flatMap((r) => r.baseline?.fixed ?? []) },
    } : {}),
    pages: sortPages(reports.flatMap((r) => r.pages)),
  };
  writeSite(report, cmd.formats, cmd.out, cmd.policy);
  return siteExit(report, cmd.policy);
}

export async function main(argv: string[]): Promise<number> {
  try {
    const cmd = parse(argv);
    if (cmd === 'done') return EXIT.ok;
    if ('merge' in cmd) return merge(cmd);
    warnWithoutCjkFont();
    if (cmd.site) return await auditSite(cmd, cmd.site);
    return await audit(cmd);
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`yidu audit: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`yidu audit: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.cannot;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
