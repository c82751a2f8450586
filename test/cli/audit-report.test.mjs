// `yidu audit` from the command line: the CI gate on the demo pages, the three categories on a deliberately
// broken page, every output format (JSON against its schema, JUnit through an XML parser, the HTML report
// in a real browser), exit codes and --fail-on / --fail-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { launch } from 'puppeteer-core';
import { ensureTools } from '../../scripts/system-tools.mjs';
import { assertValidReport, FIXTURES, ROOT, summary, tempDir, yidu } from './helpers.mjs';

const listed = await yidu(['audit', '--list-modes']);
const ALL_MODES = listed.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0]);

for (const demo of ['index.html', 'auto.html', 'en.html']) {
  test(`CI gate: demo/${demo} in every mode has no failure inside yidu's UI and none introduced by a mode`, async () => {
    const run = await yidu(['audit', `demo/${demo}`, '--modes', 'all', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assertValidReport(report);
    assert.deepEqual(report.modes.map((m) => m.name), ALL_MODES);
    for (const m of report.modes) {
      assert.deepEqual([m.name, summary(report, m.name, 'yidu')], [m.name, []]);
      assert.deepEqual([m.name, summary(report, m.name, 'introduced')], [m.name, []]);
    }
    // One progress line per mode, on stderr, while it runs.
    for (const [i, name] of ALL_MODES.entries()) assert.match(run.stderr, new RegExp(`\\[${i + 1}/${ALL_MODES.length}\\] ${name}:`));
  });
}

test('a broken page: each failure lands in its category, in every format', async (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'broken');
  const run = await yidu(['audit', `${FIXTURES}/broken.html`, '--format', 'table,json,junit,html', '--out', out]);
  assert.equal(run.code, 1, `failures at or above "minor" exit 1\n${run.stderr}`);
  assert.match(run.stderr, /FAIL: 12 failing nodes at or above "minor" \(the page itself 2, inside yidu's UI 9, introduced by the mode 1\)/);

  // JSON: valid against the schema, categories right.
  const report = JSON.parse(readFileSync(`${out}.json`, 'utf8'));
  assertValidReport(report);
  assert.deepEqual(report.modes.map((m) => m.name), ALL_MODES);
  assert.equal(report.modes[0].baseline, true);
  // The page's own failures, with yidu closed.
  assert.deepEqual(summary(report, 'default', 'page'), ['color-contrast [".faint"]', 'image-alt ["img"]']);
  assert.deepEqual(summary(report, 'default', 'yidu'), ['color-contrast [["yidu-toolbar","yidu-zh-switch","button:nth-child(1)"]]']);
  assert.deepEqual(summary(report, 'default', 'introduced'), []);
  // 文字大小 小 turns the 24px grey heading (large text: 3:1 is enough) into normal text that needs 4.5:1.
  assert.deepEqual(summary(report, 'small', 'introduced'), ['color-contrast ["h2"]']);
  assert.deepEqual(summary(report, 'small', 'page'), ['color-contrast [".faint"]', 'image-alt ["img"]']);
  assert.deepEqual(summary(report, 'large', 'introduced'), []);
  // The site's too-light accent makes yidu's pressed elder toggle fail: inside yidu's UI, a shadow-DOM target.
  assert.deepEqual(summary(report, 'elder', 'yidu'), ['color-contrast [["yidu-toolbar","yidu-elder-toggle","button"]] [["yidu-toolbar","yidu-zh-switch","button:nth-child(1)"]]']);
  assert.deepEqual(summary(report, 'elder', 'introduced'), []);
  // 长者模式 darkens the faint text: that failure is gone (not introduced, not page).
  assert.deepEqual(summary(report, 'elder', 'page'), ['image-alt ["img"]']);
  const contrast = report.modes.find((m) => m.name === 'small').introduced[0];
  assert.equal(contrast.impact, 'serious');
  assert.match(contrast.helpUrl, /^https:\/\/dequeuniversity\.com\/rules\/axe\/[\d.]+\/color-contrast/);
  assert.match(contrast.nodes[0].summary, /contrast/);
  assert.equal(report.modes.some((m) => 'screenshot' in m), false, 'JSON leaves screenshots out');

  // JUnit: well-formed XML, a suite per mode, failures where the failures are.
  const junit = readFileSync(`${out}.xml`, 'utf8');
  assert.equal(XMLValidator.validate(junit), true);
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(junit);
  const suites = xml.testsuites.testsuite;
  assert.deepEqual(suites.map((s) => s.name), ALL_MODES.map((m) => `yidu audit: ${m}`));
  const failing = suites.flatMap((s) => s.testcase.filter((c) => c.failure).map((c) => `${s.name} / ${c.name}`));
  // Exactly the categories the JSON report has failures in (checked one by one above), in the same order;
  // the page's own failures fail once, in the baseline.
  const expected = report.modes.flatMap((m) => [
    m.baseline && m.counts.page ? `yidu audit: ${m.name} / the page itself` : null,
    m.counts.yidu ? `yidu audit: ${m.name} / inside yidu's UI` : null,
    m.counts.introduced ? `yidu audit: ${m.name} / introduced by ${m.name}` : null,
  ]).filter(Boolean);
  assert.ok(expected.includes("yidu audit: elder / inside yidu's UI") && expected.includes('yidu audit: small / introduced by small'));
  assert.deepEqual(failing, expected);
  assert.equal(Number(xml.testsuites.failures), expected.length);
  assert.equal(Number(xml.testsuites.tests), suites.reduce((n, s) => n + s.testcase.length, 0));

  // Table: the categories and the verdict.
  const table = readFileSync(`${out}.txt`, 'utf8');
  assert.match(table, /small: introduced by small\n {2}serious {2}color-contrast/);
  assert.match(table, /elder: inside yidu's UI\n[^\n]+\n[^\n]+\n {11}- yidu-toolbar >>> yidu-elder-toggle >>> button/);
  assert.match(table, /^FAIL: 12 failing nodes/m);

  // HTML: self-contained, strict CSP holds (its one stylesheet by hash, PNGs as data:), everything escaped.
  await checkHtmlReport(`${out}.html`, ALL_MODES.length);
});

async function checkHtmlReport(file, modes) {
  const html = readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /<script|<link|@import|url\(|src="(?!data:image\/png;base64,)/i, 'no script and no external resource');
  const { chromium } = ensureTools();
  const browser = await launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('request', (r) => !r.url().startsWith('data:') && !r.url().startsWith('file:') && problems.push(`request ${r.url()}`));
    await page.goto(`file://${file}`);
    const facts = await page.evaluate(() => ({
      styled: getComputedStyle(document.querySelector('main')).maxWidth,
      images: [...document.images].map((i) => i.complete && i.naturalWidth),
      scripts: document.scripts.length,
      text: document.body.textContent,
      h1: document.querySelectorAll('h1').length,
    }));
    assert.deepEqual(problems, [], 'no CSP violation, no request');
    assert.equal(facts.styled, '1100px', 'the inline stylesheet is allowed by its hash');
    assert.deepEqual(facts.images, Array(modes).fill(1280), 'one screenshot per mode, decoded');
    assert.equal(facts.scripts, 0);
    assert.equal(facts.h1, 1);
    assert.match(facts.text, /data-caption="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/, 'page markup shown as text');
    // The report itself passes the same WCAG checks (axe-core added with the report's policy bypassed).
    await page.setBypassCSP(true);
    await page.goto(`file://${file}`);
    await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => (await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, []);
  } finally {
    await browser.close();
  }
}

test('exit codes follow --fail-on and --fail-in', async () => {
  const page = `${FIXTURES}/broken.html`;
  // small introduces one serious failure; the page's image-alt is critical, its contrast failure serious.
  const cases = [
    [['--fail-on', 'critical', '--fail-in', 'yidu,introduced'], 0],
    [['--fail-on', 'serious', '--fail-in', 'introduced'], 1],
    [['--fail-on', 'critical'], 1],
    [['--fail-on', 'none'], 0],
  ];
  for (const [args, code] of cases) {
    const run = await yidu(['audit', page, '--modes', 'small', '--format', 'json', '--quiet', ...args]);
    assert.equal(run.code, code, `${args.join(' ')}\n${run.stderr}`);
    assertValidReport(JSON.parse(run.stdout));
  }
});
