/**
 * Lifecycle: yidu loaded twice (same file, and a second copy from another address), in <head> before <body>
 * exists, async or defer; its elements removed and put back; and 1,000 toggles of every mode — no errors,
 * and nothing grows: event listeners on long-lived targets, observers, elements, and in Chromium (DevTools
 * counters after forced garbage collection) JS event listeners, DOM nodes and the JS heap.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { button, closeAll, openPage, pageHtml, px, settle, uniqueKey, waitFor, TEMPLATE_BODY, TEMPLATE_CSS, type PageOptions, type TestPage } from './helpers.js';

/** Every mode on, checked, then everything off: the page is back as it was. */
async function exercise(page: TestPage): Promise<void> {
  const { win, doc } = page;
  const before = doc.body.outerHTML;
  const p1 = doc.querySelector('#p1')!;
  win.Yidu.prefs.set({ fontSize: 'large' });
  await settle(page);
  expect(px(p1, 'font-size'), '文字大小 大, applied once').to.be.closeTo(17.5, 0.01);
  win.Yidu.prefs.set({ elder: true, colors: 'white-on-black', pageZoom: 1.5, caption: true, a11yBar: true, guide: 'line' });
  await win.Yidu.zh.set('hant');
  await waitFor(() => !!doc.querySelector('yidu-a11y-bar') && !!doc.querySelector('yidu-caption'), 'the bar and the caption strip');
  expect(doc.querySelector('#p2')!.textContent).to.equal('依申請公開工作規範有序，全年共收到申請四十二件，均在法定期限內答覆。');
  expect(px(p1, 'font-size')).to.be.at.least(18 * 1.25 - 0.01);
  win.Yidu.prefs.set({ textOnly: true });
  await waitFor(() => !!doc.querySelector('yidu-text-view'), 'the text view');
  win.Yidu.prefs.reset();
  await win.Yidu.zh.set('auto' as 'hans');
  await waitFor(() => doc.adoptedStyleSheets.length === 0 && !doc.querySelector('yidu-a11y-bar,yidu-caption,yidu-text-view'), 'everything off');
  await settle(page);
  expect(doc.body.outerHTML).to.equal(before);
  expect(doc.querySelectorAll('yidu-toolbar'), 'one toolbar').to.have.length(1);
  expect(doc.querySelectorAll('yidu-live-region'), 'one live region').to.have.length(1);
  expect(page.errors).to.deep.equal([]);
  expect(page.warnings).to.deep.equal([]);
}

const page = (o: Partial<PageOptions>) => openPage({ head: TEMPLATE_CSS, body: TEMPLATE_BODY, script: 'data-content="#zoom"', ...o });

describe('lifecycle: how yidu is loaded', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('in <head> before <body> exists', async () => {
    const p = await page({ scriptIn: 'head' });
    await exercise(p);
  });

  it('async in <head>', async () => {
    const p = await page({ scriptIn: 'head', script: 'data-content="#zoom" async' });
    await exercise(p);
  });

  it('defer in <head>', async () => {
    const p = await page({ scriptIn: 'head', script: 'data-content="#zoom" defer' });
    await exercise(p);
  });

  it('twice: the same file, and a second copy from another address (another module instance)', async () => {
    const key = uniqueKey();
    const fresh = `/fresh/${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
    const p = await page({
      storageKey: key,
      body: TEMPLATE_BODY + `<script src="/dist/yidu.js" data-storage-key="${key}" data-content="#zoom"></script>` +
        `<script src="${fresh}/dist/yidu.js" data-storage-key="${key}" data-content="#zoom"></script>`,
    });
    // Both copies have run.
    await waitFor(() => p.win.performance.getEntriesByType('resource').some((e) => e.name.endsWith(`${fresh}/dist/yidu.mjs`)), 'the second copy');
    await new Promise((r) => setTimeout(r, 100));
    await exercise(p);
  });

  it('added by the site\'s own script after the page has loaded', async () => {
    const key = uniqueKey();
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:800px;height:600px;border:0';
    // The page without the script tag; it is added once the page has loaded.
    frame.srcdoc = pageHtml({ head: TEMPLATE_CSS, body: TEMPLATE_BODY }, key).replace(/<script src="\/dist\/yidu\.js"[^>]*><\/script>/, '');
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as TestPage['win'];
    const s = win.document.createElement('script');
    Object.assign(s.dataset, { storageKey: key, content: '#zoom' });
    s.src = '/dist/yidu.js';
    win.document.body.append(s);
    const p: TestPage = {
      frame, win, doc: win.document, key,
      get warnings() { return (win as unknown as { __warnings: string[] }).__warnings; },
      get errors() { return (win as unknown as { __errors: string[] }).__errors; },
    };
    await waitFor(() => win.Yidu !== undefined, 'yidu');
    await win.Yidu.ready;
    await settle(p);
    try {
      await exercise(p);
    } finally {
      frame.remove();
    }
  });
});

describe('lifecycle: elements removed and put back', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('show the current state again, answer one click once, and leave nothing open behind', async () => {
    const p = await openPage({
      head: TEMPLATE_CSS,
      body: `<div id="slot"><yidu-elder-toggle></yidu-elder-toggle><yidu-font-size></yidu-font-size><yidu-qr></yidu-qr></div>${TEMPLATE_BODY}`,
      script: 'data-content="#zoom"',
    });
    const slot = p.doc.querySelector('#slot')!;
    const elder = p.doc.querySelector('yidu-elder-toggle')!;
    const size = p.doc.querySelector('yidu-font-size')!;
    const qr = p.doc.querySelector('yidu-qr')!;
    for (let i = 0; i < 20; i++) {
      elder.remove();
      size.remove();
      await settle(p);
      // Changed while the elements were out of the page.
      p.win.Yidu.prefs.set({ elder: i % 2 === 0, fontSize: i % 2 === 0 ? 'large' : 'small' });
      slot.append(elder, size);
      await settle(p);
      expect(button(elder, '长者模式').getAttribute('aria-pressed')).to.equal(i % 2 === 0 ? 'true' : 'false');
      expect(button(size, i % 2 === 0 ? '大' : '小').getAttribute('aria-pressed')).to.equal('true');
    }
    // One click, one change (no listener was added twice).
    const was = p.win.Yidu.prefs.get().elder;
    button(elder, '长者模式').click();
    await settle(p);
    expect(p.win.Yidu.prefs.get().elder).to.equal(!was);
    button(size, '中').click();
    await settle(p);
    expect(p.win.Yidu.prefs.get().fontSize).to.equal('medium');
    // The QR popover: taken out while open, it closes; put back, it opens again.
    const launcher = () => qr.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    launcher().click();
    await waitFor(() => launcher().getAttribute('aria-expanded') === 'true', 'the QR popover', 15000);
    qr.remove();
    await settle(p);
    expect(p.doc.querySelector(':popover-open'), 'nothing left in the top layer').to.equal(null);
    slot.append(qr);
    await settle(p);
    expect(launcher().getAttribute('aria-expanded')).to.equal('false');
    launcher().click();
    await waitFor(() => launcher().getAttribute('aria-expanded') === 'true', 'the QR popover again');
    launcher().click();
    p.win.Yidu.prefs.reset();
    await settle(p);
    expect(p.errors).to.deep.equal([]);
  });
});

describe('lifecycle: docking at the edges of the window', function () {
  this.timeout(60000);
  afterEach(async () => {
    await executeServerCommand('yidu-foreground', { take: false });
    closeAll();
  });

  it('the bar and the caption strip push the page without ResizeObserver loop errors, even when that toggles the scrollbar', async () => {
    // A page whose scrollbar comes and goes with the bar's height (one row, or two in 长者模式): docking
    // changes the padding, the scrollbar narrows or widens the bar, and the observer sees it again.
    const p = await openPage({
      head: `${TEMPLATE_CSS}<style>body{margin:0}#zoom{height:410px;overflow:hidden}</style>`,
      body: TEMPLATE_BODY, script: 'data-content="#zoom" data-toolbar="none"',
    });
    // Layout and observers run in the tab in front.
    await executeServerCommand('yidu-foreground', { take: true });
    const frames = () => new Promise((r) => setTimeout(r, 120));
    for (let i = 0; i < 6; i++) {
      p.win.Yidu.prefs.set({ a11yBar: true, caption: i % 2 === 0, elder: i % 3 === 0 });
      await frames();
      p.win.Yidu.prefs.set({ elder: i % 3 !== 0 });
      await frames();
      p.win.Yidu.prefs.set({ a11yBar: false, caption: false });
      await frames();
    }
    expect(p.errors).to.deep.equal([]);
  });
});

interface Counts {
  listeners: number;
  observers: number;
  elements: number;
  sheets: number;
  errors: number;
}
interface Measure {
  counts: Counts;
  metrics: { JSEventListeners: number; Nodes: number; JSHeapUsedSize: number; Documents: number } | null;
}

const lifecycle = (payload: Record<string, unknown>) => executeServerCommand('yidu-lifecycle', payload);

describe('lifecycle: 1,000 toggles of every mode', function () {
  this.timeout(600000);

  it('no errors, and no growth in listeners, observers, elements, nodes or heap', async () => {
    const url = new URL(`/test/fixtures/lifecycle.html?key=${encodeURIComponent(uniqueKey())}`, location.href).href;
    const id = (await lifecycle({ action: 'open', url })) as number;
    try {
      // Warm-up: every chunk loaded, every element defined, caches and compiled code in place.
      await lifecycle({ action: 'cycle', id, n: 10 });
      // Five cycles per command: the runner waits at most 20 s for a command's answer, which 25 cycles in
      // Firefox on a loaded 2-core machine exceeded (the whole run has no limit of that kind).
      const cycles = async (n: number) => {
        for (let done = 0; done < n; done += 5) await lifecycle({ action: 'cycle', id, n: 5 });
        return (await lifecycle({ action: 'measure', id })) as Measure;
      };
      // 500 cycles: each mode on and off 500 times (1,000 toggles), 简繁 1,000 times, elements out and back,
      // measured half way too: what a leak leaves grows with the number of toggles, in both halves alike.
      const start = (await lifecycle({ action: 'measure', id })) as Measure;
      const half = await cycles(250);
      const end = await cycles(250);
      console.log(`lifecycle counts: ${JSON.stringify([start, half, end])}`);
      expect(await lifecycle({ action: 'errors', id })).to.deep.equal([]);
      for (const m of [half, end]) expect(m.counts, 'listeners, observers, elements, stylesheets').to.deep.equal(start.counts);
      expect(end.counts.sheets).to.equal(0);
      if (start.metrics && half.metrics && end.metrics) {
        // A leak of one listener or node per toggle would add thousands; of one article copy, megabytes.
        for (const [a, b] of [[start, half], [half, end]] as const) {
          expect(b.metrics!.JSEventListeners - a.metrics!.JSEventListeners, 'JS event listeners').to.be.below(20);
          expect(b.metrics!.Nodes - a.metrics!.Nodes, 'DOM nodes').to.be.below(200);
          expect(b.metrics!.Documents - a.metrics!.Documents, 'documents').to.be.below(20);
        }
        expect(end.metrics.JSHeapUsedSize - half.metrics.JSHeapUsedSize, 'JS heap growth over the last 250 cycles (bytes)').to.be.below(500_000);
      }
    } finally {
      await lifecycle({ action: 'close', id });
    }
  });
});
