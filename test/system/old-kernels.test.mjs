// Old Chromium kernels (docs/browsers.md): the demo page in real Chromium 83, 88, 90, 92 and 108 builds from the
// registry (scripts/old-chromium.mjs). Every core function is used through its real control and its effect
// checked — 文字大小, 长者模式, 简繁, 打印文章, 扫一扫, 智能问答, 下载Word/PDF — and from 88 on the 无障碍浏览 bar; nothing
// may throw or log an error. Below what is supported the page stays exactly as without yidu, with one warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';
import { OLD_KERNELS, OLD_KERNEL_ARGS, oldChromium } from '../../scripts/old-chromium.mjs';

let server;
let url;
before(async () => {
  ({ server, url } = await serve());
});
after(() => server?.close());

/** Counts print() calls and whether the print view was in the page at that moment (headless has no dialog). */
const STUB_PRINT = () => {
  const calls = [];
  Object.defineProperty(window, '__prints', { value: calls });
  window.print = () => {
    calls.push(Boolean(document.querySelector('[data-yidu-print-view]')));
    setTimeout(() => dispatchEvent(new Event('afterprint')), 50);
  };
};

/**
 * Records each file the page hands to the browser to save (an <a download> clicked with a blob: address) with
 * its name and first bytes (the page's CSP allows no fetch of blob: addresses), then lets the click go on. (Playwright reports downloads only from newer kernels.)
 */
const WATCH_DOWNLOADS = () => {
  const files = [];
  Object.defineProperty(window, '__downloads', { value: files });
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    const address = createObjectURL(blob);
    blobs.set(address, blob);
    return address;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download && blobs.has(this.href)) {
      const name = this.download;
      blobs.get(this.href).arrayBuffer().then((b) => {
        files.push({ name, size: b.byteLength, head: String.fromCharCode(...new Uint8Array(b.slice(0, 4))) });
      });
    }
    return click.call(this);
  };
};

/** Launches one kernel; returns { browser, page, problems } with every uncaught error and console error or warning. */
async function open(alias, path = '/demo/index.html', { before: setup, route } = {}) {
  const browser = await chromium.launch({ executablePath: oldChromium(alias), args: OLD_KERNEL_ARGS, headless: true });
  const page = await browser.newPage();
  const problems = { errors: [], warnings: [] };
  page.on('pageerror', (e) => problems.errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(`console.error: ${m.text()}`);
    if (m.type() === 'warning') problems.warnings.push(m.text());
  });
  await page.addInitScript(STUB_PRINT);
  await page.addInitScript(WATCH_DOWNLOADS);
  if (setup) await page.addInitScript(setup);
  if (route) await route(page);
  await page.goto(`${url}${path}`);
  return { browser, page, problems };
}

/**
 * Clicks a button inside one of yidu's elements, found by its text or a selector inside the shadow root, with
 * the mouse at its centre (Playwright's own element checks need Chromium 105+).
 */
async function press(page, tag, which) {
  const at = await page.waitForFunction(([t, w]) => {
    for (const host of document.querySelectorAll(t)) {
      const buttons = [...(host.shadowRoot?.querySelectorAll('button') ?? [])];
      const b = /^[[a-z]/.test(w) ? host.shadowRoot?.querySelector(w) : buttons.find((x) => x.textContent.trim() === w);
      if (!b || b.getBoundingClientRect().width === 0) continue;
      b.scrollIntoView({ block: 'center' });
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, [tag, which], { timeout: 20000 });
  const { x, y } = await at.jsonValue();
  await page.mouse.click(x, y);
}

const paragraphSize = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#main h3 + p')).fontSize));
const mainText = (page) => page.evaluate(() => document.querySelector('#main').textContent);

/** The core functions, each through its control, in one kernel. */
async function coreFunctions(page) {
  await page.waitForFunction(() => document.querySelector('yidu-font-size')?.shadowRoot?.querySelector('button'));

  // 文字大小: 大 makes the article's text larger, 中 puts it back.
  const medium = await paragraphSize(page);
  await press(page, 'yidu-font-size', '大');
  await page.waitForFunction((m) => parseFloat(getComputedStyle(document.querySelector('#main h3 + p')).fontSize) > m, medium);
  await press(page, 'yidu-font-size', '中');
  await page.waitForFunction((m) => parseFloat(getComputedStyle(document.querySelector('#main h3 + p')).fontSize) === m, medium);

  // 长者模式: ≥ 18 px text, then off again.
  await press(page, 'yidu-elder-toggle', '长者模式');
  await page.waitForFunction(() => parseFloat(getComputedStyle(document.querySelector('#main h3 + p')).fontSize) >= 18);
  await press(page, 'yidu-elder-toggle', '长者模式');
  await page.waitForFunction((m) => parseFloat(getComputedStyle(document.querySelector('#main h3 + p')).fontSize) === m, medium);

  // 简繁: the article in Traditional characters, then exactly back.
  const simplified = await mainText(page);
  assert.ok(simplified.includes('青禾县') && !simplified.includes('青禾縣'));
  await press(page, 'yidu-zh-switch', 'button:nth-of-type(2)'); // 繁体
  await page.waitForFunction(() => document.querySelector('#main').textContent.includes('青禾縣'), null, { timeout: 30000 });
  await press(page, 'yidu-zh-switch', 'button:nth-of-type(1)'); // 简体 (labelled 簡體 by now)
  await page.waitForFunction((s) => document.querySelector('#main').textContent === s, simplified, { timeout: 30000 });

  // 打印文章: print() is called with the print view in the page, which is gone afterwards.
  await press(page, 'yidu-print', '打印文章');
  await page.waitForFunction(() => window.__prints.length === 1, null, { timeout: 30000 });
  assert.deepEqual(await page.evaluate(() => window.__prints), [true]);
  await page.waitForFunction(() => !document.querySelector('[data-yidu-print-view]'));

  // 扫一扫: a QR code of this page's address (an SVG with modules) and the address as text.
  await press(page, 'yidu-qr', '扫一扫在手机打开当前页');
  const qr = await page.waitForFunction(() => {
    const root = document.querySelector('yidu-qr').shadowRoot;
    const svg = root.querySelector('svg[part=code]');
    const path = svg?.querySelector('path')?.getAttribute('d') ?? '';
    return svg && svg.getBoundingClientRect().width >= 150 && path.length > 100 && { url: root.querySelector('[part=url]')?.textContent };
  }, null, { timeout: 30000 });
  assert.equal((await qr.jsonValue()).url, page.url());
  await page.keyboard.press('Escape');

  // 智能问答: a question typed into its panel is answered with the table cell, quoted.
  await press(page, 'yidu-qa', '智能问答');
  await page.waitForFunction(() => document.querySelector('yidu-qa').shadowRoot.activeElement?.id === 'q', null, { timeout: 30000 });
  await page.keyboard.type('今年收到多少申请？');
  await page.keyboard.press('Enter');
  const answer = await page.waitForFunction(() => document.querySelector('yidu-qa').shadowRoot.querySelector('[part=answer]')?.textContent, null, { timeout: 30000 });
  assert.match(await answer.jsonValue(), /总计：71$/);
  await page.keyboard.press('Escape');

  // 下载Word / 下载PDF: real files handed to the browser to save.
  for (const [label, magic, ext] of [['下载Word', 'PK', '.docx'], ['下载PDF', '%PDF', '.pdf']]) {
    const count = await page.evaluate(() => window.__downloads.length);
    await press(page, 'yidu-download', label);
    const file = await (await page.waitForFunction((n) => window.__downloads[n], count, { timeout: 90000 })).jsonValue();
    assert.ok(file.name.endsWith(ext), file.name);
    assert.equal(file.head.slice(0, magic.length), magic);
    assert.ok(file.size > 2000, `${label}: ${file.size} bytes`);
  }
}

/** The 无障碍浏览 bar: open, zoom, caption, a colour scheme, the text-only view, and out again. */
async function assistiveBar(page) {
  await press(page, 'yidu-a11y-toggle', '无障碍浏览');
  await press(page, 'yidu-a11y-bar', '[data-item=zoomIn]');
  await page.waitForFunction(() => document.querySelector('yidu-a11y-bar').shadowRoot
    .querySelector('[data-item=zoomOut]').getAttribute('aria-disabled') === 'false');
  await press(page, 'yidu-a11y-bar', '[data-item=colors]');
  const before = await page.evaluate(() => getComputedStyle(document.querySelector('#main h3 + p')).color);
  await press(page, 'yidu-a11y-bar', '[data-choice=white-on-black]');
  await page.waitForFunction((b) => getComputedStyle(document.querySelector('#main h3 + p')).color !== b, before);
  await press(page, 'yidu-a11y-bar', '[data-item=caption]');
  await page.waitForFunction(() => document.querySelector('yidu-a11y-bar').shadowRoot
    .querySelector('[data-item=caption]').getAttribute('aria-pressed') === 'true');
  await press(page, 'yidu-a11y-bar', '[data-item=textOnly]');
  await page.waitForFunction(() => document.querySelector('yidu-a11y-bar').shadowRoot
    .querySelector('[data-item=textOnly]').getAttribute('aria-pressed') === 'true');
  await press(page, 'yidu-a11y-bar', '[data-item=reset]');
  await page.waitForFunction((b) => getComputedStyle(document.querySelector('#main h3 + p')).color === b, before);
  await press(page, 'yidu-a11y-bar', '[data-item=exit]');
  await page.waitForFunction(() => !document.querySelector('yidu-a11y-bar')?.isConnected ||
    document.querySelector('yidu-a11y-bar').getBoundingClientRect().height === 0);
}

const only = process.env.YIDU_OLD_KERNELS?.split(',');
for (const [alias, major] of Object.entries(OLD_KERNELS).filter(([a]) => !only || only.includes(a))) {
  test(`Chromium ${major}: 文字大小, 长者模式, 简繁, 打印文章, 扫一扫, 智能问答, 下载Word/PDF${major >= 88 ? ' and the 无障碍浏览 bar' : ''} work; nothing throws`,
    { timeout: 240000 }, async () => {
      const { browser, page, problems } = await open(alias);
      try {
        assert.equal(Number((await browser.version()).split('.')[0]), major);
        await coreFunctions(page);
        if (major >= 88) await assistiveBar(page);
        assert.deepEqual(problems.errors, []);
      } finally {
        await browser.close();
      }
    });
}

/** What a reader could notice of yidu: the page's markup, its adopted sheets, yidu's elements, saved state. */
const PAGE_STATE = () => ({
  html: document.documentElement.outerHTML,
  sheets: document.adoptedStyleSheets.length,
  shadows: [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).length,
  stored: Object.keys(localStorage),
});

/** The demo with yidu.js answered as an empty script: the page exactly as without yidu. */
async function withoutYidu(page) {
  await page.route('**/dist/yidu.js', (r) => r.fulfill({ contentType: 'text/javascript', body: '' }));
}

test('below support (a kernel without constructed stylesheets): the page is exactly as without yidu, with one warning', { timeout: 120000 }, async () => {
  const removeFeature = () => {
    delete Document.prototype.adoptedStyleSheets;
  };
  const bare = await open('chromium-83', '/demo/index.html', { before: removeFeature, route: withoutYidu });
  const old = await open('chromium-83', '/demo/index.html', { before: removeFeature });
  try {
    await bare.page.waitForLoadState('load');
    await old.page.waitForLoadState('load');
    await old.page.waitForTimeout(1500);
    // (No adoptedStyleSheets to count in this simulated kernel.)
    const state = () => ({ html: document.documentElement.outerHTML, shadows: [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).length, stored: Object.keys(localStorage) });
    const [expected, actual] = await Promise.all([bare.page.evaluate(state), old.page.evaluate(state)]);
    assert.deepEqual(actual, expected);
    assert.deepEqual(old.problems.errors, []);
    assert.deepEqual(old.problems.warnings, ['[yidu] browser too old; page left as is']);
  } finally {
    await bare.browser.close();
    await old.browser.close();
  }
});

test('below support (a kernel that cannot parse the module): the page is exactly as without yidu, with one warning', { timeout: 120000 }, async () => {
  // Logical assignment is Chromium 85+: in 83 the module fails to parse, as a newer build's syntax would in an older kernel.
  const tooNew = (page) => page.route('**/dist/yidu.mjs', (r) => r.fulfill({ contentType: 'text/javascript', body: 'let a = null; a ??= document.body.append("yidu");' }));
  const bare = await open('chromium-83', '/demo/index.html', { route: withoutYidu });
  const old = await open('chromium-83', '/demo/index.html', { route: tooNew });
  try {
    await old.page.waitForFunction(() => document.readyState === 'complete');
    await old.page.waitForTimeout(1500);
    const [expected, actual] = await Promise.all([bare.page.evaluate(PAGE_STATE), old.page.evaluate(PAGE_STATE)]);
    assert.deepEqual(actual, expected);
    assert.deepEqual(old.problems.errors, []);
    assert.deepEqual(old.problems.warnings, ['[yidu] browser too old; page left as is']);
  } finally {
    await bare.browser.close();
    await old.browser.close();
  }
});
