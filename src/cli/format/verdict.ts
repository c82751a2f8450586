/**
 * Pass or fail: which failing nodes count towards the exit code (`--fail-on` impact and above, in the
 * `--fail-in` categories). The page's own failures are the same in every mode, so they count once (from
 * the baseline); failures in yidu's UI and those a mode introduced count in each mode they appear in.
 */
import { IMPACTS, type AuditReport, type AuditViolation, type Category, type Impact } from '../../audit/report.js';

export type FailOn = Impact | 'none';

export interface Policy {
  failOn: FailOn;
  failIn: readonly Category[];
}

export interface Verdict {
  failed: boolean;
  /** Failing nodes at or above the threshold, per category (counted as described above). */
  counts: Record<Category, number>;
  total: number;
}

export const CATEGORY_LABELS: Record<Category, string> = {
  page: 'the page itself',
  yidu: "inside yidu's UI",
  introduced: 'introduced by the mode',
};

export function atOrAbove(impact: Impact, failOn: FailOn): boolean {
  return failOn !== 'none' && IMPACTS.indexOf(impact) >= IMPACTS.indexOf(failOn);
}

/** Nodes of `violations` that meet the threshold. */
export function countFailing(violations: readonly AuditViolation[], failOn: FailOn): number {
  return violations.reduce((n, v) => n + v.nodes.filter((node) => atOrAbove(node.impact, failOn)).length, 0);
}

export function verdict(report: AuditReport, policy: Policy): Verdict {
  const counts: Record<Category, number> = { page: 0, yidu: 0, introduced: 0 };
  for (const mode of report.modes) {
    if (mode.baseline) counts.page += countFailing(mode.page, policy.failOn);
    counts.yidu += countFailing(mode.yidu, policy.failOn);
    counts.introduced += countFailing(mode.introduced, policy.failOn);
  }
  const total = policy.failIn.reduce((n, c) => n + counts[c], 0);
  return { failed: total > 0, counts, total };
}

export function verdictLine(v: Verdict, policy: Policy): string {
  if (policy.failOn === 'none') return 'report only (--fail-on none): exit 0';
  const parts = policy.failIn.map((c) => `${CATEGORY_LABELS[c]} ${v.counts[c]}`).join(', ');
  return v.failed
    ? `FAIL: ${v.total} failing node${v.total === 1 ? '' : 's'} at or above "${policy.failOn}" (${parts})`
    : `PASS: nothing at or above "${policy.failOn}" (${parts})`;
}
