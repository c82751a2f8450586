// `yidu audit` on bad input: every case ends with one clear message and a non-zero exit, never a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../../scripts/static-server.mjs';
import { FIXTURES, ROOT, summary, yidu } from './helpers.mjs';

/** A server whose page waits forever for one image, and whose /gone answers 404. */
async function hangingServer() {
  const server = createServer((req, res) => {
    if (req.url === '/hang') return; // never answers
    if (req.url === '/gone') return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="zh-CN"><title>等待</title><main><h1>加载中</h1><img src="/hang" alt="图表"></main>');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

/** A local port nothing listens on (it was free a moment ago). */
async function closedPort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

test('bad arguments exit 2 at once, naming what is accepted', async () => {
  const cases = [
    [['audit', 'demo/index.html', '--modes', 'elder,sepia'], /unknown audit mode "sepia"\. Known modes: default, elder, large, small, elder-large, hant, contrast-[\w-]+(, contrast-[\w-]+)*, zoom-200, text-only \(or "all"\)/],
    [['audit', 'demo/index.html', '--format', 'pdf'], /unknown format "pdf"/],
    [['audit', 'demo/index.html', '--format', 'json,html'], /several formats need --out/],
    [['audit', 'demo/index.html', '--fail-on', 'high'], /--fail-on takes minor, moderate, serious, critical or none/],
    [['audit', 'demo/index.html', '--fail-in', 'everything'], /--fail-in takes page, yidu, introduced/],
    [['audit', 'demo/index.html', '--timeout', 'soon'], /--timeout takes a number of seconds/],
    [['audit', 'demo/index.html', '--inject', 'nowhere/yidu.js'], /--inject: .*nowhere\/yidu\.js is not a file/],
    [['audit', 'demo/index.html', '--colour'], /Unknown option '--colour'/],
    [['check', 'demo/index.html'], /unknown command "check"/],
  ];
  for (const [args, message] of cases) {
    const run = await yidu(args);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, message);
    assert.ok(run.ms < 5000, `${args.join(' ')} answered in ${run.ms} ms, before starting a browser`);
  }
});

test('pages that cannot be audited exit 3 with a clear message, within their time-outs', async () => {
  const { server, url } = await hangingServer();
  const closed = `http://127.0.0.1:${await closedPort()}/`;
  try {
    const cases = [
      [[`${url}/hang-page`, '--timeout', '2'], new RegExp(`did not finish loading within 2 s \\(still waiting for ${url}/hang\\)`), 20000],
      [[`${url}/gone`], /could not load .*\/gone: the server answered 404/, 20000],
      [[closed], new RegExp(`could not load ${closed}: net::ERR_CONNECTION_REFUSED`), 20000],
      [[`${FIXTURES}/missing.html`], /no such file: .*missing\.html/, 5000],
      [[`${FIXTURES}/restless.html`, '--timeout', '2'], /the page kept changing for 2 s \(\d+ DOM changes\) and never settled/, 25000],
      [[`${FIXTURES}/no-article.html`], /this page has no article root \(none of main, article, \[role=main\], #zoom\)/, 20000],
      [[`${FIXTURES}/no-article.html`, '--content', '#nothing'], /the content selector "#nothing" matches nothing on this page/, 20000],
      [[`${FIXTURES}/other-yidu.html`], /this page already loads yidu 0\.0\.9 \(without audit\); this is yidu [\d.]+'s audit/, 20000],
    ];
    for (const [args, message, limit] of cases) {
      const run = await yidu(['audit', ...args, '--format', 'json'], { limit: limit + 10000 });
      assert.equal(run.code, 3, `${args.join(' ')}\n${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '', 'no report');
      assert.ok(run.ms < limit, `${args.join(' ')} took ${run.ms} ms`);
    }
  } finally {
    server.close();
    server.closeAllConnections();
  }
});

test('--content names the article of a page that has no main', async () => {
  const run = await yidu(['audit', `${FIXTURES}/no-article.html`, '--content', '.content', '--modes', 'elder', '--format', 'json']);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout).modes.map((m) => m.name), ['default', 'elder']);
});

test('injects yidu into a page served with a strict CSP and Trusted Types, as a same-origin script', async () => {
  const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'";
  const { server, url } = await serve({ root: join(ROOT, FIXTURES) + '/', csp });
  try {
    const run = await yidu(['audit', `${url}/broken.html`, '--modes', 'small', '--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /bypassed/);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(summary(report, 'small', 'introduced'), ['color-contrast ["h2"]']);
  } finally {
    server.close();
  }
});

test('a policy that refuses any added script: the audit says so and bypasses it', async () => {
  const csp = "default-src 'self'; script-src 'nonce-fixed'; style-src 'self'";
  const { server, url } = await serve({ root: join(ROOT, FIXTURES) + '/', csp });
  try {
    const run = await yidu(['audit', `${url}/broken.html`, '--modes', 'small', '--format', 'json', '--timeout', '5']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /Content-Security-Policy refused the injected yidu; reloading it with the policy bypassed/);
    assert.deepEqual(summary(JSON.parse(run.stdout), 'small', 'introduced'), ['color-contrast ["h2"]']);
  } finally {
    server.close();
  }
});

test('--inject: another build of yidu is served to the page from its own folder', async () => {
  const inject = join(ROOT, 'dist/yidu.js');
  assert.ok(readFileSync(inject, 'utf8').includes('yidu.mjs'));
  const run = await yidu(['audit', `${FIXTURES}/broken.html`, '--modes', 'elder', '--inject', inject, '--format', 'json']);
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(summary(JSON.parse(run.stdout), 'elder', 'yidu'), ['color-contrast [["yidu-toolbar","yidu-elder-toggle","button"]] [["yidu-toolbar","yidu-zh-switch","button:nth-child(1)"]]']);
});

test('no browser: says what to set or install, exit 3; --help and --version answer without one', async () => {
  const run = await yidu(['audit', 'demo/index.html'], { env: { CHROME_PATH: '/nonexistent/chromium' } });
  assert.equal(run.code, 3);
  assert.match(run.stderr, /CHROME_PATH=\/nonexistent\/chromium does not exist\./);
  const help = await yidu(['audit', '--help'], { env: { CHROME_PATH: '/nonexistent/chromium' } });
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: yidu audit <url-or-file> \[options\]/);
  assert.match(help.stdout, /Exit codes: 0 passed, 1 failures at or above --fail-on, 2 bad arguments, 3 the page \(in a site run: every\n\s*page\) could not be audited/);
  assert.match(help.stdout, /--sitemap <url\|file>.*\n.*--crawl <url\|file>/s);
  const version = await yidu(['--version']);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(version.stdout, `${pkg.version}\n`);
});
