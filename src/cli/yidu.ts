/**
 * The `yidu` command. `yidu audit <url-or-file>` checks a page with axe-core (WCAG 2.0–2.2 A/AA) with yidu
 * closed and in each reading mode, in the system's headless Chromium, and reports the page's own failures,
 * failures inside yidu's UI and failures a mode introduced.
 *
 * Exit codes: 0 passed, 1 failures at or above --fail-on, 2 bad arguments, 3 the page could not be audited.
 */
import { existsSync, realpathSync, statSync, writeFileSync } from 'node:fs';
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

declare const __YIDU_VERSION__: string;
const VERSION = typeof __YIDU_VERSION__ === 'string' ? __YIDU_VERSION__ : 'dev';

const FORMATS = ['table', 'json', 'junit', 'html'] as const;
type Format = (typeof FORMATS)[number];
const EXTENSIONS: Record<Format, string> = { table: '.txt', json: '.json', junit: '.xml', html: '.html' };

const USAGE = `Usage: yidu audit <url-or-file> [options]

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
  -h, --help           this help;   -v, --version   yidu's version

Exit codes: 0 passed, 1 failures at or above --fail-on, 2 bad arguments, 3 the page could not be audited.
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
}

function list(value: string | undefined, fallback: string): string[] {
  return (value ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
}

function parse(argv: string[]): AuditCommand | 'done' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        modes: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, 'fail-on': { type: 'string' },
        'fail-in': { type: 'string' }, inject: { type: 'string' }, content: { type: 'string' }, root: { type: 'string' },
        timeout: { type: 'string' }, quiet: { type: 'boolean' }, 'list-modes': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new CliError('usage', `${(e as Error).message}\nRun "yidu audit --help" for the options.`);
  }
  const { values: v, positionals } = parsed;
  if (v.version) return void process.stdout.write(`${VERSION}\n`), 'done';
  if (v.help || positionals.length === 0) return void process.stdout.write(USAGE), 'done';
  if (v['list-modes']) {
    for (const [name, m] of Object.entries(AUDIT_MODES)) process.stdout.write(`${name.padEnd(14)} ${m.description}\n`);
    return 'done';
  }
  const [command, target, ...rest] = positionals;
  if (command !== 'audit') throw new CliError('usage', `unknown command "${command}"; the command is "yidu audit <url-or-file>".`);
  if (!target) throw new CliError('usage', 'say which page to audit: yidu audit <url-or-file>.');
  if (rest.length) throw new CliError('usage', `one page per run; unexpected: ${rest.join(' ')}.`);

  let modes: string[];
  try {
    modes = resolveModes(v.modes ?? 'all');
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
  const seconds = v.timeout === undefined ? 30 : Number(v.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new CliError('usage', `--timeout takes a number of seconds, not "${v.timeout}".`);
  const inject = resolve(v.inject ?? fileURLToPath(new URL('../yidu.js', import.meta.url)));
  if (!existsSync(inject) || !statSync(inject).isFile()) {
    throw new CliError('usage', `--inject: ${inject} is not a file${v.inject ? '' : ' (build yidu first: npm run build)'}.`);
  }
  return {
    target,
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

export async function main(argv: string[]): Promise<number> {
  try {
    const cmd = parse(argv);
    if (cmd === 'done') return EXIT.ok;
    warnWithoutCjkFont();
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
