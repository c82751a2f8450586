/**
 * The site report: one entry per page (audited, or why it could not be), failures flattened with stable
 * fingerprints, the 适老化 figures, and a summary computed from the pages (so merged shards summarise the
 * same way as one run). `site-report.schema.json` describes the JSON.
 */
import { createHash } from 'node:crypto';
import type { AuditReport, Category, Impact } from '../../audit/report.js';
import { atOrAbove, type Policy } from '../format/verdict.js';

export const SITE_REPORT_FORMAT = 'yidu-site-audit/1';
export const SITE_REPORT_VERSION = 1;
export const FIGURES_NOTE = 'Figures measured on each page to help judge elder-friendly (适老化) reading; ' +
  'they are not a compliance verdict, and automated checks find only part of the problems people meet.';

export interface Figures {
  /** Characters of visible article text measured. */
  chars: number;
  /** Share (0–1) of those characters with a computed font size of 18 px or more. */
  text18: number;
  /** Share (0–1) of those characters whose line height is at least 1.5 times the font size. */
  lineHeight15: number;
  /** yidu's own controls (buttons, links, inputs in its elements) and how many are at least 60 × 60 px. */
  targets: { count: number; atLeast60: number };
  /** Text elements failing axe-core's color-contrast rule in this mode (outside yidu's UI). */
  contrastFailures: number;
}

export interface Failure {
  mode: string;
  category: Category;
  rule: string;
  impact: Impact;
  help: string;
  helpUrl: string;
  selector: string;
  html: string;
  /** Stable across runs: rule, normalised target, page path, category and (outside the baseline) mode. */
  fingerprint: string;
  /** Against --baseline: seen there too, or new. */
  baseline?: 'new' | 'still';
}

export interface PageResult {
  key: string;
  status: 'audited' | 'not-audited';
  /** Why the page could not be audited. */
  reason?: string;
  kind?: string;
  /** Milliseconds the page took. */
  ms: number;
  modes?: { name: string; counts: Record<Category, number> }[];
  failures?: Failure[];
  /** Per mode measured (`default` and `elder` when checked). */
  figures?: Record<string, Figures>;
}

export interface FixedFailure {
  page: string;
  mode: string;
  category: Category;
  rule: string;
  selector: string;
  fingerprint: string;
}

export interface SiteReport {
  format: typeof SITE_REPORT_FORMAT;
  version: typeof SITE_REPORT_VERSION;
  yidu: string;
  axe: string;
  date: string;
  modes: string[];
  note: string;
  shards?: { index: number; count: number }[];
  baseline?: { file: string; fixed: FixedFailure[] };
  pages: PageResult[];
}

/** Drops what changes between identical runs (nth-child positions shift when content is added above). */
export function normaliseTarget(selector: string): string {
  return selector.replace(/:nth-(child|of-type)\(\d+\)/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function pagePath(key: string): string {
  if (!/^https?:/i.test(key)) return key;
  const u = new URL(key);
  return u.pathname + u.search;
}

export function fingerprint(page: string, f: Pick<Failure, 'rule' | 'selector' | 'category' | 'mode'>): string {
  const scope = f.category === 'page' ? '' : f.mode;
  return createHash('sha256').update([f.rule, normaliseTarget(f.selector), pagePath(page), f.category, scope].join('\n'))
    .digest('hex').slice(0, 16);
}

/** A one-page audit report → the page's entry: the page's own failures once (baseline), the rest per mode. */
export function pageResult(key: string, report: AuditReport, figures: Record<string, Figures>, ms: number): PageResult {
  const failures: Failure[] = [];
  for (const m of report.modes) {
    for (const category of (m.baseline ? ['page', 'yidu'] : ['yidu', 'introduced']) as Category[]) {
      for (const v of m[category]) {
        for (const n of v.nodes) {
          const f = { mode: m.name, category, rule: v.rule, impact: n.impact, help: v.help, helpUrl: v.helpUrl, selector: n.selector, html: n.html.slice(0, 300) };
          failures.push({ ...f, fingerprint: fingerprint(key, f) });
        }
      }
    }
  }
  return { key, status: 'audited', ms, modes: report.modes.map((m) => ({ name: m.name, counts: m.counts })), failures, figures };
}

/** Marks each failure new or still there; the baseline's failures on pages of this run that are gone are fixed. */
export function applyBaseline(pages: PageResult[], baseline: SiteReport, file: string): SiteReport['baseline'] {
  const before = new Map<string, { page: string; f: Failure }>();
  for (const p of baseline.pages) for (const f of p.failures ?? []) before.set(f.fingerprint, { page: p.key, f });
  const now = new Set<string>();
  const audited = new Set<string>();
  for (const p of pages) {
    if (p.status !== 'audited') continue;
    audited.add(pagePath(p.key));
    for (const f of p.failures ?? []) {
      now.add(f.fingerprint);
      f.baseline = before.has(f.fingerprint) ? 'still' : 'new';
    }
  }
  const fixed: FixedFailure[] = [];
  for (const [fp, { page, f }] of before) {
    if (now.has(fp) || !audited.has(pagePath(page))) continue;
    fixed.push({ page, mode: f.mode, category: f.category, rule: f.rule, selector: f.selector, fingerprint: fp });
  }
  return { file, fixed };
}

export interface SitePolicy extends Policy {
  /** Only failures new against --baseline count towards the exit code. */
  onlyNew: boolean;
}

export const counts = (f: Failure, policy: SitePolicy) =>
  policy.failIn.includes(f.category) && atOrAbove(f.impact, policy.failOn) && (!policy.onlyNew || f.baseline !== 'still');

export interface SiteSummary {
  pages: number;
  audited: number;
  notAudited: number;
  failures: Record<Category, number>;
  counting: number;
  failed: boolean;
  baseline?: { new: number; still: number; fixed: number };
  worstRules: { rule: string; help: string; nodes: number; pages: number }[];
  worstPages: { key: string; nodes: number }[];
  introduced: { mode: string; rule: string; nodes: number; pages: number }[];
  figures: Record<string, { pages: number; text18: number; lineHeight15: number; targets: number; atLeast60: number; contrastFailures: number }>;
}

export function summarise(report: SiteReport, policy: SitePolicy): SiteSummary {
  const failures: Record<Category, number> = { page: 0, yidu: 0, introduced: 0 };
  const rules = new Map<string, { rule: string; help: string; nodes: number; pages: Set<string> }>();
  const introduced = new Map<string, { mode: string; rule: string; nodes: number; pages: Set<string> }>();
  const worstPages: { key: string; nodes: number }[] = [];
  const figures: SiteSummary['figures'] = {};
  let counting = 0;
  let fresh = 0;
  let still = 0;
  for (const p of report.pages) {
    for (const f of p.failures ?? []) {
      failures[f.category]++;
      if (counts(f, policy)) counting++;
      if (f.baseline === 'new') fresh++;
      if (f.baseline === 'still') still++;
      const r = rules.get(f.rule) ?? { rule: f.rule, help: f.help, nodes: 0, pages: new Set() };
      r.nodes++;
      r.pages.add(p.key);
      rules.set(f.rule, r);
      if (f.category === 'introduced') {
        const k = `${f.mode}\n${f.rule}`;
        const i = introduced.get(k) ?? { mode: f.mode, rule: f.rule, nodes: 0, pages: new Set() };
        i.nodes++;
        i.pages.add(p.key);
        introduced.set(k, i);
      }
    }
    if (p.failures?.length) worstPages.push({ key: p.key, nodes: p.failures.length });
    for (const [mode, fig] of Object.entries(p.figures ?? {})) {
      const s = (figures[mode] ??= { pages: 0, text18: 0, lineHeight15: 0, targets: 0, atLeast60: 0, contrastFailures: 0 });
      s.pages++;
      s.text18 += fig.text18;
      s.lineHeight15 += fig.lineHeight15;
      s.targets += fig.targets.count;
      s.atLeast60 += fig.targets.atLeast60;
      s.contrastFailures += fig.contrastFailures;
    }
  }
  for (const s of Object.values(figures)) {
    s.text18 = round(s.text18 / s.pages);
    s.lineHeight15 = round(s.lineHeight15 / s.pages);
  }
  const byNodes = <T extends { nodes: number }>(a: T, b: T) => b.nodes - a.nodes;
  const audited = report.pages.filter((p) => p.status === 'audited').length;
  return {
    pages: report.pages.length,
    audited,
    notAudited: report.pages.length - audited,
    failures,
    counting,
    failed: counting > 0,
    ...(report.baseline ? { baseline: { new: fresh, still, fixed: report.baseline.fixed.length } } : {}),
    worstRules: [...rules.values()].sort((a, b) => b.pages.size - a.pages.size || byNodes(a, b) || a.rule.localeCompare(b.rule))
      .slice(0, 10).map((r) => ({ rule: r.rule, help: r.help, nodes: r.nodes, pages: r.pages.size })),
    worstPages: worstPages.sort((a, b) => byNodes(a, b) || a.key.localeCompare(b.key)).slice(0, 10),
    introduced: [...introduced.values()].sort((a, b) => byNodes(a, b) || a.rule.localeCompare(b.rule))
      .map((i) => ({ mode: i.mode, rule: i.rule, nodes: i.nodes, pages: i.pages.size })),
    figures,
  };
}

export const round = (x: number) => Math.round(x * 1000) / 1000;

/** Pages in one canonical order, so a merged report equals an unsharded one. */
export function sortPages(pages: PageResult[]): PageResult[] {
  return pages.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
