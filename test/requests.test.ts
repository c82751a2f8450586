/**
 * No requests to other origins, in any mode or export: the demo report runs every feature while the test
 * server logs every request made for it (the page lives under its own `/fresh/<token>/` prefix, see
 * test/plugins/hardening.mjs) and the page records every resource it loads (PerformanceObserver). Both lists
 * must hold only the page's own files and yidu's own files, all from the page's origin. No CSP here: a
 * request to another origin would go out and be seen, not be blocked.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { closeDemos, openDemo, runA11yBar, runExports, runReadingModes, type DemoPage } from './hardening-helpers.js';

/** The page's own files, yidu's files, and the test recorder (paths after `/fresh/<token>`). */
const ALLOWED = [
  /^\/demo\/index\.html$/, /^\/demo\/site\.css$/,
  /^\/test\/fixtures\/capture\.js$/, /^\/test\/fixtures\/hardening\/(resources|fake-speech)\.js$/,
  /^\/dist\/yidu\.m?js$/, /^\/dist\/chunks\/[\w-]+\.js$/, /^\/dist\/cursors\/[\w-]+\.svg$/, /^\/dist\/fonts\/NotoSansSC-Regular\.ttf$/,
];
/** The test runner's own script, which its server adds to every HTML page it serves. */
const RUNNER = '/__web-dev-server__web-socket.js';

interface Logged { method: string; path: string; referer: string }

async function serverLog(p: DemoPage): Promise<Logged[]> {
  return (await executeServerCommand('yidu-requests', { token: p.token })) as Logged[];
}

/** Checks both lists; returns the yidu files requested (for the caller to check that the feature really loaded). */
async function onlyOwnFiles(p: DemoPage): Promise<string[]> {
  const prefix = `/fresh/${p.token}`;
  const own = (path: string) => path === RUNNER || (path.startsWith(prefix) && ALLOWED.some((re) => re.test(path.slice(prefix.length))));
  for (const url of p.resources) {
    const u = new URL(url);
    expect(u.origin, url).to.equal(p.win.location.origin);
    expect(own(u.pathname), `a file that is neither the page's nor yidu's: ${url}`).to.equal(true);
  }
  const log = await serverLog(p);
  for (const r of log) expect(own(r.path), `${r.method} ${r.path} (from ${r.referer})`).to.equal(true);
  for (const r of log) expect(r.method, r.path).to.equal('GET');
  // The two lists agree: everything the page got an answer for reached the server under this token. (A request
  // the page gave up before it went out, such as a big pointer switched from black to white at once, has an
  // entry with no answer and no bytes.)
  const seen = new Set(log.map((r) => r.path));
  const answered = (url: string) => {
    const e = p.win.performance.getEntriesByName(url)[0] as (PerformanceResourceTiming & { responseStatus?: number }) | undefined;
    return !e || e.decodedBodySize > 0 || e.transferSize > 0 || (e.responseStatus ?? 0) > 0;
  };
  for (const url of p.resources) {
    if (new URL(url).pathname !== RUNNER && answered(url)) expect(seen.has(new URL(url).pathname), url).to.equal(true);
  }
  return log.map((r) => r.path.slice(prefix.length)).filter((path) => path.startsWith('/dist/'));
}

const otherOrigin = () => `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

describe('no requests to other origins, in any mode or export', function () {
  this.timeout(120000);
  afterEach(closeDemos);

  it('reading modes, 简繁, 扫一扫 and its PNG, 打印文章, 下载Word, 下载PDF: only yidu\'s own files, same origin', async () => {
    const p = await openDemo();
    await runReadingModes(p);
    await runExports(p);
    const files = await onlyOwnFiles(p);
    for (const chunk of ['zh-', 'qr-panel-', 'print-view-', 'docx-export-', 'pdf-export-', 'fonts/']) {
      expect(files.some((f) => f.includes(chunk)), `${chunk} was loaded (and logged): ${files.join(' ')}`).to.equal(true);
    }
    expect(p.errors).to.deep.equal([]);
  });

  it('every function of the 无障碍浏览 bar and Yidu.audit(): only yidu\'s own files, same origin', async () => {
    const p = await openDemo();
    await runA11yBar(p);
    await p.win.Yidu.audit({ modes: 'all' });
    const files = await onlyOwnFiles(p);
    for (const chunk of ['start-', 'run-audit-', 'cursors/']) {
      expect(files.some((f) => f.includes(chunk)), `${chunk} was loaded (and logged): ${files.join(' ')}`).to.equal(true);
    }
    expect(p.errors).to.deep.equal([]);
  });

  it('a picture from another site in the article is never fetched again by an export, the print view or the text view', async () => {
    const p = await openDemo();
    const img = p.doc.createElement('img');
    img.alt = '外站图片';
    img.src = `${otherOrigin()}/fresh/${p.token}/test/fixtures/red-seal.png`;
    const loaded = new Promise((r) => img.addEventListener('load', r, { once: true }));
    p.doc.querySelector('#zoom > p')!.append(img);
    await loaded;
    const fromOtherOrigin = async () => (await serverLog(p)).filter((r) => r.path.endsWith('/red-seal.png'));
    expect(await fromOtherOrigin(), 'the site\'s own load of its picture').to.have.length(1);
    await runReadingModes(p);
    await runExports(p);
    await runA11yBar(p);
    expect(await fromOtherOrigin()).to.have.length(1);
    const others = p.resources.filter((u) => new URL(u).origin !== p.win.location.origin);
    expect(others, 'the page loaded the picture once').to.have.length(1);
    expect(p.errors).to.deep.equal([]);
  });
});
