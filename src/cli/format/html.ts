/**
 * `--format html`: one self-contained page for people: a summary, then each mode with its screenshot and
 * its failures. No script and no external resource; its own Content-Security-Policy allows only its one
 * stylesheet (by hash) and the embedded PNGs. Every string from the audited page is escaped.
 */
import { createHash } from 'node:crypto';
import type { AuditReport, AuditViolation, ModeReport } from '../../audit/report.js';
import { atOrAbove, verdict, verdictLine, type Policy } from './verdict.js';

export function escapeHtml(text: unknown): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const CSS = `
:root { color-scheme: light; font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1f1f1f; background: #fff; }
body { margin: 0; line-height: 1.5; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 0.5rem; border-top: 2px solid #5e5e5e; padding-top: 1rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 0 0 0.25rem; }
.meta { color: #474747; }
.verdict { font-weight: bold; padding: 0.5rem 0.75rem; border-left: 6px solid #1b6e20; background: #eef6ee; }
.verdict.fail { border-color: #b3261e; background: #fbeeed; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #767676; padding: 0.3rem 0.7rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #767676; }
.violation { border: 1px solid #767676; border-radius: 4px; padding: 0.75rem; margin: 0.75rem 0; }
.impact { display: inline-block; min-width: 5.5em; font-weight: bold; }
.impact-critical, .impact-serious { color: #b3261e; }
.impact-moderate, .impact-minor { color: #7a4a00; }
.fails { font-weight: bold; color: #b3261e; }
ul.nodes { padding-left: 1.2rem; }
code, pre { font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: 0.9rem; }
pre { white-space: pre-wrap; word-break: break-all; background: #f3f5f8; padding: 0.4rem; margin: 0.25rem 0; }
a { color: #0b57d0; }
a:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
`;

function violations(list: readonly AuditViolation[], counted: boolean, policy: Policy): string {
  if (list.length === 0) return '<p>None.</p>';
  return list.map((v) => {
    const fails = counted && v.nodes.some((n) => atOrAbove(n.impact, policy.failOn));
    return `<section class="violation"><h4><span class="impact impact-${escapeHtml(v.impact)}">${escapeHtml(v.impact)}</span> ` +
      `<code>${escapeHtml(v.rule)}</code>: ${escapeHtml(v.help)}</h4>` +
      `${fails ? '<p class="fails">Counts towards failing this audit.</p>' : ''}` +
      `<p><a href="${escapeHtml(v.helpUrl)}" rel="noreferrer">How to fix ${escapeHtml(v.rule)}</a> · ${escapeHtml(v.tags.join(', '))}</p>` +
      `<ul class="nodes">${v.nodes.map((n) => `<li><code>${escapeHtml(n.selector)}</code> (${escapeHtml(n.impact)})` +
        `<pre>${escapeHtml(n.html)}</pre><pre>${escapeHtml(n.summary)}</pre></li>`).join('')}</ul></section>`;
  }).join('');
}

function mode(m: ModeReport, policy: Policy): string {
  const id = `mode-${m.name.replace(/[^a-z0-9-]/gi, '_')}`;
  const prefs = Object.keys(m.prefs).length ? JSON.stringify(m.prefs) : 'no preference changed';
  let out = `<section aria-labelledby="${escapeHtml(id)}"><h2 id="${escapeHtml(id)}">${escapeHtml(m.name)}: ` +
    `${escapeHtml(m.description)}</h2><p class="meta">Preferences: <code>${escapeHtml(prefs)}</code> · axe-core ran ` +
    `${escapeHtml(m.ms)} ms</p>`;
  if (m.screenshot && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(m.screenshot)) {
    out += `<figure><img src="${m.screenshot}" alt="The top of the page in mode ${escapeHtml(m.name)}" width="1280" height="900">` +
      `<figcaption>The page in mode ${escapeHtml(m.name)} (viewport).</figcaption></figure>`;
  }
  if (m.baseline) {
    out += `<h3>The page itself (${m.counts.page})</h3>${violations(m.page, policy.failIn.includes('page'), policy)}`;
  } else {
    out += `<p>The page's own failures are the baseline's (${m.counts.page} here).</p>`;
  }
  out += `<h3>Inside yidu's UI (${m.counts.yidu})</h3>${violations(m.yidu, policy.failIn.includes('yidu'), policy)}`;
  if (!m.baseline) {
    out += `<h3>Introduced by ${escapeHtml(m.name)} (${m.counts.introduced})</h3>` +
      violations(m.introduced, policy.failIn.includes('introduced'), policy);
  }
  return out + '</section>';
}

export function formatHtml(report: AuditReport, policy: Policy): string {
  const v = verdict(report, policy);
  const hash = createHash('sha256').update(CSS).digest('base64');
  const csp = `default-src 'none'; img-src data:; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
  const rows = report.modes.map((m) => `<tr><th scope="row"><a href="#mode-${escapeHtml(m.name.replace(/[^a-z0-9-]/gi, '_'))}">` +
    `${escapeHtml(m.name)}</a></th><td>${m.counts.page}</td><td>${m.counts.yidu}</td><td>${m.baseline ? '–' : m.counts.introduced}</td></tr>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>yidu audit: ${escapeHtml(report.url)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Accessibility checks in every reading mode</h1>
<p class="meta">Page: <code>${escapeHtml(report.url)}</code><br>Checked ${escapeHtml(report.date)} with yidu ${escapeHtml(report.yidu)} and
axe-core ${escapeHtml(report.axe)}, WCAG 2.0/2.1/2.2 A and AA rules (${escapeHtml(report.tags.join(', '))}). Automated checks find only part
of the problems people meet; this report is not a statement of conformance.</p>
<p class="verdict${v.failed ? ' fail' : ''}">${escapeHtml(verdictLine(v, policy))}</p>
<table>
<caption>Failing nodes per mode</caption>
<thead><tr><th scope="col">mode</th><th scope="col">the page itself</th><th scope="col">inside yidu's UI</th><th scope="col">introduced by the mode</th></tr></thead>
<tbody>${rows}</tbody>
</table>
${report.modes.map((m) => mode(m, policy)).join('\n')}
</main>
</body>
</html>
`;
}
