/**
 * A site run's report in each format: a terminal table, JSON (site-report.schema.json), JUnit XML (one test
 * suite per page) and one self-contained HTML file (site summary first, then a drill-down per page).
 */
import { createHash } from 'node:crypto';
import { CATEGORY_LABELS } from '../format/verdict.js';
import { CSS, escapeHtml } from '../format/html.js';
import { xml } from '../format/junit.js';
import { counts, FIGURES_NOTE, summarise, type SitePolicy, type SiteReport, type SiteSummary } from './site-report.js';

const pct = (x: number) => `${Math.round(x * 100)} %`;

export function siteVerdictLine(s: SiteSummary, policy: SitePolicy): string {
  const scope = `${policy.failIn.join(', ')}${policy.onlyNew ? ', new against the baseline only' : ''}`;
  const pages = `${s.audited} of ${s.pages} pages audited${s.notAudited ? `, ${s.notAudited} could not be audited` : ''}`;
  if (s.audited === 0 && s.pages > 0) return `NOT AUDITED: none of the ${s.pages} pages could be audited`;
  if (policy.failOn === 'none') return `report only (--fail-on none): ${pages}; exit 0`;
  return s.failed
    ? `FAIL: ${s.counting} failing node${s.counting === 1 ? '' : 's'} at or above "${policy.failOn}" (${scope}); ${pages}`
    : `PASS: nothing at or above "${policy.failOn}" (${scope}); ${pages}`;
}

function figureRows(s: SiteSummary): [string, string, string, string, string][] {
  return Object.entries(s.figures).map(([mode, f]) => [mode, pct(f.text18), pct(f.lineHeight15),
    `${f.atLeast60} of ${f.targets}`, String(f.contrastFailures)]);
}

export function siteTable(report: SiteReport, policy: SitePolicy): string {
  const s = summarise(report, policy);
  const out = [`yidu audit of ${s.pages} pages · yidu ${report.yidu} · axe-core ${report.axe} · modes ${report.modes.join(', ')}`, ''];
  out.push(`failing nodes: the page itself ${s.failures.page}, inside yidu's UI ${s.failures.yidu}, introduced by a mode ${s.failures.introduced}`);
  if (s.baseline) out.push(`against the baseline: ${s.baseline.new} new, ${s.baseline.still} still there, ${s.baseline.fixed} fixed`);
  if (s.worstRules.length) {
    out.push('', 'worst rules (pages, nodes):');
    for (const r of s.worstRules) out.push(`  ${String(r.pages).padStart(5)} ${String(r.nodes).padStart(6)}  ${r.rule}: ${r.help}`);
  }
  if (s.worstPages.length) {
    out.push('', 'worst pages (failing nodes):');
    for (const p of s.worstPages) out.push(`  ${String(p.nodes).padStart(6)}  ${p.key}`);
  }
  if (s.introduced.length) {
    out.push('', 'introduced by a mode (pages, nodes):');
    for (const i of s.introduced) out.push(`  ${String(i.pages).padStart(5)} ${String(i.nodes).padStart(6)}  ${i.mode}: ${i.rule}`);
  }
  const rows = figureRows(s);
  if (rows.length) {
    out.push('', '适老化 figures (average per page; figures, not a verdict):',
      `  ${'mode'.padEnd(8)} ${'text ≥ 18 px'.padStart(12)} ${'line ≥ 1.5'.padStart(10)} ${'yidu targets ≥ 60×60'.padStart(20)} ${'contrast failures'.padStart(17)}`);
    for (const [mode, a, b, c, d] of rows) out.push(`  ${mode.padEnd(8)} ${a.padStart(12)} ${b.padStart(10)} ${c.padStart(20)} ${d.padStart(17)}`);
  }
  const failed = report.pages.filter((p) => p.status !== 'audited');
  if (failed.length) {
    out.push('', 'could not be audited:');
    for (const p of failed) out.push(`  ${p.key}: ${p.reason}`);
  }
  out.push('', siteVerdictLine(s, policy));
  return out.join('\n') + '\n';
}

export function siteJson(report: SiteReport, policy: SitePolicy): string {
  return JSON.stringify({ ...report, summary: summarise(report, policy) }, null, 2) + '\n';
}

export function siteJunit(report: SiteReport, policy: SitePolicy): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const p of report.pages) {
    const cases: string[] = [];
    let suiteFailures = 0;
    if (p.status !== 'audited') {
      errors++;
      cases.push(`    <testcase classname="yidu.audit" name="audit ${xml(p.key)}" time="${(p.ms / 1000).toFixed(3)}">` +
        `<error type="${xml(p.kind ?? 'error')}" message="${xml(p.reason ?? '')}"/></testcase>`);
    } else {
      for (const m of p.modes ?? []) {
        for (const c of (m.name === 'default' ? ['page', 'yidu'] : ['yidu', 'introduced']) as (keyof typeof CATEGORY_LABELS)[]) {
          const list = (p.failures ?? []).filter((f) => f.mode === m.name && f.category === c);
          const failing = list.filter((f) => counts(f, policy));
          const name = c === 'introduced' ? `introduced by ${m.name}` : `${CATEGORY_LABELS[c]} (${m.name})`;
          const text = list.map((f) => `[${f.impact}${f.baseline ? `, ${f.baseline}` : ''}] ${f.rule}: ${f.selector}`).join('\n');
          let body = '';
          if (failing.length) {
            suiteFailures++;
            body += `<failure type="${xml([...new Set(failing.map((f) => f.rule))].join(' '))}" message="${xml(`${failing.length} failing node` +
              `${failing.length === 1 ? '' : 's'} ${name}`)}">${xml(text)}</failure>`;
          } else if (list.length) body += `<system-out>${xml(text)}</system-out>`;
          cases.push(`    <testcase classname="yidu.audit.${xml(m.name)}" name="${xml(name)}" time="0"${body ? `>${body}</testcase>` : '/>'}`);
        }
      }
    }
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${xml(p.key)}" tests="${cases.length}" failures="${suiteFailures}" errors="${p.status === 'audited' ? 0 : 1}" ` +
      `skipped="0" time="${(p.ms / 1000).toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="yidu audit" tests="${tests}" failures="${failures}" ` +
    `errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}

const SITE_CSS = `${CSS}
details { border: 1px solid #767676; margin: 0.5rem 0; padding: 0.3rem 0.7rem; }
summary { cursor: pointer; font-weight: bold; }
.new { color: #b3261e; font-weight: bold; }
`;

export function siteHtml(report: SiteReport, policy: SitePolicy): string {
  const s = summarise(report, policy);
  const hash = createHash('sha256').update(SITE_CSS).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
  const e = escapeHtml;
  const table = (caption: string, head: string[], rows: string[][]) => rows.length === 0 ? '' :
    `<table><caption>${e(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
  const anchor = (key: string) => `page-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
  const pageLink = (key: string) => `<a href="#${anchor(key)}">${e(key)}</a>`;
  const pages = report.pages.map((p) => {
    let body: string;
    if (p.status !== 'audited') body = `<p class="verdict fail">Could not be audited: ${e(p.reason)}</p>`;
    else {
      const fig = table('适老化 figures on this page', ['mode', 'text ≥ 18 px', 'line height ≥ 1.5', "yidu's targets ≥ 60 × 60", 'text contrast failures'],
        Object.entries(p.figures ?? {}).map(([m, f]) => [e(m), pct(f.text18), pct(f.lineHeight15), `${f.targets.atLeast60} of ${f.targets.count}`, String(f.contrastFailures)]));
      const list = (p.failures ?? []).map((f) => `<li>${f.baseline === 'new' ? '<span class="new">new</span> ' : ''}<strong>${e(f.rule)}</strong> ` +
        `(${e(f.impact)}, ${e(f.category === 'introduced' ? `introduced by ${f.mode}` : `${CATEGORY_LABELS[f.category]}, ${f.mode}`)}): ` +
        `${e(f.help)} <code>${e(f.selector)}</code><pre>${e(f.html)}</pre></li>`).join('');
      body = fig + (list ? `<ul>${list}</ul>` : '<p>No failures found by the automated checks.</p>');
    }
    const n = p.failures?.length ?? 0;
    return `<details id="${anchor(p.key)}"><summary>${e(p.key)}: ${p.status === 'audited' ? `${n} failing node${n === 1 ? '' : 's'}` : 'could not be audited'}</summary>${body}</details>`;
  }).join('\n');
  const baseline = s.baseline ? `<p>Against the baseline (${e(report.baseline!.file)}): ${s.baseline.new} new, ${s.baseline.still} still there, ${s.baseline.fixed} fixed.</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>yidu audit of ${s.pages} pages</title>
<style>${SITE_CSS}</style>
</head>
<body>
<main>
<h1>Accessibility checks of ${s.pages} pages in every reading mode</h1>
<p class="meta">Checked ${e(report.date)} with yidu ${e(report.yidu)} and axe-core ${e(report.axe)} (WCAG 2.0/2.1/2.2 A and AA rules), modes
${e(report.modes.join(', '))}. ${e(FIGURES_NOTE)} This report is not a statement of conformance.</p>
<p class="verdict${s.failed ? ' fail' : ''}">${e(siteVerdictLine(s, policy))}</p>
<h2>Site summary</h2>
<p>Failing nodes: the page itself ${s.failures.page}, inside yidu's UI ${s.failures.yidu}, introduced by a mode ${s.failures.introduced}.</p>
${baseline}
${table('Worst rules', ['rule', 'pages', 'nodes', 'what to fix'], s.worstRules.map((r) => [e(r.rule), String(r.pages), String(r.nodes), e(r.help)]))}
${table('Worst pages', ['page', 'failing nodes'], s.worstPages.map((p) => [pageLink(p.key), String(p.nodes)]))}
${table('Failures a mode introduced', ['mode', 'rule', 'pages', 'nodes'], s.introduced.map((i) => [e(i.mode), e(i.rule), String(i.pages), String(i.nodes)]))}
${table('适老化 figures (average per page)', ['mode', 'text ≥ 18 px', 'line height ≥ 1.5', "yidu's targets ≥ 60 × 60", 'text contrast failures'], figureRows(s).map((r) => r.map(e)))}
${s.notAudited ? `<p class="verdict fail">${s.notAudited} page${s.notAudited === 1 ? '' : 's'} could not be audited (listed below).</p>` : ''}
<h2>Pages</h2>
${pages}
</main>
</body>
</html>
`;
}
