/**
 * The shape of an audit report: what `Yidu.audit()` returns in the page and what `yidu audit --format json`
 * writes (the CLI adds nothing but optional screenshots). `audit-report.schema.json` describes the same shape.
 */
export const REPORT_FORMAT = 'yidu-audit/1';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the axe-core rule tags an audit runs, and only those. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;

export const IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const;
export type Impact = (typeof IMPACTS)[number];

/** Where a violation belongs: the site's page, yidu's own UI, or new in a mode (not in the baseline). */
export const CATEGORIES = ['page', 'yidu', 'introduced'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface AuditNode {
  /** axe-core's target: one selector per document level; a shadow-DOM target is an array (host, …, node). */
  target: (string | string[])[];
  /** The same as one readable string; shadow boundaries written as ` >>> `. */
  selector: string;
  /** The start of the element's markup, as axe-core reports it. */
  html: string;
  impact: Impact;
  /** axe-core's explanation of what to fix. */
  summary: string;
}

export interface AuditViolation {
  /** axe-core rule id, e.g. `color-contrast`. */
  rule: string;
  impact: Impact;
  help: string;
  helpUrl: string;
  tags: string[];
  nodes: AuditNode[];
}

export interface ModeReport {
  name: string;
  description: string;
  /** The preferences this mode set, on top of the defaults. */
  prefs: Record<string, unknown>;
  /** True for the baseline run (`default`). */
  baseline: boolean;
  /** Violations outside yidu's UI that the baseline has too. */
  page: AuditViolation[];
  /** Violations on nodes inside yidu's elements (their shadow roots included). */
  yidu: AuditViolation[];
  /** Violations outside yidu's UI that are not in the baseline (rule + node): this mode introduced them. */
  introduced: AuditViolation[];
  /** Number of failing nodes per category. */
  counts: Record<Category, number>;
  /** Milliseconds axe-core took. */
  ms: number;
  /** A PNG of the viewport in this mode, as a data: URL (CLI only, for the HTML report). */
  screenshot?: string;
}

export interface AuditReport {
  format: typeof REPORT_FORMAT;
  /** yidu's version in the page. */
  yidu: string;
  /** axe-core's version. */
  axe: string;
  url: string;
  /** ISO 8601 time the audit started. */
  date: string;
  tags: string[];
  /** The baseline first, then each requested mode. */
  modes: ModeReport[];
}
