/**
 * A site run: one Chromium, an isolated browser context per page, `--concurrency` pages at a time. A page
 * that hangs, loops or crashes its renderer is closed at `--timeout` and recorded as "could not be audited"
 * with the reason; the run goes on. Finished pages go to the `--state` file as they finish.
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'puppeteer-core';
import type { AuditReport } from '../../audit/report.js';
import { CliError } from '../errors.js';
import { auditPage } from '../page-audit.js';
import { launchChromium } from '../browser.js';
import { serveFolder } from '../file-server.js';
import { contrastFailures, FIGURE_MODES, measureFigures } from './figures.js';
import { pageResult, type Figures, type PageResult } from './site-report.js';
import type { StateFile, StateLine } from './state.js';
import type { Target } from './targets.js';

export interface SiteRunOptions {
  chromium: string;
  targets: Target[];
  modes: string[];
  inject: string;
  version: string;
  /** Longest time for one page as a whole, in ms. */
  timeout: number;
  concurrency: number;
  content?: string;
  root: string;
  state?: StateFile;
  /** Called after each page (progress line). */
  onPage: (entry: StateLine, done: number) => void;
}

const ARTICLE = ['main', 'article', '[role=main]', '#zoom'];

export async function runSite(o: SiteRunOptions): Promise<StateLine[]> {
  const results = new Map<string, StateLine>();
  for (const t of o.targets) {
    const old = o.state?.done.get(t.key);
    if (old) results.set(t.key, old);
  }
  const todo = o.targets.filter((t) => !results.has(t.key));
  if (todo.length === 0) return o.targets.map((t) => results.get(t.key)!);
  let server: Server | undefined;
  let origin = '';
  if (todo.some((t) => t.local)) ({ server, origin } = await serveFolder(o.root));
  const browser = await launchChromium(o.chromium, o.timeout + 30000);
  let next = 0;
  let finished = results.size;
  const worker = async () => {
    while (next < todo.length) {
      const t = todo[next++]!;
      const entry = await auditOne(browser, t, t.local ? origin + t.url : t.url, o);
      o.state?.add(entry);
      results.set(t.key, entry);
      o.onPage(entry, ++finished);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(o.concurrency, todo.length) }, worker));
  } finally {
    server?.close();
    server?.closeAllConnections();
    const proc = browser.process();
    const timer = setTimeout(() => proc?.kill('SIGKILL'), 5000);
    await browser.close().catch(() => proc?.kill('SIGKILL'));
    clearTimeout(timer);
  }
  return o.targets.map((t) => results.get(t.key)!);
}

async function auditOne(browser: Browser, t: Target, url: string, o: SiteRunOptions): Promise<StateLine> {
  const started = Date.now();
  const figures: Record<string, Omit<Figures, 'contrastFailures'>> = {};
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let context;
  try {
    context = await browser.createBrowserContext();
    let crashed!: (e: Error) => void;
    const crash = new Promise<never>((_, reject) => (crashed = reject));
    const report: AuditReport = await Promise.race([
      auditPage(context, {
        url, modes: o.modes, inject: o.inject, version: o.version, timeout: o.timeout, screenshots: false,
        ...(o.content ? { content: o.content } : {}),
        progress: () => undefined,
        onPage: (page: Page) => page.on('error', (e) => crashed(new CliError('crashed', `the page's renderer crashed (${e.message}).`))),
        measure: async (page, mode) => {
          if (FIGURE_MODES.includes(mode)) figures[mode] = await measureFigures(page, o.content ? [o.content, ...ARTICLE] : ARTICLE);
        },
      }),
      crash,
      new Promise<never>((_, reject) => {
        watchdog = setTimeout(() => reject(new CliError('page-timeout', `the page took longer than --timeout ` +
          `(${o.timeout / 1000} s) and was closed (it hangs, loops or is very slow).`)), o.timeout);
      }),
    ]);
    const withContrast: Record<string, Figures> = {};
    for (const [mode, f] of Object.entries(figures)) {
      const m = report.modes.find((x) => x.name === mode);
      withContrast[mode] = { ...f, contrastFailures: m ? contrastFailures(m) : 0 };
    }
    return { page: pageResult(t.key, report, withContrast, Date.now() - started), yidu: report.yidu, axe: report.axe };
  } catch (e) {
    const kind = e instanceof CliError ? e.kind : 'other';
    const reason = e instanceof CliError ? e.message : `unexpected error: ${(e as Error).message?.split('\n')[0] ?? String(e)}`;
    const page: PageResult = { key: t.key, status: 'not-audited', reason, kind, ms: Date.now() - started };
    return { page, yidu: '', axe: '' };
  } finally {
    clearTimeout(watchdog);
    // Closing the context ends its renderer, also one stuck in a loop; never wait on it forever.
    if (context) await Promise.race([context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
  }
}
