/**
 * 扫一扫: <yidu-qr> in real browsers. The codes are decoded with jsQR from what the element really drew (its
 * SVG, rasterised on a canvas), so a code that does not scan, or scans to another address, fails.
 */
import { expect } from 'chai';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { axe, inYidu } from './axe-helpers.js';
import { buttons, closeAll, openPage, ready, settle, waitFor, type TestPage } from './helpers.js';
import { decodeImage, decodeSvg } from './qr-decode.js';

const FIXTURE = '/test/fixtures/qr-page.html';
const frames: HTMLIFrameElement[] = [];

interface FixturePage extends TestPage {
  violations: string[];
  /** Requests under this prefix are this page's alone (see scripts/network-faults.mjs). */
  fresh: string;
}

/** A fixture page at a real address (pushState and canonical links need one). */
async function openFixture(path = FIXTURE, { width = 800, height = 600 } = {}): Promise<FixturePage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:${height}px;border:0;display:block`;
  // Its own copy of every file: the browser fetches yidu and its chunks anew for this page.
  const fresh = `/fresh/${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  frame.src = fresh + path;
  frames.push(frame);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FixturePage['win'];
  const captured = win as unknown as { __warnings: string[]; __errors: string[]; __violations: string[] };
  const page = {
    frame,
    win,
    doc: frame.contentDocument!,
    key: '',
    fresh,
    get warnings() { return captured.__warnings; },
    get errors() { return captured.__errors; },
    get violations() { return captured.__violations; },
  };
  await ready(page);
  return page;
}

/** Adds markup to the fixture page (yidu elements upgrade as they arrive). */
async function add(page: TestPage, markup: string, where = '#slot'): Promise<void> {
  const range = page.doc.createRange();
  range.selectNodeContents(page.doc.querySelector(where)!);
  page.doc.querySelector(where)!.append(range.createContextualFragment(markup));
  await settle(page);
}

const qr = (page: TestPage, sel = 'yidu-qr') => page.doc.querySelector(sel)!;
const root = (host: Element) => host.shadowRoot!;
const launcher = (host: Element) => root(host).querySelector<HTMLButtonElement>('button[aria-expanded]')!;
const panel = (host: Element) => root(host).querySelector<HTMLElement>('#panel');
const code = (host: Element) => root(host).querySelector<SVGSVGElement>('svg[part=code]');
const urlText = (host: Element) => root(host).querySelector('[part=url]')?.textContent ?? null;
const isOpen = (host: Element) => launcher(host).getAttribute('aria-expanded') === 'true' && !!code(host);
const shown = (el: Element | null) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';
/** The element that really has focus, through shadow roots. */
function deepActive(doc: Document): Element | null {
  let a: Element | null = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
const chunks = (page: TestPage) =>
  (page.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.includes('/dist/chunks/'));

/**
 * Browsers dispatch scroll and resize events in their rendering steps, which a test tab in the background
 * (tests run side by side) does not run; dispatch the event as that step would.
 */
function rendered(page: TestPage, type: 'scroll' | 'resize'): void {
  if (page.doc.visibilityState === 'hidden') page.win.dispatchEvent(new Event(type));
}

/** Keyboard tests: this tab in front (see scripts/foreground.mjs) and the page focused, so real keys reach it. */
async function focusPage(page: TestPage): Promise<void> {
  await executeServerCommand('yidu-foreground', { take: true });
  page.frame.focus();
  page.win.focus();
}

async function open(page: TestPage, host = qr(page)): Promise<void> {
  launcher(host).click();
  await waitFor(() => isOpen(host), 'the QR popover');
  await settle(page);
}

const decoded = async (host: Element) => decodeSvg(code(host)!);

/** Arms a failure or delay for the next request of this page's QR chunk. */
const fault = (page: FixturePage, payload: { status?: number; delay?: number }) =>
  executeServerCommand('yidu-network-fault', { prefix: `${page.fresh}/dist/chunks/qr-panel-`, ...payload });

describe('<yidu-qr>', function () {
  this.timeout(30000);
  afterEach(async () => {
    await executeServerCommand('yidu-foreground', { take: false });
    for (const f of frames.splice(0)) f.remove();
    closeAll();
    await resetMouse();
  });

  it('loads nothing before the first opening; then the code and positioning chunks, from its own origin only', async () => {
    const page = await openFixture();
    await add(page, '<yidu-qr></yidu-qr>');
    await new Promise((r) => setTimeout(r, 200));
    expect(chunks(page)).to.deep.equal([]);
    await open(page);
    const loaded = chunks(page);
    expect(loaded.some((p) => /\/qr-panel-[\w-]+\.js$/.test(p)), loaded.join()).to.equal(true);
    expect(loaded.some((p) => /\/qr-position-[\w-]+\.js$/.test(p)), loaded.join()).to.equal(true);
    // No address ever leaves the device: every request the page made is to its own origin.
    const all = (page.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => e.name);
    expect(all.filter((n) => new URL(n).origin !== location.origin)).to.deep.equal([]);
    expect(page.errors).to.deep.equal([]);
  });

  it('the code decodes to the page address; it is large, crisp, has a quiet zone and a text alternative', async () => {
    const page = await openFixture();
    await add(page, '<yidu-qr></yidu-qr>');
    const host = qr(page);
    await open(page);
    const href = page.win.location.href;
    expect(await decoded(host)).to.equal(href);
    const svg = code(host)!;
    const box = svg.getBoundingClientRect();
    expect(box.width).to.be.at.least(160);
    expect(box.height).to.equal(box.width);
    const [x, y, w] = svg.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number];
    expect([x, y]).to.deep.equal([-4, -4]);
    // Whole CSS px per module: module edges fall on pixel boundaries.
    expect(Number.isInteger(box.width / w), `${box.width} px for ${w} modules`).to.equal(true);
    expect(svg.getAttribute('shape-rendering')).to.equal('crispEdges');
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal(`本页地址的二维码：${href}`);
    expect(urlText(host)).to.equal(href);
    expect(shown(root(host).querySelector('[part=url]'))).to.equal(true);
  });

  it('Enter and Space open it; focus moves into the labelled dialog; Tab stays sensible; Esc closes and returns focus', async () => {
    const page = await openFixture();
    await add(page, '<yidu-qr></yidu-qr>');
    const host = qr(page);
    const b = launcher(host);
    await focusPage(page);
    b.focus();
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => isOpen(host), 'opened with Enter');
    const dialog = panel(host)!;
    expect(dialog.getAttribute('role')).to.equal('dialog');
    expect(root(host).getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal('用手机扫码打开本页');
    expect(b.getAttribute('aria-controls')).to.equal('panel');
    expect(deepActive(page.doc)).to.equal(dialog);
    await sendKeys({ press: 'Tab' });
    expect(deepActive(page.doc)!.textContent).to.equal('保存二维码图片');
    await sendKeys({ press: 'Tab' });
    expect(deepActive(page.doc)!.textContent).to.equal('关闭');
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 2; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    // Back on the button: still open.
    expect(deepActive(page.doc)).to.equal(b);
    expect(isOpen(host)).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await settle(page);
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    expect(shown(panel(host))).to.equal(false);
    expect(deepActive(page.doc)).to.equal(b);

    await sendKeys({ press: ' ' });
    await waitFor(() => isOpen(host), 'opened with Space');
    expect(shown(panel(host))).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await settle(page);
    expect(deepActive(page.doc)).to.equal(b);

    // 关闭 closes and returns focus too.
    await sendKeys({ press: 'Enter' });
    await waitFor(() => isOpen(host), 'opened again');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settle(page);
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    expect(deepActive(page.doc)).to.equal(b);
  });

  it('tabbing out of the popover closes it and focus goes on to the page', async () => {
    const page = await openFixture();
    await add(page, '<yidu-qr></yidu-qr>');
    const host = qr(page);
    await focusPage(page);
    launcher(host).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => isOpen(host), 'opened');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await settle(page);
    expect(deepActive(page.doc)!.id).to.equal('after');
    expect(launcher(host).getAttribute('aria-expanded')).to.equal('false');
    expect(shown(panel(host))).to.equal(false);
  });

  it('keys typed elsewhere reach the site: Esc is not swallowed', async () => {
    const page = await openFixture();
    await add(page, '<yidu-qr></yidu-qr>');
    const seen: string[] = [];
    page.doc.addEventListener('keydown', (e) => seen.push(`${e.key}:${e.defaultPrevented}`));
    await open(page);
    await focusPage(page);
    await sendKeys({ press: 'Escape' });
    await settle(page);
    expect(seen).to.deep.equal(['Escape:false']);
  });

  it('a click outside closes it; the site still gets the click; focus returns to the button or stays where the reader put it', async () => {
    const page = await openFixture();
    await add(page, '<yidu-qr></yidu-qr>');
    const host = qr(page);
    let siteClicks = 0;
    page.doc.querySelector('#site-button')!.addEventListener('click', (e) => {
      siteClicks++;
      expect(e.defaultPrevented).to.equal(false);
    });
    let documentClicks = 0;
    page.doc.addEventListener('click', () => documentClicks++);
    const clickAt = async (el: Element) => {
      const f = page.frame.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(f.left + r.left + r.width / 2), Math.round(f.top + r.top + r.height / 2)] });
      await settle(page);
    };
    // Clicks inside the popover keep it open.
    await open(page);
    await clickAt(root(host).querySelector('[part=url]')!);
    expect(isOpen(host)).to.equal(true);
    // On plain text: closes, focus back on the button.
    await clickAt(page.doc.querySelector('#text')!);
    expect(launcher(host).getAttribute('aria-expanded')).to.equal('false');
    expect(deepActive(page.doc)).to.equal(launcher(host));
    // On a site button: closes, the site's handler runs, and focus stays on what the reader clicked.
    await open(page);
    await clickAt(page.doc.querySelector('#site-button')!);
    expect(launcher(host).getAttribute('aria-expanded')).to.equal('false');
    expect(siteClicks).to.equal(1);
    expect(documentClicks).to.be.at.least(3);
    expect(deepActive(page.doc)!.id).to.equal('site-button');
    expect(page.errors).to.deep.equal([]);
  });

  it('stays in the viewport: flips above a button near the bottom, shifts left near the right edge, follows scrolling and resizing', async () => {
    const page = await openFixture(FIXTURE, { width: 600, height: 500 });
    await add(page, `<div style="height:1500px"></div>`, 'main');
    await add(page, '<yidu-qr id="low" style="position:fixed;bottom:8px;left:8px"></yidu-qr>', 'main');
    await add(page, '<yidu-qr id="right" style="position:absolute;top:100px;right:4px"></yidu-qr>', 'main');
    const within = (r: DOMRect) =>
      r.left >= 0 && r.top >= 0 && r.right <= page.win.innerWidth + 0.5 && r.bottom <= page.win.innerHeight + 0.5;

    const low = qr(page, '#low');
    await open(page, low);
    await waitFor(() => panel(low)!.getBoundingClientRect().bottom <= launcher(low).getBoundingClientRect().top, 'flipped above');
    expect(within(panel(low)!.getBoundingClientRect()), JSON.stringify(panel(low)!.getBoundingClientRect())).to.equal(true);
    await sendKeys({ press: 'Escape' });
    launcher(low).blur();

    const right = qr(page, '#right');
    await open(page, right);
    await waitFor(() => within(panel(right)!.getBoundingClientRect()), 'shifted into the viewport');
    // Below its button (there is room), and moved left of the button's left edge.
    const p = panel(right)!.getBoundingClientRect();
    const b = launcher(right).getBoundingClientRect();
    expect(p.top).to.be.at.least(b.bottom);
    expect(p.left).to.be.below(b.left);
    // Scrolling: it follows its button.
    const gap = () => panel(right)!.getBoundingClientRect().top - launcher(right).getBoundingClientRect().bottom;
    const before = gap();
    page.win.scrollBy(0, 40);
    rendered(page, 'scroll');
    await waitFor(() => Math.abs(gap() - before) < 1 && launcher(right).getBoundingClientRect().top < b.top - 30, 'following the scroll');
    // Resizing: still inside.
    page.frame.style.width = '420px';
    rendered(page, 'resize');
    await waitFor(() => within(panel(right)!.getBoundingClientRect()), 'inside after resizing');
    // Closing stops following: the popover is gone and no longer positioned.
    await sendKeys({ press: 'Escape' });
    await settle(page);
    expect(shown(panel(right))).to.equal(false);
    expect(deepActive(page.doc)).to.equal(launcher(right));
    const top = panel(right)!.style.top;
    page.win.scrollBy(0, 60);
    page.frame.style.width = '500px';
    rendered(page, 'scroll');
    rendered(page, 'resize');
    await new Promise((r) => setTimeout(r, 300));
    expect(panel(right)!.style.top).to.equal(top);
    // Opening again positions it afresh.
    await open(page, right);
    await waitFor(() => panel(right)!.style.top !== top, 'positioned again');
  });

  it('fits a small viewport (a phone held sideways, 400% zoom): inside it, scrolling within itself', async () => {
    const page = await openFixture(FIXTURE, { width: 320, height: 256 });
    await add(page, '<yidu-qr style="position:fixed;top:4px;left:4px"></yidu-qr>', 'main');
    const host = qr(page);
    await open(page);
    const inside = () => {
      const r = panel(host)!.getBoundingClientRect();
      return r.left >= 0 && r.top >= 0 && r.right <= page.win.innerWidth + 0.5 && r.bottom <= page.win.innerHeight + 0.5;
    };
    await waitFor(inside, 'the popover inside a 320×256 viewport');
    const p = panel(host)!;
    expect(p.scrollHeight).to.be.above(p.clientHeight);
    expect(getComputedStyle(p).overflowY).to.equal('auto');
  });

  it('uses a same-page canonical link, a cross-origin https one, but never a javascript: one', async () => {
    const page = await openFixture();
    await add(page, '<yidu-qr></yidu-qr>');
    const host = qr(page);
    const link = page.doc.createElement('link');
    link.rel = 'canonical';
    link.href = '/reports/2025/annual.html?from=qr';
    page.doc.head.append(link);
    await open(page);
    expect(await decoded(host)).to.equal(`${location.origin}/reports/2025/annual.html?from=qr`);
    launcher(host).click();
    link.href = 'https://www.example.gov.cn/2025/report.html';
    await open(page);
    expect(await decoded(host)).to.equal('https://www.example.gov.cn/2025/report.html');
    launcher(host).click();
    link.setAttribute('href', 'javascript:alert(1)');
    await open(page);
    expect(await decoded(host)).to.equal(page.win.location.href);
  });

  it('follows single-page navigation (pushState, popstate, hash) and ignores a canonical link the app left behind', async () => {
    const page = await openFixture();
    const link = page.doc.createElement('link');
    link.rel = 'canonical';
    link.href = `${location.origin}${FIXTURE}`;
    page.doc.head.append(link);
    await add(page, '<yidu-qr></yidu-qr><yidu-qr mode="inline" id="inline"></yidu-qr>');
    const host = qr(page);
    const inline = qr(page, '#inline');
    await waitFor(() => !!code(inline), 'the inline code');
    await open(page);
    expect(await decoded(host)).to.equal(`${location.origin}${FIXTURE}`);
    expect(FIXTURE).not.to.equal(page.win.location.pathname);
    launcher(host).click();

    page.win.history.pushState({}, '', '/test/fixtures/qr-page.html?article=2');
    await open(page);
    expect(await decoded(host)).to.equal(`${location.origin}/test/fixtures/qr-page.html?article=2`);
    launcher(host).click();

    // An app that updates its canonical link is believed again.
    page.win.history.pushState({}, '', '/test/fixtures/qr-page.html?article=3');
    link.href = `${location.origin}/articles/3`;
    await open(page);
    expect(await decoded(host)).to.equal(`${location.origin}/articles/3`);
    launcher(host).click();
    link.remove();

    // Back (popstate) and a hash change update a code that is showing.
    page.win.history.back();
    await waitFor(() => urlText(inline) === `${location.origin}/test/fixtures/qr-page.html?article=2`, 'popstate in the inline code');
    page.win.location.hash = '#section-2';
    await waitFor(() => urlText(inline)!.endsWith('#section-2'), 'hashchange in the inline code');
    await settle(page);
    expect(await decoded(inline)).to.equal(`${location.origin}/test/fixtures/qr-page.html?article=2#section-2`);
  });

  it('the qrUrl config and the url attribute choose the address; a bad one warns once and falls back', async () => {
    const page = await openFixture();
    page.win.Yidu.configure({ qrUrl: 'https://m.example.gov.cn/r/2025' } as never);
    await add(page, '<yidu-qr></yidu-qr><yidu-qr id="attr" url="/mobile/report.html"></yidu-qr><yidu-qr id="bad" url="javascript:alert(1)"></yidu-qr>');
    await open(page);
    expect(await decoded(qr(page))).to.equal('https://m.example.gov.cn/r/2025');
    launcher(qr(page)).click();
    await open(page, qr(page, '#attr'));
    expect(await decoded(qr(page, '#attr'))).to.equal(`${location.origin}/mobile/report.html`);
    launcher(qr(page, '#attr')).click();
    await open(page, qr(page, '#bad'));
    expect(await decoded(qr(page, '#bad'))).to.equal(page.win.location.href);
    expect(page.warnings.filter((w) => w.includes('<yidu-qr url="javascript:alert(1)">'))).to.have.length(1);
    page.win.Yidu.configure({ qrUrl: 'ftp://example.com/x' } as never);
    expect(page.warnings.some((w) => /invalid value "ftp:\/\/example.com\/x" for "qrUrl".*an http\(s\) address/.test(w))).to.equal(true);
  });

  it('an address too long for a scannable code gets a clear message and the address as text, never a broken code', async () => {
    const page = await openFixture();
    const long = `https://www.example.gov.cn/search?q=${'x'.repeat(3000)}`;
    await add(page, `<yidu-qr url="${long}"></yidu-qr>`);
    const host = qr(page);
    launcher(host).click();
    await waitFor(() => !!root(host).querySelector('[role=alert]'), 'the message');
    expect(root(host).querySelector('[role=alert]')!.textContent).to.equal('本页地址太长，无法生成可扫描的二维码。请复制下面的地址。');
    expect(code(host)).to.equal(null);
    expect(urlText(host)).to.equal(long);
    expect(buttons(host).map((b) => b.textContent!.trim())).to.deep.equal(['扫一扫在手机打开当前页', '关闭']);
    // A long address that still fits makes a code that scans.
    launcher(host).click();
    const fits = `https://www.example.gov.cn/search?q=${'y'.repeat(600)}`;
    host.setAttribute('url', fits);
    await open(page);
    expect(await decoded(host)).to.equal(fits);
  });

  it('mode="inline" shows the code in place, without a button or the positioning chunk', async () => {
    const page = await openFixture();
    await add(page, '<yidu-qr mode="inline"></yidu-qr>');
    const host = qr(page);
    await waitFor(() => !!code(host), 'the inline code');
    await settle(page);
    expect(launcher(host)).to.equal(null);
    const box = panel(host)!;
    expect(box.getAttribute('role')).to.equal('group');
    expect(box.getAttribute('aria-labelledby')).to.equal('title');
    expect(shown(box)).to.equal(true);
    expect(getComputedStyle(box).position).to.equal('static');
    expect(await decoded(host)).to.equal(page.win.location.href);
    expect(chunks(page).some((p) => p.includes('/qr-position-'))).to.equal(false);
    expect(buttons(host).map((b) => b.textContent!.trim())).to.deep.equal(['保存二维码图片']);
  });

  it('saves the code as a PNG made on the device, which scans', async () => {
    const page = await openFixture();
    await add(page, '<yidu-qr></yidu-qr>');
    const host = qr(page);
    const saved: { href: string; download: string }[] = [];
    // Stands in for the browser's download: record what the element hands it.
    page.win.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    };
    await open(page);
    root(host).querySelector<HTMLButtonElement>('button:not([aria-expanded])')!.click();
    await waitFor(() => saved.length === 1, 'the download');
    expect(saved[0]!.download).to.equal('二维码-青禾县年度报告.png');
    expect(saved[0]!.href).to.match(/^blob:/);
    const blob = await (await fetch(saved[0]!.href)).blob();
    expect(blob.type).to.equal('image/png');
    const bitmap = await createImageBitmap(blob);
    expect(bitmap.width).to.be.at.least(512);
    expect(await decodeImage(bitmap, bitmap.width, bitmap.height)).to.equal(page.win.location.href);
  });

  it('shows a busy state while the chunk loads slowly', async () => {
    const page = await openFixture();
    await add(page, '<yidu-qr></yidu-qr>');
    const host = qr(page);
    await fault(page, { delay: 1500 });
    launcher(host).click();
    await waitFor(() => !!root(host).querySelector('.busy'), 'the busy state');
    const busy = root(host).querySelector('.busy');
    expect(busy?.textContent).to.equal('正在加载…');
    expect(shown(busy)).to.equal(true);
    await waitFor(() => isOpen(host), 'the popover after the slow load', 8000);
    expect(root(host).querySelector('.busy')).to.equal(null);
  });

  it('a failed chunk load says so politely, and the next click retries', async () => {
    const page = await openFixture();
    await add(page, '<yidu-qr></yidu-qr>');
    const host = qr(page);
    await fault(page, { status: 503 });
    launcher(host).click();
    await waitFor(() => !!root(host).querySelector('.loadFailed'), 'the failure message');
    const message = root(host).querySelector('.loadFailed')!;
    expect(message.textContent).to.equal('功能加载失败，请稍后重试。');
    // Said politely to screen-reader users too (the toolkit's polite live region).
    const live = () => page.doc.querySelector('yidu-live-region')?.shadowRoot?.querySelector('[role=status][aria-live=polite]')?.textContent ?? '';
    await waitFor(() => live() === '功能加载失败，请稍后重试。', 'the polite announcement');
    expect(shown(message)).to.equal(true);
    expect(launcher(host).getAttribute('aria-expanded')).to.equal('false');
    expect(page.errors.filter((e) => e.includes('could not load the QR code'))).to.have.length(1);
    await open(page);
    expect(root(host).querySelector('.loadFailed')).to.equal(null);
    expect(await decoded(host)).to.equal(page.win.location.href);
  });

  it('inline: a failed load offers 重试', async () => {
    const page = await openFixture();
    await fault(page, { status: 503 });
    await add(page, '<yidu-qr mode="inline"></yidu-qr>');
    const host = qr(page);
    await waitFor(() => !!root(host).querySelector('.loadFailed'), 'the failure message');
    buttons(host).find((b) => b.textContent === '重试')!.click();
    await waitFor(() => !!code(host), 'the code after retrying');
    expect(await decoded(host)).to.equal(page.win.location.href);
  });

  it('works under a strict Content-Security-Policy with Trusted Types (code, positioning and the PNG)', async () => {
    const page = await openFixture('/test/fixtures/qr-csp.html');
    const host = qr(page);
    const saved: string[] = [];
    page.win.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(this.href);
    };
    await open(page);
    expect(await decoded(host)).to.equal(page.win.location.href);
    root(host).querySelector<HTMLButtonElement>('button:not([aria-expanded])')!.click();
    await waitFor(() => saved.length === 1, 'the download');
    const bitmap = await createImageBitmap(await (await fetch(saved[0]!)).blob());
    expect(await decodeImage(bitmap, bitmap.width, bitmap.height)).to.equal(page.win.location.href);
    expect(page.violations).to.deep.equal([]);
    expect(page.errors).to.deep.equal([]);
  });

  it('targets are at least 44×44, and 60×60 in 长者模式', async () => {
    const page = await openFixture();
    await add(page, '<yidu-qr></yidu-qr>');
    const host = qr(page);
    await open(page);
    for (const [elder, min] of [[false, 44], [true, 60]] as const) {
      page.win.Yidu.prefs.set({ elder });
      await settle(page);
      for (const b of buttons(host)) {
        const r = b.getBoundingClientRect();
        expect(Math.min(r.width, r.height), `${b.textContent} elder=${elder}`).to.be.at.least(min);
      }
    }
    page.win.Yidu.prefs.reset();
  });

  it('labels follow the page script and the reader’s 繁體 choice; English pages get English', async () => {
    const zh = await openFixture();
    await add(zh, '<yidu-qr></yidu-qr>');
    zh.win.Yidu.prefs.set({ zh: 'hant' });
    await open(zh);
    expect(root(qr(zh)).querySelector('#title')!.textContent).to.equal('用手機掃描開啟本頁');
    expect(buttons(qr(zh)).map((b) => b.textContent!.trim())).to.deep.equal(['掃一掃在手機開啟目前頁面', '儲存 QR 碼圖片', '關閉']);
    zh.win.Yidu.prefs.reset();
    const en = await openPage({ lang: 'en', body: '<yidu-qr url="https://example.org/report"></yidu-qr>' });
    await open(en);
    expect(buttons(qr(en)).map((b) => b.textContent!.trim())).to.deep.equal(['Scan to open this page on a phone', 'Save QR code image', 'Close']);
    expect(code(qr(en))!.getAttribute('aria-label')).to.equal('QR code of this page’s address: https://example.org/report');
  });

  it('a page without an address a phone can open says so', async () => {
    const page = await openPage({ body: '<yidu-qr></yidu-qr>' });
    const host = qr(page);
    launcher(host).click();
    await waitFor(() => !!root(host).querySelector('[role=alert]'), 'the message');
    expect(root(host).querySelector('[role=alert]')!.textContent).to.equal('本页没有可在手机上打开的地址。');
    expect(code(host)).to.equal(null);
  });

  it('is in <yidu-toolbar>', async () => {
    const page = await openPage({ body: '<main><p>正文</p></main>' });
    const bar = page.doc.querySelector('yidu-toolbar')!;
    expect(bar.shadowRoot!.querySelector('yidu-qr')).not.to.equal(null);
  });

  describe('axe-core with the popover open', () => {
    for (const [name, prefs] of [['default', {}], ['长者模式', { elder: true }], ['繁體', { zh: 'hant' }]] as const) {
      it(`finds nothing in yidu's UI (${name}, popover and inline, too-long message)`, async () => {
        const page = await openFixture();
        page.win.Yidu.prefs.set(prefs);
        await add(page, `<yidu-qr></yidu-qr><yidu-qr mode="inline"></yidu-qr><yidu-qr id="long" url="https://example.org/?q=${'z'.repeat(3000)}"></yidu-qr>`);
        await waitFor(() => !!code(qr(page, '[mode=inline]')), 'the inline code');
        await open(page);
        let ours = inYidu(await axe(page));
        expect(ours, ours.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`).join('\n')).to.deep.equal([]);
        launcher(qr(page)).click();
        launcher(qr(page, '#long')).click();
        await waitFor(() => !!root(qr(page, '#long')).querySelector('[role=alert]'), 'the too-long message');
        ours = inYidu(await axe(page));
        expect(ours, ours.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`).join('\n')).to.deep.equal([]);
        page.win.Yidu.prefs.reset();
      });
    }
  });
});
