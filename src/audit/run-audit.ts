/**
 * `Yidu.audit()`: runs axe-core (WCAG 2.0–2.2 A/AA) on the page with yidu closed, then in each requested
 * mode, and sorts every failure into the page's own, yidu's UI, or introduced by the mode. A lazy chunk:
 * axe-core is downloaded only when someone audits, never for readers.
 *
 * The audit changes nothing but the modes it checks: modes are applied to this page only (never saved, so
 * the stored preference record and other tabs are untouched) and the reader's own preferences come back
 * afterwards, even when a check fails.
 */
import { keepPageAxe } from './page-axe.js'; // first: it notes the page's `window.axe` before axe-core loads
import axe from 'axe-core';
import { zhSettled } from '../zh/boot.js';
import { A11Y_PREFS, loadA11y } from '../assistive-bar/boot.js';
import { DEFAULT_PREFS } from '../core/prefs.js';
import { DEFAULT_CONTENT_SELECTORS } from '../core/content-root.js';
import type { AxeResults, NodeResult, Result } from 'axe-core';
import type { Runtime } from '../core/runtime.js';
import type { Prefs } from '../core/prefs.js';
import { AUDIT_MODES, BASELINE_MODE, resolveModes } from './modes.js';
import {
  REPORT_FORMAT, WCAG_TAGS, IMPACTS,
  type AuditNode, type AuditReport, type AuditViolation, type Impact, type ModeReport,
} from './report.js';

keepPageAxe();

export interface AuditOptions {
  /** Mode names, a comma-separated list, globs such as `contrast-*`, or `all` (the default). */
  modes?: string | readonly string[];
  /** Longest wait, in ms, for the page to settle and for each axe-core run (default 30 000). */
  timeout?: number;
  /** Called with each mode applied and settled, before it is checked (the CLI takes its screenshot). */
  beforeCheck?: (mode: { name: string; index: number; total: number }) => unknown;
  /** Called with each mode's result as soon as it is known (progress lines). */
  afterCheck?: (mode: ModeReport, index: number, total: number) => unknown;
}

export type AuditErrorCode = 'unknown-mode' | 'no-article-root' | 'never-settles' | 'timeout' | 'busy';

export class AuditError extends Error {
  constructor(readonly code: AuditErrorCode, message: string) {
    super(message);
    this.name = 'AuditError';
  }
}

const QUIET_MS = 300;
let running = false;

/** What the audit needs from the running yidu (the core's defaults it imports: lazy chunks share the entry's modules). */
export interface AuditContext {
  rt: Runtime;
  version: string;
}

export async function runAudit(ctx: AuditContext, options: AuditOptions = {}): Promise<AuditReport> {
  const { rt, version } = ctx;
  let names: string[];
  try {
    names = resolveModes(options.modes);
  } catch (e) {
    throw new AuditError('unknown-mode', (e as Error).message);
  }
  checkArticleRoot(ctx);
  if (running) throw new AuditError('busy', 'an audit is already running on this page; wait for it to finish.');
  running = true;
  const timeout = options.timeout ?? 30000;
  const own = rt.prefs.get();
  // Switching text sizes moves the page under the reader (scroll anchoring): put it back where it was.
  const scroll = { x: window.scrollX, y: window.scrollY };
  const report: AuditReport = {
    format: REPORT_FORMAT,
    yidu: version,
    axe: axe.version,
    url: location.href,
    date: new Date().toISOString(),
    tags: [...WCAG_TAGS],
    modes: [],
  };
  try {
    let baseline: Map<string, Set<unknown>> | null = null;
    for (const [index, name] of names.entries()) {
      const mode = AUDIT_MODES[name]!;
      rt.prefs.set({ ...DEFAULT_PREFS, ...mode.prefs } as Prefs, { persist: false });
      // Modes whose work is asynchronous (a chunk to load, a page converted in slices) finish first.
      await withTimeout(modeApplied(rt.prefs.get()), timeout, () =>
        new AuditError('timeout', `mode "${name}" was not applied within ${timeout / 1000} s.`));
      await settle(timeout);
      await options.beforeCheck?.({ name, index, total: names.length });
      const started = performance.now();
      const results = await withTimeout(runAxe(), timeout, () =>
        new AuditError('timeout', `axe-core did not finish checking mode "${name}" within ${timeout / 1000} s.`));
      const sorted = sort(results.violations, baseline);
      baseline ??= sorted.keys;
      const result: ModeReport = {
        name,
        description: mode.description,
        prefs: { ...mode.prefs },
        baseline: name === BASELINE_MODE,
        page: sorted.page,
        yidu: sorted.yidu,
        introduced: sorted.introduced,
        counts: { page: nodes(sorted.page), yidu: nodes(sorted.yidu), introduced: nodes(sorted.introduced) },
        ms: Math.round(performance.now() - started),
      };
      report.modes.push(result);
      await options.afterCheck?.(result, index, names.length);
    }
  } finally {
    rt.prefs.set(own, { persist: false });
    running = false;
    // Only yidu's own rendering: a page that never settles must not hold the error back another time-out.
    await rendered();
    window.scrollTo(scroll.x, scroll.y);
  }
  return report;
}

/** The reading modes act on the article: auditing them on a page without one would check nothing real. */
function checkArticleRoot({ rt }: AuditContext): void {
  const selector = rt.config.get().content;
  if (selector) {
    if (!document.querySelector(selector)) {
      throw new AuditError('no-article-root', `the content selector "${selector}" matches nothing on this page, so ` +
        'the reading modes have no article to act on. Fix data-content (or pass --content <selector>).');
    }
    return;
  }
  const articles = DEFAULT_CONTENT_SELECTORS.filter((s) => s !== 'body');
  if (!articles.some((s) => document.querySelector(s))) {
    throw new AuditError('no-article-root', `this page has no article root (none of ` +
      `${articles.join(', ')}), so the reading modes would act on the ` +
      'whole body. Say where the article is with data-content on the yidu script tag (or --content <selector>).');
  }
}

async function runAxe(): Promise<AxeResults> {
  return axe.run(document, {
    runOnly: { type: 'tag', values: [...WCAG_TAGS] },
    resultTypes: ['violations'],
    elementRef: true,
    // Frames would need their own copy of axe-core; without one axe waits for each of them.
    iframes: false,
  });
}

async function modeApplied(prefs: Readonly<Prefs>): Promise<void> {
  await zhSettled();
  if (A11Y_PREFS.some((k) => prefs[k] !== DEFAULT_PREFS[k])) await loadA11y().catch(() => undefined);
}

/** Waits for yidu's elements to render and the page's DOM to stay still for a moment. */
async function settle(timeout: number): Promise<void> {
  const start = performance.now();
  await rendered();
  let last = performance.now();
  let changes = 0;
  const observer = new MutationObserver((records) => {
    changes += records.length;
    last = performance.now();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    while (performance.now() - last < QUIET_MS) {
      if (performance.now() - start > timeout) {
        throw new AuditError('never-settles', `the page kept changing for ${timeout / 1000} s (${changes} DOM ` +
          `changes) and never settled, so its audit results would not be stable.`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    observer.disconnect();
  }
}

async function rendered(): Promise<void> {
  for (const el of yiduElements(document)) {
    await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  }
}

function yiduElements(root: Document | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.localName.startsWith('yidu-')) out.push(el);
    if (el.shadowRoot) out.push(...yiduElements(el.shadowRoot));
  }
  return out;
}

function withTimeout<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(error()), ms))),
  ]);
}

/** True for a node inside a yidu element, through any number of shadow roots. */
function inYidu(node: Node | null | undefined, target: NodeResult['target']): boolean {
  if (node) {
    for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
      if (n instanceof Element && n.localName.startsWith('yidu-')) return true;
    }
    return false;
  }
  // No element reference (should not happen with elementRef): judge by the selector path.
  return target.flat().some((s) => String(s).split(/[\s>+~]+/).some((part) => /^yidu-/.test(part)));
}

interface Sorted {
  page: AuditViolation[];
  yidu: AuditViolation[];
  introduced: AuditViolation[];
  /** rule id → the failing nodes (elements, or target strings when there is no element) outside yidu. */
  keys: Map<string, Set<unknown>>;
}

function sort(violations: Result[], baseline: Map<string, Set<unknown>> | null): Sorted {
  const out: Sorted = { page: [], yidu: [], introduced: [], keys: new Map() };
  for (const v of violations) {
    const groups = { page: [] as AuditNode[], yidu: [] as AuditNode[], introduced: [] as AuditNode[] };
    for (const n of v.nodes) {
      const el = (n as NodeResult & { element?: Element }).element;
      const node: AuditNode = {
        target: n.target as AuditNode['target'],
        selector: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' | '),
        html: n.html,
        impact: impactOf(n.impact ?? v.impact),
        summary: n.failureSummary ?? '',
      };
      if (inYidu(el, n.target)) {
        groups.yidu.push(node);
        continue;
      }
      // The same element failing the same rule: matched by the element itself, so a selector that changes
      // with a mode (attributes yidu adds) never makes an old failure look new.
      const key = el ?? JSON.stringify(n.target);
      if (!out.keys.has(v.id)) out.keys.set(v.id, new Set());
      out.keys.get(v.id)!.add(key);
      if (baseline && !baseline.get(v.id)?.has(key)) groups.introduced.push(node);
      else groups.page.push(node);
    }
    for (const category of ['page', 'yidu', 'introduced'] as const) {
      const list = groups[category];
      if (list.length === 0) continue;
      out[category].push({
        rule: v.id,
        impact: worst(list.map((n) => n.impact)),
        help: v.help,
        helpUrl: v.helpUrl,
        tags: [...v.tags],
        nodes: list,
      });
    }
  }
  return out;
}

const impactOf = (i: string | null | undefined): Impact => (IMPACTS.includes(i as Impact) ? (i as Impact) : 'minor');
const worst = (list: Impact[]): Impact => IMPACTS[Math.max(...list.map((i) => IMPACTS.indexOf(i)))]!;
const nodes = (vs: AuditViolation[]) => vs.reduce((n, v) => n + v.nodes.length, 0);
