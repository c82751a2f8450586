// `yidu audit` over a whole site: every way of naming pages, resume after kill -9, shards + merge, baselines,
// pages that hang or crash, and bad input. Small generated sites under a temp dir, concurrency 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Ajv from 'ajv';
import addFormats from './ajv-formats.mjs';
import { ensureTools } from '../../scripts/system-tools.mjs';
import { CLI, ROOT, tempDir, yidu } from './helpers.mjs';
import { descendants, kind } from './process-tree.mjs';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validateSite = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'dist/site-report.schema.json'), 'utf8')));
function assertValidSiteReport(report) {
  if (!validateSite(report)) throw new Error(ajv.errorsText(validateSite.errors, { separator: '\n' }));
}

/** A small report page; `extra` goes into its article, `links` become a list of links. */
function page(title, { extra = '', links = [] } = {}) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>` +
    `<main><h1>${title}</h1><p>本县2025年政府信息公开工作年度报告正文。</p>${extra}` +
    `<ul>${links.map(([href, text]) => `<li><a href="${href}">${text}</a></li>`).join('')}</ul></main></body></html>`;
}

/** Writes files { path: text } under a new temp folder; returns it. */
function site(files) {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** `n` plain pages p1.html … pn.html. */
function pages(n, extra = {}) {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i + 1}.html`, page(`第${i + 1}页`, extra[i + 1] ?? {})]));
}

async function listPages(args) {
  const run = await yidu(['audit', ...args, '--list-pages']);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout.trim().split('\n').filter(Boolean);
}

/** Serves `dir` over http (robots.txt and all), for sitemaps and crawls by URL. */
async function httpSite(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end('not found');
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.gz') ? 'application/gzip' : 'text/plain';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

test('pages from the command line, a --urls file, sitemaps (index and gzip) and crawls', async () => {
  const dir = site({
    ...pages(4),
    'news/a.html': page('甲'), 'news/b.html': page('乙'), 'news/private/c.html': page('丙'),
    'urls.txt': '# pages to check\np1.html\n\n  p2.html\nhttps://example.org/a\n',
  });
  const sitemap = (urls) => `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
    urls.map((u) => `<url><loc>https://www.example.gov.cn${u}</loc></url>`).join('') + '</urlset>';
  writeFileSync(join(dir, 'sitemap-1.xml'), sitemap(['/p1.html', '/p2.html']));
  writeFileSync(join(dir, 'sitemap-2.xml.gz'), gzipSync(sitemap(['/news/a.html', '/p1.html'])));
  writeFileSync(join(dir, 'sitemap.xml'), `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
    `<sitemap><loc>https://www.example.gov.cn/sitemap-1.xml</loc></sitemap><sitemap><loc>https://www.example.gov.cn/sitemap-2.xml.gz</loc></sitemap></sitemapindex>`);

  assert.deepEqual(await listPages([join(dir, 'p1.html'), join(dir, 'p3.html'), '--root', dir]), ['/p1.html', '/p3.html']);
  assert.deepEqual(await listPages(['--urls', join(dir, 'urls.txt'), '--root', dir]), ['/p1.html', '/p2.html', 'https://example.org/a']);
  // Local sitemap index: its parts and their pages are read from the folder by path; duplicates once.
  assert.deepEqual(await listPages(['--sitemap', join(dir, 'sitemap.xml'), '--root', dir]), ['/p1.html', '/p2.html', '/news/a.html']);
  assert.deepEqual(await listPages(['--sitemap', join(dir, 'sitemap.xml'), '--root', dir, '--exclude', '/news/**']), ['/p1.html', '/p2.html']);

  // Over http: an index whose parts are plain and gzip sitemaps on the same server.
  const { server, origin } = await httpSite(dir);
  try {
    writeFileSync(join(dir, 'sitemap-http.xml'), readFileSync(join(dir, 'sitemap.xml'), 'utf8').replaceAll('https://www.example.gov.cn', origin));
    writeFileSync(join(dir, 'sitemap-1.xml'), sitemap(['/p1.html', '/p2.html']).replaceAll('https://www.example.gov.cn', origin));
    writeFileSync(join(dir, 'sitemap-2.xml.gz'), gzipSync(sitemap(['/news/a.html']).replaceAll('https://www.example.gov.cn', origin)));
    assert.deepEqual(await listPages(['--sitemap', `${origin}/sitemap-http.xml`]), [`${origin}/p1.html`, `${origin}/p2.html`, `${origin}/news/a.html`]);

    // A crawl: same origin only, robots.txt obeyed, never a logout link, a link inside a form, a download or nofollow.
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /news/private/\n');
    writeFileSync(join(dir, 'index.html'), page('首页', {
      links: [['p1.html', '一'], ['news/a.html', '甲'], ['news/private/c.html', '丙'], ['https://example.org/x.html', '外站'],
        ['logout.html', '退出登录'], ['p4.html" download="p4', '下载'], ['p3.html" rel="nofollow', '三'], ['p1.html#top', '一']],
      extra: '<form action="p2.html"><a href="p2.html">提交</a><button>查询</button></form>',
    }));
    writeFileSync(join(dir, 'p1.html'), page('第1页', { links: [['news/b.html', '乙'], ['/user/sign-out', '注销']] }));
    assert.deepEqual(await listPages(['--crawl', `${origin}/`]), [`${origin}/`, `${origin}/p1.html`, `${origin}/news/a.html`, `${origin}/news/b.html`]);
    assert.deepEqual(await listPages(['--crawl', `${origin}/`, '--max-pages', '2']), [`${origin}/`, `${origin}/p1.html`]);
    assert.deepEqual(await listPages(['--crawl', `${origin}/`, '--exclude', 'news/*']), [`${origin}/`, `${origin}/p1.html`]);
    assert.deepEqual(await listPages(['--crawl', `${origin}/`, '--include', '/news/**']), [`${origin}/news/a.html`, `${origin}/news/b.html`]);
    // The same crawl over a local folder (--root), robots.txt included.
    assert.deepEqual(await listPages(['--crawl', join(dir, 'index.html'), '--root', dir]), ['/index.html', '/p1.html', '/news/a.html', '/news/b.html']);
  } finally {
    server.close();
  }
});

test('bad input: one clear message and exit 2, before any browser starts', async () => {
  const dir = site({ ...pages(1), 'bad.xml': '<urlset><url><loc>https://x/</loc></url>', 'text.json': '{"a":1}' });
  const closed = await new Promise((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => r(`http://127.0.0.1:${port}`));
    });
  });
  const cases = [
    [['--sitemap', `${closed}/sitemap.xml`], /sitemap http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml is unreachable \(ECONNREFUSED\)/],
    [['--sitemap', join(dir, 'bad.xml')], /sitemap .*bad\.xml is not well-formed XML \(line \d+: /],
    [['--sitemap', join(dir, 'missing.xml')], /sitemap .*missing\.xml: no such file/],
    [[join(dir, 'p1.html'), '--root', dir, '--exclude', '**'], /no pages to audit/],
    [[join(dir, 'p1.html'), '--root', dir, '--shard', '3/2'], /--shard takes i\/n with 1 ≤ i ≤ n \(e\.g\. 1\/4\), not "3\/2"/],
    [[join(dir, 'p1.html'), '--root', dir, '--concurrency', '0'], /--concurrency takes a whole number of 1 or more, not "0"/],
    [[join(dir, 'p1.html'), '--root', dir, '--baseline', join(dir, 'text.json')], /--baseline: .*text\.json is not a yidu site report/],
    [[join(dir, 'p1.html'), '--root', dir, '--fail-only-new'], /--fail-only-new needs --baseline/],
    [['--urls', join(dir, 'none.txt')], /--urls: no such file/],
    [['--crawl', `${closed}/`], /--crawl: http:\/\/127\.0\.0\.1:\d+\/ is unreachable/],
    [['merge', join(dir, 'text.json')], /merge: .*text\.json is not a yidu site report/],
    [[join(dir, 'p1.html'), 'ftp://example.org/x', '--root', dir], /only http\(s\) URLs and local files can be audited/],
  ];
  for (const [args, message] of cases) {
    const run = await yidu(['audit', ...args]);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message, args.join(' '));
    assert.equal(run.stderr.trim().split('\n').length, 1, `one line: ${run.stderr}`);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  }
});

/** Starts the run and SIGKILLs it once its state file holds `after` finished pages. */
function killAfter(args, stateFile, after) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, detached: true, stdio: 'ignore' });
    const timer = setInterval(() => {
      const lines = existsSync(stateFile) ? readFileSync(stateFile, 'utf8').split('\n').filter(Boolean).length - 1 : 0;
      if (lines >= after) {
        clearInterval(timer);
        process.kill(-child.pid, 'SIGKILL'); // the command and its Chromium, as a power cut would
        resolve(lines);
      }
    }, 50);
    child.on('exit', () => {
      clearInterval(timer);
      reject(new Error('the run ended before it could be killed'));
    });
  });
}

const stateKeys = (file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(1).map((l) => JSON.parse(l).page.key);

test('a killed run resumes: no page lost, none audited twice; shards merged equal the whole run', async () => {
  const dir = site(pages(8, { 3: { extra: '<img src="x.png">' }, 6: { extra: '<p style="color:#aaa">浅色文字</p>' } }));
  const state = join(dir, 'state.jsonl');
  const named = ['audit', ...Object.keys(pages(8)).map((f) => join(dir, f)), '--root', dir, '--concurrency', '2', '--timeout', '60', '--quiet'];
  const killedAt = await killAfter([...named, '--state', state], state, 3);
  const before = stateKeys(state);
  // A half-written line, as a kill during a write would leave.
  writeFileSync(state, readFileSync(state, 'utf8') + '{"page":{"key":"/p');
  assert.ok(before.length >= killedAt && before.length < 8, `${before.length} pages finished before the kill`);
  const out = join(dir, 'whole.json');
  const resumed = await yidu([...named, '--state', state, '--format', 'json', '--out', out]);
  assert.equal(resumed.code, 1, resumed.stderr);
  const keys = stateKeys(state);
  assert.deepEqual(keys.slice(0, before.length), before, 'finished pages kept as they were');
  assert.equal(new Set(keys).size, 8, 'every page once in the state file');
  assert.equal(keys.length, 8, 'no page audited twice');
  const whole = JSON.parse(readFileSync(out, 'utf8'));
  assertValidSiteReport(whole);
  assert.deepEqual(whole.pages.map((p) => p.key), Array.from({ length: 8 }, (_, i) => `/p${i + 1}.html`));
  assert.ok(whole.pages.every((p) => p.status === 'audited'));
  assert.ok(whole.pages.find((p) => p.key === '/p3.html').failures.some((f) => f.rule === 'image-alt'));
  const figures = whole.pages[0].figures;
  assert.ok(figures.default && figures.elder, 'figures in default and elder mode');
  assert.ok(figures.elder.text18 > figures.default.text18, `elder mode enlarges text: ${JSON.stringify(figures)}`);
  assert.equal(whole.pages.find((p) => p.key === '/p6.html').figures.default.contrastFailures, 1);

  // The same pages in two shards, on "two machines", then merged.
  const shards = [];
  for (const i of [1, 2]) {
    const file = join(dir, `shard-${i}.json`);
    const run = await yidu([...named, '--shard', `${i}/2`, '--format', 'json', '--out', file]);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    shards.push(file);
  }
  const parts = shards.map((f) => JSON.parse(readFileSync(f, 'utf8')).pages.map((p) => p.key));
  assert.ok(parts[0].length > 0 && parts[1].length > 0 && parts[0].every((k) => !parts[1].includes(k)), JSON.stringify(parts));
  const merged = await yidu(['audit', 'merge', ...shards, '--format', 'json']);
  assert.equal(merged.code, whole.summary.failed ? 1 : 0, merged.stderr);
  const m = JSON.parse(merged.stdout);
  assertValidSiteReport(m);
  const comparable = (r) => ({ pages: r.pages.map(({ ms: _, ...p }) => p), summary: r.summary, modes: r.modes });
  assert.deepEqual(comparable(m), comparable(whole));
  assert.deepEqual(m.shards, [{ index: 1, count: 2 }, { index: 2, count: 2 }]);
  const again = await yidu(['audit', 'merge', shards[0], shards[0]]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /merge: page \/p\d\.html is in both/);
});

test('--baseline marks failures new, still there or fixed; --fail-only-new gates on new ones only', async () => {
  const dir = site({ 'a.html': page('甲', { extra: '<img src="a.png"><p style="color:#aaa">浅色</p>' }), 'b.html': page('乙') });
  const run = (extra) => yidu(['audit', join(dir, 'a.html'), join(dir, 'b.html'), '--root', dir, '--concurrency', '2', '--modes', 'default', ...extra]);
  const first = join(dir, 'first.json');
  assert.equal((await run(['--format', 'json', '--out', first])).code, 1);
  // The image gets its text; a paragraph is added above (positions shift); a new problem on b.
  writeFileSync(join(dir, 'a.html'), page('甲', { extra: '<p>新增段落</p><img src="a.png" alt="图表"><p style="color:#aaa">浅色</p>' }));
  writeFileSync(join(dir, 'b.html'), page('乙', { extra: '<input type="text">' }));
  const second = await run(['--baseline', first, '--format', 'json']);
  assert.equal(second.code, 1, second.stderr);
  const report = JSON.parse(second.stdout);
  assertValidSiteReport(report);
  const states = report.pages.flatMap((p) => p.failures.map((f) => `${p.key} ${f.rule} ${f.baseline}`)).sort();
  assert.deepEqual(states, ['/a.html color-contrast still', '/b.html label new']);
  assert.deepEqual(report.baseline.fixed.map((f) => `${f.page} ${f.rule}`), ['/a.html image-alt']);
  assert.deepEqual(report.summary.baseline, { new: 1, still: 1, fixed: 1 });
  // Only new failures fail the run: with b fixed again, the old contrast failure alone passes.
  writeFileSync(join(dir, 'b.html'), page('乙'));
  const third = await run(['--baseline', first, '--fail-only-new']);
  assert.equal(third.code, 0, third.stdout);
  assert.match(third.stdout, /against the baseline: 0 new, 1 still there, 1 fixed/);
  assert.match(third.stdout, /PASS: nothing at or above "minor" \(page, yidu, introduced, new against the baseline only\)/);
  assert.equal((await run(['--baseline', first])).code, 1, 'without --fail-only-new the old failure still fails');
});

test('a page that hangs and a page that crashes its renderer are recorded; the run goes on', async () => {
  const { chromium } = ensureTools();
  const dir = site({
    ...pages(2),
    'loop.html': page('循环', { extra: '<script>setTimeout(() => { for (;;) {} }, 200);</script>' }),
    'crash.html': page('崩溃', { extra: '<script>const keep = []; setTimeout(() => { for (let i = 0; ; i++) keep.push(new Array(4e6).fill(i)); }, 200);</script>' }),
  });
  // A small JavaScript heap makes the crashing page run out of memory quickly (as a runaway page would).
  const wrapper = join(dir, 'chromium.sh');
  writeFileSync(wrapper, `#!/bin/sh\nexec "${chromium}" --js-flags=--max-old-space-size=128 "$@"\n`);
  chmodSync(wrapper, 0o755);
  const files = ['p1.html', 'loop.html', 'crash.html', 'p2.html'].map((f) => join(dir, f));
  const run = await yidu(['audit', ...files, '--root', dir, '--concurrency', '2', '--timeout', '25', '--format', 'json'],
    { env: { CHROME_PATH: wrapper } });
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  const byKey = Object.fromEntries(report.pages.map((p) => [p.key, p]));
  assert.equal(byKey['/p1.html'].status, 'audited');
  assert.equal(byKey['/p2.html'].status, 'audited');
  assert.equal(byKey['/loop.html'].status, 'not-audited');
  assert.match(byKey['/loop.html'].reason, /longer than --timeout \(25 s\)|did not/);
  assert.equal(byKey['/crash.html'].status, 'not-audited');
  assert.equal(byKey['/crash.html'].kind, 'crashed');
  assert.match(byKey['/crash.html'].reason, /renderer crashed/);
  assert.deepEqual(report.summary.notAudited, 2);
});

test('a site run gives each page one renderer process and Chromium no address-bar or network-service process', async () => {
  const dir = site(pages(4));
  const child = spawn(process.execPath, [CLI, 'audit', ...Object.keys(pages(4)).map((f) => join(dir, f)), '--root', dir,
    '--concurrency', '2', '--quiet'], { cwd: ROOT, stdio: 'ignore' });
  const seen = new Set();
  let renderers = 0;
  const timer = setInterval(() => {
    const kinds = descendants(child.pid).map(kind);
    kinds.forEach((k) => seen.add(k));
    renderers = Math.max(renderers, kinds.filter((k) => k.startsWith('renderer')).length);
  }, 100);
  const code = await new Promise((r) => child.on('exit', r));
  clearInterval(timer);
  assert.equal(code, 0);
  assert.ok(seen.has('renderer'), `pages ran in renderers: ${[...seen]}`);
  // Headless Chromium preloads its address bar's popup in a renderer of its own for each browser context:
  // one per page in a site run, as much CPU time as a third of the page's audit.
  assert.ok(!seen.has('renderer:top-chrome'), `no renderer for Chromium's own UI: ${[...seen]}`);
  assert.ok(!seen.has('utility:NetworkService'), `the network service runs in the browser process: ${[...seen]}`);
  assert.ok(renderers <= 3, `at most one renderer per page at a time (and one closing): ${renderers}`);
});

test('CHROME_PATH naming chrome-headless-shell starts it in its own headless mode', async () => {
  const { chromium } = ensureTools();
  const dir = site(pages(2));
  // Stands in for the Debian package's program of that name, and notes how it was started.
  const shell = join(dir, 'chromium-headless-shell');
  writeFileSync(shell, `#!/bin/sh\necho "$@" >> "${join(dir, 'args.txt')}"\nexec "${chromium}" "$@"\n`);
  chmodSync(shell, 0o755);
  const run = await yidu(['audit', join(dir, 'p1.html'), join(dir, 'p2.html'), '--root', dir, '--quiet'], { env: { CHROME_PATH: shell } });
  assert.equal(run.code, 0, run.stderr);
  const args = readFileSync(join(dir, 'args.txt'), 'utf8').split(/\s+/);
  assert.ok(args.includes('--headless') && !args.includes('--headless=new'), args.filter((a) => a.startsWith('--headless')).join(' '));
});

test('site reports as JUnit and as one self-contained HTML file, summary first', async () => {
  const dir = site(pages(2, { 2: { extra: '<img src="x.png">' } }));
  const out = join(dir, 'report');
  const run = await yidu(['audit', join(dir, 'p1.html'), join(dir, 'p2.html'), '--root', dir, '--format', 'junit,html,table', '--out', out]);
  assert.equal(run.code, 1);
  const html = readFileSync(`${out}.html`, 'utf8');
  assert.doesNotMatch(html, /<script|<link|@import|url\(|<[^>]*\ssrc=/i, 'no script and no external resource');
  assert.ok(html.indexOf('Site summary') < html.indexOf('<h2>Pages</h2>'), 'summary before the pages');
  assert.match(html, /Worst rules.*image-alt/s);
  assert.match(html, /适老化 figures/);
  assert.match(html, /not a compliance verdict/);
  const junit = readFileSync(`${out}.xml`, 'utf8');
  assert.match(junit, /<testsuite name="\/p2\.html" tests="\d+" failures="1"/);
  assert.match(readFileSync(`${out}.txt`, 'utf8'), /worst pages \(failing nodes\):\n\s+1\s+\/p2\.html/);
});
