/** `--format table`: a plain-text report for a terminal (the default). */
import type { AuditReport, AuditViolation } from '../../audit/report.js';
import { CATEGORY_LABELS, verdict, verdictLine, type Policy } from './verdict.js';

export function formatTable(report: AuditReport, policy: Policy): string {
  const out: string[] = [];
  out.push(`yidu audit of ${report.url}`);
  out.push(`yidu ${report.yidu} · axe-core ${report.axe} · WCAG 2.0/2.1/2.2 A+AA (${report.tags.join(', ')})`);
  out.push('');
  const width = Math.max(4, ...report.modes.map((m) => m.name.length));
  out.push(`${'mode'.padEnd(width)}  ${'page'.padStart(5)}  ${"yidu's UI".padStart(9)}  ${'introduced'.padStart(10)}`);
  for (const m of report.modes) {
    out.push(`${m.name.padEnd(width)}  ${String(m.counts.page).padStart(5)}  ${String(m.counts.yidu).padStart(9)}  ` +
      `${(m.baseline ? '-' : String(m.counts.introduced)).padStart(10)}`);
  }
  out.push('(failing nodes; "page" failures are the same in every mode and listed once, under the baseline)');
  for (const m of report.modes) {
    const sections: [string, AuditViolation[]][] = [
      ...(m.baseline ? [[CATEGORY_LABELS.page, m.page] as [string, AuditViolation[]]] : []),
      [CATEGORY_LABELS.yidu, m.yidu],
      ...(m.baseline ? [] : [[`introduced by ${m.name}`, m.introduced] as [string, AuditViolation[]]]),
    ];
    for (const [label, list] of sections) {
      if (list.length === 0) continue;
      out.push('', `${m.name}: ${label}`);
      for (const v of list) {
        out.push(`  ${v.impact.padEnd(8)} ${v.rule}: ${v.help}`);
        out.push(`           ${v.helpUrl}`);
        for (const n of v.nodes) out.push(`           - ${n.selector}`);
      }
    }
  }
  out.push('', verdictLine(verdict(report, policy), policy));
  return out.join('\n') + '\n';
}
