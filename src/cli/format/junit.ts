/**
 * `--format junit`: JUnit XML for CI systems. One test suite per mode; in each, one test case per category
 * (the page itself in the baseline only, since its failures repeat in every mode). A test case fails when it
 * holds a node at or above `--fail-on` and its category is in `--fail-in`; everything else it holds is listed
 * in its system-out.
 */
import type { AuditReport, AuditViolation, Category } from '../../audit/report.js';
import { atOrAbove, CATEGORY_LABELS, type Policy } from './verdict.js';

// XML 1.0 allows tab, LF, CR and U+0020 and above (minus surrogates and U+FFFE/U+FFFF): drop the rest.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xml(text: string): string {
  return String(text).replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function describe(list: readonly AuditViolation[]): string {
  return list.map((v) => `${v.impact} ${v.rule}: ${v.help}\n  ${v.helpUrl}\n` +
    v.nodes.map((n) => `  - [${n.impact}] ${n.selector}\n    ${n.summary.replace(/\n/g, '\n    ')}`).join('\n')).join('\n\n');
}

export function formatJunit(report: AuditReport, policy: Policy): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const m of report.modes) {
    const cases: string[] = [];
    let suiteFailures = 0;
    const categories: Category[] = m.baseline ? ['page', 'yidu'] : ['yidu', 'introduced'];
    for (const c of categories) {
      const list = m[c];
      const counts = policy.failIn.includes(c);
      const failing = list.map((v) => ({ ...v, nodes: v.nodes.filter((n) => counts && atOrAbove(n.impact, policy.failOn)) }))
        .filter((v) => v.nodes.length > 0);
      const name = c === 'introduced' ? `introduced by ${m.name}` : CATEGORY_LABELS[c];
      let body = '';
      if (failing.length) {
        suiteFailures++;
        const n = failing.reduce((k, v) => k + v.nodes.length, 0);
        body += `<failure type="${xml(failing.map((v) => v.rule).join(' '))}" message="${xml(`${n} failing node${n === 1 ? '' : 's'}` +
          ` ${name} in mode ${m.name}`)}">${xml(describe(failing))}</failure>`;
      }
      if (list.length) body += `<system-out>${xml(describe(list))}</system-out>`;
      cases.push(`    <testcase classname="yidu.audit.${xml(m.name)}" name="${xml(name)}" time="0"${body ? `>${body}</testcase>` : '/>'}`);
    }
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${xml(`yidu audit: ${m.name}`)}" tests="${cases.length}" failures="${suiteFailures}" ` +
      `errors="0" skipped="0" time="${(m.ms / 1000).toFixed(3)}" timestamp="${xml(report.date.replace(/Z$/, ''))}">\n` +
      `    <properties>\n      <property name="url" value="${xml(report.url)}"/>\n` +
      `      <property name="mode" value="${xml(m.name)}"/>\n      <property name="prefs" value="${xml(JSON.stringify(m.prefs))}"/>\n` +
      `      <property name="yidu" value="${xml(report.yidu)}"/>\n      <property name="axe-core" value="${xml(report.axe)}"/>\n` +
      `    </properties>\n${cases.join('\n')}\n  </testsuite>`);
  }
  const time = report.modes.reduce((t, m) => t + m.ms, 0) / 1000;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="yidu audit" tests="${tests}" failures="${failures}" ` +
    `errors="0" time="${time.toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
