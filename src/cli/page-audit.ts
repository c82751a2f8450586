/**
 * Loads the page in headless Chromium, makes sure one yidu runs in it (the page's own copy, or the injected
 * one), and calls `Yidu.audit()` there: the report is built by the same code a QA person runs in the console.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { Browser, BrowserContext, HTTPRequest, Page } from 'puppeteer-core';
import type { AuditReport, ModeReport } from '../audit/report.js';
import { REPORT_FORMAT } from '../audit/report.js';
import { CliError } from './errors.js';
import { contentType } from './file-server.js';
import type {} from '../yidu.js'; // window.Yidu's type

/** Same-origin path the injected yidu is served under (answered by request interception, never the site). */
const INJECT_PATH = '/__yidu-audit__/';
const VIEWPORT = { width: 1280, height: 900 };

export interface PageAuditOptions {
  url: string;
  modes: string[];
  /** The yidu.js to inject when the page has none. */
  inject: string;
  /** True when the user named it (--inject): say so when the page's own copy is used instead. */
  injectGiven?: boolean;
  /** yidu version of this command (the page's own copy must match). */
  version: string;
  timeout: number;
  content?: string;
  screenshots: boolean;
  progress: (line: string) => void;
  /** Called with the page as soon as it exists (a site run watches it for a renderer crash). */
  onPage?: (page: Page) => void;
  /** Called with each mode applied and settled, before axe-core checks it (a site run measures figures). */
  measure?: (page: Page, mode: string) => Promise<void>;
}

/** Audits one page in a new tab of `browser`, or of an isolated context of it (a site run). */
export async function auditPage(browser: Browser | BrowserContext, o: PageAuditOptions): Promise<AuditReport> {
  const page = await browser.newPage();
  o.onPage?.(page);
  await page.setViewport(VIEWPORT);
  const pending = new Set<HTTPRequest>();
  page.on('request', (r) => pending.add(r));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));

  await load(page, o, pending);
  let found = await findYidu(page, o.timeout);
  if (found) {
    if (found.version !== o.version || !found.audit) {
      throw new CliError('other-yidu', `this page already loads yidu ${found.version}${found.audit ? '' : ' (without audit)'}; ` +
        `this is yidu ${o.version}'s audit, and two copies of yidu never run on one page. Audit it with the matching ` +
        `version (npx yidu@${found.version} audit …), or update the page's copy.`);
    }
    if (o.injectGiven) o.progress(`the page loads yidu ${found.version} itself; --inject is not used`);
    if (o.content) await page.evaluate((content) => window.Yidu!.configure({ content }), o.content);
  } else {
    found = await inject(page, o, pending);
  }

  const screenshots = new Map<string, string>();
  const hook = `__yiduAudit${Math.random().toString(36).slice(2)}`;
  await page.exposeFunction(hook, async (phase: string, data: { name: string; index: number; total: number; counts?: ModeReport['counts']; ms?: number }) => {
    if (phase === 'before' && o.screenshots) {
      screenshots.set(data.name, `data:image/png;base64,${await page.screenshot({ encoding: 'base64', type: 'png' })}`);
    }
    if (phase === 'before') await o.measure?.(page, data.name);
    if (phase === 'after' && data.counts) {
      const c = data.counts;
      o.progress(`[${data.index + 1}/${data.total}] ${data.name}: page ${c.page}, yidu's UI ${c.yidu}` +
        `${data.index === 0 ? '' : `, introduced ${c.introduced}`} (${data.ms} ms)`);
    }
  });

  const outcome = await page.evaluate(async (hook, modes, timeout) => {
    const call = (window as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[hook]!;
    try {
      const report = await window.Yidu!.audit({
        modes,
        timeout,
        beforeCheck: (m) => call('before', m),
        afterCheck: (r, index, total) => call('after', { name: r.name, index, total, counts: r.counts, ms: r.ms }),
      });
      return { report };
    } catch (e) {
      return { error: { code: String((e as { code?: string }).code ?? ''), message: String((e as Error).message ?? e) } };
    }
  }, hook, o.modes, o.timeout);

  if ('error' in outcome && outcome.error) {
    const { code, message } = outcome.error;
    const kind = code === 'unknown-mode' ? 'usage' : code === 'no-article-root' ? 'no-article-root'
      : code === 'never-settles' ? 'never-settles' : code === 'timeout' ? 'timeout' : 'no-yidu';
    throw new CliError(kind, message);
  }
  const report = (outcome as { report: AuditReport }).report;
  if (report.format !== REPORT_FORMAT) {
    throw new CliError('other-yidu', `the page's yidu answered with report format ${report.format}; expected ${REPORT_FORMAT}.`);
  }
  for (const m of report.modes) {
    const shot = screenshots.get(m.name);
    if (shot) m.screenshot = shot;
  }
  return report;
}

async function load(page: Page, o: PageAuditOptions, pending: Set<HTTPRequest>): Promise<void> {
  let response;
  try {
    response = await page.goto(o.url, { waitUntil: 'load', timeout: o.timeout });
  } catch (e) {
    const message = (e as Error).message;
    if ((e as Error).name === 'TimeoutError' || /timeout/i.test(message)) {
      const waiting = [...pending].map((r) => r.url()).slice(0, 5);
      throw new CliError('never-settles', `the page did not finish loading within ${o.timeout / 1000} s` +
        `${waiting.length ? ` (still waiting for ${waiting.join(', ')})` : ''}. Raise --timeout if it is just slow.`);
    }
    throw new CliError('unreachable', `could not load ${o.url}: ${message.split('\n')[0]!.replace(/ at \S+$/, '')}`);
  }
  if (response && response.status() >= 400) {
    throw new CliError('unreachable', `could not load ${o.url}: the server answered ${response.status()} ${response.statusText()}`.trim());
  }
}

interface FoundYidu {
  version: string;
  audit: boolean;
}

/** The page's own yidu, if any: present now, or on its way (its loader ran, or the network is still busy). */
async function findYidu(page: Page, timeout: number): Promise<FoundYidu | null> {
  const state = () => page.evaluate(() => {
    const api = window.Yidu as { version?: unknown; audit?: unknown } | undefined;
    if (api) return { version: String(api.version), audit: typeof api.audit === 'function' };
    return (window as unknown as Record<symbol, unknown>)[Symbol.for('yidu.script')] ? 'loading' : null;
  });
  let now = await state();
  if (now === null) {
    // A script that adds yidu late: give the network a moment to go quiet.
    await page.waitForNetworkIdle({ idleTime: 500, timeout: Math.min(timeout, 5000) }).catch(() => undefined);
    now = await state();
  }
  if (now === 'loading') {
    await page.waitForFunction(() => window.Yidu, { timeout }).catch(() => {
      throw new CliError('no-yidu', `the page's own yidu started but did not finish loading within ${timeout / 1000} s.`);
    });
    now = await state();
  }
  if (!now || typeof now === 'string') return null;
  await waitReady(page, timeout, 'the page\'s yidu');
  return now;
}

async function waitReady(page: Page, timeout: number, what: string): Promise<void> {
  await page.waitForFunction(() => window.Yidu?.ready.then(() => true), { timeout }).catch(() => {
    throw new CliError('never-settles', `${what} did not get ready within ${timeout / 1000} s.`);
  });
}

/**
 * Adds yidu to the page as a site would: a <script src> on the page's own origin (so `script-src 'self'`
 * allows it), answered from the injected copy's folder. A policy that still refuses it (nonces only, Trusted
 * Types policies) makes the audit reload the page with its Content-Security-Policy bypassed, and say so.
 */
async function inject(page: Page, o: PageAuditOptions, pending: Set<HTTPRequest>): Promise<FoundYidu> {
  const folder = dirname(o.inject);
  const entry = o.inject.slice(folder.length + 1);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    let path: string;
    try {
      path = new URL(request.url()).pathname;
    } catch {
      return void request.continue();
    }
    if (!path.startsWith(INJECT_PATH)) return void request.continue();
    const file = normalize(join(folder, decodeURIComponent(path.slice(INJECT_PATH.length))));
    try {
      if (!(file + sep).startsWith(folder + sep) || !statSync(file).isFile()) throw new Error('outside');
      void request.respond({ status: 200, contentType: contentType(file), body: readFileSync(file), headers: { 'cache-control': 'no-store' } });
    } catch {
      void request.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
    }
  });
  const add = () => page.evaluate((src, content) => {
    const s = document.createElement('script');
    let url: unknown = src;
    const tt = (window as unknown as { trustedTypes?: { createPolicy(n: string, p: object): { createScriptURL(u: string): unknown } } }).trustedTypes;
    if (tt) {
      try {
        url = tt.createPolicy('yidu-audit', { createScriptURL: (u: string) => u }).createScriptURL(src);
      } catch {
        /* the page's policy allows no new policy: the fallback below takes over */
      }
    }
    if (content) s.setAttribute('data-content', content);
    try {
      (s as unknown as { src: unknown }).src = url;
      document.head.append(s);
      return true;
    } catch {
      return false;
    }
  }, `${INJECT_PATH}${entry}`, o.content ?? '');
  const started = async (ms: number) => {
    if (!(await add())) return false;
    return page.waitForFunction(() => window.Yidu, { timeout: ms }).then(() => true, () => false);
  };
  if (!(await started(Math.min(o.timeout, 10000)))) {
    o.progress('the page\'s Content-Security-Policy refused the injected yidu; reloading it with the policy bypassed');
    await page.setBypassCSP(true);
    await load(page, o, pending);
    if (!(await started(o.timeout))) {
      throw new CliError('no-yidu', `could not start the injected yidu (${o.inject}) in the page within ${o.timeout / 1000} s.`);
    }
  }
  await waitReady(page, o.timeout, 'the injected yidu');
  const api = await page.evaluate(() => ({ version: String(window.Yidu!.version), audit: typeof window.Yidu!.audit === 'function' }));
  if (!api.audit) throw new CliError('no-yidu', `the injected yidu (${o.inject}, version ${api.version}) has no audit().`);
  return api;
}
